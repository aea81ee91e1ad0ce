using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Home;

public class TelemetryTests
{
    private static readonly Dictionary<string, string?> Enabled = new()
    {
        ["Telemetry:Prometheus:Enabled"] = "true",
        ["Telemetry:Prometheus:AllowedNetworks:0"] = "10.20.0.0/16",
        ["Telemetry:Prometheus:AllowedNetworks:1"] = "fd00:1::/32",
    };

    [Fact]
    public async Task Metrics_are_not_served_by_default()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(app.Services.GetRequiredService<EndpointDataSource>().Endpoints, e => e.DisplayName == "Prometheus metrics");
    }

    [Fact]
    public async Task When_enabled_a_local_scrape_gets_the_request_durations()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Enabled);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // The in-process test server leaves the remote address empty, which counts as local.
        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(app.Services.GetRequiredService<EndpointDataSource>().Endpoints, e => e.DisplayName == "Prometheus metrics");
    }

    [Theory]
    [InlineData("127.0.0.1", 200)]
    [InlineData("::1", 200)]
    [InlineData("10.20.3.4", 200)]
    [InlineData("::ffff:10.20.3.4", 200)]
    [InlineData("fd00:1::17", 200)]
    [InlineData("10.21.0.1", 404)]
    [InlineData("203.0.113.7", 404)]
    [InlineData("2001:db8::1", 404)]
    public async Task When_enabled_only_loopback_and_the_allowed_networks_get_an_answer(string remote, int status)
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Enabled);

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        });

        Assert.Equal(status, context.Response.StatusCode);
    }

    [Fact]
    public async Task The_scrape_endpoint_is_not_in_the_openapi_document()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Enabled);

        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("/metrics", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_networks_read_as_a_list_or_one_comma_separated_value_and_a_wrong_one_stops_start_up()
    {
        var list = Telemetry.AllowedNetworks(Configuration(new() { ["Telemetry:Prometheus:AllowedNetworks:0"] = "10.0.0.0/8", ["Telemetry:Prometheus:AllowedNetworks:1"] = "192.168.1.0/24" }));
        var text = Telemetry.AllowedNetworks(Configuration(new() { ["Telemetry:Prometheus:AllowedNetworks"] = "10.0.0.0/8, 192.168.1.0/24" }));

        Assert.Equal(list, text);
        Assert.Empty(Telemetry.AllowedNetworks(Configuration([])));
        Assert.True(Telemetry.IsAllowed(null, []));
        Assert.False(Telemetry.IsAllowed(IPAddress.Parse("192.168.2.1"), text));
        var e = Assert.Throws<StartupException>(() => Telemetry.AllowedNetworks(Configuration(new() { ["Telemetry:Prometheus:AllowedNetworks"] = "10.0.0.0/33" })));
        Assert.Contains("'10.0.0.0/33'", e.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
