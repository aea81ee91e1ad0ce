using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// Agenda items ("/sitzungen/3#top-9") and recommendations ("/sitzungen/3#empfehlung-4", "/verwaltung/empfehlungen/4") as
/// targets of <see cref="Links"/>, each only where <see cref="MeetingViewer"/> lets the viewer see it.
/// </summary>
public sealed partial class MeetingLinks(AppDbContext db) : ILinkTargets
{
    public LinkRef? Parse(string path, string fragment)
    {
        if (MeetingPath().IsMatch(path) || path == "/empfehlungen")
        {
            if (Fragment().Match(fragment) is { Success: true } f && int.TryParse(f.Groups[2].ValueSpan, CultureInfo.InvariantCulture, out var id))
            {
                return new LinkRef(f.Groups[1].Value == "top" ? LinkKind.AgendaItem : LinkKind.Recommendation, id);
            }

            return null;
        }

        return OfficePath().Match(path) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var recommendation)
            ? new LinkRef(LinkKind.Recommendation, recommendation)
            : null;
    }

    public async Task<IReadOnlyDictionary<int, LinkTarget>> FindAsync(LinkKind kind, IReadOnlyCollection<int> ids, ClaimsPrincipal? viewer, CancellationToken ct)
    {
        if (kind is not (LinkKind.AgendaItem or LinkKind.Recommendation))
        {
            return new Dictionary<int, LinkTarget>();
        }

        var who = viewer is null ? MeetingViewer.Everything : await MeetingViewer.OfAsync(db, viewer, ct);
        if (kind == LinkKind.AgendaItem)
        {
            var items = db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.Id));
            if (!who.SeesAll)
            {
                var insider = who.Insider<AgendaItem>(i => i.Meeting);
                items = items.Where(i => i.IsPublic && i.Meeting.IsPublic).Concat(items.Where(insider));
            }

            var found = await items.Select(i => new { i.Id, i.MeetingId, i.Number, i.Title, Body = i.Meeting.Organization.Name, i.Meeting.Start }).ToListAsync(ct);
            return found.DistinctBy(i => i.Id).ToDictionary(i => i.Id, i => new LinkTarget(new LinkRef(kind, i.Id),
                $"TOP {i.Number} {i.Title} ({i.Body}, {CityTime.Local(i.Start):dd.MM.yyyy})", $"/sitzungen/{i.MeetingId}#top-{i.Id}"));
        }

        var recommendations = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id)).VisibleTo(who, db.AgendaItems)
            .Select(r => new { r.Id, r.MeetingId, r.Title, Body = r.Meeting.Organization.Name, r.AdoptedOn }).ToListAsync(ct);
        return recommendations.ToDictionary(r => r.Id, r => new LinkTarget(new LinkRef(kind, r.Id),
            $"{r.Title} ({r.Body}, {r.AdoptedOn:dd.MM.yyyy})", $"/sitzungen/{r.MeetingId}#empfehlung-{r.Id}"));
    }

    [GeneratedRegex(@"^/sitzungen/[0-9]{1,9}$")]
    private static partial Regex MeetingPath();

    [GeneratedRegex(@"^(top|empfehlung)-([0-9]{1,9})$")]
    private static partial Regex Fragment();

    [GeneratedRegex(@"^/verwaltung/empfehlungen/([0-9]{1,9})$")]
    private static partial Regex OfficePath();
}

/// <summary>
/// Both directions of "taken up by" (<see cref="RecommendationTakeUp"/>, and measures whose source links a recommendation):
/// what took each recommendation up, and which recommendations a measure, paper or agenda item took up.
/// </summary>
public sealed class RecommendationTakeUps(AppDbContext db, Links links)
{
    /// <summary>What may take a recommendation up.</summary>
    public static readonly LinkKind[] Kinds = [LinkKind.Measure, LinkKind.Paper, LinkKind.AgendaItem];

    /// <summary>Per recommendation, what took it up and the viewer may see, in the order measure, paper, agenda item.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<LinkTarget>>> OfRecommendationsAsync(IReadOnlyCollection<int> recommendationIds, ClaimsPrincipal? viewer, CancellationToken ct)
    {
        var rows = await db.RecommendationTakeUps.AsNoTracking().Where(t => recommendationIds.Contains(t.RecommendationId))
            .Select(t => new { t.RecommendationId, t.Kind, t.TargetId }).ToListAsync(ct);
        var sources = await db.Set<Measure>().AsNoTracking()
            .Where(m => m.SourceLinkKind == LinkKind.Recommendation && m.SourceLinkId != null && recommendationIds.Contains(m.SourceLinkId.Value))
            .Select(m => new { RecommendationId = m.SourceLinkId!.Value, Kind = LinkKind.Measure, TargetId = m.Id }).ToListAsync(ct);
        var all = rows.Concat(sources).DistinctBy(r => (r.RecommendationId, r.Kind, r.TargetId)).ToList();
        var targets = await links.ResolveAsync(all.Select(r => new LinkRef(r.Kind, r.TargetId)), viewer, ct);
        return all.GroupBy(r => r.RecommendationId).ToDictionary(g => g.Key, g => (IReadOnlyList<LinkTarget>)g
            .Select(r => targets.GetValueOrDefault(new LinkRef(r.Kind, r.TargetId))).OfType<LinkTarget>()
            .OrderBy(t => Array.IndexOf(Kinds, t.Ref.Kind)).ThenBy(t => t.Label, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>The recommendations <paramref name="target"/> took up that the viewer may see (a measure also by its source link).</summary>
    public async Task<IReadOnlyList<LinkTarget>> TakenUpByAsync(LinkRef target, ClaimsPrincipal? viewer, CancellationToken ct) =>
        (await TakenUpByAsync(target.Kind, [target.Id], viewer, ct)).GetValueOrDefault(target.Id) ?? [];

    /// <summary>Per target of <paramref name="kind"/>, the recommendations it took up that the viewer may see.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<LinkTarget>>> TakenUpByAsync(LinkKind kind, IReadOnlyCollection<int> targetIds, ClaimsPrincipal? viewer, CancellationToken ct)
    {
        var pairs = await db.RecommendationTakeUps.AsNoTracking().Where(t => t.Kind == kind && targetIds.Contains(t.TargetId))
            .Select(t => new { t.TargetId, t.RecommendationId }).ToListAsync(ct);
        if (kind == LinkKind.Measure)
        {
            pairs.AddRange(await db.Set<Measure>().AsNoTracking().Where(m => targetIds.Contains(m.Id) && m.SourceLinkKind == LinkKind.Recommendation && m.SourceLinkId != null)
                .Select(m => new { TargetId = m.Id, RecommendationId = m.SourceLinkId!.Value }).ToListAsync(ct));
        }

        var found = await links.ResolveAsync(pairs.Select(p => new LinkRef(LinkKind.Recommendation, p.RecommendationId)), viewer, ct);
        return pairs.GroupBy(p => p.TargetId).ToDictionary(g => g.Key, g => (IReadOnlyList<LinkTarget>)g.Select(p => p.RecommendationId).Distinct()
            .Select(id => found.GetValueOrDefault(new LinkRef(LinkKind.Recommendation, id))).OfType<LinkTarget>()
            .OrderBy(t => t.Label, StringComparer.CurrentCulture).ToList());
    }
}
