using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>How the answers to one choice question were given.</summary>
public sealed record ChoiceCount(InputCallQuestion Question, IReadOnlyList<(string Option, int Count)> Counts, int Answered);

/// <summary>One contribution that was taken up, and by what.</summary>
public sealed record TakenUpEntry(Contribution Contribution, TakenUpStep Step);

/// <summary>
/// The evaluation of an input call (004 §5: the input is published and evaluated): counts by moderation, status, theme
/// and district, the choice questions, what was taken up and the most supported contributions. The free-text answers
/// belong to the Office's edition only: they are never published.
/// </summary>
public sealed record EvaluationData(
    InputCall Call, string BelongsTo, int Submitted, int Pending, int Rejected, IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<(string Theme, int Count)> ByTheme, IReadOnlyList<(string District, int Count)> ByDistrict, IReadOnlyList<ChoiceCount> Choices,
    IReadOnlyList<TakenUpEntry> TakenUp, IReadOnlyList<Contribution> MostSupported, IReadOnlyList<(string Prompt, IReadOnlyList<string> Answers)>? FreeText)
{
    public int Published => ByStatus.Values.Sum();
}

public sealed class Evaluation(AppDbContext db)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <param name="forOffice">Whether the free-text answers are included (the Office's edition).</param>
    public async Task<EvaluationData?> BuildAsync(int callId, bool forOffice, CancellationToken ct)
    {
        var call = await db.InputCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var belongs = await CallView.BelongsToAsync(db, call, ct);
        var all = db.Contributions.AsNoTracking().Where(c => c.InputCallId == callId);
        var moderation = await all.GroupBy(c => c.Moderation).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var published = all.Where(c => c.Moderation == ParticipationModule.Published);
        var byStatus = await published.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byTheme = (await published.Where(c => c.Theme != null).GroupBy(c => c.Theme!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count)).ToList();
        var byDistrict = (await published.Where(c => c.District != null).GroupBy(c => c.District!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count)).ToList();

        var questions = await db.InputCallQuestions.AsNoTracking().Where(q => q.InputCallId == callId).OrderBy(q => q.Position).ToListAsync(ct);
        var publishedIds = published.Select(c => c.Id);
        // Only the answers of published contributions count: a rejected one is not part of the published evaluation.
        var answers = (await db.ContributionAnswers.AsNoTracking().Where(a => publishedIds.Contains(a.ContributionId))
            .GroupBy(a => new { a.QuestionId, a.Value }).Select(g => new { g.Key.QuestionId, g.Key.Value, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(a => a.QuestionId);
        var choices = questions.Where(q => q.Kind == ParticipationModule.ChoiceQuestion)
            .Select(q => new ChoiceCount(q, q.OptionList.Select(o => (o, answers[q.Id].Where(a => a.Value == o).Sum(a => a.Count))).ToList(), answers[q.Id].Sum(a => a.Count)))
            .ToList();
        List<(string, IReadOnlyList<string>)>? freeText = null;
        if (forOffice)
        {
            var texts = (await db.ContributionAnswers.AsNoTracking().Where(a => publishedIds.Contains(a.ContributionId)).OrderBy(a => a.ContributionId).ToListAsync(ct))
                .ToLookup(a => a.QuestionId, a => a.Value);
            freeText = questions.Where(q => q.Kind == ParticipationModule.FreeTextQuestion).Select(q => (q.Prompt, (IReadOnlyList<string>)texts[q.Id].ToList())).ToList();
        }

        var takenUpContributions = await published.Where(c => c.Status == ParticipationModule.TakenUp).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)
            .Select(PublicContribution.Fields).ToListAsync(ct);
        var steps = await TakenUp.ResolveAsync(db, takenUpContributions, ct);
        var takenUp = takenUpContributions.Where(c => steps.ContainsKey(c.Id)).Select(c => new TakenUpEntry(c, steps[c.Id])).ToList();

        var mostSupported = await published.Where(c => c.SupportCount > 0).OrderByDescending(c => c.SupportCount).ThenBy(c => c.Id).Take(10).Select(PublicContribution.Fields).ToListAsync(ct);
        var submitted = moderation.Values.Sum();
        return new EvaluationData(call, belongs.Name is null ? belongs.Label : $"{belongs.Label}: {belongs.Name}", submitted,
            moderation.GetValueOrDefault(ParticipationModule.Pending), moderation.GetValueOrDefault(ParticipationModule.Rejected), byStatus,
            byTheme, byDistrict, choices, takenUp, mostSupported, freeText);
    }

    /// <summary>The evaluation report for the lab, the body or the committee, as one document for PDF and DOCX.</summary>
    public static Document ToDocument(EvaluationData data, DateTimeOffset madeAt)
    {
        var call = data.Call;
        var period = $"{CityTime.Local(call.OpensAt).ToString("dd.MM.yyyy", German)} bis {CityTime.Local(call.ClosesAt).ToString("dd.MM.yyyy", German)}";
        var blocks = new List<Block>
        {
            new Heading(1, $"Auswertung der Beteiligung „{call.Title}“"),
            KeyValueList.Of(
                ("Zeitraum", period),
                ("Gehört zu", data.BelongsTo),
                ("Frage", call.Question),
                ("Grundlage", SourceReference.Plain("Masterplan Kommunale Sicherheit 2.0, 004 §5: Die Eingaben werden veröffentlicht und ausgewertet.", english: false)),
                ("Stand der Auswertung", CityTime.Local(madeAt).ToString("dd.MM.yyyy HH:mm", German) + " Uhr"),
                ("Eingegangen", data.Submitted.ToString(German)),
                ("Veröffentlicht", data.Published.ToString(German)),
                ("Nicht veröffentlicht (Netiquette)", data.Rejected.ToString(German)),
                ("Noch in der Moderation", data.Pending.ToString(German))),
            new Heading(2, "Stand der veröffentlichten Beiträge"),
            new Table("Veröffentlichte Beiträge nach Stand", ["Stand", "Beiträge"],
                ParticipationModule.Statuses.Select(s => (IReadOnlyList<string>)[ParticipationModule.StatusLabel(s), data.ByStatus.GetValueOrDefault(s).ToString(German)]).ToList()),
        };
        if (data.ByTheme.Count > 0)
        {
            blocks.Add(new Heading(2, "Themen"));
            blocks.Add(new Table("Veröffentlichte Beiträge nach Thema", ["Thema", "Beiträge"], data.ByTheme.Select(t => (IReadOnlyList<string>)[t.Theme, t.Count.ToString(German)]).ToList()));
        }

        if (data.ByDistrict.Count > 0)
        {
            blocks.Add(new Heading(2, "Stadtbezirke"));
            blocks.Add(new Table("Veröffentlichte Beiträge nach Stadtbezirk", ["Stadtbezirk", "Beiträge"], data.ByDistrict.Select(t => (IReadOnlyList<string>)[t.District, t.Count.ToString(German)]).ToList()));
        }

        foreach (var choice in data.Choices)
        {
            blocks.Add(new Heading(2, choice.Question.Prompt));
            blocks.Add(new Table($"Antworten auf „{choice.Question.Prompt}“ ({choice.Answered} beantwortet)", ["Antwort", "Anzahl"],
                choice.Counts.Select(c => (IReadOnlyList<string>)[c.Option, c.Count.ToString(German)]).ToList()));
        }

        blocks.Add(new Heading(2, "Was aufgegriffen wurde"));
        blocks.Add(data.TakenUp.Count == 0
            ? new Paragraph("Bisher wurde kein Beitrag aufgegriffen.")
            : new Table("Aufgegriffene Beiträge", ["Beitrag", "Aufgegriffen durch", "Entschieden"],
                data.TakenUp.Select(t => (IReadOnlyList<string>)
                [
                    Excerpts.Excerpt(t.Contribution.Text, 300),
                    $"{ParticipationModule.TakenUpLabel(t.Step.Kind)}{(t.Step.Title.Length == 0 ? "" : ": " + t.Step.Title)}",
                    $"{t.Step.DecidedBy}{(t.Step.DecidedOn is { } on ? ", " + on.ToString("dd.MM.yyyy", German) : "")}",
                ]).ToList()) { ColumnWidths = [4, 3, 2] });
        if (data.MostSupported.Count > 0)
        {
            blocks.Add(new Heading(2, "Meistunterstützte Beiträge"));
            blocks.Add(new Table("Beiträge mit den meisten Unterstützungen", ["Beitrag", "Unterstützungen", "Stand"],
                data.MostSupported.Select(c => (IReadOnlyList<string>)[Excerpts.Excerpt(c.Text, 300), c.SupportCount.ToString(German), ParticipationModule.StatusLabel(c.Status)]).ToList())
                { ColumnWidths = [5, 1.5, 1.5] });
        }

        if (data.FreeText is { } freeText)
        {
            foreach (var (prompt, answers) in freeText)
            {
                blocks.Add(new Heading(2, $"Freitext-Antworten: {prompt}"));
                blocks.Add(new Paragraph("Nur für die Geschäftsstelle und die Gremien; nicht veröffentlicht."));
                blocks.Add(answers.Count == 0 ? new Paragraph("Keine Antworten.") : new BulletList(answers));
            }
        }

        return new Document($"Auswertung der Beteiligung „{call.Title}“, {period}", blocks)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = "Auswertung einer Beteiligung",
            HeaderText = $"Auswertung Beteiligung · {period}",
        };
    }

    public static string FileName(int callId, string extension) => $"auswertung-beteiligung-{callId.ToString(CultureInfo.InvariantCulture)}.{extension}";

}
