using Masterplan.Algorithms;
using Masterplan.Algorithms.LabRotation;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>What the Office enters for the concept and the later steps of a lab.</summary>
public sealed record LabStepInput(
    string? ConceptPolitics, string? ConceptDigitalInput, string? ConceptParticipation, DateOnly? ConceptApprovedOn, string? ConceptApprovedBy,
    string? Categories, DateOnly? HeldOn, string? ResultsSummary, DateOnly? ReportedOn, string? ReportedTo);

/// <summary>What the Office enters for a lab held before the platform.</summary>
public sealed record PastLabInput(string? Title, string? District, DateOnly? HeldOn, string? ResultsSummary, DateOnly? ReportedOn, string? ReportedTo, string? Source);

/// <summary>Planning (rotation) and the state machine of a lab; every step is validated with German messages and audited.</summary>
public sealed class LabWorkflow(AppDbContext db, TimeProvider time)
{
    public const int PlanQuarters = 8;

    /// <summary>
    /// The next quarters as the rotation planner proposes them from the labs so far (001 "Handlungsfeld 4": one
    /// lab per quarter, each in another district; 004 §5: districts without a lab first).
    /// </summary>
    public async Task<IReadOnlyList<PlannedLab>> PlanAsync(CancellationToken ct)
    {
        var labs = await db.Labs.AsNoTracking().Select(l => new { l.District, l.Year, l.Quarter, l.HeldOn }).ToListAsync(ct);
        var current = Algorithms.LabRotation.Quarter.Of(CityTime.Today(time));
        var latest = labs.Count == 0 ? (Quarter?)null : labs.Select(l => new Quarter(l.Year, l.Quarter)).Max();
        var first = latest is { } q && q >= current ? q.AddQuarters(1) : current;
        var history = labs.Where(l => DortmundDistricts.Names.Contains(l.District))
            .Select(l => new PastLab(l.District, l.HeldOn is { } held && Algorithms.LabRotation.Quarter.Of(held) < first ? held : new Quarter(l.Year, l.Quarter).FirstDay));
        return RotationPlanner.Plan(DortmundDistricts.Names, history, first, PlanQuarters);
    }

