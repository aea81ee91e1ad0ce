using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>An indicator as the API shows it: definition, baseline, target, status with its rule, and (for one indicator) its values.</summary>
public sealed record IndicatorDto(
    int Id, int FieldOfActionId, int? MeasureId, string Name, string? Definition, string Unit, string? DataSource, decimal? BaselineValue,
    DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, IndicatorDirection Direction, bool IsPublic, int Version,
    IndicatorStatus Status, string StatusLabel, string StatusRule, IndicatorDto.Point? Latest, IReadOnlyList<IndicatorDto.Point>? Values, int? OrganizationId = null)
{
    public sealed record Point(DateOnly Date, decimal Value, string? Note);
}

/// <summary>Body of POST and PUT <c>/api/v1/indicators</c>; for PUT, <c>version</c> is the version the client read.</summary>
public sealed record IndicatorWrite(
    int? FieldOfActionId, int? MeasureId, string? Name, string? Definition, string? Unit, string? DataSource, decimal? BaselineValue,
    DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, IndicatorDirection? Direction, bool IsPublic, int? Version, int? OrganizationId = null)
{
    public IndicatorInput ToInput() => new(FieldOfActionId, MeasureId, Name, Definition, Unit, DataSource, BaselineValue, BaselineDate, TargetValue, TargetDate, Direction, IsPublic, OrganizationId);
}

public sealed record IndicatorValueWrite(DateOnly? Date, decimal? Value, string? Note);

public sealed record ImportResult(int Imported);

