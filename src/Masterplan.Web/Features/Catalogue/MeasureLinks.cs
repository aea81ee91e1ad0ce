using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>Measures ("/massnahmen/7") as targets of <see cref="Links"/>: public ones for everybody, all for the Office.</summary>
public sealed partial class MeasureLinks(AppDbContext db) : ILinkTargets
{
    public LinkRef? Parse(string path, string fragment) =>
        MeasurePath().Match(path) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var id) ? new LinkRef(LinkKind.Measure, id) : null;

    public async Task<IReadOnlyDictionary<int, LinkTarget>> FindAsync(LinkKind kind, IReadOnlyCollection<int> ids, ClaimsPrincipal? viewer, CancellationToken ct)
    {
        if (kind != LinkKind.Measure)
        {
            return new Dictionary<int, LinkTarget>();
        }

        var all = viewer is null || viewer.IsInRole(Roles.Office);
        var measures = await db.Measures.AsNoTracking().Where(m => ids.Contains(m.Id) && (all || m.IsPublic)).Select(m => new { m.Id, m.Title }).ToListAsync(ct);
        return measures.ToDictionary(m => m.Id, m => new LinkTarget(new LinkRef(kind, m.Id), m.Title, $"/massnahmen/{m.Id}"));
    }

    [GeneratedRegex(@"^/(?:verwaltung/)?massnahmen/(?:bearbeiten/)?([0-9]{1,9})$")]
    private static partial Regex MeasurePath();
}
