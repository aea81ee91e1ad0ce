using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>The Office's place form apart from the location and the hours.</summary>
public sealed class PlaceInput
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    /// <summary>The address as shown when the point comes from coordinates (with a gazetteer address the gazetteer's label wins).</summary>
    public string? ShownAddress { get; set; }

    public string? Help { get; set; }

    public string? HelpEnglish { get; set; }

    public string? HelpEasy { get; set; }

    public string? Phone { get; set; }

    public bool StepFree { get; set; }

    public bool AccessibleToilet { get; set; }

    public bool QuietRoom { get; set; }

    public string? Languages { get; set; }

    public int? EventId { get; set; }

    public bool IsPublic { get; set; }
}

/// <summary>The Office's event form; times in Dortmund's time.</summary>
public sealed class EventInput
{
    public string? Name { get; set; }

    public DateOnly? StartDate { get; set; }

    public TimeOnly? StartTime { get; set; }

    public DateOnly? EndDate { get; set; }

    public TimeOnly? EndTime { get; set; }
}

/// <summary>
/// Checks and saves a place with its location (the map piece's <see cref="Locations"/>: a gazetteer address, coordinates,
/// "outside Dortmund" refused), its weekly hours and its exception dates in one save, or nothing at all.
/// </summary>
public sealed partial class PlaceEditor(AppDbContext db, Locations locations)
{
    public const string PlacePrefix = "Place";

    [GeneratedRegex(@"^\+?[0-9 ()/\-]{3,40}$")]
    private static partial Regex PhonePattern();

    public async Task<Outcome<int>> SaveAsync(int? id, PlaceInput input, LocationInput location, IReadOnlyList<RuleInput> rules, IReadOnlyList<ExceptionInput> exceptions, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("Input.Name", "Bitte geben Sie den Namen des Orts an.");
        }
        else if (name.Length > ProtectivePlacesModule.MaxNameLength)
        {
            errors.Add("Input.Name", "Der Name ist zu lang (höchstens {0} Zeichen).", ProtectivePlacesModule.MaxNameLength);
        }

        if (input.Kind is null || !ProtectivePlacesModule.Kinds.Contains(input.Kind))
        {
            errors.Add("Input.Kind", "Bitte wählen Sie die Art des Orts.");
        }

        if (string.IsNullOrWhiteSpace(input.Help))
        {
            errors.Add("Input.Help", "Bitte beschreiben Sie in einfachen Worten, welche Hilfe es hier gibt.");
        }

        foreach (var (field, text) in new[] { ("Input.Help", input.Help), ("Input.HelpEnglish", input.HelpEnglish), ("Input.HelpEasy", input.HelpEasy) })
        {
            if (text?.Trim().Length > ProtectivePlacesModule.MaxHelpLength)
            {
                errors.Add(field, "Der Text ist zu lang (höchstens {0} Zeichen).", ProtectivePlacesModule.MaxHelpLength);
            }
        }

        var phone = Blank(input.Phone);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add("Input.Phone", "Die Telefonnummer darf nur Ziffern, Leerzeichen, +, /, - und Klammern enthalten (z. B. 0231 50-0).");
        }

        if (Blank(input.Languages)?.Length > 200 || Blank(input.ShownAddress)?.Length > 300)
        {
            errors.Add(Blank(input.Languages)?.Length > 200 ? "Input.Languages" : "Input.ShownAddress", "Der Text ist zu lang.");
        }

        if (input.Kind == ProtectivePlacesModule.EventHelpPoint)
        {
            if (input.EventId is not { } eventId || !await db.PlaceEvents.AnyAsync(e => e.Id == eventId, ct))
            {
                errors.Add("Input.EventId", "Eine Anlaufstelle bei einer Großveranstaltung gehört zu einer Veranstaltung. Bitte wählen Sie sie aus (oder legen Sie sie erst an).");
            }
        }
        else if (input.EventId is not null)
        {
            errors.Add("Input.EventId", "Nur Anlaufstellen bei Großveranstaltungen gehören zu einer Veranstaltung.");
        }

        var place = await locations.ResolveAsync(location, PlacePrefix, districtRequired: true, ct);
        errors.AddRange(place.Errors);
        errors.AddRange(OpeningHours.CheckRules(rules));
        errors.AddRange(OpeningHours.CheckExceptions(exceptions));
        ProtectivePlace? row = null;
        if (id is { } existing)
        {
            row = await db.ProtectivePlaces.Include(p => p.Rules).Include(p => p.Exceptions).FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (row is null)
            {
                return Outcome<int>.NotFound();
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var resolved = place.Value!;
        row ??= db.ProtectivePlaces.Add(new ProtectivePlace { Name = name!, Kind = input.Kind!, Help = "" }).Entity;
        row.Name = name!;
        row.Kind = input.Kind!;
        row.Help = input.Help!.Trim();
        row.HelpEnglish = Blank(input.HelpEnglish);
        row.HelpEasy = Blank(input.HelpEasy);
        row.Phone = phone;
        row.StepFree = input.StepFree;
        row.AccessibleToilet = input.AccessibleToilet;
        row.QuietRoom = input.QuietRoom;
        row.Languages = Blank(input.Languages);
        row.EventId = input.EventId;
        row.IsPublic = input.IsPublic;
        row.Latitude = resolved.Latitude;
        row.Longitude = resolved.Longitude;
        row.DistrictId = resolved.DistrictId;
        row.Address = resolved.Address ?? Blank(input.ShownAddress);
        row.Rules.Clear();
        row.Rules.AddRange(rules.Where(r => !r.IsEmpty).Select(r => new OpeningRule { Day = r.Day!.Value, Opens = r.Opens!.Value, Closes = r.Closes!.Value, NextDay = r.NextDay }));
        row.Exceptions.Clear();
        row.Exceptions.AddRange(exceptions.Where(e => !e.IsEmpty).Select(e => new OpeningException
        {
            Date = e.Date!.Value, Closed = e.Closed, Opens = e.Closed ? null : e.Opens, Closes = e.Closed ? null : e.Closes, NextDay = !e.Closed && e.NextDay, Note = Blank(e.Note),
        }));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(row.Id);
    }

    public async Task<Outcome<int>> SaveEventAsync(int? id, EventInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ProtectivePlacesModule.MaxNameLength)
        {
            errors.Add("Event.Name", "Bitte geben Sie den Namen der Veranstaltung an (höchstens {0} Zeichen).", ProtectivePlacesModule.MaxNameLength);
        }

        if (input.StartDate is null || input.StartTime is null)
        {
            errors.Add("Event.StartDate", "Bitte geben Sie Datum und Uhrzeit des Beginns an.");
        }

        if (input.EndDate is null || input.EndTime is null)
        {
            errors.Add("Event.EndDate", "Bitte geben Sie Datum und Uhrzeit des Endes an.");
        }

        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var starts = CityTime.ToUtc(input.StartDate!.Value, input.StartTime!.Value);
        var ends = CityTime.ToUtc(input.EndDate!.Value, input.EndTime!.Value);
        if (ends <= starts)
        {
            return Outcome<int>.Invalid("Event.EndDate", "Das Ende liegt vor dem Beginn oder ist gleich. Bitte prüfen Sie Datum und Uhrzeit.");
        }

        PlaceEvent row;
        if (id is { } existing)
        {
            var found = await db.PlaceEvents.FirstOrDefaultAsync(e => e.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }

            row = found;
            row.Sequence++;
        }
        else
        {
            row = db.PlaceEvents.Add(new PlaceEvent { Name = name! }).Entity;
        }

        row.Name = name!;
        row.Starts = starts;
        row.Ends = ends;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(row.Id);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
