using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Catalogue;

public sealed class IndexModel(CatalogueTree tree, Measures measures, Indicators indicators, Data.AppDbContext db) : PageModel
{
    /// <summary>Progress per node (today's catalogue only; public measures, discarded ones excluded).</summary>
    public IReadOnlyDictionary<int, NodeProgress> RollUp { get; private set; } = new Dictionary<int, NodeProgress>();

    public IReadOnlyList<CatalogueNode> Fields { get; private set; } = [];

    /// <summary>The status of the public indicators of each node (today's catalogue only).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<IndicatorStatus>> Kpis { get; private set; } = new Dictionary<int, IReadOnlyList<IndicatorStatus>>();

    public int Count { get; private set; }

    /// <summary>Show the catalogue as it stood at the end of this day (Dortmund time); empty: today.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public DateOnly? AsOf { get; set; }

    /// <summary>Look up which entries carried this number, now or earlier.</summary>
    [BindProperty(SupportsGet = true, Name = "nummer")]
    public string? Number { get; set; }

    public IReadOnlyList<NumberUse>? NumberUses { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Number))
        {
            Number = Number.Trim().TrimEnd('.');
            NumberUses = Number.Length <= 20 ? await tree.NumberHistoryAsync(Number, ct) : [];
        }

        Fields = AsOf is { } day ? await tree.LoadAsOfAsync(EndOfDay(day), ct) : await tree.LoadAsync(ct);
        Count = Fields.Sum(f => f.SelfAndDescendants().Count());
        if (AsOf is null)
        {
            RollUp = await measures.RollUpAsync(Fields, publicOnly: true, ct);
            Kpis = (await indicators.AssessAsync(db.Indicators.Where(i => i.IsPublic), null, ct))
                .GroupBy(k => k.Indicator.FieldOfActionId).ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorStatus>)g.Select(k => k.Assessment.Status).ToList());
        }
    }

    /// <summary>The last moment of a calendar day in Dortmund, as UTC.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => Shared.CityTime.ToUtc(day.AddDays(1), TimeOnly.MinValue).AddTicks(-10);
}
