using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>A demo officer with a few checks and incidents across the districts, marked Demo, so the figures and the lead's list show something.</summary>
internal static class EnforcementDemo
{
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.StopReceipts.AnyAsync(r => r.IsDemo, ct))
        {
            return false;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var districts = await db.Set<Districts.District>().OrderBy(d => d.Position).Select(d => d.Id).ToListAsync(ct);
        if (districts.Count == 0)
        {
            return false;
        }

        var officer = await db.EnforcementOfficers.FirstOrDefaultAsync(o => o.UserId == "demo-ordnungsdienst", ct);
        if (officer is null)
        {
            officer = new EnforcementOfficer { UserId = "demo-ordnungsdienst", ServiceNumber = "DEMO-0001", Name = "Demo-Einsatzkraft", Pseudonym = "Dienstkraft 0001", CreatedAt = time.GetUtcNow() };
            db.EnforcementOfficers.Add(officer);
            await db.SaveChangesAsync(ct);
        }

        var now = time.GetUtcNow();
        for (var n = 0; n < 60; n++)
        {
            var kind = EnforcementModule.Kinds[n % 3 == 0 ? 1 : n % 5 == 0 ? 3 : 0];
            db.StopReceipts.Add(new StopReceipt
            {
                CodeHash = HashedCodes.Create().Hash, OfficerId = officer.Id, OccurredAt = now.AddHours(-7 * n - 1), DistrictId = districts[n % 3], Kind = kind,
                LegalBasis = kind == "platzverweis" ? "obg-polg-34" : kind == "fine" ? "owig-56" : "obg-polg-12", Outcome = n % 4 == 0 ? "warning-fee" : "none",
                Reason = "Demo: Kontrolle nach Hinweis auf Ruhestörung", CreatedAt = now, IsDemo = true,
            });
        }

        for (var n = 0; n < 12; n++)
        {
            var occurred = now.AddDays(-2 * n - 1);
            db.ForceIncidents.Add(new ForceIncident
            {
                OfficerId = officer.Id, OccurredAt = occurred, DistrictId = districts[n % 2], Kind = n % 2 == 0 ? "platzverweis" : "identity-check", Baton = n % 4 == 0 ? "drawn" : "none",
                Handcuffs = n % 3 == 0, BodycamOn = n % 3 != 1, BodycamReason = n % 3 == 1 ? "Demo: Akku leer" : null, RecordingKept = n % 3 != 1 ? n % 2 == 0 : null,
                Description = "Demo: Person wollte den Platz nicht verlassen.", CreatedAt = occurred, SignOffBy = DateOnly.FromDateTime(CityTime.Local(occurred)).AddDays(7),
                SignedOffAt = n > 3 ? occurred.AddDays(2) : null, SignedOffByName = n > 3 ? "Demo-Leitung" : null, IsDemo = true,
            });
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
