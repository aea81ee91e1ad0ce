using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// What took a contribution up, as the public sees it: the kind, its title and text, the page it lives on, who decided
/// and when, and the measure it led to (a lab recommendation that became a measure, or the measure itself).
/// </summary>
public sealed record TakenUpStep(string Kind, string Title, string? Text, string Link, string DecidedBy, DateOnly? DecidedOn, int? MeasureId);

/// <summary>The end of every impact chain: a public measure, its indicators and milestones, and where bodies treated it.</summary>
public sealed record MeasureSteps(Measure Measure, IReadOnlyList<Indicator> Indicators, IReadOnlyList<Milestone> MeasureMilestones, IReadOnlyList<(string Title, string Link)> TreatedIn);

public static class TakenUp
{
    /// <summary>The measure's steps of an impact chain; null when the measure is not public (or gone).</summary>
    public static async Task<MeasureSteps?> MeasureStepsAsync(AppDbContext db, int measureId, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId && m.IsPublic, ct);
        return measure is null ? null : new MeasureSteps(
            measure,
            await db.Indicators.AsNoTracking().Where(i => i.MeasureId == measureId && i.IsPublic).OrderBy(i => i.Name).ToListAsync(ct),
            await db.Milestones.AsNoTracking().Where(x => x.MeasureId == measureId).OrderBy(x => x.DueDate).ToListAsync(ct),
            await TreatedInAsync(db, measureId, ct));
    }

    /// <summary>The public step that took a contribution up; null when it is not taken up or its target is gone or not public.</summary>
    public static async Task<TakenUpStep?> ResolveAsync(AppDbContext db, Contribution c, CancellationToken ct) =>
        (await ResolveAsync(db, [c], ct)).GetValueOrDefault(c.Id);

    /// <summary>
    /// The public steps of many contributions by contribution id, one query per kind of step (lists and reports show
    /// hundreds); contributions without a public step are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, TakenUpStep>> ResolveAsync(AppDbContext db, IReadOnlyCollection<Contribution> contributions, CancellationToken ct)
    {
        var steps = new Dictionary<int, TakenUpStep>();
        var byKind = contributions.Where(c => c.Status == ParticipationModule.TakenUp && c.TakenUpId is not null).ToLookup(c => c.TakenUpKind);
        List<int> Ids(string kind) => byKind[kind].Select(c => c.TakenUpId!.Value).Distinct().ToList();
        void Add<T>(string kind, Dictionary<int, T> found, Func<Contribution, T, TakenUpStep> step)
        {
            foreach (var c in byKind[kind])
            {
                if (found.TryGetValue(c.TakenUpId!.Value, out var target))
                {
                    steps[c.Id] = step(c, target);
                }
            }
        }

        if (Ids(ParticipationModule.TakenUpByLabRecommendation) is { Count: > 0 } labIds)
        {
            var found = await db.LabRecommendations.AsNoTracking().Where(r => labIds.Contains(r.Id))
                .Join(db.Labs, r => r.LabId, l => l.Id, (r, l) => new { r.Id, r.Text, r.MeasureId, LabId = l.Id, l.Title, l.HeldOn }).ToDictionaryAsync(r => r.Id, ct);
            Add(ParticipationModule.TakenUpByLabRecommendation, found, (c, r) => new TakenUpStep(c.TakenUpKind!, r.Title, r.Text, $"/quartierslabore/{r.LabId}",
                "Teilnehmende des Quartierslabors", r.HeldOn, r.MeasureId));
        }

        if (Ids(ParticipationModule.TakenUpByBodyRecommendation) is { Count: > 0 } recommendationIds)
        {
            var found = await db.Set<Recommendation>().AsNoTracking().VisibleTo(MeetingViewer.Public, db.Set<AgendaItem>()).Where(r => recommendationIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Title, r.Text, r.AdoptedOn, r.MeetingId, Body = r.Meeting.Organization.Name }).ToDictionaryAsync(r => r.Id, ct);
            Add(ParticipationModule.TakenUpByBodyRecommendation, found, (c, r) => new TakenUpStep(c.TakenUpKind!, r.Title, r.Text, $"/sitzungen/{r.MeetingId}#empfehlung-{r.Id}",
                r.Body, r.AdoptedOn, null));
        }

        if (Ids(ParticipationModule.TakenUpByAgendaItem) is { Count: > 0 } itemIds)
        {
            var found = await db.Set<AgendaItem>().AsNoTracking().Where(a => itemIds.Contains(a.Id) && a.IsPublic && a.Meeting.IsPublic)
                .Select(a => new { a.Id, a.Number, a.Title, a.Text, a.MeetingId, a.Meeting.Start, Body = a.Meeting.Organization.Name }).ToDictionaryAsync(a => a.Id, ct);
            Add(ParticipationModule.TakenUpByAgendaItem, found, (c, a) => new TakenUpStep(c.TakenUpKind!, $"TOP {a.Number}: {a.Title}", a.Text, $"/sitzungen/{a.MeetingId}#top-{a.Id}",
                a.Body, DateOnly.FromDateTime(Shared.CityTime.Local(a.Start)), null));
        }

        if (Ids(ParticipationModule.TakenUpByMeasure) is { Count: > 0 } measureIds)
        {
            var found = await db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id) && m.IsPublic).Select(m => m.Id).ToDictionaryAsync(m => m, ct);
            Add(ParticipationModule.TakenUpByMeasure, found, (c, id) => new TakenUpStep(c.TakenUpKind!, "", null, $"/massnahmen/{id}", "Geschäftsstelle",
                c.AnsweredAt is { } at ? DateOnly.FromDateTime(Shared.CityTime.Local(at)) : null, id));
        }

        return steps;
    }

    /// <summary>The public agenda items that treat a measure (an agenda link to it): where a body discussed it, newest first.</summary>
    private static async Task<IReadOnlyList<(string Title, string Link)>> TreatedInAsync(AppDbContext db, int measureId, CancellationToken ct)
    {
        var items = db.Set<AgendaItem>().Where(a => a.IsPublic && a.Meeting.IsPublic
            && db.Set<AgendaLink>().Any(l => l.AgendaItemId == a.Id && l.Kind == AgendaLinkKind.Measure && l.TargetId == measureId));
        var found = await items.OrderByDescending(a => a.Meeting.Start).Take(20)
            .Select(a => new { a.Id, a.Number, a.Title, a.MeetingId, a.Meeting.Start, Body = a.Meeting.Organization.Name }).ToListAsync(ct);
        return found.Select(a => ($"{a.Body}, {Shared.CityTime.Local(a.Start):dd.MM.yyyy}, TOP {a.Number}: {a.Title}", $"/sitzungen/{a.MeetingId}#top-{a.Id}")).ToList();
    }

    /// <summary>
    /// The published contributions that led to a measure: taken up by it directly, or by a lab recommendation that became it.
    /// </summary>
    public static IQueryable<Contribution> ForMeasure(AppDbContext db, int measureId)
    {
        var recommendations = db.Set<LabRecommendation>().Where(r => r.MeasureId == measureId).Select(r => r.Id);
        return db.Set<Contribution>().Where(c => c.Moderation == ParticipationModule.Published && c.Status == ParticipationModule.TakenUp
            && ((c.TakenUpKind == ParticipationModule.TakenUpByMeasure && c.TakenUpId == measureId)
                || (c.TakenUpKind == ParticipationModule.TakenUpByLabRecommendation && recommendations.Contains(c.TakenUpId!.Value))));
    }
}
