using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Districts;

public sealed record DistrictDto(int Id, string Name, int Position, int? Residents, DateOnly? ResidentsAsOf, string? Source);

public sealed class DistrictsModule : IModule
{
    public IReadOnlyList<PageAccess> Pages => [PageAccess.PublicFolder("/Districts")];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Main, 60, "Stadtbezirke", "/stadtbezirke")];

    /// <summary>Bodies, measures and labs are placed in districts.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(District)];

    public static Task<List<DistrictDto>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Districts.AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new DistrictDto(d.Id, d.Name, d.Position, d.Residents, d.ResidentsAsOf, d.Source))
            .ToListAsync(ct);

    public void MapEndpoints(WebApplication app) =>
        app.MapGroup("/api/v1/districts").WithTags("Districts").AllowAnonymous()
            .MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithSummary("Dortmund's twelve districts (Stadtbezirke) with residents and source.");
}
