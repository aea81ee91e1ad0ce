using Masterplan.Algorithms.SeatAllocation;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>A rule of 004 that the composition of a body breaks, with the rule's source.</summary>
public sealed record Violation(string Rule, string Source);

/// <summary>One council group's share of the Vollversammlung's ten seats, with the arithmetic.</summary>
public sealed record FractionSeats(int OrganizationId, string Name, int CouncilSeats, string Quota, string QuotaFraction, int Floor, string? Remainder, int Seats, int Occupied);

/// <summary>The composition check of a body on a day: allocation, occupied seats and violations.</summary>
public sealed record CompositionCheck(int VotingSeats, IReadOnlyList<FractionSeats> Fractions, SeatTie? Tie, IReadOnlyList<Violation> Violations);

/// <summary>
/// The composition rules of the Vollversammlung (004 §3) and the Lenkungskreis (004 §2), checked against the
/// memberships of a day. A membership that breaks a rule can still be saved (reality comes first); the
/// violation is shown on the body's page and written to the audit log.
/// </summary>
public sealed class Composition(AppDbContext db, IConfiguration configuration)
{
    public const int PlenaryVotingSeats = 20;
    public const int FractionSeatsInPlenary = 10;

    /// <summary>004 §3: the eight institutions that each send one voting member.</summary>
    public static readonly string[] VotingInstitutions =
        ["org:bpn", "org:integrationsrat", "org:seniorenbeirat", "org:cityring", "org:handelsverband", "org:drogenhilfe", "org:awo-ag", "org:polizei"];

    /// <summary>004 §3: the Rechtsdezernent/in and the Sozialdezernent/in vote too.</summary>
    public static readonly string[] VotingDepartments = ["org:dez-recht", "org:dez-soziales"];

    /// <summary>004 §3: advisory members "in any case".</summary>
    public static readonly string[] AdvisoryInstitutions =
    [
        "org:staatsanwaltschaft", "org:amtsgericht", "org:feuerwehr", "org:edg", "org:ordnungsamt", "org:sozialamt", "org:gesundheitsamt",
        "org:jugendamt", "org:ihk", "org:gleichstellung", "org:lsbtiq", "org:slado", "org:wohnungslosigkeit", "org:aidshilfe", "org:weisser-ring", "org:jugendring",
    ];

