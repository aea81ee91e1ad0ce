using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// Deletes the personal data of an input call's contributions when its retention period ends (DSGVO: no longer than
/// needed): the e-mail addresses with their opt-in links, the originals the Office kept of redacted contributions, and the
/// answers to free-text questions (never published).
/// What was published stays. One audit entry per call, in the same transaction (<see cref="Retention"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ParticipationRetentionJob(AppDbContext db, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("participation-retention", "participation");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var rows = await RunAsync(ct);
        return $"personal data deleted: {rows} contributions and free-text answers";
    }, cancellationToken);

    /// <summary>Deletes what is due; returns the number of contributions whose address or original went, plus the free-text answers deleted.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var calls = await db.InputCalls.Where(c => c.PersonalDataDeletedAt == null && c.ClosesAt <= now).ToListAsync(ct);
        var due = calls.Where(c => c.ClosesAt.AddDays(c.RetentionDays) <= now).ToList();
        // Free-text answers are never published and may name people: they go too. Choice answers stay (the evaluation counts them).
        var answers = await Retention.DeleteAsync(db, due, async (call, c) =>
            {
                var freeText = db.InputCallQuestions.Where(q => q.InputCallId == call.Id && q.Kind == ParticipationModule.FreeTextQuestion).Select(q => q.Id);
                return await db.ContributionAnswers.Where(a => freeText.Contains(a.QuestionId)).ExecuteDeleteAsync(c);
            }, "participation.free-text-answers.deleted", "Aufbewahrungsfrist der Beteiligung abgelaufen: Antworten auf Freitext-Fragen gelöscht", "answers",
            call => call.Id.ToString(CultureInfo.InvariantCulture), ct);
        return answers + await Retention.DeleteAsync(db, due, async (call, c) =>
        {
            var deleted = await db.Contributions.Where(x => x.InputCallId == call.Id && (x.Email != null || x.OriginalText != null || x.ConfirmTokenHash != null))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, (string?)null).SetProperty(x => x.ConfirmTokenHash, (string?)null)
                    .SetProperty(x => x.ConfirmTokenExpiresAt, (DateTimeOffset?)null).SetProperty(x => x.OriginalText, (string?)null), c);
            call.PersonalDataDeletedAt = now;
            return deleted;
        }, "participation.personal-data.deleted", "Aufbewahrungsfrist der Beteiligung abgelaufen: E-Mail-Adressen und Originale geschwärzter Beiträge gelöscht", "contributions",
            call => call.Id.ToString(CultureInfo.InvariantCulture), ct);
    }
}
