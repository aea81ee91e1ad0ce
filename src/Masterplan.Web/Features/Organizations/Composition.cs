using Masterplan.Algorithms.SeatAllocation;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>A rule of 004 that the composition of a body breaks, with the rule's source.</summary>
public sealed record Violation(string Rule, string Source);

/// <summary>One council group's share of the Vollversammlung's ten seats, with the arithmetic.</summary>
public sealed record FractionSeats(int OrganizationId, string Name, int CouncilSeats, string Quota, string QuotaFraction, int Floor, string? Remainder, int Seats, int Occupied);

/// <summary>The ten fraction seats of a day: rows with the arithmetic, an undecided tie, or the lot that decided it.</summary>
public sealed record Allocation(IReadOnlyList<FractionSeats> Fractions, SeatTie? Tie, SeatLot? Lot, string Signature);

/// <summary>The composition check of a body on a day: allocation, occupied seats and violations.</summary>
public sealed record CompositionCheck(int VotingSeats, Allocation Allocation, IReadOnlyList<Violation> Violations)
{
    public IReadOnlyList<FractionSeats> Fractions => Allocation.Fractions;
}

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
        var check = organization.Kind == OrganizationKind.SteeringCircle
            ? CheckSteeringCircle(members)
            : await CheckPlenaryAsync(members, day, ct);
        var orphans = await OrphanedDeputiesAsync(organization.Id, day, ct);
        return orphans.Count == 0 ? check : check with { Violations = [.. check.Violations, .. orphans] };
    }

    /// <summary>
    /// Deputies still active on the day whose principal's membership has ended (or not begun): a Vertretung stands in for a
    /// member (004 §3), so it needs a new principal or an end. Named by what the membership stands for, never by the person,
    /// since the body's page is public.
    /// </summary>
    private async Task<List<Violation>> OrphanedDeputiesAsync(int organizationId, DateOnly day, CancellationToken ct)
    {
        var orphans = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.DeputyForId != null && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day)
                && (m.DeputyFor!.StartDate > day || (m.DeputyFor.EndDate != null && m.DeputyFor.EndDate < day)))
            .Select(m => new { For = m.DeputyFor!.OnBehalfOf!.Name, m.DeputyFor.EndDate }).ToListAsync(ct);
        return [.. orphans.Select(o => new Violation(
            o.EndDate is { } end
                ? $"Die Stellvertretung für {o.For ?? "ein Mitglied"} ist noch aktiv, obwohl die vertretene Mitgliedschaft am {end.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)} endete: beenden Sie sie oder ordnen Sie sie der neuen Mitgliedschaft zu."
                : $"Die Stellvertretung für {o.For ?? "ein Mitglied"} ist aktiv, obwohl die vertretene Mitgliedschaft noch nicht begonnen hat.",
            "004 §3"))];
    }

    private static CompositionCheck CheckSteeringCircle(List<Membership> members)
    {
        var external = members.Where(m => m.OnBehalfOf is null || m.OnBehalfOf.Kind != OrganizationKind.Department).ToList();
        var violations = external.Select(m => new Violation(
            $"Nur Teilnehmende, die ein Dezernat entsendet, gehören dem Lenkungskreis an; eine Mitgliedschaft für „{m.OnBehalfOf?.Name ?? "niemanden"}“ ist extern.",
            "004 §2")).ToList();
        return new CompositionCheck(members.Count(m => m.VotingRight == VotingRight.Voting), new Allocation([], null, null, ""), violations);
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

        var allocation = await AllocateAsync(day, voting, ct);
        var (fractions, tie) = (allocation.Fractions, allocation.Tie);
        foreach (var f in fractions.Where(f => f.Occupied != f.Seats))
        {
            violations.Add(new Violation(f.Name + Plural.Of(" steht nach Hare-Niemeyer {0} Sitz zu| stehen nach Hare-Niemeyer {0} Sitze zu", f.Seats) + $"; besetzt sind {f.Occupied}.", "004 §3"));
        }

        if (tie is not null)
        {
            violations.Add(new Violation(Plural.Of("Gleichstand um {0} Sitz|Gleichstand um {0} Sitze", tie.SeatsInDispute) + $" zwischen {string.Join(", ", tie.Parties)}: das Los muss entscheiden.", "004 §3, Hare-Niemeyer"));
        }

        foreach (var m in voting.Where(m => m.OnBehalfOf?.Kind == OrganizationKind.Fraction && fractions.All(f => f.OrganizationId != m.OnBehalfOfId)))
        {
            violations.Add(new Violation($"Die Mitgliedschaft für „{m.OnBehalfOf!.Name}“ gehört zu keiner Ratsfraktion dieses Tages.", "004 §3"));
        }

        return new CompositionCheck(voting.Count, allocation, violations);
    }

    /// <summary>
    /// The ten fraction seats by Hare-Niemeyer from the council seats of the fractions active on the day
    /// (004 §3). Whether Gruppen count too is the Office's setting <c>Organizations:PlenaryIncludesGroups</c>.
    /// A tie is decided by a recorded lot for exactly this composition, if the Office has drawn one.
    /// </summary>
    public async Task<Allocation> AllocateAsync(DateOnly day, IReadOnlyCollection<Membership> voting, CancellationToken ct)
    {
        var fractions = await FractionsAsync(day, ct);
        return await AllocateAsync(fractions.Select(f => (f, f.CouncilSeats!.Value)).ToList(), voting, ct);
    }

    /// <summary>The allocation for given council seats (also for seat counts the Office is about to enter).</summary>
    public async Task<Allocation> AllocateAsync(IReadOnlyList<(Organization Fraction, int Seats)> fractions, IReadOnlyCollection<Membership> voting, CancellationToken ct)
    {
        var counted = fractions.Where(f => f.Seats > 0).OrderByDescending(f => f.Seats).ThenBy(f => f.Fraction.Name, StringComparer.Ordinal).ToList();
        if (counted.Count == 0)
        {
            return new Allocation([], null, null, "");
        }

        var signature = string.Join('|', counted.OrderBy(f => f.Fraction.Name, StringComparer.Ordinal).Select(f => $"{f.Fraction.Name}={f.Seats}"));
        var result = SeatAllocator.HareNiemeyer(FractionSeatsInPlenary, counted.Select(f => new PartyVotes(f.Fraction.Name, f.Seats)).ToList());
        SeatLot? lot = null;
        if (result.Tie is not null && await db.SeatLots.AsNoTracking().Where(l => l.Signature == signature).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct) is { } drawn)
        {
            lot = drawn;
            result = SeatAllocator.ResolveTieByLot(result, drawn.Seed);
        }

        var rows = counted.Zip(result.Parties, (f, p) => new FractionSeats(
            f.Fraction.Id, f.Fraction.Name, f.Seats, p.QuotaDecimal, p.QuotaFraction, (int)p.QuotaFloor, p.RemainderDecimal, p.Seats,
            voting.Count(m => m.OnBehalfOfId == f.Fraction.Id))).ToList();
        return new Allocation(rows, result.Tie, lot, signature);
    }

    /// <summary>The council groups that count for the Vollversammlung on a day.</summary>
    public async Task<List<Organization>> FractionsAsync(DateOnly day, CancellationToken ct)
    {
        var includeGroups = configuration.GetValue("Organizations:PlenaryIncludesGroups", false);
        return (await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Fraction && o.CouncilSeats != null).ToListAsync(ct))
            .Where(o => o.IsActiveOn(day) && (includeGroups || o.Classification != "Gruppe"))
            .OrderByDescending(o => o.CouncilSeats).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Draws and records the lot for the current tie; the seed should come from a public act.</summary>
    public async Task<SeatLot?> DrawLotAsync(DateOnly day, string seed, string? seedAct, string? drawnBy, TimeProvider time, CancellationToken ct)
    {
        var fractions = await FractionsAsync(day, ct);
        var counted = fractions.Select(f => (f, f.CouncilSeats!.Value)).ToList();
        var allocation = await AllocateAsync(counted, [], ct);
        if (allocation.Tie is null)
        {
            return null;
        }

        var undecided = SeatAllocator.HareNiemeyer(FractionSeatsInPlenary, counted.Where(f => f.Value > 0).Select(f => new PartyVotes(f.f.Name, f.Value)).ToList());
        var decided = SeatAllocator.ResolveTieByLot(undecided, seed);
        var lot = new SeatLot
        {
            Signature = allocation.Signature, TiedParties = string.Join('|', decided.Lot!.TiedParties), SeatsInDispute = decided.Lot.SeatsInDispute,
            Seed = seed, SeedAct = seedAct, Winners = string.Join('|', decided.Lot.Winners), DrawnAt = time.GetUtcNow(), DrawnBy = drawnBy,
        };
        db.SeatLots.Add(lot);
        await db.SaveChangesAsync(ct);
        return lot;
    }
}