    public async Task<CompositionCheck?> CheckAsync(Organization organization, DateOnly day, CancellationToken ct)
    {
        if (organization.Kind is not (OrganizationKind.PlenaryAssembly or OrganizationKind.SteeringCircle))
        {
            return null;
        }

        var members = await db.Memberships.AsNoTracking().Include(m => m.OnBehalfOf)
            .Where(m => m.OrganizationId == organization.Id && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day) && m.DeputyForId == null)
            .ToListAsync(ct);
        return organization.Kind == OrganizationKind.SteeringCircle
            ? CheckSteeringCircle(members)
            : await CheckPlenaryAsync(members, day, ct);
    }

    private static CompositionCheck CheckSteeringCircle(List<Membership> members)
    {
        var external = members.Where(m => m.OnBehalfOf is null || m.OnBehalfOf.Kind != OrganizationKind.Department).ToList();
        var violations = external.Select(m => new Violation(
            $"Nur Teilnehmende, die ein Dezernat entsendet, gehören dem Lenkungskreis an; eine Mitgliedschaft für „{m.OnBehalfOf?.Name ?? "niemanden"}“ ist extern.",
            "004 §2")).ToList();
        return new CompositionCheck(members.Count(m => m.VotingRight == VotingRight.Voting), [], null, violations);
    }

    private async Task<CompositionCheck> CheckPlenaryAsync(List<Membership> members, DateOnly day, CancellationToken ct)
    {
        var violations = new List<Violation>();
        var voting = members.Where(m => m.VotingRight == VotingRight.Voting).ToList();
        if (voting.Count != PlenaryVotingSeats)
        {
            violations.Add(new Violation($"Die Vollversammlung hat {PlenaryVotingSeats} stimmberechtigte Mitglieder; besetzt sind {voting.Count}.", "004 §3"));
        }

        var orgs = await db.Organizations.AsNoTracking().Where(o => o.SeedKey != null).ToDictionaryAsync(o => o.SeedKey!, ct);
        int VotingFor(string key) => voting.Count(m => m.OnBehalfOf?.SeedKey == key);
        foreach (var key in VotingInstitutions.Concat(VotingDepartments))
        {
            var count = VotingFor(key);
            if (count != 1 && orgs.TryGetValue(key, out var org))
            {
                violations.Add(new Violation(
                    count == 0 ? $"{org.Name} entsendet ein stimmberechtigtes Mitglied; der Sitz ist nicht besetzt." : $"{org.Name} hat {count} stimmberechtigte Mitglieder statt einem.",
                    "004 §3"));
            }
        }

        foreach (var key in AdvisoryInstitutions)
        {
            if (!members.Any(m => m.VotingRight == VotingRight.Advisory && m.OnBehalfOf?.SeedKey == key) && orgs.TryGetValue(key, out var org))
            {
                violations.Add(new Violation($"{org.Name} gehört der Vollversammlung in jedem Fall als beratendes Mitglied an; es fehlt.", "004 §3"));
            }
        }

        var chair = members.Where(m => m.Role == "Vorsitz").ToList();
        if (chair.Count != 1 || chair[0].OnBehalfOf?.SeedKey != "org:dez-recht")
        {
            violations.Add(new Violation("Die/der Rechtsdezernent/in leitet die Vollversammlung (Rolle „Vorsitz“ für das Rechtsdezernat).", "004 §3"));
        }

        if (!members.Any(m => m.Role == "Geschäftsführung" && m.OnBehalfOf?.SeedKey == "org:ordnungsamt"))
        {
            violations.Add(new Violation("Das Ordnungsamt übernimmt die Geschäftsführung (Rolle „Geschäftsführung“ für das Ordnungsamt).", "004 §3"));
        }

        var (fractions, tie) = await AllocateAsync(day, voting, ct);
        foreach (var f in fractions.Where(f => f.Occupied != f.Seats))
        {
            violations.Add(new Violation($"{f.Name} stehen nach Hare-Niemeyer {f.Seats} Sitze zu; besetzt sind {f.Occupied}.", "004 §3"));
        }

        if (tie is not null)
        {
            violations.Add(new Violation($"Gleichstand um {tie.SeatsInDispute} Sitz(e) zwischen {string.Join(", ", tie.Parties)}: das Los muss entscheiden.", "004 §3, Hare-Niemeyer"));
        }

        foreach (var m in voting.Where(m => m.OnBehalfOf?.Kind == OrganizationKind.Fraction && fractions.All(f => f.OrganizationId != m.OnBehalfOfId)))
        {
            violations.Add(new Violation($"Die Mitgliedschaft für „{m.OnBehalfOf!.Name}“ gehört zu keiner Ratsfraktion dieses Tages.", "004 §3"));
        }

        return new CompositionCheck(voting.Count, fractions, tie, violations);
    }

    /// <summary>
    /// The ten fraction seats by Hare-Niemeyer from the council seats of the fractions active on the day
    /// (004 §3). Whether Gruppen count too is the Office's setting <c>Organizations:PlenaryIncludesGroups</c>.
    /// </summary>
    public async Task<(IReadOnlyList<FractionSeats> Fractions, SeatTie? Tie)> AllocateAsync(DateOnly day, IReadOnlyCollection<Membership> voting, CancellationToken ct)
    {
        var includeGroups = configuration.GetValue("Organizations:PlenaryIncludesGroups", false);
        var fractions = (await db.Organizations.AsNoTracking()
                .Where(o => o.Kind == OrganizationKind.Fraction && o.CouncilSeats != null && o.CouncilSeats > 0)
                .ToListAsync(ct))
            .Where(o => o.IsActiveOn(day) && (includeGroups || o.Classification != "Gruppe"))
            .OrderByDescending(o => o.CouncilSeats).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        if (fractions.Count == 0)
        {
            return ([], null);
        }

        var result = SeatAllocator.HareNiemeyer(FractionSeatsInPlenary, fractions.Select(f => new PartyVotes(f.Name, f.CouncilSeats!.Value)).ToList());
        var rows = fractions.Zip(result.Parties, (f, p) => new FractionSeats(
            f.Id, f.Name, f.CouncilSeats!.Value, p.QuotaDecimal, p.QuotaFraction, (int)p.QuotaFloor, p.RemainderDecimal, p.Seats,
            voting.Count(m => m.OnBehalfOfId == f.Id))).ToList();
        return (rows, result.Tie);
    }
}