    /// <summary>Creates a lab for a quarter of the plan; another district than proposed needs a reason, which is stored.</summary>
    public async Task<Outcome<NeighbourhoodLab>> CreateAsync(string? quarterText, string? district, string? title, string? overrideReason, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var plan = await PlanAsync(ct);
        PlannedLab? planned = null;
        if (!Algorithms.LabRotation.Quarter.TryParse(quarterText, out var quarter))
        {
            errors.Add("Quarter", "Bitte wählen Sie das Quartal.");
        }
        else if (await db.Labs.AnyAsync(l => l.Year == quarter.Year && l.Quarter == quarter.Number, ct))
        {
            // 001 "Handlungsfeld 4": one lab per quarter.
            errors.Add("Quarter", "Für das {0}. Quartal {1} ist schon ein Quartierslabor angelegt; je Quartal gibt es eines.", quarter.Number, quarter.Year);
        }
        else
        {
            planned = plan.FirstOrDefault(p => p.Quarter == quarter);
            if (planned is null)
            {
                errors.Add("Quarter", "Dieses Quartal liegt nicht im Plan der nächsten Quartale.");
            }
        }

        var chosen = DortmundDistricts.Names.FirstOrDefault(d => string.Equals(d, district?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            errors.Add("District", "Bitte wählen Sie einen der zwölf Stadtbezirke.");
        }

        var deviates = planned is not null && chosen is not null && chosen != planned.District;
        if (deviates && string.IsNullOrWhiteSpace(overrideReason))
        {
            errors.Add("OverrideReason", "Der Plan sieht für dieses Quartal {0} vor. Wenn Sie davon abweichen, geben Sie bitte den Grund an.", planned!.District);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("Title", "Bitte geben Sie einen Titel an.");
        }
        else if (title.Length > 300)
        {
            errors.Add("Title", "Der Titel darf höchstens 300 Zeichen lang sein.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var lab = new NeighbourhoodLab
        {
            Title = title!.Trim(), District = chosen!, Year = quarter.Year, Quarter = quarter.Number, State = LabState.Planned,
            PlanBasis = planned!.Reason, OverrideReason = deviates ? overrideReason!.Trim() : null, CreatedAt = time.GetUtcNow(),
        };
        db.Labs.Add(lab);
        db.AuditReason = lab.OverrideReason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone else created the quarter's lab a moment earlier (unique index).
            db.ChangeTracker.Clear();
            errors.Add("Quarter", "Für das {0}. Quartal {1} ist schon ein Quartierslabor angelegt; je Quartal gibt es eines.", quarter.Number, quarter.Year);
            return errors;
        }

        return Outcome<NeighbourhoodLab>.Ok(lab);
    }

    /// <summary>
    /// Records a lab held before the platform (004 §5: labs ran until 2024), so that the rotation planner counts it: its quarter
    /// follows from the day it was held; the state from what is known (held, results documented, reported). Several such labs
    /// may share a quarter: the record is taken as it was.
    /// </summary>
    public async Task<Outcome<NeighbourhoodLab>> RecordPastAsync(PastLabInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = CityTime.Today(time);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add("Past.Title", "Bitte geben Sie einen Titel an, zum Beispiel den Namen des Quartiers.");
        }
        else if (input.Title.Trim().Length > 300)
        {
            errors.Add("Past.Title", "Der Titel darf höchstens {0} Zeichen lang sein.", 300);
        }

        var district = DortmundDistricts.Names.FirstOrDefault(d => string.Equals(d, input.District?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (district is null)
        {
            errors.Add("Past.District", "Bitte wählen Sie einen der zwölf Stadtbezirke.");
        }

        if (input.HeldOn is not { } held)
        {
            errors.Add("Past.HeldOn", "Bitte geben Sie an, wann das Labor stattfand.");
        }
        else if (held > today)
        {
            errors.Add("Past.HeldOn", "Ein früheres Labor kann nicht in der Zukunft liegen; ein kommendes legen Sie oben aus dem Rotationsplan an.");
        }

        if (input.ReportedOn is { } reported && (reported > today || (input.HeldOn is { } h && reported < h)))
        {
            errors.Add("Past.ReportedOn", "Das Datum des Berichts muss zwischen dem Tag des Labors und heute liegen.");
        }

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            errors.Add("Past.Source", "Bitte nennen Sie die Quelle, aus der die Angaben stammen (etwa einen Bericht oder eine Drucksache).");
        }
        else if (input.Source.Trim().Length > 500)
        {
            errors.Add("Past.Source", "Die Quelle darf höchstens {0} Zeichen lang sein.", 500);
        }

        if (input.ResultsSummary?.Length > 8000)
        {
            errors.Add("Past.ResultsSummary", "Die Zusammenfassung darf höchstens {0} Zeichen lang sein.", 8000);
        }

        if (input.ReportedTo?.Length > 500)
        {
            errors.Add("Past.ReportedTo", "Die Angabe, wem berichtet wurde darf höchstens {0} Zeichen lang sein.", 500);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var quarter = Algorithms.LabRotation.Quarter.Of(input.HeldOn!.Value);
        var results = string.IsNullOrWhiteSpace(input.ResultsSummary) ? null : input.ResultsSummary.Trim();
        var lab = new NeighbourhoodLab
        {
            Title = input.Title!.Trim(), District = district!, Year = quarter.Year, Quarter = quarter.Number, HeldOn = input.HeldOn,
            State = input.ReportedOn is not null ? LabState.Reported : results is not null ? LabState.ResultsDocumented : LabState.Held,
            ResultsSummary = results, ReportedOn = input.ReportedOn,
            ReportedTo = string.IsNullOrWhiteSpace(input.ReportedTo) ? null : input.ReportedTo.Trim(),
            HistorySource = input.Source!.Trim(), CreatedAt = time.GetUtcNow(),
        };
        db.Labs.Add(lab);
        await db.SaveChangesAsync(ct);
        return Outcome<NeighbourhoodLab>.Ok(lab);
    }

    /// <summary>Saves the concept and the data of the later steps (without changing the state).</summary>
    public async Task<Outcome> SaveAsync(int id, LabStepInput input, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == id, ct);
        var errors = new FieldErrors();
        void Length(string key, string? value, int max, string message)
        {
            if (value is not null && value.Length > max)
            {
                errors.Add(key, message, max);
            }
        }

        Length("ConceptPolitics", input.ConceptPolitics, 4000, "Die Beteiligung der Lokalpolitik darf höchstens {0} Zeichen lang sein.");
        Length("ConceptDigitalInput", input.ConceptDigitalInput, 4000, "Die digitale Beteiligung darf höchstens {0} Zeichen lang sein.");
        Length("ConceptParticipation", input.ConceptParticipation, 4000, "Die Beteiligung von Vereinen, Jugend und Sozialarbeit darf höchstens {0} Zeichen lang sein.");
        Length("ConceptApprovedBy", input.ConceptApprovedBy, 300, "Das beschließende Gremium darf höchstens {0} Zeichen lang sein.");
        Length("Categories", input.Categories, 2000, "Die Merkmale darf höchstens {0} Zeichen lang sein.");
        Length("ResultsSummary", input.ResultsSummary, 8000, "Die Zusammenfassung darf höchstens {0} Zeichen lang sein.");
        Length("ReportedTo", input.ReportedTo, 500, "Die Angabe, wem berichtet wurde darf höchstens {0} Zeichen lang sein.");
        if (lab.State < LabState.InvitationsSent)
        {
            errors.AddRange(LabCategories.Parse(input.Categories).Errors);
        }

        var today = CityTime.Today(time);
        if (input.ConceptApprovedOn > today)
        {
            errors.Add("ConceptApprovedOn", "Das Datum des Beschlusses darf nicht in der Zukunft liegen.");
        }

        if (input.ReportedOn > today)
        {
            errors.Add("ReportedOn", "Das Datum des Berichts darf nicht in der Zukunft liegen.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // An approved concept stays as approved; the registration's categories stay once the letters are out.
        if (lab.State < LabState.ConceptApproved)
        {
            lab.ConceptPolitics = Clean(input.ConceptPolitics);
            lab.ConceptDigitalInput = Clean(input.ConceptDigitalInput);
            lab.ConceptParticipation = Clean(input.ConceptParticipation);
            lab.ConceptApprovedOn = input.ConceptApprovedOn;
            lab.ConceptApprovedBy = Clean(input.ConceptApprovedBy);
        }

        if (lab.State < LabState.InvitationsSent)
        {
            lab.Categories = Clean(input.Categories);
        }

        lab.HeldOn = input.HeldOn;
        lab.ResultsSummary = Clean(input.ResultsSummary);
        lab.ReportedOn = input.ReportedOn;
        lab.ReportedTo = Clean(input.ReportedTo);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Moves the lab one step on; the German messages say what is still missing.</summary>
    public async Task<Outcome> AdvanceAsync(int id, LabState to, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == id, ct);
        var missing = await MissingForAsync(lab, to, ct);
        if (missing.Count > 0)
        {
            return missing;
        }

        db.AuditReason = $"{LabsModule.StateLabel(lab.State)} → {LabsModule.StateLabel(to)}";
        lab.State = to;
        await db.SaveChangesAsync(ct);
        return missing;
    }

    /// <summary>What the lab lacks to reach <paramref name="to"/>; empty when it may.</summary>
    public async Task<FieldErrors> MissingForAsync(NeighbourhoodLab lab, LabState to, CancellationToken ct)
    {
        var missing = new FieldErrors();
        if (to != lab.State + 1)
        {
            missing.Add("", "Vom Stand „{0}“ geht es nur zum Stand „{1}“.", LabsModule.StateLabel(lab.State), LabsModule.StateLabel(lab.State + 1 > LabState.Reported ? LabState.Reported : lab.State + 1));
            return missing;
        }

        switch (to)
        {
            case LabState.ConceptApproved:
                // 004 §5: the concept says how politics, digital input and associations, youth and social work take part.
                if (string.IsNullOrWhiteSpace(lab.ConceptPolitics))
                {
                    missing.Add("", "Im Konzept fehlt, wie die Lokalpolitik informiert und beteiligt wird (004 §5).");
                }

                if (string.IsNullOrWhiteSpace(lab.ConceptDigitalInput))
                {
                    missing.Add("", "Im Konzept fehlt, wie Bürgerinnen und Bürger digital beitragen und wie das veröffentlicht und ausgewertet wird (004 §5).");
                }

                if (string.IsNullOrWhiteSpace(lab.ConceptParticipation))
                {
                    missing.Add("", "Im Konzept fehlt, wie Vereine, Jugend und Sozialarbeit beteiligt werden (004 §5).");
                }

                if (lab.ConceptApprovedOn is null || string.IsNullOrWhiteSpace(lab.ConceptApprovedBy))
                {
                    missing.Add("", "Bitte tragen Sie Datum und Gremium des Konzeptbeschlusses ein.");
                }

                break;
            case LabState.InvitationsSent:
                if (!await db.InviteeDraws.AnyAsync(d => d.LabId == lab.Id, ct))
                {
                    missing.Add("", "Es sind noch keine Einzuladenden gelost.");
                }
                else if (lab.LettersCreatedAt is null)
                {
                    missing.Add("", "Die Einladungsschreiben sind noch nicht erzeugt.");
                }

                break;
            case LabState.PanelSelected:
                if (!await db.PanelSelections.AnyAsync(s => s.LabId == lab.Id, ct))
                {
                    missing.Add("", "Die Teilnehmenden sind noch nicht ausgelost.");
                }

                break;
            case LabState.Held:
                if (lab.HeldOn is null)
                {
                    missing.Add("", "Bitte tragen Sie ein, wann das Labor stattfand.");
                }
                else if (lab.HeldOn > CityTime.Today(time))
                {
                    missing.Add("", "Das Labor liegt noch in der Zukunft.");
                }

                break;
            case LabState.ResultsDocumented:
                if (!await db.LabRecommendations.AnyAsync(r => r.LabId == lab.Id, ct))
                {
                    missing.Add("", "Es ist noch keine Handlungsempfehlung des Labors erfasst.");
                }

                break;
            case LabState.Reported:
                // 004 §5 and 001: results go to the Vollversammlung, its working groups and the Lenkungskreis.
                if (lab.ReportedOn is null || string.IsNullOrWhiteSpace(lab.ReportedTo))
                {
                    missing.Add("", "Bitte tragen Sie ein, wann und wem die Ergebnisse berichtet wurden (Vollversammlung, Arbeitsgruppen, Lenkungskreis).");
                }

                break;
        }

        return missing;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
}
