using System.Globalization;
using System.Security.Cryptography;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>When and where, as the officer's forms post them (date and time as the browser's date and time fields send them).</summary>
public class WhenWhereInput
{
    public string? Date { get; set; }

    public string? Time { get; set; }

    /// <summary>The district, needed when no point is given (and when the point does not give it).</summary>
    public int? DistrictId { get; set; }

    public string? Kind { get; set; }
}

/// <summary>A stop receipt as the officer's form posts it.</summary>
public sealed class ReceiptInput : WhenWhereInput
{
    public string? LegalBasis { get; set; }

    public string? Outcome { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A use-of-force and bodycam record as the officer's form posts it.</summary>
public sealed class IncidentInput : WhenWhereInput
{
    public string? Baton { get; set; }

    public bool PepperSpray { get; set; }

    public bool Handcuffs { get; set; }

    /// <summary>"on" or "off": asked explicitly, never assumed.</summary>
    public string? Bodycam { get; set; }

    public string? BodycamReason { get; set; }

    /// <summary>"kept" or "deleted" when the bodycam was on.</summary>
    public string? Recording { get; set; }

    public bool OfficerInjured { get; set; }

    public bool PersonInjured { get; set; }

    public bool ComplaintFollowed { get; set; }

    public string? Description { get; set; }
}

/// <summary>The person's anonymous feedback as the receipt page posts it.</summary>
public sealed class FeedbackInput
{
    public string? Fairness { get; set; }

    public string? CheckedBecause { get; set; }

    public string? Text { get; set; }
}

/// <summary>What the person sees of a receipt: never the officer.</summary>
public sealed record ReceiptView(int Id, DateTimeOffset OccurredAt, string District, string? Address, string Kind, string LegalBasis, string Outcome, string? Reason, bool HasFeedback);

/// <summary>
/// Every rule of the module's forms: the officer's service number, stop receipts, the person's feedback (once per receipt),
/// use-of-force records and the lead's sign-off (never by the officer themself). Checks are complete before anything is
/// stored, so a refused form stores nothing.
/// </summary>
public sealed class EnforcementDesk(AppDbContext db, Locations locations, TimeProvider time, IOptions<EnforcementOptions> options)
{
    public const string PlacePrefix = "Place";

    public EnforcementOptions Options => options.Value;

    public Task<EnforcementOfficer?> OfficerAsync(string userId, CancellationToken ct) =>
        db.EnforcementOfficers.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == userId, ct);

    /// <summary>Registers the signed-in officer's service number once; the pseudonym is drawn at random.</summary>
    public async Task<Outcome<EnforcementOfficer>> RegisterOfficerAsync(string userId, string name, string? serviceNumber, CancellationToken ct)
    {
        var number = (serviceNumber ?? "").Trim().ToUpperInvariant();
        if (CheckServiceNumber(number) is { } invalid)
        {
            return Outcome<EnforcementOfficer>.Invalid("ServiceNumber", invalid);
        }

        if (await db.EnforcementOfficers.AnyAsync(o => o.ServiceNumber == number, ct))
        {
            return Outcome<EnforcementOfficer>.Invalid("ServiceNumber", "Die Dienstnummer {0} ist schon einem anderen Konto zugeordnet. Bitte wenden Sie sich an die Leitung.", number);
        }

        if (await OfficerAsync(userId, ct) is { } existing)
        {
            return Outcome<EnforcementOfficer>.Ok(existing);
        }

        var taken = await db.EnforcementOfficers.Select(o => o.Pseudonym).ToListAsync(ct);
        string pseudonym;
        do
        {
            pseudonym = "Dienstkraft " + RandomNumberGenerator.GetInt32(1000, 10000).ToString(CultureInfo.InvariantCulture);
        }
        while (taken.Contains(pseudonym));

        var officer = new EnforcementOfficer { UserId = userId, Name = name, ServiceNumber = number, Pseudonym = pseudonym, CreatedAt = time.GetUtcNow() };
        db.EnforcementOfficers.Add(officer);
        await db.SaveChangesAsync(ct);
        return Outcome<EnforcementOfficer>.Ok(officer);
    }

    /// <summary>The message for a service number that cannot be one, or null.</summary>
    private static string? CheckServiceNumber(string number) =>
        number.Length == 0 ? "Bitte geben Sie die Dienstnummer an."
        : number.Length > 30 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? "Eine Dienstnummer hat höchstens 30 Zeichen: Buchstaben, Ziffern und Bindestriche."
        : null;

    /// <summary>
    /// The lead corrects an officer's service number (mistyped at the first check, or a new one). Receipts already handed out
    /// keep the number printed on them; the audit entry names the pseudonym only, since the audit log is read beyond the lead.
    /// </summary>
    public async Task<Outcome> CorrectServiceNumberAsync(int officerId, string? serviceNumber, CancellationToken ct)
    {
        if (await db.EnforcementOfficers.FirstOrDefaultAsync(o => o.Id == officerId, ct) is not { } officer)
        {
            return Outcome.Invalid("OfficerId", "Bitte wählen Sie eine Einsatzkraft aus der Liste.");
        }

        var number = (serviceNumber ?? "").Trim().ToUpperInvariant();
        if (CheckServiceNumber(number) is { } invalid)
        {
            return Outcome.Invalid("ServiceNumber", invalid);
        }

        if (number == officer.ServiceNumber)
        {
            return Outcome.Invalid("ServiceNumber", "{0} hat schon die Dienstnummer {1}.", officer.Pseudonym, number);
        }

        if (await db.EnforcementOfficers.AnyAsync(o => o.ServiceNumber == number && o.Id != officerId, ct))
        {
            return Outcome.Invalid("ServiceNumber", "Die Dienstnummer {0} gehört schon einer anderen Einsatzkraft.", number);
        }

        officer.ServiceNumber = number;
        db.Audit("enforcement.officer.service-number-corrected", nameof(EnforcementOfficer), officer.Id.ToString(CultureInfo.InvariantCulture), new { officer.Pseudonym });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another lead gave the number away in the same moment.
            return Outcome.Invalid("ServiceNumber", "Die Dienstnummer {0} gehört schon einer anderen Einsatzkraft.", number);
        }

        return Outcome.Done;
    }

