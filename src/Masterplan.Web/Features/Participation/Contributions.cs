using System.Globalization;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Participation;

/// <summary>What a resident sends: the text and what they chose to add.</summary>
public sealed record ContributionInput(string? Text, string? District, string? Theme, string? AuthorName, string? Email)
{
    /// <summary>The answers to the call's extra questions, by question id.</summary>
    public IReadOnlyDictionary<int, string?> Answers { get; init; } = new Dictionary<int, string?>();

    /// <summary>
    /// The receipt number issued with the form when it was shown: the same form sent twice (a double click, a reload after
    /// a lost answer) is one contribution with one receipt, not two.
    /// </summary>
    public string? Receipt { get; init; }
}

/// <summary>The Office's evaluation of a contribution.</summary>
public sealed record AnswerInput(string? Status, string? Answer, string? Reason, string? TakenUpKind, int? TakenUpId);

/// <summary>What a double opt-in link is.</summary>
/// <summary>
/// Contributions from submission to answer, shared by the public pages and the Office's: every rule of 004 §5 ("the
/// input is published and evaluated") and of the issue's bad-input list lives here once.
/// </summary>
/// <summary>What public pages read of a contribution: never the address, its opt-in token or a redacted original.</summary>
public static class PublicContribution
{
    /// <summary>A projection for public queries, so that personal fields are not even read on an anonymous request.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Contribution, Contribution>> Fields = c => new Contribution
    {
        Id = c.Id, InputCallId = c.InputCallId, ReceiptHash = "", Text = c.Text, District = c.District, Theme = c.Theme, AuthorName = c.AuthorName,
        SubmittedAt = c.SubmittedAt, Moderation = c.Moderation, PublishedAt = c.PublishedAt, Status = c.Status, Answer = c.Answer, Reason = c.Reason,
        AnsweredAt = c.AnsweredAt, AnsweredBy = c.AnsweredBy, TakenUpKind = c.TakenUpKind, TakenUpId = c.TakenUpId, SupportCount = c.SupportCount, IsDemo = c.IsDemo,
    };
}

