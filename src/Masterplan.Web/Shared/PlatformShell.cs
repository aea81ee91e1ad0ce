using System.Globalization;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Masterplan.Web.Shared;

/// <summary>What every page and API shares: localization, error handling, health, OpenAPI.</summary>
public static class PlatformShell
{
    /// <summary>German, and English with British dates (23/11/2026, not the American 11/23/2026) beside English numbers.</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("de"), new("en") { DateTimeFormat = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat }];

    public const string CultureCookie = "mp-lang";

    public static IServiceCollection AddPlatformShell(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseReady>();
        BrandFiles.AddBranding(services);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // Form fields speak the user's language also when a value cannot even be read: the texts are looked up
        // when the message is made, in the request's culture (German, or English from the resource file).
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => t["„{0}“ ist hier kein gültiger Wert.", value]);
            m.SetValueIsInvalidAccessor(value => t["„{0}“ ist kein gültiger Wert.", value]);
            m.SetValueMustBeANumberAccessor(field => t["Bitte geben Sie eine Zahl ein."]);
            m.SetMissingBindRequiredValueAccessor(field => t["Bitte füllen Sie dieses Feld aus."]);
            m.SetValueMustNotBeNullAccessor(value => t["Bitte füllen Sie dieses Feld aus."]);
            m.SetUnknownValueIsInvalidAccessor(field => t["Dieser Wert ist nicht gültig."]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["„{0}“ ist kein gültiger Wert.", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Dieser Wert ist nicht gültig."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Bitte geben Sie eine Zahl ein."]);
            m.SetMissingKeyOrValueAccessor(() => t["Bitte füllen Sie dieses Feld aus."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["Die Anfrage ist leer."]);
            o.ModelBinderProviders.Insert(0, new DateInputBinderProvider(o.ModelBinderProviders));
            o.ModelBinderProviders.Insert(0, new TypedNumberBinderProvider());
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("de");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // Render umlauts as they are instead of as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddPublicForms();
        services.AddDataProtection().SetApplicationName("Masterplan").PersistKeysToDbContext<AppDbContext>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind a reverse proxy (docs/operations.md): trust only the configured proxies and networks.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Malformed JSON and unbindable parameters throw, so ApiExceptionHandler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// Data protection's hosted service loads the key ring before the server listens, and on a first start on SQLite it
    /// waits there for the reference data's write lock to store the first key. <see cref="LoadKeyRingSoon"/> loads it once
    /// the database is ready instead; a request that needs a key before then loads it itself. Called after every module
    /// has registered its services: Identity, cookies and antiforgery each add data protection (and its service) again.
    /// </summary>
    public static void RemoveKeyRingPreload(this IServiceCollection services)
    {
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(preload);
        }
    }

    public static WebApplication UsePlatformShell(this WebApplication app)
    {
        DatabaseReady.UseGate(app);
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            if (context.Request.IsHttps)
            {
                return next(context);
            }

            // Like browsers, treat plain HTTP on the same machine as a secure context, so the Secure __Host-
            // cookies work for `dotnet run` on localhost (no address: the in-process host or a Unix socket).
            // Proxied requests carry X-Forwarded-Proto and are judged by it (ForwardedHeaders above).
            var local = context.Connection.RemoteIpAddress is not { } remote || System.Net.IPAddress.IsLoopback(remote);
            var untrustedProxy = context.Request.Headers.ContainsKey("X-Forwarded-Proto");
            if (local && !untrustedProxy)
            {
                context.Request.Scheme = "https";
                return next(context);
            }

            // Plain HTTP from elsewhere would lose the Secure cookies and fail at the first form: send browsers to
            // HTTPS, and tell an operator whose proxy is not trusted what to set. Health checks and the metrics
            // scrape (which has its own network rule) stay on HTTP.
            if (context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            if (!untrustedProxy && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.Redirect("https://" + context.Request.Host + context.Request.PathBase + context.Request.Path + context.Request.QueryString, permanent: true, preserveMethod: true);
                return Task.CompletedTask;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(untrustedProxy
                ? "Diese Anfrage kam über einen Proxy, dem die Plattform nicht vertraut (ForwardedHeaders:KnownProxies, siehe docs/operations.md). / This request came through a proxy the platform does not trust."
                : "Bitte verwenden Sie HTTPS. / Please use HTTPS.");
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fehler/500",
            // A unique key that a concurrent request took a moment earlier is a conflict, not a server fault.
            StatusCodeSelector = e => e.IsUniqueViolation() ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/fehler/{0}"));
        // Stylesheets and scripts go compressed (the map's Leaflet: 150 KB, about 45 KB so), so a page with its map stays
        // small on a phone. Never pages or API answers: they may carry tokens next to what a visitor typed (BREACH).
        app.UseWhen(c => IsStaticAsset(c.Request.Path), assets => assets.UseResponseCompression());
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UsePublicFormLimit();
        return app;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).ExcludeFromDescription().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/sprache/{culture}", SwitchLanguage).ExcludeFromDescription().AllowAnonymous();
        BrandFiles.MapEndpoints(app);

        if (app.Configuration.GetValue("Bench:BareEndpoint", false))
        {
            // Benchmark baseline only (bench/): static bytes of a given size, no database, no view.
            var cache = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
            app.MapGet("/bench/bare", (int bytes) => Results.Bytes(cache.GetOrAdd(Math.Clamp(bytes, 1, 1_000_000), n => Enumerable.Repeat((byte)'x', n).ToArray()), "text/html; charset=utf-8"))
                .ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }

    /// <summary>
    /// Builds every endpoint now (Razor Pages discovers its pages here) instead of on the first request, so
    /// the work overlaps the database preparation at start-up.
    /// </summary>
    public static void BuildEndpoints(this WebApplication app)
    {
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
        {
            _ = source.Endpoints;
        }
    }

    /// <summary>
    /// Loads the data-protection key ring in the background once the server has started, creating the first key on a
    /// first start; the first forms then need not wait for it.
    /// </summary>
    public static void LoadKeyRingSoon(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                // After the reference data: on SQLite the first key would wait for its write lock.
                await app.Services.GetRequiredService<DatabaseReady>().Prepared;
                app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.Internal.IKeyRingProvider>().GetCurrentKeyRing();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The first request that needs a key tries again and shows the error where it matters.
                app.Logger.LogWarning(e, "Loading the data-protection key ring after the start failed");
            }
        }));

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib");

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The language switch: a plain link, so it works without JavaScript.</summary>
    private static Results<RedirectHttpResult, NotFound> SwitchLanguage(string culture, string? returnUrl, HttpContext context)
    {
        if (!SupportedCultures.Any(c => c.Name == culture))
        {
            return TypedResults.NotFound();
        }

        context.Response.Cookies.Append(
            CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        return TypedResults.LocalRedirect(LocalUrl.Safe(returnUrl));
    }

    /// <summary>Healthy when the database answers a query against the migrated schema.</summary>
    private sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await db.ReferenceDataVersions.AnyAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }
        }
    }
}
