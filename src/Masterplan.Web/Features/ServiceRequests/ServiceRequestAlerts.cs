using System.Globalization;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// E-mail alerts on new public reports of a district or of the whole city: subscribe with double opt-in
/// (<see cref="EmailOptIn"/>), a daily digest, and a one-click unsubscribe (a page and RFC 8058's
/// <c>List-Unsubscribe-Post</c>) that deletes the subscription. A digest rather than a mail per report: a burst of reports
/// (a storm, a street of broken lights) is one mail, not dozens, and a report the Office takes off the public pages on the day
/// it arrives is never mailed.
/// </summary>
public sealed class ServiceRequestAlerts(AppDbContext db, TimeProvider time, IMailSender mail, IOptions<MailOptions> mailOptions, IOptions<ServiceRequestOptions> options, ILogger<ServiceRequestAlerts> logger) : IConfirmLinks
{
    /// <summary>The most reports one digest lists; the rest are a link to the list.</summary>
    public const int MaxPerMail = 50;

    public const string UnsubscribePath = "/meldungen/benachrichtigungen/abmelden/";

    /// <summary>
    /// Records a subscription and mails the confirmation link. The answer is the same whether the address is new, waiting or
    /// already confirmed, so the form reveals nobody's subscriptions.
    /// </summary>
    public async Task<Outcome> SubscribeAsync(string? email, int? districtId, FieldError? refused, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (refused is not null)
        {
            errors.Add(refused);
        }

        var address = ServiceRequestDesk.Clean(email, multiline: false);
        if (address.Length == 0)
        {
            errors.Add("Email", "Bitte geben Sie Ihre E-Mail-Adresse an.");
        }
        else if (!MailModule.IsAddress(address))
        {
            errors.Add("Email", "Das ist keine gültige E-Mail-Adresse.");
        }

        string? districtName = null;
        if (districtId is { } d)
        {
            districtName = await db.Set<Districts.District>().Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct);
            if (districtName is null)
            {
                errors.Add("DistrictId", "Diesen Stadtbezirk gibt es nicht.");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var alert = await db.ServiceRequestAlerts.FirstOrDefaultAsync(a => a.Email == address && a.DistrictId == districtId, ct);
        if (alert is { EmailConfirmedAt: not null })
        {
            return Outcome.Done;
        }

        if (alert is null)
        {
            alert = new ServiceRequestAlert { Email = address, DistrictId = districtId, UnsubscribeToken = HashedCodes.NewLinkToken(), CreatedAt = now };
            db.ServiceRequestAlerts.Add(alert);
        }

        var token = EmailOptIn.Issue(alert, now, options.Value.ConfirmLinkDays)!;
        await db.SaveChangesAsync(ct);
        var where = districtName is null ? "ganz Dortmund" : "den Stadtbezirk " + districtName;
        await SendAsync(Message(alert, "Bitte bestätigen Sie Ihre Benachrichtigung über neue Meldungen",
            $"""
            Guten Tag,

            Sie möchten einmal am Tag eine E-Mail über neue öffentliche Meldungen für {where} bekommen.
            Bitte bestätigen Sie das mit diesem Link (gültig bis {CityTime.Local(alert.ConfirmTokenExpiresAt!.Value):dd.MM.yyyy HH:mm} Uhr):

            {mailOptions.Value.Link("/meldungen/benachrichtigungen/bestaetigen/" + token)}

            Ohne Bestätigung schicken wir Ihnen nichts und löschen die Adresse, wenn der Link abläuft.
            Wenn Sie das nicht waren, können Sie diese Nachricht einfach löschen.

            Stadt Dortmund, Masterplan Kommunale Sicherheit
            """, withUnsubscribe: false), ct);
        return Outcome.Done;
    }

    public async Task<ConfirmLink> CheckLinkAsync(string? token, CancellationToken ct) =>
        (await EmailOptIn.FindAsync(db.ServiceRequestAlerts, token, time.GetUtcNow(), ct)).State;

    /// <summary>Confirms a subscription; the digest counts from now on.</summary>
    public async Task<ConfirmLink> ConfirmAsync(string? token, CancellationToken ct)
    {
        var (state, alert) = await EmailOptIn.FindAsync(db.ServiceRequestAlerts, token, time.GetUtcNow(), ct);
        if (state == ConfirmLink.Valid)
        {
            alert!.EmailConfirmedAt = time.GetUtcNow();
            alert.MailedUntil = alert.EmailConfirmedAt;
            await db.SaveChangesAsync(ct);
        }

        return state;
    }

    /// <summary>Whether an unsubscribe token belongs to a subscription.</summary>
    public async Task<bool> ExistsAsync(string? token, CancellationToken ct) =>
        Valid(token) && await db.ServiceRequestAlerts.AnyAsync(a => a.UnsubscribeToken == token, ct);

    /// <summary>Deletes the subscription of an unsubscribe token (nothing of it stays); false when there is none.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct) =>
        Valid(token) && await db.ServiceRequestAlerts.Where(a => a.UnsubscribeToken == token).ExecuteDeleteAsync(ct) > 0;

    private static bool Valid(string? token) => !string.IsNullOrEmpty(token) && token.Length <= 64;

    /// <summary>
    /// Mails each confirmed subscription the public reports created since its last digest (none: no mail), and deletes
    /// subscriptions whose confirmation link expired unused. Returns the number of mails sent.
    /// </summary>
    public async Task<int> SendDigestsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.ServiceRequestAlerts.Where(a => a.EmailConfirmedAt == null && a.ConfirmTokenExpiresAt < now).ExecuteDeleteAsync(ct);
        var districts = await db.Set<Districts.District>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var sent = 0;
        foreach (var alert in await db.ServiceRequestAlerts.Where(a => a.EmailConfirmedAt != null).OrderBy(a => a.Id).ToListAsync(ct))
        {
            var since = alert.MailedUntil ?? alert.EmailConfirmedAt!.Value;
            var query = PublicServiceRequests.Query(db, new ServiceRequestFilter(DistrictId: alert.DistrictId)).Where(r => r.Created > since && r.Created <= now);
            var total = await query.CountAsync(ct);
            if (total > 0)
            {
                var rows = await query.Take(MaxPerMail).ToListAsync(ct);
                var where = alert.DistrictId is { } d ? districts.GetValueOrDefault(d, "") : "ganz Dortmund";
                var body = new StringBuilder();
                body.AppendLine("Guten Tag,").AppendLine();
                body.AppendLine(CultureInfo.InvariantCulture, $"neue öffentliche Meldungen für {where} seit {CityTime.Local(since):dd.MM.yyyy HH:mm} Uhr:").AppendLine();
                foreach (var r in rows)
                {
                    body.AppendLine(CultureInfo.InvariantCulture, $"Nr. {r.Id}: {r.CategoryName}, {r.DistrictName}{(r.Address is null ? "" : ", " + r.Address)}");
                    body.AppendLine(CultureInfo.InvariantCulture, $"  {Excerpts.Excerpt(r.Description, 200)}");
                    body.AppendLine(CultureInfo.InvariantCulture, $"  {mailOptions.Value.Link("/meldungen/" + r.Id.ToString(CultureInfo.InvariantCulture))}").AppendLine();
                }

                if (total > rows.Count)
                {
                    body.AppendLine(CultureInfo.InvariantCulture, $"… und {total - rows.Count} weitere: {mailOptions.Value.Link("/meldungen" + (alert.DistrictId is { } id ? "?bezirk=" + id.ToString(CultureInfo.InvariantCulture) : ""))}").AppendLine();
                }

                body.AppendLine("Stadt Dortmund, Masterplan Kommunale Sicherheit");
                if (!await SendAsync(Message(alert, $"Neue Meldungen für {where}: {total}", body.ToString(), withUnsubscribe: true), ct))
                {
                    continue; // tried again with the next digest
                }

                sent++;
            }

            alert.MailedUntil = now;
            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    /// <summary>A mail to the subscriber; digests carry the unsubscribe link in the text and as RFC 2369/8058 headers.</summary>
    private MimeMessage Message(ServiceRequestAlert alert, string subject, string body, bool withUnsubscribe)
    {
        var link = mailOptions.Value.Link(UnsubscribePath + alert.UnsubscribeToken);
        if (withUnsubscribe)
        {
            body += $"""

                Abmelden mit einem Klick (Ihre Adresse wird dann gelöscht): {link}
                """;
        }

        var message = MailModule.Create(mailOptions.Value, alert.Email, subject, body);
        if (withUnsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{link}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }

    private Task<bool> SendAsync(MimeMessage message, CancellationToken ct) => mail.TrySendAsync(message, logger, "Meldungen alert", ct);
}

/// <summary>The daily digest of new public reports for the district alerts (<see cref="ServiceRequestAlerts"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ServiceRequestAlertJob(AppDbContext db, TimeProvider time, ServiceRequestAlerts alerts) : IJob
{
    public static readonly JobKey Key = new("service-request-alerts", "service-requests");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
        $"alert digests sent: {await alerts.SendDigestsAsync(ct)}", cancellationToken);
}
