using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Masterplan.Web.Features.Geo;

/// <summary>
/// The map piece that modules share (docs/architecture.md, "Maps"): the address gazetteer and the district boundaries the
/// Office imports, the one server-side check of a location (<see cref="Locations"/>), the location part of forms
/// (<see cref="LocationFieldsViewComponent"/>) and a read-only map (<c>_MapView.cshtml</c>). Leaflet is served by the app.
/// </summary>
public sealed class GeoModule : IModule
{
    /// <summary>The Office imports the gazetteer and the boundaries.</summary>
    public const string Manage = "Geo.Manage";

    public IReadOnlyList<PageAccess> Pages => [PageAccess.Folder("/Geo/Manage", Manage)];

    public IReadOnlyList<NavigationEntry> Navigation =>
        [new(NavigationArea.Account, 90, "Adressverzeichnis und Stadtbezirksgrenzen", "/verwaltung/geodaten", Manage)];

    /// <summary>
    /// A form with a location binds <see cref="LocationInput"/>, renders <see cref="LocationFieldsViewComponent"/>, checks it with
    /// <see cref="Locations"/> and stores the <see cref="ResolvedLocation"/>; a page with points uses <see cref="MapView"/>;
    /// <see cref="GeoArea"/> is the city's extent; <see cref="MapOptions"/> gives the tile host to the security headers.
    /// </summary>
    public IReadOnlyList<Type> PublicApi =>
        [typeof(LocationInput), typeof(ResolvedLocation), typeof(Locations), typeof(LocationFieldsViewComponent), typeof(MapView), typeof(GeoArea), typeof(MapOptions), typeof(AddressMatch)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().BindConfiguration("Map");
        services.AddSingleton<DistrictBoundaries>();
        services.AddScoped<Gazetteer>();
        services.AddScoped<BoundaryImport>();
        services.AddScoped<Locations>();
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Roles.Office));
    }

    public void MapEndpoints(WebApplication app) =>
        app.MapGroup("/api/geo").WithTags("Geo").AllowAnonymous()
            .MapGet("/adressen", SuggestAsync)
            .WithSummary("Addresses of the city's gazetteer that start like the typed text (street, house number, postcode; at most 10), for suggestions while typing. Public geodata only.");

    private static async Task<Results<Ok<List<AddressSuggestion>>, ValidationProblem>> SuggestAsync(string? q, Gazetteer gazetteer, HttpContext http, CancellationToken ct)
    {
        if (q is { Length: > 200 })
        {
            return OutcomeAdapters.Invalid(http, [new FieldError("q", "Die Suche darf höchstens 200 Zeichen lang sein.")], "Die Anfrage ist ungültig.");
        }

        var found = await gazetteer.SuggestAsync(q, ct);
        return TypedResults.Ok(found.Select(a => new AddressSuggestion(a.Label, a.Street, a.HouseNumber, a.Postcode, a.Latitude, a.Longitude)).ToList());
    }

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) => GeoDemo.SeedAsync(services, ct);
}

/// <summary>One suggested address: its label as forms show it, its parts and its point (WGS84).</summary>
public sealed record AddressSuggestion(string Label, string Street, string HouseNumber, string Postcode, double Latitude, double Longitude);
