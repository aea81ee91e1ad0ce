using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>A measure as the API shows it (public fields only; no staff names).</summary>
public sealed record MeasureDto(
    int Id, int FieldOfActionId, string Title, string? Description, string? Partners, MeasureStatus Status, string StatusLabel, int Progress,
    decimal Weight, decimal? PlannedBudget, decimal? SpentBudget, DateOnly? StartDate, DateOnly? EndDate, string? Place,
    IReadOnlyList<int> DistrictIds, IReadOnlyList<int> UnitIds, CatalogueSourceKind SourceKind, string? SourceText, bool IsPublic, int Version,
    IReadOnlyList<MeasureDto.StatusUpdate> StatusUpdates, IReadOnlyList<MeasureDto.MilestoneDto> Milestones, int PlanEdition, string? ExternalNumber,
    string? SourceLink)
{
    public sealed record StatusUpdate(DateOnly Date, string Text, MeasureStatus? NewStatus, int? NewProgress);

    public sealed record MilestoneDto(string Title, DateOnly DueDate, DateOnly? DoneDate);
}

/// <summary>Body of POST and PUT <c>/api/v1/measures</c>; for PUT, <c>version</c> is the version the client read.</summary>
public sealed record MeasureWrite(
    int? FieldOfActionId, string? Title, string? Description, string? Partners, MeasureStatus? Status, int? Progress, decimal? Weight,
    decimal? PlannedBudget, decimal? SpentBudget, DateOnly? StartDate, DateOnly? EndDate, string? Place, IReadOnlyList<int>? DistrictIds,
    IReadOnlyList<int>? UnitIds, CatalogueSourceKind? SourceKind, string? SourceText, bool IsPublic, int? Version, string? SourceLink = null)
{
    public MeasureInput ToInput(LinkRef? link) => new(
        FieldOfActionId, Title, Description, Partners, Status, Progress, Weight ?? 1, PlannedBudget, SpentBudget, StartDate, EndDate, Place,
        DistrictIds, UnitIds, SourceKind ?? CatalogueSourceKind.FreeText, SourceText, IsPublic, link);
}

/// <summary>Measures over JSON (docs/domain.md#measures): reading public measures for everyone, writing for the Office.</summary>
public static class MeasuresApi
{
    public static WebApplication MapMeasuresApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/v1/measures").WithTags("Catalogue").AllowAnonymous();
        read.MapGet("/", ListAsync)
            .WithSummary("Public measures, filtered by field of action (with its subtree), district and status, by id in pages.")
            .WithDescription($"page (from 1) and pageSize (default {DefaultPageSize}, at most {MaxPageSize}); the total is in the header X-Total-Count, the next page in a Link header with rel=\"next\".");
        read.MapGet("/{id:int}", GetAsync).WithSummary("One public measure with its status updates and milestones.");

