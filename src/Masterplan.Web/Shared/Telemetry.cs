using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Masterplan.Web.Data;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Masterplan.Web.Shared;

/// <summary>
/// Metrics and traces with OpenTelemetry (docs/domain.md#operations): ASP.NET Core, the .NET runtime and the platform's own
/// "Masterplan" meter and activity source. The Prometheus scrape endpoint <c>/metrics</c> exists only when
/// <c>Telemetry:Prometheus:Enabled</c> is true, and then answers only loopback and the networks in
/// <c>Telemetry:Prometheus:AllowedNetworks</c>; everyone else gets the same 404 as for an unknown address.
/// </summary>
public static class Telemetry
{
    /// <summary>The name of the platform's meter and activity source.</summary>
    public const string Name = "Masterplan";

    public const string PrometheusPath = "/metrics";

    /// <summary>The platform's meter: modules create their counters and histograms on it.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>The platform's activity source: modules start their own spans on it.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var prometheus = configuration.GetValue("Telemetry:Prometheus:Enabled", false);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Name))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(Name);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsUntraced(context.Request.Path)).AddSource(Name));
        return services;
    }

    /// <summary>
    /// Paths whose requests are never traced: a span carries the client's address and user agent, and the senders of
    /// confidential complaints and reports must not be identifiable from anything the platform records.
    /// </summary>
    public static bool IsUntraced(PathString path) => path.StartsWithSegments("/vertraulich", StringComparison.OrdinalIgnoreCase);

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Telemetry:Prometheus:Enabled", false))
        {
            return app;
        }

        var allowed = AllowedNetworks(app.Configuration);
        app.MapPrometheusScrapingEndpoint(
                PrometheusPath,
                meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(async (context, next) =>
                {
                    if (!IsAllowed(context.Connection.RemoteIpAddress, allowed))
                    {
                        // Indistinguishable from an address that does not exist.
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }

                    await next(context);
                }),
                optionsName: null)
            .WithDisplayName("Prometheus metrics")
            .ExcludeFromDescription()
            .AllowAnonymous(); // Prometheus does not sign in: the address check above is the gate.
        return app;
    }

    /// <summary>
    /// Loopback, and a missing address (the in-process test server, a Unix socket), are local; any other address
    /// must lie in one of the allowed networks.
    /// </summary>
    public static bool IsAllowed(IPAddress? remote, IReadOnlyList<IPNetwork> allowed)
    {
        if (remote is null || IPAddress.IsLoopback(remote))
        {
            return true;
        }

        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return allowed.Any(n => n.Contains(address));
    }

    /// <summary><c>Telemetry:Prometheus:AllowedNetworks</c>: a list (…:0, …:1) or one comma-separated value of CIDR networks.</summary>
    public static IReadOnlyList<IPNetwork> AllowedNetworks(IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry:Prometheus:AllowedNetworks");
        var texts = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return texts.Select(t => IPNetwork.TryParse(t, out var network)
                ? network
                : throw new StartupException($"Telemetry:Prometheus:AllowedNetworks contains '{t}', which is not a network in CIDR notation such as 10.0.0.0/8 or fd00::/8."))
            .ToList();
    }
}
