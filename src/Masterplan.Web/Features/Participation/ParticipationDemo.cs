using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>An open demo call about the Ordnungsdienst (002 lines 49–51) with a few published contributions, marked Demo.</summary>
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
        return true;
    }
}
