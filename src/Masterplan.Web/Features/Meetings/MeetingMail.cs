using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Who got a meeting mail and who could not be reached.</summary>
public sealed record MailRun(int Sent, IReadOnlyList<string> WithoutAddress)
{
    /// <summary>Nobody belongs to the body on the meeting's day: there was no one to write to at all.</summary>
    public bool Nobody => Sent == 0 && WithoutAddress.Count == 0;
}

/// <summary>A member or deputy without an e-mail address, who must be written to by post.</summary>
public sealed record PostalRecipient(string DisplayName, string? Title, string GivenName, string FamilyName, string? OnBehalfOf, string Role, IReadOnlyList<string> DeputyFor);

/// <summary>
/// Invitations, updates and cancellations to all current members and their deputies (docs/domain.md#meetings),
/// one mail per person (nobody sees the others' addresses) with the iCalendar message attached.
/// </summary>
public sealed class MeetingMail(AppDbContext db, MeetingRoll roll, IMailSender mail, IOptions<MailOptions> options, TimeProvider time)
{
    public enum Kind
    {
        Invitation,
        Update,
        Cancellation,
    }

    private sealed record Recipient(Organizations.Person Person, string? Email, List<string> DeputyFor, bool IsMember, string? OnBehalfOf, string Role);

    /// <summary>Who would get the meeting's mails: everybody, and those without an address (to be written to by post).</summary>
    public async Task<(int Total, IReadOnlyList<PostalRecipient> WithoutEmail)> AudienceAsync(Meeting meeting, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(meeting, ct);
        return (recipients.Count, recipients.Where(r => r.Email is null)
            .OrderBy(r => r.Person.FamilyName, StringComparer.Create(Culture, false)).ThenBy(r => r.Person.GivenName, StringComparer.Create(Culture, false))
            .Select(r => new PostalRecipient(r.Person.DisplayName, r.Person.Title, r.Person.GivenName, r.Person.FamilyName, r.OnBehalfOf, r.Role, r.DeputyFor))
            .ToList());
    }

    public async Task<MailRun> SendAsync(Meeting meeting, Kind kind, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(meeting, ct);
        var from = MailboxAddress.Parse(options.Value.From);
        var ics = MeetingCalendar.Message(meeting, from.Address,
            recipients.Where(r => r.Email is not null).Select(r => (r.Email!, r.Person.DisplayName)), time.GetUtcNow());
        var sent = 0;
        foreach (var r in recipients.Where(r => r.Email is not null))
        {
            var message = MailModule.Create(options.Value, r.Email!, Subject(meeting, kind), Body(meeting, kind, r.IsMember ? [] : r.DeputyFor, options.Value.BaseUrl));
            var calendar = new MimePart("text", "calendar")
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = kind == Kind.Cancellation ? "absage.ics" : "einladung.ics",
            };
            calendar.ContentType.Parameters.Add("method", kind == Kind.Cancellation ? "CANCEL" : "REQUEST");
            calendar.ContentType.Charset = "utf-8";
            message.Body = new Multipart("mixed") { message.Body!, calendar };
            await mail.SendAsync(message, ct);
            sent++;
        }

        return new MailRun(sent, recipients.Where(r => r.Email is null).Select(r => r.Person.DisplayName).ToList());
    }

    /// <summary>Tells the members that the minutes are out for comments until the deadline (docs/domain.md#minutes).</summary>
    public async Task<MailRun> SendMinutesAsync(Meeting meeting, DateOnly deadline, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(meeting, ct);
        foreach (var r in recipients.Where(r => r.Email is not null))
        {
            await mail.SendAsync(MailModule.Create(options.Value, r.Email!, $"Niederschrift zur Durchsicht: {meeting.Organization.Name} am {CityTime.Local(meeting.Start):dd.MM.yyyy}",
                $"""
                Guten Tag,

                der Entwurf der Niederschrift der Sitzung „{meeting.Title}“ vom {CityTime.Local(meeting.Start):dd.MM.yyyy} liegt zur Durchsicht vor.
                Anmerkungen sind bis zum {deadline:dd.MM.yyyy} möglich:

                {options.Value.Link($"/sitzungen/{meeting.Id}#niederschrift")}

                Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund
                """), ct);
        }

        return new MailRun(recipients.Count(r => r.Email is not null), recipients.Where(r => r.Email is null).Select(r => r.Person.DisplayName).ToList());
    }

    private async Task<List<Recipient>> RecipientsAsync(Meeting meeting, CancellationToken ct)
    {
        var memberships = await roll.MembershipsAsync(meeting, ct);
        var personIds = memberships.Select(m => m.PersonId).Distinct().ToList();
        var accountMail = await db.Users.AsNoTracking().Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value) && !u.IsDisabled)
            .Select(u => new { u.PersonId, u.Email }).ToListAsync(ct);
        var recipients = memberships.GroupBy(m => m.PersonId).Select(g =>
        {
            var person = g.First().Person;
            var email = person.Email ?? accountMail.FirstOrDefault(a => a.PersonId == person.Id)?.Email;
            var deputyFor = g.Where(m => m.DeputyForId is not null)
                .Select(m => memberships.FirstOrDefault(h => h.Id == m.DeputyForId)?.Person.DisplayName).OfType<string>().ToList();
            var own = g.FirstOrDefault(m => m.DeputyForId is null) ?? g.First();
            return new Recipient(person, email, deputyFor, g.Any(m => m.DeputyForId is null), own.OnBehalfOf?.Name, own.DeputyForId is null ? own.Role : "Vertretung");
        }).ToList();
        return recipients;
    }

    private static string Subject(Meeting meeting, Kind kind) => kind switch
    {
        Kind.Invitation => $"Einladung: {meeting.Organization.Name} am {CityTime.Local(meeting.Start):dd.MM.yyyy}",
        Kind.Update => $"Geändert: {meeting.Organization.Name} am {CityTime.Local(meeting.Start):dd.MM.yyyy}",
        _ => $"Abgesagt: {meeting.Organization.Name} am {CityTime.Local(meeting.Start):dd.MM.yyyy}",
    };

    private static string Body(Meeting meeting, Kind kind, List<string> deputyFor, string baseUrl)
    {
        var start = CityTime.Local(meeting.Start);
        var role = deputyFor.Count > 0
            ? $"Sie erhalten diese Nachricht als Vertretung für {string.Join(", ", deputyFor)}. Bitte nehmen Sie teil, wenn das Mitglied verhindert ist.\n\n"
            : "";
        var lead = kind switch
        {
            Kind.Invitation => $"hiermit lädt die Geschäftsstelle Sie zur Sitzung „{meeting.Title}“ ein.",
            Kind.Update => $"die Sitzung „{meeting.Title}“ hat sich geändert. Es gilt:",
            _ => $"die Sitzung „{meeting.Title}“ ist abgesagt.{(meeting.CancellationReason is { } r ? $" Grund: {r}" : "")}",
        };
        return $"""
            Guten Tag,

            {lead}

            Gremium: {meeting.Organization.Name}
            Beginn: {start.ToString("dddd, dd.MM.yyyy, HH:mm", Culture)} Uhr
            Ende: {CityTime.Local(meeting.End).ToString("HH:mm", Culture)} Uhr
            Ort: {meeting.Place}

            {role}Tagesordnung und Unterlagen: {baseUrl.TrimEnd('/')}/sitzungen/{meeting.Id}

            Der Termin ist als Kalenderdatei angehängt.

            Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund
            """;
    }

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");
}
