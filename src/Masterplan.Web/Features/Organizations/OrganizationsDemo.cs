using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>
/// Demo persons with their seats and deputies in the Vollversammlung and the Lenkungskreis, for trying the platform out.
/// Every row is flagged <c>IsDemo</c> and shown with a "Demo" mark; names are invented.
/// </summary>
internal static class OrganizationsDemo
{
    private static readonly string[] GivenNames = ["Anna", "Ben", "Cem", "Dana", "Emil", "Fatma", "Gregor", "Hanna", "Ilias", "Jana", "Kai", "Lea", "Mehmet", "Nina", "Ole", "Paula", "Rafael", "Sara", "Tim", "Vera", "Yusuf", "Zoe"];
    private static readonly string[] FamilyNames = ["Becker", "Demir", "Fischer", "Hoffmann", "Kaya", "Klein", "Krüger", "Lange", "Meyer", "Nowak", "Özdemir", "Richter", "Schmidt", "Schulz", "Wagner", "Weber", "Wolf", "Yilmaz", "Zimmermann", "Braun", "Koch", "Bauer"];

    public static async Task<bool> SeedAsync(AppDbContext db, Composition composition, TimeProvider time, CancellationToken ct)
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
        // Every seat with its deputy (004 §3: every member may be represented).
        void Seat(Organization body, Organization onBehalfOf, VotingRight right, string role = "Mitglied")
        {
            var from = onBehalfOf.StartDate > start ? onBehalfOf.StartDate.Value : start; // a fraction of the new council sits from its start
            var member = new Membership
            {
                Person = NewPerson(), Organization = body, OnBehalfOf = onBehalfOf, VotingRight = right, Role = role, StartDate = from, IsDemo = true,
            };
            db.Memberships.Add(member);
            db.Memberships.Add(new Membership
            {
                Person = NewPerson(), Organization = body, OnBehalfOf = onBehalfOf, VotingRight = right, Role = "Vertretung",
                DeputyFor = member, StartDate = from, IsDemo = true,
            });
        }

        Seat(plenary, orgs["org:dez-recht"], VotingRight.Voting, "Vorsitz"); // 004 §3: the Rechtsdezernent/in chairs
        Seat(plenary, orgs["org:dez-soziales"], VotingRight.Voting);
        foreach (var key in Composition.VotingInstitutions)
        {
            Seat(plenary, orgs[key], VotingRight.Voting);
        }

        var today = CityTime.Today(time);
        foreach (var fraction in (await composition.AllocateAsync(today, [], ct)).Fractions)
        {
            for (var i = 0; i < fraction.Seats; i++)
            {
                Seat(plenary, await db.Organizations.SingleAsync(o => o.Id == fraction.OrganizationId, ct), VotingRight.Voting);
            }
        }

        foreach (var key in Composition.AdvisoryInstitutions)
        {
            Seat(plenary, orgs[key], VotingRight.Advisory, key == "org:ordnungsamt" ? "Geschäftsführung" : "Mitglied"); // 004 §3: managing office
        }

        var steering = orgs["org:lenkungskreis"];
        Seat(steering, orgs["org:dez-recht"], VotingRight.Voting, "Vorsitz");
        Seat(steering, orgs["org:dez-soziales"], VotingRight.Voting);
        Seat(steering, orgs["org:ordnungsamt"], VotingRight.Voting, "Geschäftsführung");

        await db.SaveChangesAsync(ct);
        return true;
    }
}
