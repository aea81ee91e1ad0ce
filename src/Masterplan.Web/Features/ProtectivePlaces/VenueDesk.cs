using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>A venue's sign-up as the public form sends it.</summary>
public sealed class SignUpInput
{
    public string? Name { get; set; }

    public string? VenueKind { get; set; }

    public string? PublicPhone { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? Trained { get; set; }

    public bool Consent { get; set; }

    public int? Posters { get; set; }

    public int? Stickers { get; set; }

    public int? Flyers { get; set; }
}

/// <summary>
/// Venues taking part in "Luisa ist hier" / "Wo geht's hier nach Panama?" (002 lines 126–130): sign-up with consent to be
/// listed and e-mail confirmation (<see cref="EmailOptIn"/>), the Office's approval with the date of the last training,
/// re-confirmation every <see cref="ProtectivePlaceOptions.ReconfirmMonths"/> months by e-mail link (otherwise hidden),
/// campaign material orders, and leaving (contact data deleted through <see cref="Retention"/>).
/// </summary>
public sealed class VenueDesk(
    AppDbContext db, Locations locations, TimeProvider time, IOptions<MailOptions> mailOptions, IOptions<ProtectivePlaceOptions> options) : IConfirmLinks
{
    public const string PlacePrefix = "Place";

    public ProtectivePlaceOptions Options => options.Value;

    /// <summary>Checks everything and stores the venue with its first material order in one save; mails the confirmation link.</summary>
    public async Task<Outcome<int>> SignUpAsync(SignUpInput input, LocationInput location, FieldError? guard, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (guard is not null)
        {
            errors.Add(guard);
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ProtectivePlacesModule.MaxNameLength)
        {
            errors.Add("Input.Name", "Bitte geben Sie den Namen Ihres Hauses an (höchstens {0} Zeichen).", ProtectivePlacesModule.MaxNameLength);
        }

        if (input.VenueKind is null || !ProtectivePlacesModule.VenueKinds.Contains(input.VenueKind))
        {
            errors.Add("Input.VenueKind", "Bitte wählen Sie, was für ein Haus es ist.");
        }

        var phone = Blank(input.PublicPhone);
        if (phone is not null && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9 ()/\-]{3,40}$"))
        {
            errors.Add("Input.PublicPhone", "Die Telefonnummer darf nur Ziffern, Leerzeichen, +, /, - und Klammern enthalten (z. B. 0231 50-0).");
        }

        var contact = Blank(input.ContactName);
        if (contact is null || contact.Length > 200)
        {
            errors.Add("Input.ContactName", "Bitte nennen Sie eine Ansprechperson (höchstens 200 Zeichen).");
        }

        var email = Blank(input.ContactEmail);
        if (email is null || !MailModule.IsAddress(email))
        {
            errors.Add("Input.ContactEmail", "Bitte geben Sie eine gültige E-Mail-Adresse an; an sie schicken wir den Bestätigungslink.");
        }

        var trained = Blank(input.Trained);
        if (trained is null || trained.Length > 1000)
        {
            errors.Add("Input.Trained", "Bitte schreiben Sie, wer geschult wurde und wann (höchstens 1.000 Zeichen).");
        }

        if (!input.Consent)
        {
            errors.Add("Input.Consent", "Ohne Ihre Einwilligung können wir Ihr Haus nicht als Schutzort veröffentlichen.");
        }

        foreach (var (field, count) in new[] { ("Input.Posters", input.Posters), ("Input.Stickers", input.Stickers), ("Input.Flyers", input.Flyers) })
        {
            if (count is < 0 or > ProtectivePlacesModule.MaxMaterial)
            {
                errors.Add(field, "Bitte bestellen Sie zwischen 0 und {0} Stück.", ProtectivePlacesModule.MaxMaterial);
            }
        }

        var place = await locations.ResolveAsync(location, PlacePrefix, districtRequired: true, ct);
        errors.AddRange(place.Errors);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var venue = new Venue
        {
            Name = name!, VenueKind = input.VenueKind!, Address = place.Value!.Address, Latitude = place.Value.Latitude, Longitude = place.Value.Longitude,
            DistrictId = place.Value.DistrictId, PublicPhone = phone, ContactName = contact, ContactEmail = email, Trained = trained, ConsentToList = true,
            Status = ProtectivePlacesModule.Pending, AppliedAt = now,
        };
        var token = EmailOptIn.Issue(venue, now, options.Value.ConfirmLinkDays)!;
        // Venue and order in one transaction: nothing partial stored.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Venues.Add(venue);
            Queue(email!, "Bitte bestätigen Sie die Anmeldung Ihres Hauses als Schutzort", $"""
                Guten Tag,

                Sie haben „{name}“ als Schutzort für „Luisa ist hier“ und „Wo geht's hier nach Panama?“ angemeldet.
                Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link (gültig bis {CityTime.Local(venue.ConfirmTokenExpiresAt!.Value):dd.MM.yyyy HH:mm} Uhr):

                {mailOptions.Value.Link("/schutzorte/bestaetigen/" + token)}

                Danach prüft die Geschäftsstelle Ihre Angaben und meldet sich.
                """);
            await db.SaveChangesAsync(ct);
            if ((input.Posters ?? 0) + (input.Stickers ?? 0) + (input.Flyers ?? 0) > 0)
            {
                db.MaterialOrders.Add(new MaterialOrder { VenueId = venue.Id, Posters = input.Posters ?? 0, Stickers = input.Stickers ?? 0, Flyers = input.Flyers ?? 0, OrderedAt = now });
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        return Outcome<int>.Ok(venue.Id);
    }

    public async Task<ConfirmLink> CheckLinkAsync(string? token, CancellationToken ct) => (await EmailOptIn.FindAsync(db.Venues, token, time.GetUtcNow(), ct)).State;

    public Task<ConfirmLink> ConfirmAsync(string? token, CancellationToken ct) => EmailOptIn.ConfirmAsync(db, db.Venues, token, time.GetUtcNow(), ct);

    /// <summary>
    /// The Office approves a pending (or lapsed) venue with the date of its last training: the venue becomes a public place of kind
    /// venue, listed for <see cref="ProtectivePlaceOptions.ReconfirmMonths"/> months.
    /// </summary>
    public async Task<Outcome> ApproveAsync(int id, DateOnly? lastTraining, CancellationToken ct)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null || venue.Status is ProtectivePlacesModule.Left or ProtectivePlacesModule.Declined)
        {
            return Outcome.NotFound();
        }

        var today = CityTime.Today(time);
        if (lastTraining is not { } trained)
        {
            return Outcome.Invalid("LastTraining", "Bitte geben Sie das Datum der letzten Schulung an.");
        }

        if (trained > today)
        {
            return Outcome.Invalid("LastTraining", "Das Datum der letzten Schulung ({0:dd.MM.yyyy}) liegt in der Zukunft.", trained.ToDateTime(TimeOnly.MinValue));
        }

        if (trained < today.AddMonths(-options.Value.ReconfirmMonths))
        {
            return Outcome.Invalid("LastTraining", "Die letzte Schulung ist länger als {0} Monate her. Bitte erst nach einer neuen Schulung freigeben.", options.Value.ReconfirmMonths);
        }

        if (venue.EmailConfirmedAt is null)
        {
            return Outcome.Invalid("LastTraining", "Die E-Mail-Adresse der Ansprechperson ist noch nicht bestätigt; erst dann kann die Erinnerung zur Bestätigung ankommen.");
        }

        var now = time.GetUtcNow();
        venue.Status = ProtectivePlacesModule.Approved;
        venue.ApprovedAt = now;
        venue.LastTrainingOn = trained;
        venue.ConfirmedUntil = now.AddMonths(options.Value.ReconfirmMonths);
        venue.ReminderSentAt = null;
        var place = await db.ProtectivePlaces.FirstOrDefaultAsync(p => p.VenueId == venue.Id, ct);
        if (place is null)
        {
            db.ProtectivePlaces.Add(new ProtectivePlace
            {
                Name = venue.Name, Kind = ProtectivePlacesModule.VenueKind, Address = venue.Address, Latitude = venue.Latitude, Longitude = venue.Longitude,
                DistrictId = venue.DistrictId, Phone = venue.PublicPhone, VenueId = venue.Id, IsPublic = true, IsDemo = venue.IsDemo,
                Help = "Fragen Sie an der Bar oder beim Personal nach „Luisa“ oder „Wo geht's hier nach Panama?“. Das Team hilft Ihnen diskret: Es bringt Sie an einen ruhigen Ort, ruft ein Taxi oder, wenn nötig, die Polizei.",
                HelpEnglish = "Ask at the bar or the staff for “Luisa” or “Wo geht's hier nach Panama?”. The team helps you discreetly: a quiet place, a taxi or, if needed, the police.",
                HelpEasy = "Sie fühlen sich nicht sicher? Fragen Sie hier nach Luisa. Die Mitarbeiter helfen Ihnen. Niemand merkt es.",
            });
        }
        else
        {
            place.IsPublic = true;
        }

        db.Audit("protectivePlace.venue.approved", nameof(Venue), venue.Id.ToString(CultureInfo.InvariantCulture), new { lastTraining = trained }, null);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> DeclineAsync(int id, CancellationToken ct)
    {
        var venue = await db.Venues.FirstOrDefaultAsync(v => v.Id == id && v.Status == ProtectivePlacesModule.Pending, ct);
        if (venue is null)
        {
            return Outcome.NotFound();
        }

        venue.Status = ProtectivePlacesModule.Declined;
        venue.ConfirmedUntil = time.GetUtcNow();
        db.Audit("protectivePlace.venue.declined", nameof(Venue), venue.Id.ToString(CultureInfo.InvariantCulture), null, null);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The venue leaves: its place goes, its contact data are deleted at once (with an audit entry), its orders stay as counts.</summary>
    public async Task<Outcome> EndAsync(int id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.Status != ProtectivePlacesModule.Left, ct);
        if (venue is null)
        {
            return Outcome.NotFound();
        }

        await DeleteContactAsync([venue], "Das Lokal nimmt nicht mehr teil", ProtectivePlacesModule.Left, ct);
        return Outcome.Done;
    }

    /// <summary>Deletes the contact data of <paramref name="venues"/> (one transaction and audit entry each) and removes their places.</summary>
    internal async Task<int> DeleteContactAsync(IReadOnlyList<Venue> venues, string reason, string status, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await Retention.DeleteAsync(db, venues, async (venue, c) =>
        {
            foreach (var place in await db.ProtectivePlaces.Where(p => p.VenueId == venue.Id).ToListAsync(c))
            {
                (place.IsPublic, place.Phone) = (false, null);
            }

            var links = await db.VenueReconfirmations.Where(r => r.VenueId == venue.Id).ExecuteDeleteAsync(c);
            await db.Venues.Where(v => v.Id == venue.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ContactName, (string?)null)
                .SetProperty(v => v.ContactEmail, (string?)null).SetProperty(v => v.Trained, (string?)null).SetProperty(v => v.PublicPhone, (string?)null)
                .SetProperty(v => v.ConfirmTokenHash, (string?)null).SetProperty(v => v.ConfirmTokenExpiresAt, (DateTimeOffset?)null)
                .SetProperty(v => v.Status, status).SetProperty(v => v.ContactDeletedAt, now), c);
            return 1 + links;
        }, "protectivePlace.venue.contactDeleted", reason, "rows", v => v.Id.ToString(CultureInfo.InvariantCulture), ct);
    }

