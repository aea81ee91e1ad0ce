using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants;

/// <summary>Demo data, marked Demo: an open call against knife carrying and a funded project of last year's call.</summary>
internal static class GrantsDemo
{
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.GrantCalls.AnyAsync(c => c.IsDemo, ct))
        {
            return false;
        }

        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var now = time.GetUtcNow();
        var today = CityTime.Today(time);
        List<GrantCriterion> Criteria() =>
        [
            new() { Position = 1, Name = "Wirkung auf Gewaltprävention", Weight = 40 },
            new() { Position = 2, Name = "Erreichen der Zielgruppe", Weight = 30 },
            new() { Position = 3, Name = "Innovation", Weight = 20 },
            new() { Position = 4, Name = "Wirtschaftlichkeit", Weight = 10 },
        ];
        var open = new GrantCall
        {
            Title = "Messerfrei unterwegs – Projekte an Schulen, in Jugendzentren und Vereinen (Demo)", IsDemo = true,
            Purpose = "Gefördert werden Projekte, die junge Menschen davon abhalten, Messer bei sich zu tragen: Workshops, Peer-Projekte, Kampagnen in Schulen, Jugendzentren und Vereinen.",
            Eligibility = "Gemeinnützige Vereine und Initiativen mit Sitz oder Angebot in Dortmund.",
            Year = today.Year + 1, BudgetCents = 3_000_000, MaxPerProjectCents = 800_000, Deadline = CityTime.ToUtc(today.AddDays(45), new TimeOnly(23, 59)),
            RequiredDocuments = "Satzung oder Selbstdarstellung der Initiative\nFreistellungsbescheid des Finanzamts (falls vorhanden)", PublishedAt = now, CreatedAt = now,
            Criteria = Criteria(),
        };
        var past = new GrantCall
        {
            Title = "Innovative Gewaltprävention vor Ort (Demo)", IsDemo = true,
            Purpose = "Gefördert werden innovative Projekte lokaler Akteure zur Gewaltprävention.", Eligibility = "Vereine und Initiativen aus Dortmund.",
            Year = today.Year, BudgetCents = 2_000_000, MaxPerProjectCents = 1_000_000, Deadline = now.AddDays(-120), PublishedAt = now.AddDays(-180), CreatedAt = now.AddDays(-180),
            Criteria = Criteria(),
        };
        var association = new Association { Name = "Jugendforum Nordstadt e. V. (Demo)", Address = "Mallinckrodtstraße 1\n44145 Dortmund", RegisteredAt = now.AddDays(-170), IsDemo = true };
        var club = new Association { Name = "Boxclub Eving e. V. (Demo)", Address = "Evinger Platz 1\n44339 Dortmund", RegisteredAt = now.AddDays(-160), IsDemo = true };
        db.AddRange(open, past, association, club);
        await db.SaveChangesAsync(ct);
        var funded = new GrantApplication
        {
            CallId = past.Id, AssociationId = association.Id, Status = GrantStatus.Approved, ProjectTitle = "Stark ohne Messer: Peer-Workshops in der Nordstadt (Demo)",
            Description = "Jugendliche aus der Nordstadt werden zu Peer-Trainerinnen und -Trainern ausgebildet und führen Workshops in Schulen und Jugendzentren durch.",
            TargetGroup = "Jugendliche von 12 bis 18 Jahren", DistrictIds = [.. new[] { "Innenstadt-Nord" }.Where(districts.ContainsKey).Select(n => districts[n])],
            StartsOn = today.AddDays(-90), EndsOn = today.AddDays(180), RequestedCents = 900_000, CoFundingCents = 100_000, SubmittedAt = now.AddDays(-125),
            DecidedAt = now.AddDays(-100), GrantedCents = 900_000, ProofDueOn = today.AddDays(270), CreatedAt = now.AddDays(-130), IsDemo = true,
            Lines = [new() { Position = 1, Label = "Honorare Trainerinnen und Trainer", AmountCents = 700_000 }, new() { Position = 2, Label = "Material und Öffentlichkeitsarbeit", AmountCents = 300_000 }],
        };
        // A complete application the reviewers still score, so the review and decision forms have something to show.
        var inReview = new GrantApplication
        {
            CallId = past.Id, AssociationId = club.Id, Status = GrantStatus.InReview, ProjectTitle = "Fair boxen statt zustechen: Training und Gespräche (Demo)",
            Description = "Offenes Training mit Gesprächsrunden über Konflikte, Mut und Waffen; Trainerinnen und Trainer werden in Deeskalation geschult.",
            TargetGroup = "Jugendliche von 14 bis 21 Jahren", DistrictIds = [.. new[] { "Eving" }.Where(districts.ContainsKey).Select(n => districts[n])],
            StartsOn = today.AddDays(30), EndsOn = today.AddDays(210), RequestedCents = 600_000, CoFundingCents = 50_000, SubmittedAt = now.AddDays(-122),
            CreatedAt = now.AddDays(-128), IsDemo = true,
            Lines = [new() { Position = 1, Label = "Honorare", AmountCents = 450_000 }, new() { Position = 2, Label = "Hallenmiete und Material", AmountCents = 200_000 }],
        };
        db.GrantApplications.AddRange(funded, inReview);
        await db.SaveChangesAsync(ct);
        funded.ReceiptNumber = GrantDesk.ReceiptNumber(past.Year, funded.Id);
        inReview.ReceiptNumber = GrantDesk.ReceiptNumber(past.Year, inReview.Id);
        db.GrantPayments.Add(new GrantPayment { ApplicationId = funded.Id, AmountCents = 450_000, On = today.AddDays(-95), RecordedAt = now.AddDays(-95), Note = "erste Rate" });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
