using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>What the Office enters for a measure, from the form or the API.</summary>
public sealed record MeasureInput(
    int? FieldOfActionId, string? Title, string? Description, string? Partners, MeasureStatus? Status, int? Progress, decimal? Weight,
    decimal? PlannedBudget, decimal? SpentBudget, DateOnly? StartDate, DateOnly? EndDate, string? Place, IReadOnlyList<int>? DistrictIds,
    IReadOnlyList<int>? UnitIds, CatalogueSourceKind? SourceKind, string? SourceText, bool IsPublic, LinkRef? SourceLink = null);

/// <summary>A dated status report as entered.</summary>
public sealed record StatusUpdateInput(DateOnly? Date, string? Text, MeasureStatus? NewStatus, int? NewProgress);


/// <summary>Progress of a catalogue node: weighted mean of its subtree's measures (discarded ones excluded).</summary>
public sealed record NodeProgress(int Percent, int Measures);

/// <summary>Measures of the catalogue (docs/domain.md#measures): validation, saving with optimistic concurrency, status updates, roll-up; shared by pages and API.</summary>
public sealed class Measures(AppDbContext db, CatalogueTree tree, TimeProvider time)
{
    /// <summary>What the form says when someone else saved the measure in between (the stored values are shown below it).</summary>
    public static FieldError ConflictMessage(Measure current) => current.UpdatedBy is { } who
        ? new("", "Diese Maßnahme wurde inzwischen von {0} geändert ({1:dd.MM.yyyy HH:mm}). Die aktuellen Werte stehen unten; Ihre Eingaben sind im Formular erhalten. Prüfen Sie sie und speichern Sie erneut.",
            who, CityTime.Local(current.UpdatedAt))
        : new("", "Diese Maßnahme wurde inzwischen von jemand anderem geändert ({0:dd.MM.yyyy HH:mm}). Die aktuellen Werte stehen unten; Ihre Eingaben sind im Formular erhalten. Prüfen Sie sie und speichern Sie erneut.",
            CityTime.Local(current.UpdatedAt));

    public static string StatusLabel(MeasureStatus status) => status switch
    {
        MeasureStatus.Proposed => "vorgeschlagen",
        MeasureStatus.Decided => "beschlossen",
        MeasureStatus.InProgress => "in Umsetzung",
        MeasureStatus.Implemented => "umgesetzt",
        MeasureStatus.Established => "verstetigt",
        MeasureStatus.Deferred => "zurückgestellt",
        _ => "verworfen",
    };

    /// <summary>Ids of a node and everything below it in today's catalogue; empty when the node is not in it.</summary>
    public async Task<HashSet<int>> SubtreeAsync(int nodeId, CancellationToken ct) =>
        (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).FirstOrDefault(n => n.Id == nodeId)?.SelfAndDescendants().Select(n => n.Id).ToHashSet() ?? [];

    /// <summary>Measures filtered by field (with its subtree), district and status.</summary>
    public async Task<IQueryable<Measure>> FilterAsync(bool publicOnly, int? field, int? district, MeasureStatus? status, CancellationToken ct)
    {
        var query = db.Measures.AsNoTracking();
        if (publicOnly)
        {
            query = query.Where(m => m.IsPublic);
        }

        if (field is { } f)
        {
            var ids = await SubtreeAsync(f, ct);
            query = query.Where(m => ids.Contains(m.FieldOfActionId));
        }

        if (district is { } d)
        {
            query = query.Where(m => m.Districts.Any(x => x.DistrictId == d));
        }

        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        return query;
    }

