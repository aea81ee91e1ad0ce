using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>The public list of papers with search by reference or words, by the body that consults them, and by period.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string? Reference, string Name, string PaperType, DateOnly Date, bool IsDemo);

    /// <summary>A Drucksache number or words of the title, draft decision or reasons.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "gremium")]
    public int? Body { get; set; }

    [BindProperty(SupportsGet = true, Name = "von")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "bis")]
    public DateOnly? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Papers { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PapersModule.PageSize - 1) / PapersModule.PageSize);

    public bool Filtered => Query is not null || Body is not null || From is not null || Until is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Bodies = (await db.Organizations.AsNoTracking().Where(o => db.Set<Consultation>().Any(c => c.OrganizationId == o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        if (From is { } from && Until is { } until && until < from)
        {
            ModelState.AddModelError("bis", new FieldError("", "Das Ende des Zeitraums liegt vor seinem Anfang.").Localize(OutcomeAdapters.Localizer(HttpContext)));
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var papers = db.Papers.AsNoTracking();
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        if (Query is { } q)
        {
            foreach (var word in q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))
            {
                var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).ToLower(CultureInfo.InvariantCulture) + "%";
                papers = papers.Where(p => (p.Reference != null && EF.Functions.Like(p.Reference.ToLower(), pattern, "\\"))
                    || EF.Functions.Like(p.Name.ToLower(), pattern, "\\")
                    || (p.DecisionProposal != null && EF.Functions.Like(p.DecisionProposal.ToLower(), pattern, "\\"))
                    || (p.Reasons != null && EF.Functions.Like(p.Reasons.ToLower(), pattern, "\\")));
            }
        }

        if (Body is { } body)
        {
            papers = papers.Where(p => p.Consultations.Any(c => c.OrganizationId == body));
        }

        if (From is { } f)
        {
            papers = papers.Where(p => p.Date >= f);
        }

        if (Until is { } u)
        {
            papers = papers.Where(p => p.Date <= u);
        }

        Total = await papers.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Papers = await papers.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Skip((PageNumber - 1) * PapersModule.PageSize).Take(PapersModule.PageSize)
            .Select(p => new Row(p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.IsDemo)).ToListAsync(ct);
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query, ["gremium"] = Body?.ToString(CultureInfo.InvariantCulture), ["von"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["bis"] = Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["seite"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent() is var qs ? "/vorlagen" + qs : "/vorlagen";
}