    /// <summary>
    /// Shows or hides a venue's places, tracked rather than in one UPDATE: the save moves the places' data version, which the
    /// public finder's snapshot is valid for.
    /// </summary>
    private async Task ListAsync(int venueId, bool listed, CancellationToken ct)
    {
        foreach (var place in await db.ProtectivePlaces.Where(p => p.VenueId == venueId).ToListAsync(ct))
        {
            place.IsPublic = listed;
        }
    }

    /// <summary>What a re-confirmation link is, and its venue.</summary>
    public async Task<(ConfirmLink State, Venue? Venue)> FindReconfirmationAsync(string? token, CancellationToken ct)
    {
        var (state, row) = await EmailOptIn.FindAsync(db.VenueReconfirmations, token, time.GetUtcNow(), ct);
        var venue = row is null ? null : await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == row.VenueId && v.ContactDeletedAt == null, ct);
        return venue is null ? (ConfirmLink.Unknown, null) : (state, venue);
    }

    /// <summary>"Wir sind weiter dabei": a valid link extends the listing by 12 months (a lapsed venue is shown again) and may order material.</summary>
    public async Task<Outcome<ConfirmLink>> ReconfirmAsync(string? token, int? posters, int? stickers, int? flyers, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var (field, count) in new[] { ("Posters", posters), ("Stickers", stickers), ("Flyers", flyers) })
        {
            if (count is < 0 or > ProtectivePlacesModule.MaxMaterial)
            {
                errors.Add(field, "Bitte bestellen Sie zwischen 0 und {0} Stück.", ProtectivePlacesModule.MaxMaterial);
            }
        }

        var (state, venue) = await FindReconfirmationAsync(token, ct);
        if (state != ConfirmLink.Valid || venue is null || venue.Status is not (ProtectivePlacesModule.Approved or ProtectivePlacesModule.Lapsed))
        {
            return Outcome<ConfirmLink>.Ok(venue is null ? ConfirmLink.Unknown : state);
        }

        if (errors.Count > 0)
        {
            return Outcome<ConfirmLink>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var confirmed = await EmailOptIn.ConfirmAsync(db, db.VenueReconfirmations, token, now, ct);
        if (confirmed != ConfirmLink.Valid)
        {
            return Outcome<ConfirmLink>.Ok(confirmed);
        }

        var row = await db.Venues.FirstAsync(v => v.Id == venue.Id, ct);
        row.Status = ProtectivePlacesModule.Approved;
        row.ConfirmedUntil = now.AddMonths(options.Value.ReconfirmMonths);
        row.ReminderSentAt = null;
        await ListAsync(row.Id, true, ct);
        if ((posters ?? 0) + (stickers ?? 0) + (flyers ?? 0) > 0)
        {
            db.MaterialOrders.Add(new MaterialOrder { VenueId = row.Id, Posters = posters ?? 0, Stickers = stickers ?? 0, Flyers = flyers ?? 0, OrderedAt = now });
        }

        db.Audit("protectivePlace.venue.reconfirmed", nameof(Venue), row.Id.ToString(CultureInfo.InvariantCulture), new { until = row.ConfirmedUntil }, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ConfirmLink>.Ok(ConfirmLink.Valid);
    }

    /// <summary>
    /// The daily run: mails a re-confirmation link to approved venues whose listing ends within <see cref="ProtectivePlaceOptions.ReminderDays"/>
    /// days; hides those whose listing ended; deletes contact data of lapsed and declined venues after the retention period.
    /// </summary>
    public async Task<(int Reminded, int Hidden, int Deleted)> RunDailyAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var soon = now.AddDays(o.ReminderDays);
        var remind = await db.Venues.Where(v => v.Status == ProtectivePlacesModule.Approved && v.ConfirmedUntil <= soon && v.ConfirmedUntil > now
            && v.ReminderSentAt == null && v.ContactEmail != null).ToListAsync(ct);
        foreach (var venue in remind)
        {
            var link = new VenueReconfirmation { VenueId = venue.Id, Email = venue.ContactEmail, SentAt = now };
            // Valid past the end of the listing, so a venue that is a few days late is listed again at once.
            var token = EmailOptIn.Issue(link, now, o.ReminderDays + 30)!;
            db.VenueReconfirmations.Add(link);
            venue.ReminderSentAt = now;
            Queue(venue.ContactEmail!, "Ist Ihr Haus weiter Schutzort? Bitte bestätigen", $"""
                Guten Tag,

                „{venue.Name}“ steht als Schutzort für „Luisa ist hier“ und „Wo geht's hier nach Panama?“ auf der Karte der Stadt Dortmund,
                bis {CityTime.Local(venue.ConfirmedUntil!.Value):dd.MM.yyyy}. Wenn Sie weiter dabei sind, bestätigen Sie das bitte mit diesem Link
                (gültig bis {CityTime.Local(link.ConfirmTokenExpiresAt!.Value):dd.MM.yyyy}); dort können Sie auch neues Material bestellen:

                {mailOptions.Value.Link("/schutzorte/weiter-dabei/" + token)}

                Ohne Bestätigung blenden wir Ihr Haus danach aus.
                """);
            await db.SaveChangesAsync(ct);
        }

        var expired = await db.Venues.Where(v => v.Status == ProtectivePlacesModule.Approved && v.ConfirmedUntil <= now).ToListAsync(ct);
        foreach (var venue in expired)
        {
            venue.Status = ProtectivePlacesModule.Lapsed;
            await ListAsync(venue.Id, false, ct);
            db.Audit("protectivePlace.venue.lapsed", nameof(Venue), venue.Id.ToString(CultureInfo.InvariantCulture), new { until = venue.ConfirmedUntil }, null);
        }

        await db.SaveChangesAsync(ct);
        var cutoff = now.AddDays(-o.ContactRetentionDays);
        var due = await db.Venues.AsNoTracking().Where(v => (v.Status == ProtectivePlacesModule.Lapsed || v.Status == ProtectivePlacesModule.Declined)
            && v.ContactDeletedAt == null && v.ConfirmedUntil <= cutoff).ToListAsync(ct);
        var deleted = 0;
        foreach (var group in due.GroupBy(v => v.Status))
        {
            deleted += await DeleteContactAsync([.. group], $"Aufbewahrungsfrist abgelaufen ({o.ContactRetentionDays} Tage nach Ablehnung oder fehlender Bestätigung)", group.Key, ct);
        }

        return (remind.Count, expired.Count, due.Count);
    }

    // Stored with the change it tells of and sent after the commit (Shared/Mail/MailOutbox).
    private void Queue(string to, string subject, string body) => db.QueueMail(MailModule.Create(mailOptions.Value, to, subject, body), "Schutzorte");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
