using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Data;

/// <summary>
/// Demo persons and memberships for trying the platform out (<c>--demo</c> / <c>Seed:Demo</c>).
/// Every row is flagged <c>IsDemo</c> and shown with a "Demo" mark; names are invented.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db)
{
    private static readonly string[] GivenNames = ["Anna", "Ben", "Cem", "Dana", "Emil", "Fatma", "Gregor", "Hanna", "Ilias", "Jana", "Kai", "Lea", "Mehmet", "Nina", "Ole", "Paula", "Rafael", "Sara", "Tim", "Vera", "Yusuf", "Zoe"];
    private static readonly string[] FamilyNames = ["Becker", "Demir", "Fischer", "Hoffmann", "Kaya", "Klein", "Krüger", "Lange", "Meyer", "Nowak", "Özdemir", "Richter", "Schmidt", "Schulz", "Wagner", "Weber", "Wolf", "Yilmaz", "Zimmermann", "Braun", "Koch", "Bauer"];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Persons.AnyAsync(p => p.IsDemo, ct))
        {
            return false;
        }

        var orgs = await db.Organizations.Where(o => o.SeedKey != null).ToDictionaryAsync(o => o.SeedKey!, ct);
        var plenary = orgs["org:vollversammlung"];
        var start = new DateOnly(2024, 3, 1);
        var n = 0;
        Person NewPerson()
        {
            var i = n++;
            return new Person
            {
                GivenName = GivenNames[i % GivenNames.Length],
                FamilyName = FamilyNames[(i + (i / GivenNames.Length)) % FamilyNames.Length], // distinct pairs for up to 22² persons
                PublicConsent = i % 4 != 3, // some demo persons did not consent, to show how the public pages hide them
                IsDemo = true,
            };
        }
        void Seat(string onBehalfOf, VotingRight right, string role = "Mitglied")
        {
            var member = new Membership
            {
                Person = NewPerson(), Organization = plenary, OnBehalfOf = orgs[onBehalfOf], VotingRight = right, Role = role,
                StartDate = start, IsDemo = true,
            };
            db.Memberships.Add(member);
            db.Memberships.Add(new Membership
            {
                Person = NewPerson(), Organization = plenary, OnBehalfOf = orgs[onBehalfOf], VotingRight = right, Role = "Vertretung",
                DeputyFor = member, StartDate = start, IsDemo = true,
            });
        }

        Seat("org:dez-recht", VotingRight.Voting, "Vorsitz"); // 004 §3: the Rechtsdezernent/in chairs
        Seat("org:dez-soziales", VotingRight.Voting);
        foreach (var key in new[] { "bpn", "integrationsrat", "seniorenbeirat", "cityring", "handelsverband", "drogenhilfe", "awo-ag", "polizei" })
        {
            Seat("org:" + key, VotingRight.Voting);
        }

        Seat("org:ordnungsamt", VotingRight.Advisory, "Geschäftsführung");
        foreach (var key in new[] { "staatsanwaltschaft", "feuerwehr", "jugendamt", "weisser-ring" })
        {
            Seat("org:" + key, VotingRight.Advisory);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
