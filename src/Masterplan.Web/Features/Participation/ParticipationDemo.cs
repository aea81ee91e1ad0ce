using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// Demo calls, marked Demo: an open one about the Ordnungsdienst (002 lines 49–51) with a few published contributions and
/// one in the queue, and a closed one of the demo lab with a choice question, answers and contributions taken up by the
/// lab's recommendation and by a measure, so the evaluation and the impact chain have something to show.
/// </summary>
internal static class ParticipationDemo
{
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.InputCalls.AnyAsync(c => c.IsDemo, ct))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var today = CityTime.Today(time);
        var call = new InputCall
        {
            Title = "Schwerpunkte des Kommunalen Ordnungsdienstes in Ihrem Stadtbezirk (Demo)",
            Description = "Der Kommunale Ordnungsdienst kann nicht überall gleichzeitig sein. Sagen Sie uns, wo und wann er in Ihrem Stadtbezirk am meisten gebraucht wird.",
            Question = "Wo und wann sollte der Ordnungsdienst in Ihrem Stadtbezirk öfter unterwegs sein, und warum?",
            OpensAt = CityTime.ToUtc(today.AddDays(-14), new TimeOnly(8, 0)), ClosesAt = CityTime.ToUtc(today.AddDays(28), new TimeOnly(23, 59)),
            WhatHappens = "Die Geschäftsstelle liest jeden Beitrag, fasst die Beiträge je Stadtbezirk zusammen und legt sie der Vollversammlung vor. Jeder Beitrag bekommt eine Antwort.",
            AnswerBy = today.AddDays(90), BelongsToKind = "topic", Topic = "Schwerpunkte des Kommunalen Ordnungsdienstes",
            Themes = "Sauberkeit\nLärm\nParken\nSicherheitsgefühl", ModerationMode = ParticipationModule.PreModeration, RetentionDays = 180,
            IsDemo = true, UpdatedAt = now, UpdatedBy = "Demo",
        };
        db.InputCalls.Add(call);
        await db.SaveChangesAsync(ct);
        (string Text, string District, string Theme, string Status)[] samples =
        [
            ("Am Nordmarkt liegt abends viel Müll, und es wird laut. Bitte öfter zwischen 20 und 23 Uhr vorbeischauen. (Demo)", "Innenstadt-Nord", "Sauberkeit", ParticipationModule.InReview),
            ("Vor der Grundschule wird morgens ständig auf dem Gehweg geparkt. Die Kinder müssen auf die Straße ausweichen. (Demo)", "Hörde", "Parken", ParticipationModule.Received),
            ("Der Weg vom Bahnhof durch den Park ist abends dunkel, ich fühle mich dort unsicher. (Demo)", "Eving", "Sicherheitsgefühl", ParticipationModule.Received),
        ];
        var minutes = 0;
        foreach (var (text, district, theme, status) in samples)
        {
            minutes += 90;
            db.Contributions.Add(new Contribution
            {
                InputCallId = call.Id, ReceiptHash = HashedCodes.Create().Hash, Text = text, District = district, Theme = theme,
                SubmittedAt = call.OpensAt.AddMinutes(minutes), Moderation = ParticipationModule.Published, ModeratedAt = call.OpensAt.AddMinutes(minutes + 60),
                PublishedAt = call.OpensAt.AddMinutes(minutes + 60), Status = status, IsDemo = true,
            });
        }

        // One waits in the Office's moderation queue.
        db.Contributions.Add(new Contribution
        {
            InputCallId = call.Id, ReceiptHash = HashedCodes.Create().Hash, Text = "An der Haltestelle Brackeler Straße stehen abends oft Gruppen, die laut sind. (Demo)",
            District = "Brackel", Theme = "Lärm", SubmittedAt = now.AddHours(-3), Moderation = ParticipationModule.Pending, IsDemo = true,
        });
        await db.SaveChangesAsync(ct);
        await SeedClosedAsync(db, time, ct);
        return true;
    }

    private static async Task SeedClosedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var lab = await db.Labs.AsNoTracking().Where(l => l.Title.EndsWith("(Demo)")).OrderBy(l => l.Id).FirstOrDefaultAsync(ct);
        var call = new InputCall
        {
            Title = "Ideen für den Nordmarkt (Demo)",
            Description = "Das Quartierslabor Innenstadt-Nord hat gefragt, was den Nordmarkt sicherer und angenehmer macht. Die Beteiligung ist beendet; hier steht, was daraus wurde.",
            Question = "Was würde den Nordmarkt für Sie sicherer machen?",
            OpensAt = CityTime.ToUtc(today.AddDays(-70), new TimeOnly(8, 0)), ClosesAt = CityTime.ToUtc(today.AddDays(-40), new TimeOnly(23, 59)),
            WhatHappens = "Das Quartierslabor liest alle Beiträge und nimmt die Ideen in seine Handlungsempfehlungen auf. Die Auswertung wird hier veröffentlicht.",
            AnswerBy = today.AddDays(-10), BelongsToKind = lab is null ? "topic" : ParticipationModule.BelongsToLab, BelongsToId = lab?.Id,
            Topic = lab is null ? "Nordmarkt" : null, Themes = "Beleuchtung\nSauberkeit\nTreffpunkte", ModerationMode = ParticipationModule.PreModeration, RetentionDays = 180,
            IsDemo = true, UpdatedAt = time.GetUtcNow(), UpdatedBy = "Demo",
        };
        db.InputCalls.Add(call);
        await db.SaveChangesAsync(ct);
        var question = new InputCallQuestion { InputCallId = call.Id, Position = 1, Kind = ParticipationModule.ChoiceQuestion, Prompt = "Wann sind Sie meistens am Nordmarkt? (Demo)", Options = "morgens\nnachmittags\nabends" };
        db.InputCallQuestions.Add(question);
        var recommendation = lab is null ? null : await db.LabRecommendations.AsNoTracking().Where(r => r.LabId == lab.Id).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        var measure = await db.Measures.AsNoTracking().Where(m => m.IsPublic && m.IsDemo).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        (string Text, string Theme, string When, string? Kind, int? Target, int Supports)[] samples =
        [
            ("Der Weg vom Nordmarkt zum Hafen ist abends stockdunkel. Mehr Laternen würden helfen. (Demo)", "Beleuchtung", "abends",
                recommendation is null ? null : ParticipationModule.TakenUpByLabRecommendation, recommendation?.Id, 7),
            ("Die Mülleimer am Markt sind am Wochenende immer voll. (Demo)", "Sauberkeit", "nachmittags",
                measure is null ? null : ParticipationModule.TakenUpByMeasure, measure?.Id, 3),
            ("Ein überdachter Treffpunkt für Jugendliche wäre gut, dann stehen sie nicht im Hauseingang. (Demo)", "Treffpunkte", "abends", null, null, 2),
        ];
        var minutes = 0;
        foreach (var (text, theme, when, kind, target, supports) in samples)
        {
            minutes += 600;
            var submitted = call.OpensAt.AddMinutes(minutes);
            var contribution = new Contribution
            {
                InputCallId = call.Id, ReceiptHash = HashedCodes.Create().Hash, Text = text, District = "Innenstadt-Nord", Theme = theme, SubmittedAt = submitted,
                Moderation = ParticipationModule.Published, ModeratedAt = submitted.AddHours(2), PublishedAt = submitted.AddHours(2), SupportCount = supports, IsDemo = true,
                Status = kind is null ? ParticipationModule.NotTakenUp : ParticipationModule.TakenUp, TakenUpKind = kind, TakenUpId = target,
                Answer = kind is null
                    ? "Danke für die Idee. Das Quartierslabor hat sie besprochen, aber keinen Ort gefunden, der dafür geeignet ist. (Demo)"
                    : "Danke. Ihre Idee ist aufgegriffen worden; unten sehen Sie, wie es weitergeht. (Demo)",
                Reason = kind is null ? "Kein geeigneter Ort in der Nähe; die Jugendhilfe prüft andere Angebote. (Demo)" : null,
                AnsweredAt = call.ClosesAt.AddDays(7), AnsweredBy = "Geschäftsstelle",
            };
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync(ct);
            db.ContributionAnswers.Add(new ContributionAnswer { ContributionId = contribution.Id, QuestionId = question.Id, Value = when });
        }

        await db.SaveChangesAsync(ct);
    }
}
