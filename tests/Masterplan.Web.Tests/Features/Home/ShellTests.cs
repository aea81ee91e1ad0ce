using System.Net;
using System.Net.Http.Headers;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Home;

public class ShellTests
{
    [Theory, Engines]
    public async Task The_start_page_is_German_and_leads_to_the_modules(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);

        var page = await app.CreateClient().GetPageAsync("/");

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Contains("Masterplan Kommunale Sicherheit 2.0 ist der Plan der Stadt Dortmund", page.Body!.Text());
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/handlungsfelder", links);
        Assert.Contains("/gremien", links);
        Assert.Contains("/vorlagen", links);
    }

    [Fact]
    public async Task A_resident_finds_what_to_do_under_Mitmachen_and_the_login_says_it_is_for_staff()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var start = await client.GetPageAsync("/");
        var header = start.QuerySelector("header")!;
        Assert.Equal("Login für Mitarbeitende", header.QuerySelector("a[href='/konto/anmelden']")!.Text().Trim());
        Assert.Contains("/mitmachen", header.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));

        // Every way a module offers is listed with its sentence; the meetings come from the Meetings module.
        var takePart = await client.GetPageAsync("/mitmachen");
        var meetings = takePart.QuerySelectorAll("main li").Single(li => li.QuerySelector("a")?.GetAttribute("href") == "/sitzungen");
        Assert.Contains("Öffentliche Sitzungen können alle besuchen", meetings.Text());
        Assert.Equal("/quartierslabore/anmeldung", takePart.QuerySelector("main li a")!.GetAttribute("href")); // the letter's way comes first

        // A resident who lands on the staff login is sent on.
        var login = await client.GetPageAsync("/konto/anmelden");
        Assert.NotNull(login.QuerySelector("main a[href='/mitmachen']"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.GetPageAsync("/mitmachen");
        Assert.Equal("Take part", english.QuerySelector("h1")!.Text());
        Assert.Contains("Anyone may attend public meetings", english.QuerySelector("main")!.Text());
        Assert.Equal("Staff login", english.QuerySelector("header a[href='/konto/anmelden']")!.Text().Trim());
    }

    [Fact]
    public async Task Every_page_has_a_skip_link_landmarks_and_one_heading()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        foreach (var url in new[] { "/", "/handlungsfelder", "/gremien", "/vorlagen", "/stadtbezirke", "/barrierefreiheit", "/datenschutz", "/impressum", "/mitmachen", "/suche", "/suche?q=Sicherheit", "/kontakt" })
        {
            var page = await client.GetPageAsync(url);
            var skip = page.QuerySelector("body > a.skip-link");
            Assert.NotNull(skip);
            Assert.Equal("#inhalt", skip.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector("main#inhalt"));
            Assert.NotNull(page.QuerySelector("header"));
            Assert.NotNull(page.QuerySelector("footer"));
            Assert.NotNull(page.QuerySelector("nav[aria-label]"));
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.False(string.IsNullOrWhiteSpace(page.Title), url);
        }
    }

    [Fact]
    public async Task The_accessibility_statement_gives_a_feedback_address()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var page = await app.CreateClient().GetPageAsync("/barrierefreiheit");

        Assert.Contains(page.QuerySelectorAll("main a[href^='mailto:']"), a => a.TextContent.Contains('@'));
        Assert.Contains("WCAG 2.1", page.Body!.Text());
    }

    [Fact]
    public async Task English_is_chosen_by_the_browser_language_and_by_the_switch()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var byHeader = app.CreateClient();
        byHeader.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        var english = await byHeader.GetPageAsync("/gremien");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Bodies and participants", english.QuerySelector("h1")!.Text());

        // The switch is a plain link: it sets a cookie and returns to the page, no JavaScript needed.
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var switched = await client.GetAsync("/sprache/en?returnUrl=%2Fhandlungsfelder");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/handlungsfelder", switched.Headers.Location!.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp-lang=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var page = await client.GetPageAsync("/handlungsfelder");
        Assert.Equal("Fields of action", page.QuerySelector("h1")!.Text());

        // The switch never redirects to another site.
        var offsite = await client.GetAsync("/sprache/de?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_route_gets_the_German_404_page()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Seite nicht gefunden", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task An_unknown_organization_id_gets_the_404_page()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/gremien/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", (await Html.ParseAsync(response)).QuerySelector("h1")!.Text());
    }

    [Theory, Engines]
    public async Task A_failed_post_whose_form_has_a_field_named_code_gets_its_own_status_page(DatabaseProvider engine)
    {
        // The officer's receipt form posts a field "Code"; the error page re-executes the failed POST with that form, and
        // must take the status from the request that failed, not from the field.
        await using var app = await AppFactory.StartAsync(engine);
        var (officer, _) = await Enforcement.EnforcementTests.OfficerAsync(app, "streife@stadtdo.de", "KOD-404");

        var response = await officer.PostFormAsync("/ordnungsdienst/quittungen/999999", new() { ["Code"] = "K7QM-3XTR-P9ZC" }, formPage: "/ordnungsdienst/kontrolle");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode}: {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "<main[\\s\\S]*?</main>").Value}");
        Assert.Equal("Seite nicht gefunden", (await Html.ParseAsync(response)).QuerySelector("h1")!.Text());

        // A number in the field changes nothing either.
        response = await officer.PostFormAsync("/ordnungsdienst/quittungen/999999", new() { ["Code"] = "403" }, formPage: "/ordnungsdienst/kontrolle");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Seite nicht gefunden", (await Html.ParseAsync(response)).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task A_failing_page_shows_the_German_error_page_without_internals()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var db = app.Database;
        await db.DisposeAsync(); // the database disappears under the running app: every query fails

        // Under load a background query can still hold a connection to the deleted file (Linux keeps it readable while open);
        // once that connection is back in the pool and cleared, the loss takes effect. Wait for that, a few seconds at most.
        var client = app.CreateClient();
        var response = await client.GetAsync("/gremien");
        for (var i = 0; i < 50 && response.StatusCode == HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            response = await client.GetAsync("/gremien");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ein Fehler ist aufgetreten", html);
        Assert.DoesNotContain("no such table", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain(" at Masterplan", html);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(db.Name);
    }
}