        var write = app.MapGroup("/api/v1/measures").WithTags("Catalogue").RequireAuthorization(CatalogueModule.Edit).DisableAntiforgery();
        write.MapPost("/", CreateAsync).WithSummary("Creates a measure (Office).");
        write.MapPut("/{id:int}", UpdateAsync)
            .WithSummary("Changes a measure (Office).")
            .WithDescription("version must be the version the client read; when someone saved in between, the answer is 409 with the current version in the problem details.");
        return app;
    }

    private const int DefaultPageSize = 100;

    private const int MaxPageSize = 500;

    private static async Task<Results<Ok<List<MeasureDto>>, ProblemHttpResult>> ListAsync(
        int? field, int? district, MeasureStatus? status, int? page, int? pageSize, HttpContext http, Measures measures, Links links, CancellationToken ct)
    {
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        if (number < 1 || size is < 1 or > MaxPageSize)
        {
            return OutcomeAdapters.Problem(http, StatusCodes.Status400BadRequest, "Ungültige Seitenangabe.",
                new FieldError("", "page muss mindestens 1 sein, pageSize zwischen 1 und {0} liegen.", MaxPageSize));
        }

        var query = await measures.FilterAsync(publicOnly: true, field, district, status, ct);
        var total = await query.CountAsync(ct);
        var list = await query.OrderBy(m => m.Id).Skip((number - 1) * size).Take(size)
            .Include(m => m.Districts).Include(m => m.Units).Include(m => m.Updates).Include(m => m.Milestones).AsSplitQuery().ToListAsync(ct);
        http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (number * size < total)
        {
            var next = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path,
                http.Request.Query.Where(q => q.Key is not "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                    .Append(new("page", (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        var sources = await links.ResolveAsync(list.Select(m => m.SourceLink).OfType<LinkRef>(), http.User, ct);
        return TypedResults.Ok(list.Select(m => ToDto(m, OutcomeAdapters.Localizer(http), sources)).ToList());
    }

    private static async Task<Results<Ok<MeasureDto>, NotFound>> GetAsync(int id, AppDbContext db, Links links, HttpContext http, CancellationToken ct)
    {
        var measure = await Load(db).FirstOrDefaultAsync(m => m.Id == id && m.IsPublic, ct);
        return measure is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDtoAsync(measure, links, http, ct));
    }

    private static async Task<Results<Created<MeasureDto>, ValidationProblem>> CreateAsync(MeasureWrite body, Measures measures, AppDbContext db, Links links, HttpContext http, CancellationToken ct)
    {
        // The source link is checked like the form's: an address on this platform of a kind a measure can come from.
        var link = await links.ParseAsync("SourceLink", body.SourceLink, Manage.MeasureModel.MeasureSources, ct);
        if (!link.Succeeded)
        {
            return Invalid(http, link);
        }

        var result = await measures.SaveAsync(null, null, body.ToInput(link.Value), ct);
        if (result.Value is not { } created)
        {
            return Invalid(http, result);
        }

        var saved = await Load(db).FirstAsync(m => m.Id == created.Id, ct);
        return TypedResults.Created($"/api/v1/measures/{saved.Id}", await ToDtoAsync(saved, links, http, ct));
    }

    private static async Task<Results<Ok<MeasureDto>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        int id, MeasureWrite body, Measures measures, AppDbContext db, Links links, HttpContext http, CancellationToken ct)
    {
        var link = await links.ParseAsync("SourceLink", body.SourceLink, Manage.MeasureModel.MeasureSources, ct);
        if (!link.Succeeded)
        {
            return Invalid(http, link);
        }

        var result = await measures.SaveAsync(id, body.Version, body.ToInput(link.Value), ct);
        if (result.IsNotFound)
        {
            return TypedResults.NotFound();
        }

        if (result is { Kind: OutcomeKind.Conflict, Value: { } current })
        {
            return ApiProblems.StaleVersion(http, "Die Maßnahme wurde inzwischen geändert.", body.Version, current.Version);
        }

        if (!result.Succeeded)
        {
            return Invalid(http, result);
        }

        var saved = await Load(db).FirstAsync(m => m.Id == id, ct);
        return TypedResults.Ok(await ToDtoAsync(saved, links, http, ct));
    }

    private static ValidationProblem Invalid(HttpContext http, Outcome outcome) => ApiProblems.Invalid(http, outcome, "Die Maßnahme ist nicht gültig.");

    private static IQueryable<Measure> Load(AppDbContext db) =>
        db.Measures.AsNoTracking().Include(m => m.Districts).Include(m => m.Units).Include(m => m.Updates).Include(m => m.Milestones).AsSplitQuery();

    private static async Task<MeasureDto> ToDtoAsync(Measure m, Links links, HttpContext http, CancellationToken ct) =>
        ToDto(m, OutcomeAdapters.Localizer(http), m.SourceLink is { } source ? await links.ResolveAsync([source], http.User, ct) : new Dictionary<LinkRef, LinkTarget>());

    /// <summary>The measure with the address of its linked source when the caller may see that.</summary>
    private static MeasureDto ToDto(Measure m, IStringLocalizer t, IReadOnlyDictionary<LinkRef, LinkTarget> sources) => new(
        m.Id, m.FieldOfActionId, m.Title, m.Description, m.Partners, m.Status, t[Measures.StatusLabel(m.Status)], m.Progress, m.Weight, m.PlannedBudget,
        m.SpentBudget, m.StartDate, m.EndDate, m.Place, m.Districts.Select(d => d.DistrictId).Order().ToList(), m.Units.Select(u => u.OrganizationId).Order().ToList(),
        m.SourceKind, m.SourceText, m.IsPublic, m.Version,
        m.Updates.OrderBy(u => u.Date).ThenBy(u => u.Id).Select(u => new MeasureDto.StatusUpdate(u.Date, u.Text, u.NewStatus, u.NewProgress)).ToList(),
        m.Milestones.OrderBy(x => x.DueDate).ThenBy(x => x.Id).Select(x => new MeasureDto.MilestoneDto(x.Title, x.DueDate, x.DoneDate)).ToList(), m.PlanEdition, m.ExternalNumber,
        m.SourceLink is { } link ? sources.GetValueOrDefault(link)?.Url : null);
}
