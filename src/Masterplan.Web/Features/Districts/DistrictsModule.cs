using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Districts;

public sealed record DistrictDto(int Id, string Name, int Position, int? Residents, DateOnly? ResidentsAsOf, string? Source);

public static class DistrictsModule
{
    public static Task<List<DistrictDto>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Districts.AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new DistrictDto(d.Id, d.Name, d.Position, d.Residents, d.ResidentsAsOf, d.Source))
            .ToListAsync(ct);

    public static WebApplication MapDistrictsApi(this WebApplication app)
    {
        app.MapGroup("/api/v1/districts").WithTags("Districts").AllowAnonymous()
            .MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithSummary("Dortmund's twelve districts (Stadtbezirke) with residents and source.");
        return app;
    }
}
