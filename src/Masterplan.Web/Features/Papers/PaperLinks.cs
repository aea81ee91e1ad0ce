using System.Security.Claims;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>Papers as targets of <see cref="Links"/>: "/vorlagen/12" or the reference "26093-22". Every paper is public.</summary>
public sealed partial class PaperLinks(AppDbContext db) : ILinkTargets
{
    public LinkRef? Parse(string path, string fragment) =>
        PaperPath().Match(path) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, out var id) ? new LinkRef(LinkKind.Paper, id) : null;

    public async Task<LinkRef?> FindByTextAsync(string text, CancellationToken ct)
    {
        if (!PaperReference().IsMatch(text))
        {
            return null;
        }

        var id = await db.Papers.Where(p => p.Reference == text).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? new LinkRef(LinkKind.Paper, found) : null;
    }

    public async Task<IReadOnlyDictionary<int, LinkTarget>> FindAsync(LinkKind kind, IReadOnlyCollection<int> ids, ClaimsPrincipal? viewer, CancellationToken ct)
    {
        if (kind != LinkKind.Paper)
        {
            return new Dictionary<int, LinkTarget>();
        }

        var papers = await db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Reference, p.Name }).ToListAsync(ct);
        return papers.ToDictionary(p => p.Id, p => new LinkTarget(new LinkRef(kind, p.Id), p.Reference is null ? p.Name : $"{p.Reference} {p.Name}", $"/vorlagen/{p.Id}"));
    }

    [GeneratedRegex(@"^/vorlagen/([0-9]{1,9})$")]
    private static partial Regex PaperPath();

    [GeneratedRegex(@"^[0-9]{4,6}-[0-9]{2}$")]
    private static partial Regex PaperReference();
}