/// <summary>Indicators over JSON (docs/domain.md#indicators): reading public ones for everyone, writing and importing values for the Office.</summary>
public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/v1/indicators").WithTags("Catalogue").AllowAnonymous();
        read.MapGet("/", ListAsync).WithSummary("Public indicators with their latest value and status against target; field filters by a field of action with its subtree.");
        read.MapGet("/{id:int}", GetAsync).WithSummary("One public indicator with all its values.");

        var write = app.MapGroup("/api/v1/indicators").WithTags("Catalogue").RequireAuthorization(CatalogueModule.Edit).DisableAntiforgery();
        write.MapPost("/", CreateAsync).WithSummary("Creates an indicator (Office).");
        write.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes an indicator (Office); 409 when version is no longer current.");
        write.MapPost("/{id:int}/values", AddValueAsync).WithSummary("Records one value (Office); one value per date.");
        write.MapPost("/{id:int}/values/csv", ImportAsync)
            .WithSummary("Imports values from a CSV body (Office): columns Datum;Wert[;Einheit][;Anmerkung] (or date,value,unit,note).")
            .WithDescription("Send the file as the request body with Content-Type text/csv (UTF-8). Every line is checked first; when any line is wrong nothing is imported and the answer is 400 with errors [{line, message}].");
    }

    private static async Task<Ok<List<IndicatorDto>>> ListAsync(int? field, Measures measures, Indicators indicators, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var query = db.Indicators.Where(i => i.IsPublic);
        if (field is { } f)
        {
            var ids = await measures.SubtreeAsync(f, ct);
            query = query.Where(i => ids.Contains(i.FieldOfActionId));
        }

        // The list needs only each indicator's latest value, not its whole series.
        var assessed = await indicators.AssessAsync(query.OrderBy(i => i.Id), null, ct);
        return TypedResults.Ok(assessed.Select(a => ToDto(a.Indicator, a.Assessment, null, OutcomeAdapters.Localizer(http))).ToList());
    }

    private static async Task<Results<Ok<IndicatorDto>, NotFound>> GetAsync(int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        (await IndicatorView.LoadAsync(db, db.Indicators.Where(i => i.Id == id), includeNonPublic: false, ct)).FirstOrDefault() is { } view
            ? TypedResults.Ok(ToDto(view, OutcomeAdapters.Localizer(http)))
            : TypedResults.NotFound();

    private static async Task<Results<Created<IndicatorDto>, ValidationProblem>> CreateAsync(IndicatorWrite body, Indicators indicators, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var result = await indicators.SaveAsync(null, null, body.ToInput(), ct);
        if (result.Value is not { } saved)
        {
            return Invalid(http, result.Errors);
        }

        return TypedResults.Created($"/api/v1/indicators/{saved.Id}", await LoadAsync(db, saved.Id, http, ct));
    }

    private static async Task<Results<Ok<IndicatorDto>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        int id, IndicatorWrite body, Indicators indicators, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var result = await indicators.SaveAsync(id, body.Version, body.ToInput(), ct);
        if (result.IsNotFound)
        {
            return TypedResults.NotFound();
        }

        if (result is { Kind: OutcomeKind.Conflict, Value: { } current })
        {
            return ApiProblems.StaleVersion(http, "Die Kennzahl wurde inzwischen geändert.", body.Version, current.Version);
        }

        return result.Succeeded ? TypedResults.Ok(await LoadAsync(db, id, http, ct)) : Invalid(http, result.Errors);
    }

    private static async Task<Results<Created<IndicatorDto>, ValidationProblem, NotFound>> AddValueAsync(
        int id, IndicatorValueWrite body, Indicators indicators, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var outcome = await indicators.AddValueAsync(id, body.Date, body.Value, body.Note, ct);
        if (outcome.IsNotFound)
        {
            return TypedResults.NotFound();
        }

        var named = outcome.Errors.Select(e => e with { Field = e.Field switch { "ValueDate" => "Date", "ValueNote" => "Note", _ => e.Field } });
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/indicators/{id}", await LoadAsync(db, id, http, ct)) : Invalid(http, named);
    }

    private static async Task<Results<Ok<ImportResult>, NotFound, ProblemHttpResult>> ImportAsync(int id, HttpRequest request, HttpContext http, Indicators indicators, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Indicators.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return OutcomeAdapters.Problem(http, StatusCodes.Status415UnsupportedMediaType, "Senden Sie die Datei als text/csv.",
                new FieldError("", "Der Inhalt muss als text/csv (UTF-8) gesendet werden."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var (imported, errors) = await indicators.ImportCsvAsync(id, buffer.ToArray(), ct);
        var t = OutcomeAdapters.Localizer(http);
        return errors.Count > 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Die Datei wurde nicht importiert."],
                detail: t["{0} Fehler; es wurde nichts importiert.", errors.Count] + " " + string.Join(" ", errors.Take(5).Select(e => e.Localize(t))),
                extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { line = e.Line, message = e.Message(t) }).ToList() })
            : TypedResults.Ok(new ImportResult(imported));
    }

    private static async Task<IndicatorDto> LoadAsync(AppDbContext db, int id, HttpContext http, CancellationToken ct) =>
        ToDto((await IndicatorView.LoadAsync(db, db.Indicators.Where(i => i.Id == id), includeNonPublic: true, ct)).First(), OutcomeAdapters.Localizer(http));

    private static ValidationProblem Invalid(HttpContext http, IEnumerable<FieldError> errors) => OutcomeAdapters.Invalid(http, errors, "Die Kennzahl ist nicht gültig.");

    private static IndicatorDto ToDto(IndicatorView v, IStringLocalizer t) => ToDto(v.Indicator, v.Assessment, v.Values, t);

    private static IndicatorDto ToDto(Indicator i, IndicatorAssessment a, IReadOnlyList<IndicatorValue>? values, IStringLocalizer t) => new(
        i.Id, i.FieldOfActionId, i.MeasureId, i.Name, i.Definition, i.Unit, i.DataSource, i.BaselineValue, i.BaselineDate, i.TargetValue, i.TargetDate,
        i.Direction, i.IsPublic, i.Version, a.Status, t[a.Label], a.Rule, a.Latest is { } l ? new IndicatorDto.Point(l.Date, l.Value, l.Note) : null,
        values?.Select(x => new IndicatorDto.Point(x.Date, x.Value, x.Note)).ToList(), i.OrganizationId);
}
