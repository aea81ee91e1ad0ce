using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>A body as the public API shows it.</summary>
public sealed record OrganizationDto(
    int Id, string Name, string? ShortName, OrganizationKind Kind, string? Classification, int? ParentId, string? ParentName,
    int? DistrictId, string? Purpose, DateOnly? StartDate, DateOnly? EndDate, int? CouncilSeats, string? Source, int? PlanEdition);

public sealed class OrganizationsModule : IModule
{
    /// <summary>The Office edits bodies and memberships.</summary>
    public const string Manage = "Organizations.Manage";

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Organizations/Index"),
        PageAccess.PublicPage("/Organizations/Details"),
        PageAccess.Folder("/Organizations/Manage", Manage),
    ];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Main, 20, "Gremien", "/gremien")];

    public IEnumerable<string> TranslationLabels => ((IEnumerable<string>)["Gremien und Beteiligte"]).Concat(Enum.GetValues<OrganizationKind>().Select(KindLabel).Concat(SeatAllocationApi.ProblemTexts.Values));

    /// <summary>Meetings seat members, measures name departments, papers their originators; accounts belong to a person.</summary>
    public IReadOnlyList<Type> PublicApi =>
        [typeof(Body), typeof(Organization), typeof(OrganizationKind), typeof(Person), typeof(Membership), typeof(VotingRight), typeof(Composition)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchSource<OrganizationSearch>();
        services.AddScoped<Composition>();

        // A person's memberships are public only with the person's consent: withdrawn, they go with the person.
        services.AddSingleton(new PublicParts(typeof(Person), async (db, id, ct) => [.. await db.Memberships.Where(m => m.PersonId == id).ToListAsync(ct)]));
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Masterplan.Web.Features.Accounts.Roles.Office));
    }

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        OrganizationsDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<Composition>(), services.GetRequiredService<TimeProvider>(), ct);

    public void MapEndpoints(WebApplication app)
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
        app.MapSeatAllocationApi();
        app.MapMembershipsApi();
        app.MapGet("/gremien/sitzlose/{id:int}", SeatLotFileAsync).ExcludeFromDescription().AllowAnonymous();
    }

    /// <summary>The public file to replay a recorded seat lot (<see cref="PublicSeatLot"/>).</summary>
    private static async Task<IResult> SeatLotFileAsync(int id, AppDbContext db, CancellationToken ct) =>
        await PublicSeatLot.BuildAsync(db, id, ct) is { } file
            ? Results.File(PublicSeatLot.Serialize(file), "application/json", $"sitzlos-{id}.json")
            : Results.NotFound();

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
        OrganizationKind.Forum => "Weiteres Gremium",
        _ => kind.ToString(),
    };
}

/// <summary>Bodies as the public API shows them.</summary>
public static class OrganizationQueries
{
    public static IQueryable<OrganizationDto> ToDto(this IQueryable<Organization> query) =>
        query.Select(o => new OrganizationDto(
            o.Id, o.Name, o.ShortName, o.Kind, o.Classification, o.ParentId, o.Parent != null ? o.Parent.Name : null,
            o.DistrictId, o.Purpose, o.StartDate, o.EndDate, o.CouncilSeats, o.Source, o.PlanEdition));
}