    /// <summary>The form's defaults, so a check takes seconds: now, and the district of the officer's latest entry.</summary>
    public async Task<T> DefaultsAsync<T>(int officerId, CancellationToken ct) where T : WhenWhereInput, new()
    {
        var now = CityTime.Local(time.GetUtcNow());
        var lastReceipt = await db.StopReceipts.Where(r => r.OfficerId == officerId).OrderByDescending(r => r.CreatedAt).Select(r => new { r.DistrictId, r.CreatedAt }).FirstOrDefaultAsync(ct);
        var lastIncident = await db.ForceIncidents.Where(r => r.OfficerId == officerId).OrderByDescending(r => r.CreatedAt).Select(r => new { r.DistrictId, r.CreatedAt }).FirstOrDefaultAsync(ct);
        var district = (lastReceipt, lastIncident) switch
        {
            (null, null) => (int?)null,
            ({ } r, null) => r.DistrictId,
            (null, { } i) => i.DistrictId,
            ({ } r, { } i) => r.CreatedAt >= i.CreatedAt ? r.DistrictId : i.DistrictId,
        };
        return new T
        {
            Date = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = now.ToString("HH:mm", CultureInfo.InvariantCulture),
            DistrictId = district,
        };
    }

    /// <summary>Stores a check and answers the receipt with its code (shown once; only its hash is kept).</summary>
    public async Task<Outcome<(StopReceipt Receipt, string Code)>> RecordReceiptAsync(EnforcementOfficer officer, ReceiptInput input, LocationInput place, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (when, where) = await WhenWhereAsync(input, place, errors, ct);
        Choice(input.LegalBasis, EnforcementModule.LegalBases, "Input.LegalBasis", "Bitte wählen Sie die Rechtsgrundlage.", errors);
        Choice(input.Outcome, EnforcementModule.Outcomes, "Input.Outcome", "Bitte wählen Sie das Ergebnis.", errors);
        var reason = Text(input.Reason, EnforcementModule.MaxReason, "Input.Reason", errors, "Bitte geben Sie den Grund der Kontrolle in wenigen Worten an.");
        if (errors.Count > 0)
        {
            return errors;
        }

        var (code, hash) = HashedCodes.Create();
        var receipt = new StopReceipt
        {
            CodeHash = hash, OfficerId = officer.Id, OccurredAt = when!.Value, DistrictId = where!.DistrictId!.Value, Latitude = where.Latitude, Longitude = where.Longitude,
            Address = where.Address, Kind = input.Kind!, LegalBasis = input.LegalBasis!, Outcome = input.Outcome!, Reason = reason, CreatedAt = time.GetUtcNow(),
        };
        db.StopReceipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        return Outcome<(StopReceipt, string)>.Ok((receipt, code));
    }

