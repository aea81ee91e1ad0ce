using Masterplan.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>A body as the public API shows it.</summary>
public sealed record OrganizationDto(
    int Id, string Name, string? ShortName, OrganizationKind Kind, string? Classification, int? ParentId, string? ParentName,
    int? DistrictId, string? Purpose, DateOnly? StartDate, DateOnly? EndDate, int? CouncilSeats, string? Source);

public static class OrganizationsModule
{
    /// <summary>The Office edits bodies and memberships.</summary>
    public const string Manage = "Organizations.Manage";

    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Masterplan.Web.Features.Accounts.Roles.Office));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Organizations/Manage", Manage));
        return services;
    }

    /// <summary>German labels of the kinds, shared by pages (the English resx translates them).</summary>
    public static string KindLabel(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SteeringCircle => "Lenkungskreis",
        OrganizationKind.PlenaryAssembly => "Vollversammlung",
        OrganizationKind.WorkingGroup => "Arbeitsgruppe",
        OrganizationKind.SpecialTaskForce => "Sonderstab",
        OrganizationKind.Institution => "Institution",
        OrganizationKind.Fraction => "Ratsfraktion oder -gruppe",
        OrganizationKind.Department => "Verwaltung (Dezernat, Amt)",
        OrganizationKind.Council => "Rat und Bezirksvertretungen",
        OrganizationKind.Committee => "Ausschuss",
        _ => kind.ToString(),
    };

    public static IQueryable<OrganizationDto> ToDto(this IQueryable<Organization> query) =>
        query.Select(o => new OrganizationDto(
            o.Id, o.Name, o.ShortName, o.Kind, o.Classification, o.ParentId, o.Parent != null ? o.Parent.Name : null,
            o.DistrictId, o.Purpose, o.StartDate, o.EndDate, o.CouncilSeats, o.Source));

    public static WebApplication MapOrganizationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations").AllowAnonymous();
        api.MapGet("/", async (AppDbContext db, OrganizationKind? kind, CancellationToken ct) =>
                TypedResults.Ok(await db.Organizations.AsNoTracking()
                    .Where(o => kind == null || o.Kind == kind)
                    .OrderBy(o => o.Kind).ThenBy(o => o.Name)
                    .ToDto().ToListAsync(ct)))
            .WithSummary("All bodies: masterplan bodies, council, committees, district councils, fractions, institutions, departments.");
        api.MapGet("/{id:int}", async Task<Results<Ok<OrganizationDto>, NotFound>> (int id, AppDbContext db, CancellationToken ct) =>
                await db.Organizations.AsNoTracking().Where(o => o.Id == id).ToDto().FirstOrDefaultAsync(ct) is { } dto
                    ? TypedResults.Ok(dto)
                    : TypedResults.NotFound())
            .WithSummary("One body.");
        return app;
    }
}
