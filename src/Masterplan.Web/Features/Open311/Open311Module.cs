using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Features.Open311;

/// <summary>
/// The Open311 GeoReport v2 server at <c>/open311/v2/</c> over the Meldungen module's public API (as OParl sits over the
/// council data): anyone may read services and reports, clients with an API key an administrator issued may send reports.
/// Every answer under <c>/open311</c>, errors included, is in the spec's format (XML unless the path asks for JSON); GET
/// answers carry <c>Access-Control-Allow-Origin: *</c>.
/// </summary>
public sealed class Open311Module : IModule
{
    public const string ManageKeys = "Open311.ManageKeys";

    private const string PathPrefix = "/open311";

    public IReadOnlyList<PageAccess> Pages => [PageAccess.Folder("/Open311/Admin", ManageKeys)];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Account, 12, "Open311-Schlüssel verwalten", "/verwaltung/open311", ManageKeys)];

    public IEnumerable<string> PrivacyNotes =>
        ["Für jede Anwendung, die über die Open311-Schnittstelle Meldungen senden darf, speichern wir ihren Namen, eine Kontaktmöglichkeit und wann ihr Schlüssel zuletzt genutzt wurde; den Schlüssel selbst nur als Prüfwert."];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().BindConfiguration("Open311");
        services.AddScoped<Open311Api>();
        services.AddSingleton<Open311Cache>();
        services.AddSingleton(Open311Cache.Version);
        services.AddScoped<Open311Keys>();
        services.AddScoped<Open311Intake>();
        services.AddAuthorizationBuilder().AddPolicy(ManageKeys, p => p.RequireRole(Roles.Administrator));
    }

    /// <summary>CORS for reading, and the spec's error list instead of the site's HTML error pages (routing's 404 and 405, anything unexpected).</summary>
    public void UseMiddleware(WebApplication app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(PathPrefix))
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Task.CompletedTask;
            });
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        var format = Open311Api.FormatOfPath(context.Request.Path);
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILogger<Open311Module>>().LogError(e, "Unhandled error in Open311 request {Path}", context.Request.Path);
            context.Response.Clear();
            await Open311Api.Errors(format, StatusCodes.Status500InternalServerError, t, [new FieldError("", "Ein unerwarteter Fehler ist aufgetreten.")]).ExecuteAsync(context);
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentType is null)
        {
            var status = context.Response.StatusCode;
            var error = status == StatusCodes.Status405MethodNotAllowed
                ? new FieldError("", "Diese Adresse der Open311-Schnittstelle kann nur gelesen werden (GET); Meldungen gehen per POST an requests.xml oder requests.json.")
                : new FieldError("", "Diese Adresse gibt es in der Open311-Schnittstelle nicht; der Einstieg ist {0}/discovery.xml.", Open311Api.Prefix);
            await Open311Api.Errors(format, status == StatusCodes.Status405MethodNotAllowed ? status : StatusCodes.Status404NotFound, t, [error]).ExecuteAsync(context);
        }
    });

    public void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup(Open311Api.Prefix).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        api.MapGet("/discovery.{format}", (string format, HttpContext http, Open311Api o, CancellationToken ct) => o.DiscoveryAsync(format, http, ct));
        api.MapGet("/services.{format}", (string format, HttpContext http, Open311Api o, CancellationToken ct) => o.ServicesAsync(format, http, ct));
        api.MapGet("/services/{service_code}.{format}", ([FromRoute(Name = "service_code")] string code, string format, HttpContext http, Open311Api o, CancellationToken ct) =>
            o.ServiceDefinitionAsync(code, format, http, ct));
        api.MapGet("/requests.{format}", (string format, HttpContext http, Open311Api o, CancellationToken ct) => o.RequestsAsync(format, http, ct));
        api.MapPost("/requests.{format}", (string format, HttpContext http, Open311Api o, Open311Keys keys, Open311Intake intake, CancellationToken ct) =>
            o.CreateAsync(format, http, keys, intake, ct));
        api.MapGet("/requests/{service_request_id}.{format}", ([FromRoute(Name = "service_request_id")] string id, string format, HttpContext http, Open311Api o, CancellationToken ct) =>
            o.RequestAsync(id, format, http, ct));
        api.MapGet("/tokens/{token}.{format}", (string token, string format, HttpContext http, Open311Api o, CancellationToken ct) => o.TokenAsync(token, format, http, ct));
    }
}