public sealed class Contributions(AppDbContext db, TimeProvider time, IOptions<MailOptions> mailOptions, IOptions<ParticipationOptions> options) : IConfirmLinks
{
    /// <summary>The window in which a call takes contributions; null when open, otherwise the precise German refusal.</summary>
    public FieldError? Window(InputCall call)
    {
        var now = time.GetUtcNow();
        if (now < call.OpensAt)
        {
            var at = CityTime.Local(call.OpensAt);
            return new FieldError("", "Diese Beteiligung beginnt erst am {0} um {1} Uhr. Ihr Text ist unten noch da; bitte senden Sie ihn ab dann ab.",
                at.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), at.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        if (now >= call.ClosesAt)
        {
            var at = CityTime.Local(call.ClosesAt);
            return new FieldError("", "Diese Beteiligung ist seit dem {0} um {1} Uhr geschlossen; es können keine Beiträge mehr eingehen. Ihr Text ist unten noch da, damit Sie ihn kopieren können.",
                at.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), at.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>
    /// Checks and stores a contribution; on success it is committed before this returns (the page shows "received" only
    /// then) and the answer carries the receipt number the resident is shown once.
    /// </summary>
    /// <param name="refused">The public form's own refusal (<see cref="FormGuard"/>), reported with the field messages so a person sees everything at once.</param>
    public async Task<Outcome<(Contribution Contribution, string Receipt)>> SubmitAsync(InputCall call, ContributionInput input, FieldError? refused, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (refused is not null)
        {
            errors.Add(refused);
        }

        if (Window(call) is { } closed)
        {
            errors.Add(closed);
        }

        var text = Clean(input.Text, multiline: true);
        if (text.Length == 0)
        {
            errors.Add("Text", "Bitte schreiben Sie Ihren Beitrag.");
        }
        else if (text.Length > ParticipationModule.MaxTextLength)
        {
            errors.Add("Text", "Ihr Beitrag ist {0} Zeichen lang; möglich sind höchstens {1}. Bitte kürzen Sie ihn.", text.Length, ParticipationModule.MaxTextLength);
        }

        var district = Blank(Clean(input.District, multiline: false));
        if (district is not null && !await db.Districts.AnyAsync(d => d.Name == district, ct))
        {
            errors.Add("District", "Bitte wählen Sie einen der zwölf Stadtbezirke oder „keine Angabe“.");
        }

        var theme = Blank(Clean(input.Theme, multiline: false));
        if (theme is not null && !call.ThemeList.Contains(theme))
        {
            errors.Add("Theme", "Bitte wählen Sie eines der Themen dieser Beteiligung oder „keine Angabe“.");
        }

        var name = Blank(Clean(input.AuthorName, multiline: false));
        if (name?.Length > 200)
        {
            errors.Add("AuthorName", "Der Name darf höchstens 200 Zeichen lang sein.");
        }

        var email = Blank(Clean(input.Email, multiline: false));
        if (email is not null && !MailModule.IsAddress(email))
        {
            errors.Add("Email", "Das ist keine gültige E-Mail-Adresse. Lassen Sie das Feld leer, wenn Sie keine Antwort möchten.");
        }

        var answers = new List<ContributionAnswer>();
        foreach (var question in await db.InputCallQuestions.AsNoTracking().Where(q => q.InputCallId == call.Id).OrderBy(q => q.Position).ToListAsync(ct))
        {
            var field = QuestionField(question.Id);
            var value = ExtraQuestions.CheckAnswer(question, Clean(input.Answers.GetValueOrDefault(question.Id), multiline: question.Kind == ParticipationModule.FreeTextQuestion),
                field, ParticipationModule.MaxAnswerLength, errors);
            if (value is not null)
            {
                answers.Add(new ContributionAnswer { QuestionId = question.Id, Value = value });
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var (receipt, receiptHash) = input.Receipt is { } issued && HashedCodes.HashOfTyped(issued) is { } issuedHash ? (issued, issuedHash) : HashedCodes.Create();
        if (await SentBeforeAsync(receiptHash, ct) is { } before)
        {
            return Outcome<(Contribution, string)>.Ok((before, receipt));
        }

        var now = time.GetUtcNow();
        var post = call.ModerationMode == ParticipationModule.PostModeration;
        var contribution = new Contribution
        {
            InputCallId = call.Id, ReceiptHash = receiptHash, Text = text, District = district, Theme = theme, AuthorName = name,
            Email = email,
            SubmittedAt = now, Moderation = post ? ParticipationModule.Published : ParticipationModule.Pending, PublishedAt = post ? now : null,
            Status = ParticipationModule.Received, IsDemo = call.IsDemo,
        };
        var token = EmailOptIn.Issue(contribution, now, options.Value.ConfirmLinkDays);
        db.Contributions.Add(contribution);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            // The contribution and its answers are one submission: stored together or not at all.
            await db.SaveChangesAsync(ct);
            foreach (var answer in answers)
            {
                answer.ContributionId = contribution.Id;
            }

            db.ContributionAnswers.AddRange(answers);
            if (token is not null)
            {
                // Stored with the contribution (the link needs nothing else), so a "received" answer always gets its mail.
                Queue(email!, "Bitte bestätigen Sie Ihre E-Mail-Adresse für Ihre Antwort",
                    $"""
                    Guten Tag,

                    Sie haben einen Beitrag zur Beteiligung „{call.Title}“ geschrieben und möchten eine Antwort.
                    Bitte bestätigen Sie dafür Ihre E-Mail-Adresse mit diesem Link (gültig bis {CityTime.Local(contribution.ConfirmTokenExpiresAt!.Value):dd.MM.yyyy HH:mm} Uhr):

                    {mailOptions.Value.Link("/beteiligung/bestaetigen/" + token)}

                    Ohne Bestätigung schicken wir Ihnen nichts. Ihre Adresse wird nie veröffentlicht und gelöscht, wenn die Aufbewahrungsfrist der Beteiligung endet.
                    Wenn Sie keinen Beitrag geschrieben haben, können Sie diese Nachricht einfach löschen.

                    Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund
                    """);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same form, sent again while the first was being stored: that one counts.
            db.ChangeTracker.Clear();
            if (await SentBeforeAsync(receiptHash, ct) is { } first)
            {
                return Outcome<(Contribution, string)>.Ok((first, receipt));
            }

            throw;
        }


        return Outcome<(Contribution, string)>.Ok((contribution, receipt));
    }

    /// <summary>The contribution already stored under the receipt number of this form, if any.</summary>
    private async Task<Contribution?> SentBeforeAsync(string receiptHash, CancellationToken ct) =>
        await db.Contributions.FirstOrDefaultAsync(c => c.ReceiptHash == receiptHash, ct);

    /// <summary>What a double opt-in link is, without using it.</summary>
    public async Task<ConfirmLink> CheckLinkAsync(string? token, CancellationToken ct) =>
        (await EmailOptIn.FindAsync(db.Contributions, token, time.GetUtcNow(), ct)).State;

    /// <summary>Confirms the address of a valid link; the answer says what the link was.</summary>
    public Task<ConfirmLink> ConfirmAsync(string? token, CancellationToken ct) => EmailOptIn.ConfirmAsync(db, db.Contributions, token, time.GetUtcNow(), ct);

    /// <summary>An "ich auch" from one browser (<paramref name="browserId"/> is its random cookie value) for a published contribution of an open call.</summary>
    public async Task<Outcome> SupportAsync(int callId, int contributionId, string browserId, CancellationToken ct)
    {
        var call = await db.InputCalls.FirstOrDefaultAsync(c => c.Id == callId, ct);
        var exists = call is not null && await db.Contributions.AnyAsync(c => c.Id == contributionId && c.InputCallId == callId && c.Moderation == ParticipationModule.Published, ct);
        if (!exists)
        {
            return Outcome.NotFound();
        }

        if (time.GetUtcNow() >= call!.ClosesAt)
        {
            return Outcome.Invalid("", "Diese Beteiligung ist geschlossen; Beiträge können nicht mehr unterstützt werden.");
        }

        var hash = HashedCodes.Hash(browserId);
        const string twice = "Sie haben diesen Beitrag schon unterstützt. Jeder Beitrag zählt pro Browser einmal.";
        if (await db.ContributionSupports.AnyAsync(s => s.ContributionId == contributionId && s.BrowserHash == hash, ct))
        {
            return Outcome.Invalid("", twice);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContributionSupports.Add(new ContributionSupport { ContributionId = contributionId, BrowserHash = hash, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid("", twice);
        }

        await db.Contributions.Where(c => c.Id == contributionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SupportCount, c => c.SupportCount + 1), ct);
        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>A reader's flag ("Beitrag melden") on a published contribution, naming the netiquette rule it breaks; one per browser.</summary>
    public async Task<Outcome> FlagAsync(int callId, int contributionId, string browserId, string? reason, CancellationToken ct)
    {
        var exists = await db.Contributions.AnyAsync(c => c.Id == contributionId && c.InputCallId == callId && c.Moderation == ParticipationModule.Published, ct);
        if (!exists)
        {
            return Outcome.NotFound();
        }

        if (ParticipationModule.NetiquetteText(reason) is null)
        {
            return Outcome.Invalid("", "Bitte wählen Sie, gegen welche Regel der Netiquette der Beitrag verstößt.");
        }

        var hash = HashedCodes.Hash(browserId);
        const string twice = "Sie haben diesen Beitrag schon gemeldet. Die Geschäftsstelle prüft ihn.";
        if (await db.ContributionFlags.AnyAsync(f => f.ContributionId == contributionId && f.BrowserHash == hash, ct))
        {
            return Outcome.Invalid("", twice);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContributionFlags.Add(new ContributionFlag { ContributionId = contributionId, BrowserHash = hash, Reason = reason!, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid("", twice);
        }

        await db.Contributions.Where(c => c.Id == contributionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.FlagCount, c => c.FlagCount + 1), ct);
        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The Office looked at the readers' flags and keeps the contribution published: the flags are cleared.</summary>
    public async Task<Outcome> ClearFlagsAsync(int id, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null)
        {
            return Outcome.NotFound();
        }

        var reasons = await db.ContributionFlags.Where(f => f.ContributionId == id).Select(f => f.Reason).ToListAsync(ct);
        db.Audit("participation.contribution.flags-cleared", nameof(Contribution), Id(contribution), new { flags = reasons.Count, reasons = reasons.Distinct().Order().ToList() });
        contribution.FlagCount = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.ContributionFlags.Where(f => f.ContributionId == id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Publishes a contribution, with the third parties' personal data removed when <paramref name="redacted"/> differs from the text.</summary>
    public async Task<Outcome> PublishAsync(int id, string? redacted, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null)
        {
            return Outcome.NotFound();
        }

        var now = time.GetUtcNow();
        var original = contribution.OriginalText ?? contribution.Text;
        var text = redacted is null ? contribution.Text : Clean(redacted, multiline: true);
        if (text.Length == 0)
        {
            return Outcome.Invalid("Redacted", "Der veröffentlichte Text darf nicht leer sein. Zum Ablehnen wählen Sie bitte einen Grund aus der Netiquette.");
        }

        if (text.Length > ParticipationModule.MaxTextLength)
        {
            return Outcome.Invalid("Redacted", "Der veröffentlichte Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, ParticipationModule.MaxTextLength);
        }

        var isRedacted = text != original;
        contribution.OriginalText = isRedacted ? original : null;
        contribution.Text = text;
        contribution.Moderation = ParticipationModule.Published;
        contribution.RejectReason = null;
        contribution.ModeratedAt = now;
        contribution.PublishedAt ??= now;
        db.Audit(isRedacted ? "participation.contribution.published-redacted" : "participation.contribution.published", nameof(Contribution), Id(contribution));
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Rejects (or takes down) a contribution with a rule of the published netiquette; a confirmed author is told which.</summary>
    public async Task<Outcome> RejectAsync(int id, string? reason, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null)
        {
            return Outcome.NotFound();
        }

        if (ParticipationModule.NetiquetteText(reason) is not { } rule)
        {
            return Outcome.Invalid("Reason", "Bitte wählen Sie den Grund aus der Netiquette, den die Verfasserin oder der Verfasser erfährt.");
        }

        contribution.Moderation = ParticipationModule.Rejected;
        contribution.RejectReason = reason;
        contribution.ModeratedAt = time.GetUtcNow();
        db.Audit("participation.contribution.rejected", nameof(Contribution), Id(contribution), new { reason });
        var call = await db.InputCalls.AsNoTracking().FirstAsync(c => c.Id == contribution.InputCallId, ct);
        QueueForAuthor(contribution, $"Ihr Beitrag zur Beteiligung „{call.Title}“ wird nicht veröffentlicht",
            $"""
            Guten Tag,

            Ihr Beitrag zur Beteiligung „{call.Title}“ vom {CityTime.Local(contribution.SubmittedAt):dd.MM.yyyy} wird nicht veröffentlicht. Der Grund nach unserer Netiquette:

            {rule}

            Die Netiquette finden Sie hier: {mailOptions.Value.Link($"/beteiligung/{call.Id}#netiquette")}
            Sie können gern einen neuen Beitrag schreiben.

            Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund
            """);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Sets the evaluation and the official answer of a published contribution; a confirmed author gets it by mail.</summary>
    public async Task<Outcome> AnswerAsync(int id, AnswerInput input, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        if (contribution.Moderation != ParticipationModule.Published)
        {
            errors.Add("", "Nur veröffentlichte Beiträge bekommen eine Antwort. Bitte veröffentlichen Sie den Beitrag zuerst.");
        }

        var status = input.Status;
        if (status is null || !ParticipationModule.Statuses.Contains(status))
        {
            errors.Add("Status", "Bitte wählen Sie einen Stand.");
        }

        var answer = Blank(Clean(input.Answer, multiline: true));
        var reason = Blank(Clean(input.Reason, multiline: true));
        if (answer?.Length > 4000 || reason?.Length > 4000)
        {
            errors.Add("Answer", "Antwort und Begründung dürfen je höchstens 4000 Zeichen lang sein.");
        }

        if (status is ParticipationModule.TakenUp or ParticipationModule.NotTakenUp or ParticipationModule.Done && answer is null)
        {
            errors.Add("Answer", "Bitte schreiben Sie die Antwort, die veröffentlicht wird.");
        }

        if (status == ParticipationModule.NotTakenUp && reason is null)
        {
            errors.Add("Reason", "Bitte begründen Sie, warum der Beitrag nicht aufgegriffen wird.");
        }

        string? kind = null;
        int? target = null;
        if (status == ParticipationModule.TakenUp)
        {
            kind = input.TakenUpKind;
            target = input.TakenUpId;
            var found = (kind, target) switch
            {
                (ParticipationModule.TakenUpByLabRecommendation, { } r) => await db.LabRecommendations.AnyAsync(x => x.Id == r, ct),
                (ParticipationModule.TakenUpByMeasure, { } m) => await db.Measures.AnyAsync(x => x.Id == m && x.IsPublic, ct),
                (ParticipationModule.TakenUpByBodyRecommendation, { } r) =>
                    await db.Set<Recommendation>().VisibleTo(MeetingViewer.Public, db.Set<AgendaItem>()).AnyAsync(x => x.Id == r, ct),
                (ParticipationModule.TakenUpByAgendaItem, { } a) => await db.Set<AgendaItem>().AnyAsync(x => x.Id == a && x.IsPublic && x.Meeting.IsPublic, ct),
                _ => false,
            };
            if (!found)
            {
                // Only public targets: the impact chain is a public page.
                errors.Add("TakenUpId", "Bitte wählen Sie, was den Beitrag aufgegriffen hat: eine Handlungsempfehlung eines Quartierslabors, eine öffentliche Empfehlung eines Gremiums, einen öffentlichen Tagesordnungspunkt oder eine öffentliche Maßnahme.");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var changed = contribution.Status != status || contribution.Answer != answer || contribution.Reason != reason;
        contribution.Status = status!;
        contribution.Answer = answer;
        contribution.Reason = status == ParticipationModule.NotTakenUp ? reason : null;
        contribution.TakenUpKind = kind;
        contribution.TakenUpId = target;
        contribution.AnsweredAt = time.GetUtcNow();
        contribution.AnsweredBy = "Geschäftsstelle";
        db.Audit("participation.contribution.answered", nameof(Contribution), Id(contribution), new { status, takenUp = kind, takenUpId = target });
        if (changed && answer is not null)
        {
            var call = await db.InputCalls.AsNoTracking().FirstAsync(c => c.Id == contribution.InputCallId, ct);
            var queued = QueueForAuthor(contribution, $"Antwort auf Ihren Beitrag zur Beteiligung „{call.Title}“",
                $"""
                Guten Tag,

                Ihr Beitrag zur Beteiligung „{call.Title}“ vom {CityTime.Local(contribution.SubmittedAt):dd.MM.yyyy} hat jetzt den Stand „{ParticipationModule.StatusLabel(status!)}“.

                Antwort der Geschäftsstelle:
                {answer}
                {(contribution.Reason is null ? "" : "\nBegründung:\n" + contribution.Reason + "\n")}
                Was aus Ihrem Beitrag geworden ist, sehen Sie hier: {mailOptions.Value.Link($"/beteiligung/beitraege/{contribution.Id}")}

                Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund
                """);
            if (queued)
            {
                contribution.AnswerMailedAt = contribution.AnsweredAt;
            }
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Queues a mail to the author, with the next save, if they left an address and confirmed it; whether one was queued.</summary>
    private bool QueueForAuthor(Contribution contribution, string subject, string body)
    {
        if (contribution.Email is null || contribution.EmailConfirmedAt is null)
        {
            return false;
        }

        Queue(contribution.Email, subject, body);
        return true;
    }

    private void Queue(string to, string subject, string body) => db.QueueMail(MailModule.Create(mailOptions.Value, to, subject, body), "Participation");


    /// <summary>The form field of an extra question, so its message shows at the question.</summary>
    public static string QuestionField(int questionId) => "Answer" + questionId.ToString(CultureInfo.InvariantCulture);

    private static string Id(Contribution c) => c.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// The text without control characters (they cannot be shown and would hide a text that is empty to the eye), with
    /// line ends as \n, trimmed; single-line fields lose their line breaks too.
    /// </summary>
    internal static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (ch == '\n' && multiline)
            {
                sb.Append('\n');
            }
            else if (ch == '\t' || (ch == '\n' && !multiline))
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(ch) && ch is not '\u2028' and not '\u2029' and not '\u200B' and not '\uFEFF')
            {
                sb.Append(ch);
            }
        }

        return sb.ToString().Trim();
    }
}
