using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Masterplan.Web.Tests.Features.Home;

public class SecurityHeaderTests
{
    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : throw new Xunit.Sdk.XunitException($"{what}: no {name}");
        var csp = Header("Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.StartsWith("max-age=", Header("Strict-Transport-Security"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.False(string.IsNullOrEmpty(Header("Referrer-Policy")));
    }

    [Theory]
    [InlineData("GET", "/konto/anmelden", null, 308)]
    [InlineData("HEAD", "/sitzungen?x=1", null, 308)]
    [InlineData("POST", "/konto/anmelden", null, 400)]
    [InlineData("GET", "/konto/anmelden", "https", 400)]
    [InlineData("GET", "/health", null, 200)]
    public async Task Plain_HTTP_from_another_machine_is_sent_to_HTTPS_instead_of_failing_at_the_first_form(string method, string url, string? forwardedProto, int status)
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new Microsoft.AspNetCore.Http.HostString("masterplan.example.org");
            c.Request.Path = url.Split('?')[0];
            c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(url.Contains('?', StringComparison.Ordinal) ? "?" + url.Split('?')[1] : "");
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto; // from a proxy nobody listed as known
            }
        });

        Assert.Equal(status, context.Response.StatusCode);
        if (status == 308)
        {
            Assert.Equal("https://masterplan.example.org" + url, context.Response.Headers.Location.ToString());
        }
        else if (status == 400)
        {
            Assert.Contains(forwardedProto is null ? "HTTPS" : "KnownProxies", await new StreamReader(context.Response.Body).ReadToEndAsync());
        }
    }

    [Fact]
    public async Task A_form_page_answers_on_the_in_process_host_and_on_loopback_without_HTTPS()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/konto/anmelden")).StatusCode);
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/konto/anmelden";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task Stylesheets_and_scripts_go_compressed_but_pages_and_answers_never()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        var leaflet = await client.GetAsync("/lib/leaflet/leaflet.js");
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.Equal("br", Assert.Single(leaflet.Content.Headers.ContentEncoding));
        var bytes = await leaflet.Content.ReadAsByteArrayAsync();
        using (var unzip = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(unzip))
        {
            var text = await reader.ReadToEndAsync();
            Assert.Contains("Leaflet", text);
            Assert.True(bytes.Length * 2 < text.Length, $"{bytes.Length} bytes sent for {text.Length}");
        }

        client.DefaultRequestHeaders.AcceptEncoding.Clear();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        Assert.Equal("gzip", Assert.Single((await client.GetAsync("/css/site.css")).Content.Headers.ContentEncoding));

        // A page holds an antiforgery token beside what a visitor typed; an answer of the API may too: never compressed.
        foreach (var url in new[] { "/konto/anmelden", "/schutzorte?Ort.Address=Kampstr.+10", "/schutzorte/orte.geojson", "/oparl/v1/" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_200_302_404_and_500()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var db = app.Database;
        var client = Users.Client(app);

        AssertHeaders(await client.GetAsync("/"), "200");
        var redirect = await client.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        AssertHeaders(redirect, "302");
        var missing = await client.GetAsync("/nichts-hier");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertHeaders(missing, "404");
        AssertHeaders(await client.GetAsync("/css/site.css"), "static file");

        await db.DisposeAsync(); // the database is gone: 500
        var failed = await client.GetAsync("/gremien");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        AssertHeaders(failed, "500");
        SqliteConnection.ClearAllPools();
        File.Delete(db.Name);
    }

    [Fact]
    public async Task Pages_with_personal_data_are_never_cached_and_forms_need_the_antiforgery_token()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var user = await Users.CreateAsync(app, "cache@stadtdo.de", Roles.Moderator);
        var client = await Users.SignInAsync(app, user);

        var account = await client.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.True(account.Headers.CacheControl!.NoStore);

        var forged = await Users.Client(app).PostAsync("/konto/anmelden", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = Users.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task The_API_reference_is_a_page_under_the_same_strict_policy_as_every_other()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var response = await Users.Client(app).GetAsync("/api/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync());
    }
}
