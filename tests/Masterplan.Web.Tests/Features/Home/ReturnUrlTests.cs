using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>Every redirect to an address from the request (language switch, sign-in, second factor) stays on the site and never fails.</summary>
public class ReturnUrlTests
{
    /// <summary>Return addresses as they stand in the query (percent-encoded as a client would send them).</summary>
    public static readonly string[] Hostile =
    [
        "/%09/evil.example", "/%0d%0a/evil.example", "/%0D%0ALocation:%20https://evil.example", "/%E2%80%A8/evil.example", "/%E2%80%A9x",
        "/%2509/evil.example", "//evil.example", "/%5Cevil.example", "/%5C%5Cevil.example", "https://evil.example", "https:%2F%2Fevil.example",
        "%2F%2Fevil.example", "javascript:alert(1)", "/%00x",
    ];

    [Fact]
    public async Task The_language_switch_returns_to_local_pages_only_and_never_answers_500()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = Users.Client(app);
        foreach (var payload in Hostile)
        {
            var response = await client.GetAsync($"/sprache/de?returnUrl={payload}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{payload}: {(int)response.StatusCode}");
            Assert.True(response.Headers.Location!.OriginalString == "/", $"{payload} led to {response.Headers.Location}");
        }

        // Local addresses work, umlauts included (encoded, so the Location header stays ASCII).
        var local = await client.GetAsync("/sprache/en?returnUrl=%2Fhandlungsfelder%3Fstand%3D2026-01-01");
        Assert.Equal("/handlungsfelder?stand=2026-01-01", local.Headers.Location!.OriginalString);
        var umlaut = await client.GetAsync("/sprache/de?returnUrl=%2Fgremien%2Fgr%C3%BCn");
        Assert.Equal(HttpStatusCode.Redirect, umlaut.StatusCode);
        Assert.Equal("/gremien/gr%C3%BCn", umlaut.Headers.Location!.OriginalString);
    }

    [Theory, Engines]
    public async Task Sign_in_and_the_second_factor_return_to_local_pages_only_and_never_answer_500(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Accounts:FormPostsPerMinute"] = "1000" });
        var member = await Users.CreateAsync(app, "leser@stadtdo.de");
        foreach (var payload in Hostile)
        {
            var client = Users.Client(app);
            var response = await client.PostFormAsync($"/konto/anmelden?ReturnUrl={payload}", new() { ["Email"] = member.Email, ["Password"] = Users.Password }, "/konto/anmelden");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{payload}: {(int)response.StatusCode}");
            Assert.True(response.Headers.Location!.OriginalString == "/konto", $"{payload} led to {response.Headers.Location}");
        }

        var fine = await Users.Client(app).PostFormAsync("/konto/anmelden?ReturnUrl=%2Fhandlungsfelder", new() { ["Email"] = member.Email, ["Password"] = Users.Password }, "/konto/anmelden");
        Assert.Equal("/handlungsfelder", fine.Headers.Location!.OriginalString);

        // The second step gets the address handed on from the first and checks it again.
        var office = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        foreach (var payload in new[] { "/%09/evil.example", "/%E2%80%A8/evil.example" })
        {
            var client = Users.Client(app);
            var first = await client.PostFormAsync($"/konto/anmelden?ReturnUrl={payload}", new() { ["Email"] = office.Email, ["Password"] = Users.Password }, "/konto/anmelden");
            var secondStep = first.Headers.Location!.OriginalString;
            Assert.Contains("zweiter-faktor", secondStep);
            var second = await client.PostFormAsync(secondStep, new() { ["Code"] = Users.Totp(app, office.AuthenticatorKey!) });
            Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"{payload}: {(int)second.StatusCode}");
            Assert.True(second.Headers.Location!.OriginalString == "/konto", $"{payload} led to {second.Headers.Location}");
        }
    }
}
