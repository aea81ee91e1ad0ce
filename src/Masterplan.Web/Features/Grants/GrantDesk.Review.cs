using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants;

/// <summary>An application in a reviewer's list, with the reviewer's own scores.</summary>
public sealed record ReviewItem(int Id, string ReceiptNumber, string ProjectTitle, string Association, long RequestedCents, IReadOnlyDictionary<int, int> MyScores);

/// <summary>A line of the ranking: weighted score (0–10), number of reviews, and whether it fits into what is left of the call's budget.</summary>
public sealed record RankingLine(int Rank, int Id, string ReceiptNumber, string ProjectTitle, string Association, long RequestedCents, decimal? Score, int Reviews, long CumulativeCents, bool WithinBudget);

/// <summary>A funded project as the public sees it (and open data gives it).</summary>
public sealed record FundedProject(int Id, int Year, string Call, string Association, string Project, long AmountCents, IReadOnlyList<string> Districts, string? Measure, int? MeasureId);

public sealed partial class GrantDesk
{
    // ---- Review ----

    /// <summary>
    /// The complete applications of a call that a reviewer may see: those on which the reviewer declared a conflict of
    /// interest are left out.
    /// </summary>
    public async Task<List<ReviewItem>> ReviewListAsync(int callId, string reviewerId, CancellationToken ct)
    {
        var rows = await db.GrantApplications.AsNoTracking()
            .Where(a => a.CallId == callId && a.Status == GrantStatus.InReview
                && !db.Set<GrantReview>().Any(r => r.ApplicationId == a.Id && r.ReviewerId == reviewerId && r.Conflict))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.ReceiptNumber, a.ProjectTitle, a.RequestedCents,
                Association = db.Set<Association>().Where(x => x.Id == a.AssociationId).Select(x => x.Name).First(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = await db.GrantScores.AsNoTracking()
            .Join(db.GrantReviews.Where(r => r.ReviewerId == reviewerId && ids.Contains(r.ApplicationId)), s => s.ReviewId, r => r.Id, (s, r) => new { r.ApplicationId, s.CriterionId, s.Value })
            .ToListAsync(ct);
        var byApplication = scores.ToLookup(s => s.ApplicationId);
        return [.. rows.Select(r => new ReviewItem(r.Id, r.ReceiptNumber ?? "", r.ProjectTitle, r.Association, r.RequestedCents,
            byApplication[r.Id].ToDictionary(s => s.CriterionId, s => s.Value)))];
    }

    /// <summary>Whether a reviewer may see an application: complete, still open, and no conflict of interest declared on it.</summary>
    public Task<bool> MayReviewAsync(int id, string reviewerId, CancellationToken ct) =>
        db.GrantApplications.AnyAsync(a => a.Id == id && a.Status == GrantStatus.InReview
            && !db.Set<GrantReview>().Any(r => r.ApplicationId == a.Id && r.ReviewerId == reviewerId && r.Conflict), ct);

    /// <summary>A reviewer declares a conflict of interest: from then on the application is hidden from them and their scores are gone.</summary>
    public async Task<Outcome> DeclareConflictAsync(int id, string reviewerId, ConflictInput input, CancellationToken ct)
    {
        var application = await db.GrantApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == GrantStatus.InReview, ct);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        var note = Blank(input.Note);
        if (note?.Length > GrantsModule.MaxShort)
        {
            return Outcome.Invalid("Note", "Die Begründung ist zu lang (höchstens {0} Zeichen).", GrantsModule.MaxShort);
        }

        var review = await db.GrantReviews.Include(r => r.Scores).FirstOrDefaultAsync(r => r.ApplicationId == id && r.ReviewerId == reviewerId, ct);
        if (review is null)
        {
            review = new GrantReview { ApplicationId = id, ReviewerId = reviewerId };
            db.GrantReviews.Add(review);
        }

        review.Conflict = true;
        review.Note = note;
        review.At = time.GetUtcNow();
        review.Scores.Clear();
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Scores every criterion of the call from 0 to 10; refused after a declared conflict of interest.</summary>
    public async Task<Outcome> ScoreAsync(int id, string reviewerId, ScoresInput input, CancellationToken ct)
    {
        var application = await db.GrantApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == GrantStatus.InReview, ct);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        var review = await db.GrantReviews.Include(r => r.Scores).FirstOrDefaultAsync(r => r.ApplicationId == id && r.ReviewerId == reviewerId, ct);
        if (review?.Conflict == true)
        {
            return Outcome.Invalid("Scores", "Sie haben zu diesem Antrag einen Interessenkonflikt erklärt und können ihn deshalb nicht bewerten.");
        }

        var criteria = await db.GrantCriteria.AsNoTracking().Where(c => c.CallId == application.CallId).OrderBy(c => c.Position).ToListAsync(ct);
        var errors = new FieldErrors();
        var given = input.Scores ?? [];
        foreach (var criterion in criteria)
        {
            if (!given.TryGetValue(criterion.Id, out var value))
            {
                errors.Add($"Scores[{criterion.Id}]", "Bitte bewerten Sie das Kriterium „{0}“.", criterion.Name);
            }
            else if (value is < 0 or > 10)
            {
                errors.Add($"Scores[{criterion.Id}]", "Das Kriterium „{0}“ wird mit 0 bis 10 Punkten bewertet, nicht mit {1}.", criterion.Name, value);
            }
        }

        foreach (var unknown in given.Keys.Except(criteria.Select(c => c.Id)))
        {
            errors.Add($"Scores[{unknown}]", "Das Kriterium {0} gehört nicht zu diesem Aufruf.", unknown);
        }

        var note = Blank(input.Note);
        if (note?.Length > GrantsModule.MaxShort)
        {
            errors.Add("Note", "Die Begründung ist zu lang (höchstens {0} Zeichen).", GrantsModule.MaxShort);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (review is null)
        {
            review = new GrantReview { ApplicationId = id, ReviewerId = reviewerId };
            db.GrantReviews.Add(review);
        }

        review.Note = note;
        review.At = time.GetUtcNow();
        review.Scores.Clear();
        review.Scores.AddRange(criteria.Select(c => new GrantScore { CriterionId = c.Id, Value = given[c.Id] }));
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>
    /// The complete applications of a call by their mean weighted score (best first); the requested amounts are added up in
    /// that order, and those that fit into what is left of the call's budget are marked.
    /// </summary>
    public async Task<List<RankingLine>> RankingAsync(int callId, CancellationToken ct)
    {
        var call = await db.GrantCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return [];
        }

        var applications = await db.GrantApplications.AsNoTracking().Where(a => a.CallId == callId && a.Status == GrantStatus.InReview)
            .Select(a => new { a.Id, a.ReceiptNumber, a.ProjectTitle, a.RequestedCents, Association = db.Set<Association>().Where(x => x.Id == a.AssociationId).Select(x => x.Name).First() })
            .ToListAsync(ct);
        var weights = await db.GrantCriteria.AsNoTracking().Where(c => c.CallId == callId).ToDictionaryAsync(c => c.Id, c => c.Weight, ct);
        var totalWeight = weights.Values.Sum();
        var scores = await db.GrantScores.AsNoTracking()
            .Join(db.GrantReviews.Where(r => !r.Conflict && db.Set<GrantApplication>().Any(a => a.Id == r.ApplicationId && a.CallId == callId && a.Status == GrantStatus.InReview)),
                s => s.ReviewId, r => r.Id, (s, r) => new { r.ApplicationId, s.ReviewId, s.CriterionId, s.Value })
            .ToListAsync(ct);
        var perApplication = scores.GroupBy(s => s.ApplicationId).ToDictionary(
            g => g.Key,
            g =>
            {
                var reviews = g.GroupBy(s => s.ReviewId).Select(r => (decimal)r.Sum(s => s.Value * weights.GetValueOrDefault(s.CriterionId)) / Math.Max(1, totalWeight)).ToList();
                return (Score: decimal.Round(reviews.Average(), 2), Count: reviews.Count);
            });
        var granted = await db.GrantApplications.Where(a => a.CallId == callId && (a.Status == GrantStatus.Approved || a.Status == GrantStatus.Closed)).SumAsync(a => a.GrantedCents ?? 0, ct);
        var left = call.BudgetCents - granted;
        var ranked = applications
            .Select(a => (a, Score: perApplication.TryGetValue(a.Id, out var s) ? s.Score : (decimal?)null, Count: perApplication.TryGetValue(a.Id, out var c) ? c.Count : 0))
            .OrderByDescending(x => x.Score ?? -1).ThenBy(x => x.a.Id).ToList();
        var lines = new List<RankingLine>();
        long sum = 0;
        foreach (var (a, score, count) in ranked)
        {
            sum += a.RequestedCents;
            lines.Add(new RankingLine(lines.Count + 1, a.Id, a.ReceiptNumber ?? "", a.ProjectTitle, a.Association, a.RequestedCents, score, count, sum, sum <= left));
        }

        return lines;
    }

    // ---- Decision ----

    /// <summary>
    /// Records the responsible body's decision, with the agenda item of the meeting where it was taken. A grant may not be
    /// more than was requested, the call's maximum, what is left of the call's budget or of the year's budget; it is then
    /// committed against the year's budget.
    /// </summary>
    public async Task<Outcome> DecideAsync(int id, DecisionInput input, CancellationToken ct)
    {
        var application = await db.GrantApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || application.Status == GrantStatus.Draft)
        {
            return Outcome.NotFound();
        }

        if (application.Status != GrantStatus.InReview)
        {
            return Outcome.Invalid("", "Entschieden wird nur über vollständige Anträge, die noch offen sind.");
        }

        var call = await db.GrantCalls.AsNoTracking().FirstAsync(c => c.Id == application.CallId, ct);
        var errors = new FieldErrors();
        if (input.AgendaItemId is not { } itemId || !await db.Set<AgendaItem>().AnyAsync(i => i.Id == itemId, ct))
        {
            errors.Add("AgendaItemId", "Bitte nennen Sie den Tagesordnungspunkt der Sitzung, in der das Gremium entschieden hat.");
        }

        var reason = Blank(input.Reason);
        if (reason?.Length > GrantsModule.MaxShort)
        {
            errors.Add("Reason", "Die Begründung ist zu lang (höchstens {0} Zeichen).", GrantsModule.MaxShort);
        }
        else if (!input.Approve && reason is null)
        {
            errors.Add("Reason", "Bitte begründen Sie die Ablehnung; die Begründung steht im Bescheid.");
        }

        long? amount = null;
        if (input.Approve)
        {
            amount = EuroAmount.Check(errors, "Amount", input.Amount, "Die Fördersumme");
            if (amount is { } a)
            {
                if (a > application.RequestedCents)
                {
                    errors.Add("Amount", "Die Fördersumme ({0}) ist höher als die beantragte Summe ({1}).", Euro(a), Euro(application.RequestedCents));
                }

                if (a > call.MaxPerProjectCents)
                {
                    errors.Add("Amount", "Die Fördersumme ({0}) ist höher als der Höchstbetrag je Projekt ({1}).", Euro(a), Euro(call.MaxPerProjectCents));
                }

                var callGranted = await db.GrantApplications.Where(x => x.CallId == call.Id && (x.Status == GrantStatus.Approved || x.Status == GrantStatus.Closed)).SumAsync(x => x.GrantedCents ?? 0, ct);
                if (a > call.BudgetCents - callGranted)
                {
                    errors.Add("Amount", "Vom Budget des Aufrufs sind nur noch {0} frei.", Euro(call.BudgetCents - callGranted));
                }

                var (_, _, yearLeft) = await YearBudgetAsync(call.Year, ct);
                if (a > yearLeft)
                {
                    errors.Add("Amount", "Vom Haushalt {0} sind nur noch {1} frei.", call.Year, Euro(yearLeft));
                }
            }

            if (input.ProofDueOn is not { } due)
            {
                errors.Add("ProofDueOn", "Bitte geben Sie an, bis wann der Verwendungsnachweis vorliegen muss.");
            }
            else if (due <= CityTime.Today(time))
            {
                errors.Add("ProofDueOn", "Der Verwendungsnachweis muss nach dem heutigen Tag fällig sein.");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        application.Status = input.Approve ? GrantStatus.Approved : GrantStatus.Rejected;
        application.GrantedCents = amount;
        application.DecisionAgendaItemId = input.AgendaItemId;
        application.DecisionReason = reason;
        application.DecidedAt = time.GetUtcNow();
        application.ProofDueOn = input.Approve ? input.ProofDueOn : null;
        db.Audit(input.Approve ? "grants.application.approved" : "grants.application.rejected", nameof(GrantApplication), id.ToString(CultureInfo.InvariantCulture),
            new { Amount = amount, AgendaItem = input.AgendaItemId, Year = call.Year });
        await QueueForAssociationAsync(application.AssociationId, $"Entscheidung über Ihren Förderantrag {application.ReceiptNumber}", $"""
            Guten Tag,

            über Ihren Antrag „{application.ProjectTitle}“ ist entschieden. Den Bescheid finden Sie unter {mailOptions.Value.Link("/foerderung/antraege/" + application.Id)}.
            """, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The decision letter of a decided application as a document (tagged PDF through <see cref="PdfRenderer"/>).</summary>
    public async Task<Document?> LetterAsync(int id, CancellationToken ct)
    {
        var application = await db.GrantApplications.AsNoTracking().Include(a => a.Lines.OrderBy(l => l.Position))
            .FirstOrDefaultAsync(a => a.Id == id && (a.Status == GrantStatus.Approved || a.Status == GrantStatus.Rejected || a.Status == GrantStatus.Closed), ct);
        if (application is null)
        {
            return null;
        }

        var call = await db.GrantCalls.AsNoTracking().FirstAsync(c => c.Id == application.CallId, ct);
        var association = await db.Associations.AsNoTracking().FirstAsync(a => a.Id == application.AssociationId, ct);
        var item = await db.Set<AgendaItem>().AsNoTracking().Where(i => i.Id == application.DecisionAgendaItemId)
            .Select(i => new { i.Number, i.Title, i.Meeting.Start, Meeting = i.Meeting.Title }).FirstOrDefaultAsync(ct);
        var approved = application.Status != GrantStatus.Rejected;
        var de = German;
        var blocks = new List<Block>
        {
            new Paragraph(association.Name),
        };
        if (association.Address is not null)
        {
            blocks.AddRange(association.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => new Paragraph(l)));
        }

        blocks.Add(new Paragraph($"Dortmund, {CityTime.Local(application.DecidedAt!.Value).ToString("dd.MM.yyyy", de)}"));
        blocks.Add(new Heading(1, approved ? "Bewilligungsbescheid" : "Ablehnungsbescheid"));
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Antrag", application.ReceiptNumber ?? ""),
            new("Projekt", application.ProjectTitle),
            new("Förderaufruf", call.Title),
            new("Beantragt", Euro(application.RequestedCents)),
        };
        if (approved)
        {
            facts.Add(new("Bewilligt", Euro(application.GrantedCents ?? 0)));
            facts.Add(new("Verwendungsnachweis bis", application.ProofDueOn?.ToString("dd.MM.yyyy", de) ?? ""));
        }

        if (item is not null)
        {
            facts.Add(new("Beschluss", $"{item.Meeting} am {CityTime.Local(item.Start).ToString("dd.MM.yyyy", de)}, TOP {item.Number} „{item.Title}“"));
        }

        blocks.Add(new KeyValueList(facts));
        blocks.Add(new Paragraph(approved
            ? $"Sehr geehrte Damen und Herren, für Ihr Projekt „{application.ProjectTitle}“ bewilligen wir aus dem Förderprogramm des Masterplans Kommunale Sicherheit eine Zuwendung von {Euro(application.GrantedCents ?? 0)}. Die Mittel werden in Raten ausgezahlt. Bitte weisen Sie die Verwendung bis zum {application.ProofDueOn?.ToString("dd.MM.yyyy", de)} nach: Tätigkeiten, Reichweite, Ausgaben je Zeile des Finanzplans und Belege. Nicht verbrauchte Mittel sind zurückzuzahlen."
            : $"Sehr geehrte Damen und Herren, Ihren Antrag auf Förderung des Projekts „{application.ProjectTitle}“ können wir leider nicht bewilligen."));
        if (application.DecisionReason is not null)
        {
            blocks.Add(new Heading(2, "Begründung"));
            blocks.Add(new Paragraph(application.DecisionReason));
        }

        if (approved && application.Lines.Count > 0)
        {
            blocks.Add(new Heading(2, "Finanzplan"));
            blocks.Add(new Table("Finanzplan des Projekts", ["Nr.", "Posten", "Betrag"],
                application.Lines.Select(l => (IReadOnlyList<string>)[l.Position.ToString(de), l.Label, Euro(l.AmountCents)]).ToList()) { ColumnWidths = [1, 5, 2] });
        }

        blocks.Add(new Paragraph("Mit freundlichen Grüßen, Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit"));
        return new Document($"{(approved ? "Bewilligungsbescheid" : "Ablehnungsbescheid")} {application.ReceiptNumber}: {application.ProjectTitle}", blocks)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = "Bescheid über einen Förderantrag",
            HeaderText = $"Förderprogramm · {application.ReceiptNumber}",
        };
    }

    public static string LetterFileName(GrantApplication application) => $"bescheid-{application.ReceiptNumber}.pdf";

    // ---- Payments and proof of use ----

    /// <summary>What was paid out and paid back for an application.</summary>
    public async Task<(long Paid, long Returned)> PaidAsync(int id, CancellationToken ct)
    {
        var payments = await db.GrantPayments.Where(p => p.ApplicationId == id).Select(p => new { p.IsReturn, p.AmountCents }).ToListAsync(ct);
        return (payments.Where(p => !p.IsReturn).Sum(p => p.AmountCents), payments.Where(p => p.IsReturn).Sum(p => p.AmountCents));
    }

    /// <summary>An instalment (never more in total than was granted), or money paid back (never more than was paid).</summary>
    public async Task<Outcome> RecordPaymentAsync(int id, PaymentInput input, CancellationToken ct)
    {
        var application = await db.GrantApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        if (application.Status is not (GrantStatus.Approved or GrantStatus.Closed))
        {
            return Outcome.Invalid("", "Zahlungen gibt es nur für bewilligte Anträge.");
        }

        var errors = new FieldErrors();
        var amount = EuroAmount.Check(errors, "Amount", input.Amount, input.IsReturn ? "Der zurückgezahlte Betrag" : "Die Rate");
        if (input.On is not { } on)
        {
            errors.Add("On", "Bitte geben Sie das Datum der Zahlung an.");
        }
        else if (on > CityTime.Today(time))
        {
            errors.Add("On", "Das Datum der Zahlung ({0:dd.MM.yyyy}) liegt in der Zukunft.", on.ToDateTime(TimeOnly.MinValue));
        }

        var note = Blank(input.Note);
        if (note?.Length > GrantsModule.MaxShort)
        {
            errors.Add("Note", "Die Notiz ist zu lang (höchstens {0} Zeichen).", GrantsModule.MaxShort);
        }

        var (paid, returned) = await PaidAsync(id, ct);
        if (amount is { } a)
        {
            if (!input.IsReturn && paid + a > application.GrantedCents)
            {
                errors.Add("Amount", "Mit dieser Rate ({0}) würden {1} ausgezahlt; bewilligt sind nur {2}.", Euro(a), Euro(paid + a), Euro(application.GrantedCents ?? 0));
            }
            else if (input.IsReturn && returned + a > paid)
            {
                errors.Add("Amount", "Zurückgezahlt werden kann höchstens, was ausgezahlt wurde ({0}, davon schon zurück: {1}).", Euro(paid), Euro(returned));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.GrantPayments.Add(new GrantPayment { ApplicationId = id, IsReturn = input.IsReturn, AmountCents = amount!.Value, On = input.On!.Value, Note = note, RecordedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The grantee's proof of use: activities, reach, what was spent per budget line; receipts are files.</summary>
    public async Task<Outcome> SubmitProofAsync(int id, int associationId, ProofInput input, CancellationToken ct)
    {
        var application = await OwnApplicationAsync(id, associationId, ct);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        var proof = await db.ProofsOfUse.FirstOrDefaultAsync(p => p.ApplicationId == id, ct);
        if (application.Status != GrantStatus.Approved || proof?.Status == ProofStatus.Submitted)
        {
            return Outcome.Invalid("", "Ein Verwendungsnachweis kann nur für ein bewilligtes Projekt gesendet werden, und nur einmal, solange die Geschäftsstelle ihn prüft.");
        }

        var errors = new FieldErrors();
        var activities = Blank(input.Activities);
        if (activities is null || activities.Length > GrantsModule.MaxText)
        {
            errors.Add("Proof.Activities", "Bitte beschreiben Sie, was im Projekt geschehen ist (höchstens {0} Zeichen).", GrantsModule.MaxText);
        }

        if (input.Reach is not (>= 0 and <= 10_000_000))
        {
            errors.Add("Proof.Reach", "Bitte geben Sie an, wie viele Menschen das Projekt erreicht hat (eine ganze Zahl ab 0).");
        }

        var spent = new List<long>();
        for (var i = 0; i < application.Lines.Count; i++)
        {
            var given = i < input.Lines.Count ? input.Lines[i].Spent : null;
            spent.Add(EuroAmount.Check(errors, $"Proof.Lines[{i}].Spent", given, new FieldError("", "Die Ausgaben in Zeile {0} ({1})", i + 1, application.Lines[i].Label), zeroAllowed: true) ?? 0);
        }

        if (errors.Count == 0 && spent.Sum() > 0 && !await db.GrantFiles.AnyAsync(f => f.ApplicationId == id && f.IsReceipt, ct))
        {
            errors.Add("Upload", "Bitte laden Sie die Belege zu den Ausgaben hoch.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        for (var i = 0; i < application.Lines.Count; i++)
        {
            application.Lines[i].SpentCents = spent[i];
        }

        if (proof is null)
        {
            proof = new ProofOfUse { ApplicationId = id, Activities = activities! };
            db.ProofsOfUse.Add(proof);
        }

        proof.Activities = activities!;
        proof.Reach = input.Reach!.Value;
        proof.Status = ProofStatus.Submitted;
        proof.SubmittedAt = time.GetUtcNow();
        proof.DecidedAt = null;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The Office accepts a proof of use (the project is closed) or asks back with a note the grantee sees.</summary>
    public async Task<Outcome> DecideProofAsync(int id, ProofDecisionInput input, CancellationToken ct)
    {
        var proof = await db.ProofsOfUse.FirstOrDefaultAsync(p => p.ApplicationId == id, ct);
        if (proof is null)
        {
            return Outcome.NotFound();
        }

        if (proof.Status != ProofStatus.Submitted)
        {
            return Outcome.Invalid("", "Es liegt kein Verwendungsnachweis zur Prüfung vor.");
        }

        var note = Blank(input.Note);
        if (note?.Length > GrantsModule.MaxShort || (!input.Accept && note is null))
        {
            return Outcome.Invalid("Note", "Bitte schreiben Sie, was am Verwendungsnachweis fehlt oder zu klären ist (höchstens {0} Zeichen).", GrantsModule.MaxShort);
        }

        var application = await db.GrantApplications.FirstAsync(a => a.Id == id, ct);
        proof.Status = input.Accept ? ProofStatus.Accepted : ProofStatus.Returned;
        proof.OfficeNote = note;
        proof.DecidedAt = time.GetUtcNow();
        if (input.Accept)
        {
            application.Status = GrantStatus.Closed;
        }

        if (!input.Accept)
        {
            await QueueForAssociationAsync(application.AssociationId, $"Rückfrage zum Verwendungsnachweis {application.ReceiptNumber}", $"""
                Guten Tag,

                zum Verwendungsnachweis für „{application.ProjectTitle}“ hat die Geschäftsstelle eine Rückfrage:

                {note}

                Bitte ergänzen Sie ihn unter {mailOptions.Value.Link("/foerderung/antraege/" + application.Id)}.
                """, ct);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    // ---- Public ----

    /// <summary>Funded projects (approved or closed), newest year first; nothing of rejected or open applications.</summary>
    public async Task<List<FundedProject>> FundedAsync(CancellationToken ct)
    {
        var rows = await db.GrantApplications.AsNoTracking()
            .Where(a => a.Status == GrantStatus.Approved || a.Status == GrantStatus.Closed)
            .Join(db.GrantCalls, a => a.CallId, c => c.Id, (a, c) => new { a, c })
            .OrderByDescending(x => x.c.Year).ThenBy(x => x.a.ProjectTitle)
            .Select(x => new
            {
                x.a.Id, x.c.Year, Call = x.c.Title, x.a.ProjectTitle, x.a.GrantedCents, x.a.DistrictIds, x.c.MeasureId,
                Association = db.Set<Association>().Where(s => s.Id == x.a.AssociationId).Select(s => s.Name).First(),
                Measure = db.Set<Measure>().Where(m => m.Id == x.c.MeasureId && m.IsPublic).Select(m => m.Title).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.Select(r => new FundedProject(r.Id, r.Year, r.Call, r.Association, r.ProjectTitle, r.GrantedCents ?? 0,
            [.. r.DistrictIds.Select(d => districts.GetValueOrDefault(d, "")).Order(StringComparer.Ordinal)], r.Measure, r.Measure is null ? null : r.MeasureId))];
    }
}
