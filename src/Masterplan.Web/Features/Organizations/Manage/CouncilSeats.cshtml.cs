using Masterplan.Web.Shared;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations.Manage;

/// <summary>
/// After an election or a change of fraction the Office enters the new council seats; the page recomputes the
/// Vollversammlung's ten fraction seats, shows who gains or loses, and lists the memberships to add or end
/// (docs/domain.md#seat-allocation). A tie for the last seat is decided here by a recorded lot.
/// </summary>
public sealed class CouncilSeatsModel(AppDbContext db, Composition composition, TimeProvider time) : PageModel
{
    public sealed record Change(int FractionId, string Name, int OldCouncilSeats, int NewCouncilSeats, int OldSeats, int NewSeats, IReadOnlyList<string> MembersToEnd);

    public IReadOnlyList<Organization> Fractions { get; private set; } = [];

    public Allocation Current { get; private set; } = null!;

    public IReadOnlyList<Change>? Preview { get; private set; }

    public SeatTieText? PreviewTie { get; private set; }

    public sealed record SeatTieText(string Parties, int Seats);

    [BindProperty]
    public Dictionary<int, int?> Seats { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Seed { get; set; }

    [BindProperty]
    public string? SeedAct { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A POST without a handler (a form sent by hand or a client that dropped the query) shows the page instead of failing.</summary>
    public async Task OnPostAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Validate())
        {
            return Page();
        }

        var plenary = await db.Organizations.AsNoTracking().SingleAsync(o => o.Kind == OrganizationKind.PlenaryAssembly, ct);
        var today = Today();
        var voting = await db.Memberships.AsNoTracking().Include(m => m.Person)
            .Where(m => m.OrganizationId == plenary.Id && m.VotingRight == VotingRight.Voting && m.DeputyForId == null && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .ToListAsync(ct);
        var proposed = await composition.AllocateAsync(Fractions.Select(f => (f, Seats[f.Id]!.Value)).ToList(), voting, ct);
        PreviewTie = proposed.Tie is null ? null : new SeatTieText(string.Join(", ", proposed.Tie.Parties), proposed.Tie.SeatsInDispute);
        Preview = Fractions.Select(f =>
        {
            var before = Current.Fractions.FirstOrDefault(x => x.OrganizationId == f.Id)?.Seats ?? 0;
            var after = proposed.Fractions.FirstOrDefault(x => x.OrganizationId == f.Id)?.Seats ?? 0;
            var members = voting.Where(m => m.OnBehalfOfId == f.Id).OrderByDescending(m => m.StartDate).ToList();
            return new Change(f.Id, f.Name, f.CouncilSeats ?? 0, Seats[f.Id]!.Value, before, after,
                members.Take(Math.Max(0, members.Count - after)).Select(m => m.Person.DisplayName).ToList());
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Validate())
        {
            return Page();
        }

        var tracked = await db.Organizations.Where(o => Seats.Keys.Contains(o.Id) && o.Kind == OrganizationKind.Fraction).ToListAsync(ct);
        foreach (var fraction in tracked)
        {
            fraction.CouncilSeats = Seats[fraction.Id];
        }

        db.AuditReason = string.IsNullOrWhiteSpace(Reason) ? "Neue Sitzzahlen im Rat" : Reason.Trim();
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLotAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Seed) || Seed.Length > 200)
        {
            Error = "Bitte geben Sie den Startwert des Loses ein, zum Beispiel die in der Sitzung gezogenen Zahlen (höchstens 200 Zeichen).";
            return Page();
        }

        if (SeedAct?.Trim().Length > 1000)
        {
            Error = "Die Angabe zum öffentlichen Akt ist länger als 1000 Zeichen.";
            return Page();
        }

        var lot = await composition.DrawLotAsync(Today(), Seed.Trim(), string.IsNullOrWhiteSpace(SeedAct) ? null : SeedAct.Trim(), User.FindFirst("name")?.Value, time, ct);
        if (lot is null)
        {
            Error = "Es gibt keinen Gleichstand, den ein Los entscheiden müsste.";
            return Page();
        }

        return RedirectToPage();
    }

    private bool Validate()
    {
        foreach (var f in Fractions)
        {
            if (!Seats.TryGetValue(f.Id, out var value) || value is null or < 0 or > 1000)
            {
                this.ShowError($"Seats[{f.Id}]", "Bitte geben Sie für {0} eine ganze Zahl von 0 bis 1000 ein.", f.Name);
            }
        }

        return ModelState.IsValid;
    }

    private DateOnly Today() => Masterplan.Web.Shared.CityTime.Today(time);

    private async Task LoadAsync(CancellationToken ct)
    {
        Fractions = await composition.FractionsAsync(Today(), ct);
        Current = await composition.AllocateAsync(Today(), [], ct);
        foreach (var f in Fractions.Where(f => !Seats.ContainsKey(f.Id)))
        {
            Seats[f.Id] = f.CouncilSeats;
        }
    }
}