    /// <summary>
    /// The progress of every node of <paramref name="fields"/>: weighted mean of the progress of the measures in its subtree,
    /// measures with status verworfen left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, NodeProgress>> RollUpAsync(IReadOnlyList<CatalogueNode> fields, bool publicOnly, CancellationToken ct)
    {
        var query = db.Measures.AsNoTracking().Where(m => m.Status != MeasureStatus.Discarded);
        if (publicOnly)
        {
            query = query.Where(m => m.IsPublic);
        }

        var byNode = (await query.Select(m => new { m.FieldOfActionId, m.Progress, m.Weight }).ToListAsync(ct))
            .ToLookup(m => m.FieldOfActionId, m => (m.Progress, m.Weight));
        var result = new Dictionary<int, NodeProgress>();
        foreach (var node in fields.SelectMany(f => f.SelfAndDescendants()))
        {
            var measures = node.SelfAndDescendants().SelectMany(n => byNode[n.Id]).ToList();
            var weight = measures.Sum(m => m.Weight);
            if (measures.Count > 0 && weight > 0)
            {
                result[node.Id] = new NodeProgress((int)Math.Round(measures.Sum(m => m.Progress * m.Weight) / weight, MidpointRounding.AwayFromZero), measures.Count);
            }
        }

        return result;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes a measure; a change must name the version it was based on.</summary>
    public async Task<Outcome<Measure>> SaveAsync(int? id, int? basedOnVersion, MeasureInput input, CancellationToken ct)
    {
        Measure? measure = null;
        if (id is not null)
        {
            measure = await db.Measures.Include(m => m.Districts).Include(m => m.Units).FirstOrDefaultAsync(m => m.Id == id, ct);
            if (measure is null)
            {
                return Outcome<Measure>.NotFound();
            }
        }

        var errors = await ValidateAsync(input, ct);
        if (measure is not null && basedOnVersion is null)
        {
            errors.Add("Version", "Bitte geben Sie die Version an, auf der Ihre Änderung beruht.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (measure is not null && measure.Version != basedOnVersion)
        {
            return Outcome<Measure>.Conflict(measure);
        }

        if (measure is null)
        {
            measure = new Measure { Title = "" };
            db.Measures.Add(measure);
        }
        else
        {
            // The version read by the writer is what the database must still hold, or the save is refused.
            db.Entry(measure).Property(m => m.Version).OriginalValue = basedOnVersion!.Value;
            measure.Version = basedOnVersion.Value + 1;
        }

        Apply(measure, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Measures.AsNoTracking().Include(m => m.Districts).Include(m => m.Units).FirstAsync(m => m.Id == measure.Id, ct);
            return Outcome<Measure>.Conflict(current);
        }

        return Outcome<Measure>.Ok(measure);
    }

    /// <summary>Adds a status report; its new status and progress become the measure's.</summary>
    public async Task<Outcome> AddUpdateAsync(int measureId, StatusUpdateInput input, CancellationToken ct)
    {
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == measureId, ct);
        if (measure is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        var today = Shared.CityTime.Today(time);
        if (input.Date is not { } date)
        {
            errors.Add("UpdateDate", "Bitte geben Sie das Datum des Sachstands an.");
        }
        else if (measure.StartDate is { } start && date < start)
        {
            errors.Add("UpdateDate", "Der Sachstand kann nicht vor dem Beginn der Maßnahme am {0:dd.MM.yyyy} liegen.", start);
        }
        else if (date > today)
        {
            errors.Add("UpdateDate", "Das Datum darf nicht in der Zukunft liegen.");
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add("UpdateText", "Bitte beschreiben Sie den Sachstand.");
        }
        else if (input.Text.Trim().Length > 4000)
        {
            errors.Add("UpdateText", "Der Sachstand darf höchstens 4000 Zeichen lang sein.");
        }

        if (input.NewProgress is < 0 or > 100)
        {
            errors.Add("UpdateProgress", "Der Fortschritt muss zwischen 0 und 100 Prozent liegen.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.MeasureStatusUpdates.Add(new MeasureStatusUpdate
        {
            MeasureId = measureId, Date = input.Date!.Value, Text = input.Text!.Trim(), NewStatus = input.NewStatus, NewProgress = input.NewProgress,
            AuthorName = db.CurrentActorName(), RecordedAt = time.GetUtcNow(),
        });
        if (input.NewStatus is not null || input.NewProgress is not null)
        {
            measure.Status = input.NewStatus ?? measure.Status;
            measure.Progress = input.NewProgress ?? measure.Progress;
            measure.Version++;
            measure.UpdatedAt = time.GetUtcNow();
            measure.UpdatedBy = db.CurrentActorName();
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<FieldErrors> ValidateAsync(MeasureInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.FieldOfActionId is not { } field)
        {
            errors.Add("FieldOfActionId", "Bitte wählen Sie das Handlungsfeld.");
        }
        else if (!await db.FieldsOfAction.AnyAsync(f => f.Id == field && !f.IsRetired, ct))
        {
            errors.Add("FieldOfActionId", "Dieses Handlungsfeld gibt es im aktuellen Katalog nicht.");
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add("Title", "Bitte geben Sie einen Titel ein.");
        }
        else if (input.Title.Trim().Length > 300)
        {
            errors.Add("Title", "Der Titel darf höchstens 300 Zeichen lang sein.");
        }

        Limit(errors, "Description", input.Description, 8000, "Die Beschreibung darf höchstens {0} Zeichen lang sein.");
        Limit(errors, "Partners", input.Partners, 1000, "Die Angabe der Partner darf höchstens {0} Zeichen lang sein.");
        Limit(errors, "Place", input.Place, 300, "Der Ort darf höchstens {0} Zeichen lang sein.");
        Limit(errors, "SourceText", input.SourceText, 500, "Die Quelle darf höchstens {0} Zeichen lang sein.");
        if (input.Status is null)
        {
            errors.Add("Status", "Bitte wählen Sie den Status.");
        }

        if (input.Progress is not { } progress)
        {
            errors.Add("Progress", "Bitte geben Sie den Fortschritt in Prozent an.");
        }
        else if (progress is < 0 or > 100)
        {
            errors.Add("Progress", "Der Fortschritt muss zwischen 0 und 100 Prozent liegen.");
        }

        if (input.Weight is not { } weight || weight <= 0 || weight > 100)
        {
            errors.Add("Weight", "Das Gewicht muss größer als 0 und höchstens 100 sein.");
        }

        if (input.PlannedBudget is < 0 or > 1_000_000_000m)
        {
            errors.Add("PlannedBudget", "Das geplante Budget muss zwischen 0 und 1 Milliarde Euro liegen.");
        }

        if (input.SpentBudget is < 0 or > 1_000_000_000m)
        {
            errors.Add("SpentBudget", "Die verausgabten Mittel müssen zwischen 0 und 1 Milliarde Euro liegen.");
        }

        if (input.StartDate is { } s && input.EndDate is { } e && e < s)
        {
            errors.Add("EndDate", "Das Ende darf nicht vor dem Beginn liegen.");
        }

        var districts = input.DistrictIds ?? [];
        if (districts.Count > 0 && await db.Districts.CountAsync(d => districts.Contains(d.Id), ct) != districts.Distinct().Count())
        {
            errors.Add("DistrictIds", "Mindestens einen der gewählten Stadtbezirke gibt es nicht.");
        }

        var units = input.UnitIds ?? [];
        if (units.Count > 0 && await db.Organizations.CountAsync(o => units.Contains(o.Id) && o.Kind == OrganizationKind.Department, ct) != units.Distinct().Count())
        {
            errors.Add("UnitIds", "Mindestens eine der gewählten verantwortlichen Stellen gibt es nicht.");
        }

        if (input.SourceKind is null)
        {
            errors.Add("SourceKind", "Bitte wählen Sie die Art der Quelle.");
        }

        return errors;
    }

    private static void Limit(FieldErrors errors, string key, string? value, int max, string message)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(key, message, max);
        }
    }

    /// <summary>A new measure from valid input, added to the context but not saved (for imports that save all or nothing).</summary>
    public Measure Add(MeasureInput input)
    {
        var measure = new Measure { Title = "" };
        Apply(measure, input);
        db.Measures.Add(measure);
        return measure;
    }

    /// <summary>A status by its German label or its code name.</summary>
    public static MeasureStatus? ParseStatus(string text)
    {
        var clean = text.Trim();
        foreach (var status in Enum.GetValues<MeasureStatus>())
        {
            if (string.Equals(StatusLabel(status), clean, StringComparison.OrdinalIgnoreCase) || string.Equals(status.ToString(), clean, StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        return null;
    }

    private void Apply(Measure m, MeasureInput input)
    {
        m.FieldOfActionId = input.FieldOfActionId!.Value;
        m.Title = input.Title!.Trim();
        m.Description = Clean(input.Description);
        m.Partners = Clean(input.Partners);
        m.Status = input.Status!.Value;
        m.Progress = input.Progress!.Value;
        m.Weight = input.Weight!.Value;
        m.PlannedBudget = input.PlannedBudget;
        m.SpentBudget = input.SpentBudget;
        m.StartDate = input.StartDate;
        m.EndDate = input.EndDate;
        m.Place = Clean(input.Place);
        m.SourceKind = input.SourceKind!.Value;
        m.SourceText = Clean(input.SourceText);
        (m.SourceLinkKind, m.SourceLinkId) = (input.SourceLink?.Kind, input.SourceLink?.Id);
        m.IsPublic = input.IsPublic;
        m.UpdatedAt = time.GetUtcNow();
        m.UpdatedBy = db.CurrentActorName();
        var districts = (input.DistrictIds ?? []).Distinct().ToList();
        m.Districts.RemoveAll(d => !districts.Contains(d.DistrictId));
        m.Districts.AddRange(districts.Where(d => m.Districts.All(x => x.DistrictId != d)).Select(d => new MeasureDistrict { DistrictId = d }));
        var units = (input.UnitIds ?? []).Distinct().ToList();
        m.Units.RemoveAll(u => !units.Contains(u.OrganizationId));
        m.Units.AddRange(units.Where(u => m.Units.All(x => x.OrganizationId != u)).Select(u => new MeasureUnit { OrganizationId = u }));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
