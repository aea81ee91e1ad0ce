using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

public sealed record ConsultationDto(
    int Position, int OrganizationId, string OrganizationName, DateOnly Date, ConsultationRole Role, bool Authoritative,
    ConsultationResult? Result, DateOnly? ResultDate);

public sealed record PaperDto(
    int Id, string? Reference, string Name, string PaperType, DateOnly Date, string? ResponsibleOrganization, string? Originator,
    string? DecisionProposal, string? Reasons, int? AmendsPaperId, string? AmendsPaperName, string? Source, bool IsDemo,
    IReadOnlyList<ConsultationDto> Consultations);

/// <summary>
/// Council papers (Vorlagen, Anträge) with their Beratungsfolge: the reference data brings 26093-22 and the motion that
/// amends it (001, 004); the Office writes further papers, their files and consultations, and schedules them on agendas.
/// </summary>
public sealed class PapersModule : IModule
{
    /// <summary>The Office writes papers and keeps their Beratungsfolge.</summary>
    public const string Manage = "Papers.Manage";

    /// <summary>Longest draft decision or reasons, in characters.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Largest uploaded file of a paper.</summary>
    public const int MaxFileMegabytes = 20;

    /// <summary>Papers per page of the public list.</summary>
    public const int PageSize = 25;

    /// <summary>The paper types the form offers (OParl paperType); the first is the usual one.</summary>
    public static readonly string[] PaperTypes = ["Beschlussvorlage", "Antrag", "Mitteilung", "Anfrage", "Bericht", "Stellungnahme", "Dringlichkeitsvorlage"];

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Papers/Index"),
        PageAccess.PublicPage("/Papers/Details"),
        PageAccess.Folder("/Papers/Manage", Manage),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 40, "Vorlagen", "/vorlagen"),
        new(NavigationArea.Account, 35, "Vorlagen verwalten", "/verwaltung/vorlagen", Manage),
    ];

    public IEnumerable<string> TranslationLabels => ((IEnumerable<string>)["Vorlagen und Anträge", "Neue Vorlage"]).Concat(Enum.GetValues<ConsultationRole>().Select(RoleLabel).Concat(Enum.GetValues<ConsultationResult>().Select(ResultLabel)).Concat(PaperTypes));

    /// <summary>
    /// Agenda items link papers; the reference data brings paper 26093-22 with its Beratungsfolge; other modules (the
    /// reports module's half-year report) create papers through <see cref="PaperSubmission"/>.
    /// </summary>
    public IReadOnlyList<Type> PublicApi =>
    [
        typeof(Paper), typeof(Consultation), typeof(ConsultationRole), typeof(ConsultationResult), typeof(PaperFile), typeof(PaperFileContent),
        typeof(PaperRelation), typeof(PaperSubmission), typeof(NewPaper), typeof(NewPaperFile), typeof(NewConsultation),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchSource<PaperSearch>();
        services.AddNewsSource<PaperSearch>(typeof(Paper));
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Roles.Office));
        services.AddScoped<PaperSubmission>();
        services.AddLinkTargets<PaperLinks>();
    }

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        PapersDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public static string RoleLabel(ConsultationRole role) => role switch
    {
        ConsultationRole.Recommendation => "Empfehlung",
        ConsultationRole.Deliberation => "Beratung",
        ConsultationRole.Acknowledgement => "Kenntnisnahme",
        _ => "Beschluss",
    };

    public static string ResultLabel(ConsultationResult result) => result switch
    {
        ConsultationResult.Adopted => "beschlossen",
        ConsultationResult.AdoptedWithChanges => "geändert beschlossen",
        ConsultationResult.Rejected => "abgelehnt",
        ConsultationResult.Acknowledged => "zur Kenntnis genommen",
        ConsultationResult.Recommended => "empfohlen",
        ConsultationResult.Postponed => "vertagt",
        _ => "zurückgezogen",
    };

    public void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/papers").WithTags("Papers").AllowAnonymous();
        api.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Papers.AsNoTracking().OrderByDescending(p => p.Date).ToDto().ToListAsync(ct)))
            .WithSummary("Council papers (Vorlagen) and motions (Anträge) with their Beratungsfolge.");
        api.MapGet("/{id:int}", async Task<Results<Ok<PaperDto>, NotFound>> (int id, AppDbContext db, CancellationToken ct) =>
                await db.Papers.AsNoTracking().Where(p => p.Id == id).ToDto().FirstOrDefaultAsync(ct) is { } dto
                    ? TypedResults.Ok(dto)
                    : TypedResults.NotFound())
            .WithSummary("One paper with its Beratungsfolge.");
        app.MapGet("/vorlagen/{paperId:int}/dateien/{id:int}", DownloadAsync).ExcludeFromDescription().AllowAnonymous();
    }

    /// <summary>A paper's file; papers are public, so are their files.</summary>
    private static async Task<IResult> DownloadAsync(int paperId, int id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var file = await db.PaperFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.PaperId == paperId, ct);
        if (file is null)
        {
            return Results.NotFound();
        }

        var content = await db.PaperFileContents.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers["Digest"] = $"sha-512={Convert.ToBase64String(Convert.FromHexString(file.Sha512))}";
        return Results.File(content.Data, file.MediaType, file.FileName);
    }
}

/// <summary>Papers as the public API and the pages show them.</summary>
public static class PaperQueries
{
    public static IQueryable<PaperDto> ToDto(this IQueryable<Paper> query) =>
        query.Select(p => new PaperDto(
            p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.ResponsibleOrganization != null ? p.ResponsibleOrganization.Name : null,
            p.Originator, p.DecisionProposal, p.Reasons, p.AmendsPaperId, p.AmendsPaper != null ? p.AmendsPaper.Name : null, p.Source, p.IsDemo,
            p.Consultations.OrderBy(c => c.Position)
                .Select(c => new ConsultationDto(c.Position, c.OrganizationId, c.Organization.Name, c.Date, c.Role, c.Authoritative, c.Result, c.ResultDate))
                .ToList()));
}