    /// <summary>A receipt by the code the person typed (any case, spaces, hyphens), or null.</summary>
    public async Task<ReceiptView?> FindAsync(string? typedCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(typedCode) || typedCode.Length > 40 || HashedCodes.HashOfTyped(typedCode) is not { } hash)
        {
            return null;
        }

        var receipts = db.StopReceipts.Where(r => r.CodeHash == hash);
        return await receipts.AnyAsync(ct) ? await ViewsAsync(receipts, ct) : null;
    }

    /// <summary>An officer's own receipt with its code's hash (to check the code the receipt page carries), or null.</summary>
    public async Task<(ReceiptView View, string CodeHash)?> OwnReceiptAsync(int id, int officerId, CancellationToken ct)
    {
        var hash = await db.StopReceipts.Where(r => r.Id == id && r.OfficerId == officerId).Select(r => r.CodeHash).FirstOrDefaultAsync(ct);
        return hash is null ? null : (await ViewsAsync(db.StopReceipts.Where(r => r.Id == id), ct), hash);
    }

    private Task<ReceiptView> ViewsAsync(IQueryable<StopReceipt> receipts, CancellationToken ct) =>
        receipts.AsNoTracking().Select(r => new ReceiptView(r.Id, r.OccurredAt, db.Set<Districts.District>().Where(d => d.Id == r.DistrictId).Select(d => d.Name).First(), r.Address, r.Kind,
            r.LegalBasis, r.Outcome, r.Reason, db.Set<ReceiptFeedback>().Any(f => f.ReceiptId == r.Id))).FirstAsync(ct);

    /// <summary>The person's feedback: once per receipt, the day only.</summary>
    public async Task<Outcome> GiveFeedbackAsync(string? typedCode, FeedbackInput input, FieldError? guard, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (guard is not null)
        {
            errors.Add(guard);
        }

        var receipt = await FindAsync(typedCode, ct);
        if (receipt is null)
        {
            errors.Add("Code", "Zu diesem Code gibt es keine Quittung. Bitte prüfen Sie die Schreibweise.");
        }
        else if (receipt.HasFeedback)
        {
            errors.Add("Code", "Zu dieser Quittung gibt es schon eine Rückmeldung. Jede Quittung nimmt nur eine Rückmeldung an.");
        }

        Choice(input.Fairness, EnforcementModule.Fairness, "Feedback.Fairness", "Bitte sagen Sie, ob Sie sich fair behandelt fühlten.", errors);
        Choice(input.CheckedBecause, EnforcementModule.CheckedBecause, "Feedback.CheckedBecause", "Bitte wählen Sie, warum Sie glauben, kontrolliert worden zu sein.", errors);
        var text = Text(input.Text, EnforcementModule.MaxText, "Feedback.Text", errors, null);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        db.ReceiptFeedbacks.Add(new ReceiptFeedback { ReceiptId = receipt!.Id, ReceivedOn = CityTime.Today(time), Fairness = input.Fairness!, CheckedBecause = input.CheckedBecause!, Text = text });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid("Code", "Zu dieser Quittung gibt es schon eine Rückmeldung. Jede Quittung nimmt nur eine Rückmeldung an.");
        }

        return Outcome.Done;
    }

    /// <summary>Stores a use-of-force and bodycam record, due for sign-off within <see cref="EnforcementOptions.SignOffDays"/>.</summary>
    public async Task<Outcome<int>> RecordIncidentAsync(EnforcementOfficer officer, IncidentInput input, LocationInput place, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (when, where) = await WhenWhereAsync(input, place, errors, ct);
        Choice(input.Baton, EnforcementModule.BatonUses, "Input.Baton", "Bitte geben Sie an, ob der Einsatzmehrzweckstock gezogen, angedroht oder eingesetzt wurde.", errors);
        if (input.Bodycam is not ("on" or "off"))
        {
            errors.Add("Input.Bodycam", "Bitte geben Sie an, ob die Bodycam an oder aus war.");
        }

        var reason = Text(input.BodycamReason, EnforcementModule.MaxReason, "Input.BodycamReason", errors,
            input.Bodycam == "off" ? "Bitte begründen Sie, warum die Bodycam aus war." : null);
        if (input.Bodycam == "on" && input.Recording is not ("kept" or "deleted"))
        {
            errors.Add("Input.Recording", "Bitte geben Sie an, ob die Aufnahme gespeichert oder gelöscht wurde.");
        }

        var description = Text(input.Description, EnforcementModule.MaxText, "Input.Description", errors, "Bitte beschreiben Sie kurz, was geschehen ist.");
        if (errors.Count > 0)
        {
            return errors;
        }

        var incident = new ForceIncident
        {
            OfficerId = officer.Id, OccurredAt = when!.Value, DistrictId = where!.DistrictId!.Value, Latitude = where.Latitude, Longitude = where.Longitude, Address = where.Address,
            Kind = input.Kind!, Baton = input.Baton!, PepperSpray = input.PepperSpray, Handcuffs = input.Handcuffs, BodycamOn = input.Bodycam == "on", BodycamReason = reason,
            RecordingKept = input.Bodycam == "on" ? input.Recording == "kept" : null, OfficerInjured = input.OfficerInjured, PersonInjured = input.PersonInjured,
            ComplaintFollowed = input.ComplaintFollowed, Description = description, CreatedAt = time.GetUtcNow(),
            SignOffBy = DateOnly.FromDateTime(CityTime.Local(when.Value)).AddDays(options.Value.SignOffDays),
        };
        db.ForceIncidents.Add(incident);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(incident.Id);
    }

    /// <summary>The lead signs a record off; never the officer who wrote it, never twice.</summary>
    public async Task<Outcome> SignOffAsync(int incidentId, string userId, string name, string? note, CancellationToken ct)
    {
        var incident = await db.ForceIncidents.FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        if (await db.EnforcementOfficers.AnyAsync(o => o.Id == incident.OfficerId && o.UserId == userId, ct))
        {
            errors.Add("Note", "Sie können Ihren eigenen Einsatz nicht abzeichnen. Das muss eine andere Leitungskraft tun.");
        }
        else if (incident.SignedOffAt is not null)
        {
            errors.Add("Note", "Dieser Einsatz ist schon abgezeichnet.");
        }

        var text = Text(note, EnforcementModule.MaxText, "Note", errors, null);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        (incident.SignedOffAt, incident.SignedOffByUserId, incident.SignedOffByName, incident.SignOffNote) = (time.GetUtcNow(), userId, name, text);
        db.Audit("enforcement.incident.signed-off", nameof(ForceIncident), incident.Id.ToString(CultureInfo.InvariantCulture), new { incident.SignOffBy, late = CityTime.Today(time) > incident.SignOffBy });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    private sealed record Where(int? DistrictId, double? Latitude, double? Longitude, string? Address);

    /// <summary>Date and time (not in the future), kind, and the place: a point through the map piece, or the district alone.</summary>
    private async Task<(DateTimeOffset? When, Where? Where)> WhenWhereAsync(WhenWhereInput input, LocationInput place, FieldErrors errors, CancellationToken ct)
    {
        DateTimeOffset? when = null;
        var dateOk = DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(input.Date?.Trim(), "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        var timeOk = TimeOnly.TryParseExact(input.Time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock);
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add("Input.Date", "Bitte geben Sie das Datum an.");
        }
        else if (!dateOk)
        {
            errors.Add("Input.Date", "„{0}“ ist kein Datum (z. B. 05.12.2026).", input.Date.Length > 20 ? input.Date[..20] : input.Date);
        }

        if (string.IsNullOrWhiteSpace(input.Time))
        {
            errors.Add("Input.Time", "Bitte geben Sie die Uhrzeit an.");
        }
        else if (!timeOk)
        {
            errors.Add("Input.Time", "„{0}“ ist keine Uhrzeit (z. B. 14:30).", input.Time.Length > 20 ? input.Time[..20] : input.Time);
        }

        if (dateOk && timeOk)
        {
            var moment = CityTime.ToUtc(date, clock);
            // A minute of slack for a phone's clock that runs a little ahead.
            if (moment > time.GetUtcNow().AddMinutes(1))
            {
                errors.Add("Input.Time", "Der Zeitpunkt {0:dd.MM.yyyy HH:mm} liegt in der Zukunft. Bitte prüfen Sie Datum und Uhrzeit.", date.ToDateTime(clock));
            }
            else if (date < CityTime.Today(time).AddYears(-1))
            {
                errors.Add("Input.Date", "Das Datum liegt mehr als ein Jahr zurück. Bitte prüfen Sie es.");
            }
            else
            {
                when = moment;
            }
        }

        Choice(input.Kind, EnforcementModule.Kinds, "Input.Kind", "Bitte wählen Sie die Art der Maßnahme.", errors);

        var noPoint = string.IsNullOrWhiteSpace(place.Address) && place.Choice is null && string.IsNullOrWhiteSpace(place.Latitude) && string.IsNullOrWhiteSpace(place.Longitude);
        int? district = null;
        if (input.DistrictId is { } chosen)
        {
            if (await db.Set<Districts.District>().AnyAsync(d => d.Id == chosen, ct))
            {
                district = chosen;
            }
            else
            {
                errors.Add("Input.DistrictId", "Diesen Stadtbezirk gibt es nicht.");
                return (when, null);
            }
        }

        if (noPoint)
        {
            if (district is null)
            {
                errors.Add("Input.DistrictId", "Bitte wählen Sie den Stadtbezirk oder geben Sie den Ort an.");
                return (when, null);
            }

            return (when, new Where(district, null, null, null));
        }

        var resolved = await locations.ResolveAsync(place, PlacePrefix, districtRequired: false, ct);
        errors.AddRange(resolved.Errors);
        if (resolved.Value is not { } r)
        {
            return (when, null);
        }

        // Boundaries, when imported, decide the district from the point; without them the chosen district counts.
        var located = r.DistrictId ?? district;
        if (located is null)
        {
            errors.Add("Input.DistrictId", "Bitte wählen Sie den Stadtbezirk.");
            return (when, null);
        }

        return (when, new Where(located, r.Latitude, r.Longitude, r.Address));
    }

    private static void Choice(string? value, string[] allowed, string field, string message, FieldErrors errors)
    {
        if (value is null || !allowed.Contains(value))
        {
            errors.Add(field, message);
        }
    }

    /// <summary>A trimmed text without control characters (line breaks allowed), at most <paramref name="max"/> characters; null when empty and optional.</summary>
    private static string? Text(string? value, int max, string field, FieldErrors errors, string? requiredMessage)
    {
        var text = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (requiredMessage is not null)
            {
                errors.Add(field, requiredMessage);
            }

            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, max);
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c != '\n'))
        {
            errors.Add(field, "Der Text enthält Steuerzeichen. Bitte geben Sie nur Buchstaben, Ziffern und Satzzeichen ein.");
            return null;
        }

        return text;
    }
}
