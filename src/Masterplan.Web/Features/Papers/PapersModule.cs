using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

public sealed record ConsultationDto(int Position, int OrganizationId, string OrganizationName, DateOnly Date, ConsultationRole Role);

public sealed record PaperDto(
    int Id, string? Reference, string Name, string PaperType, DateOnly Date, string? ResponsibleOrganization, string? Originator,
    string? DecisionProposal, int? AmendsPaperId, string? AmendsPaperName, string? Source, IReadOnlyList<ConsultationDto> Consultations);

public sealed class PapersModule : IModule
{
    public IReadOnlyList<PageAccess> Pages => [PageAccess.PublicFolder("/Papers")];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Main, 40, "Vorlagen", "/vorlagen")];

    public IEnumerable<string> TranslationLabels => Enum.GetValues<ConsultationRole>().Select(RoleLabel);

    /// <summary>Agenda items link papers; the reference data brings paper 26093-22 with its Beratungsfolge.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(Paper), typeof(Consultation), typeof(ConsultationRole)];

    public static string RoleLabel(ConsultationRole role) => role switch
    {
        ConsultationRole.Recommendation => "Empfehlung",
        ConsultationRole.Deliberation => "Beratung",
        _ => "Beschluss",
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
    }
}

/// <summary>Papers as the public API and the pages show them.</summary>
public static class PaperQueries
{
    public static IQueryable<PaperDto> ToDto(this IQueryable<Paper> query) =>
        query.Select(p => new PaperDto(
            p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.ResponsibleOrganization != null ? p.ResponsibleOrganization.Name : null,
            p.Originator, p.DecisionProposal, p.AmendsPaperId, p.AmendsPaper != null ? p.AmendsPaper.Name : null, p.Source,
            p.Consultations.OrderBy(c => c.Position)
                .Select(c => new ConsultationDto(c.Position, c.OrganizationId, c.Organization.Name, c.Date, c.Role)).ToList()));
}
