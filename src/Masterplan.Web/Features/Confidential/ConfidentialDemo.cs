using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Confidential;

/// <summary>Two complaints and two reports of attacks, marked Demo, encrypted like real ones; each mailbox opens with <see cref="Secret"/>.</summary>
internal static class ConfidentialDemo
{
    /// <summary>The mailbox secret of every demo case (docs/operations.md names it), so a demo shows the round trip.</summary>
    public const string Secret = "bafeki-lomatu-rusena-dikopa-tebuni";

    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.ConfidentialCases.AnyAsync(c => c.IsDemo, ct))
        {
            return false;
        }

        var desk = services.GetRequiredService<CaseDesk>();
        var district = await db.Set<Districts.District>().OrderBy(d => d.Position).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        var demos = new (string Unit, CaseInput Input)[]
        {
            (ConfidentialModule.Complaints, new CaseInput { Kind = "ordnungsamt", What = "Bei einer Kontrolle am Hauptbahnhof wurde ich angeschrien und meine Tasche ohne Erklärung durchsucht. (Demo)", WhenText = "abends", Forward = ["what", "when"] }),
            (ConfidentialModule.Complaints, new CaseInput { Kind = "police", What = "Mein Sohn wurde mehrfach ohne Anlass kontrolliert. Wir möchten wissen, ob das rechtens war. (Demo)", ContactWay = ConfidentialModule.ContactMailbox }),
            (ConfidentialModule.Assaults, new CaseInput { Kind = "verbal", Service = "ordnungsdienst", HappenedOn = new DateOnly(2026, 10, 2), What = "Bei einer Streife in der Nordstadt wurden wir beleidigt und bespuckt. (Demo)", AdviceWanted = true }),
            (ConfidentialModule.Assaults, new CaseInput { Kind = "physical", Service = "rescue", HappenedOn = new DateOnly(2026, 9, 14), What = "Während eines Einsatzes hat ein Angehöriger den Kollegen gestoßen. (Demo)", Injuries = "Prellung am Arm", ChargesPressed = true }),
        };
        foreach (var (unit, input) in demos)
        {
            var outcome = await desk.SubmitAsync(unit, input, new LocationInput { DistrictId = district }, [], null, null, ct);
            var created = await db.ConfidentialCases.FirstAsync(c => c.Number == outcome.Value!.Number, ct);
            created.IsDemo = true;
            created.SecretHash = MailboxSecret.Hash(Secret, desk.Options.SecretIterations);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
