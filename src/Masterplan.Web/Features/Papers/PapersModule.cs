using Masterplan.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

public sealed record ConsultationDto(int Position, int OrganizationId, string OrganizationName, DateOnly Date, ConsultationRole Role);

public sealed record PaperDto(
    int Id, string? Reference, string Name, string PaperType, DateOnly Date, string? ResponsibleOrganization, string? Originator,
    string? DecisionProposal, int? AmendsPaperId, string? AmendsPaperName, string? Source, IReadOnlyList<ConsultationDto> Consultations);

public static class PapersModule
{
    public static string RoleLabel(ConsultationRole role) => role switch
    {
        ConsultationRole.Recommendation => "Empfehlung",
        ConsultationRole.Deliberation => "Beratung",
        _ => "Beschluss",
    };

    public static IQueryable<PaperDto> ToDto(this IQueryable<Paper> query) =>
        query.Select(p => new PaperDto(
            p.Id, p.Reference, p.Name, p.PaperType, p.Date, p.ResponsibleOrganization != null ? p.ResponsibleOrganization.Name : null,
            p.Originator, p.DecisionProposal, p.AmendsPaperId, p.AmendsPaper != null ? p.AmendsPaper.Name : null, p.Source,
            p.Consultations.OrderBy(c => c.Position)
                .Select(c => new ConsultationDto(c.Position, c.OrganizationId, c.Organization.Name, c.Date, c.Role)).ToList()));

    public static WebApplication MapPapersApi(this WebApplication app)
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
        return app;
    }
}
