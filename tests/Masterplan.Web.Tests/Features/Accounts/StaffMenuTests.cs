using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>
/// The header's "Verwaltung" menu holds the Office links the user's roles allow (no longer a list on the account page); a
/// signed-in user refused a page learns which role it needs, in German and English; anonymous users still go to the login.
/// </summary>
public class StaffMenuTests
{
    [Fact]
    public async Task The_staff_menu_shows_what_the_roles_allow_and_a_refusal_names_the_role()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var account = await office.GetPageAsync("/konto");
        var menu = account.QuerySelector("header details.staff-menu")!;
        Assert.Equal("Verwaltung", menu.QuerySelector("summary")!.Text().Trim());
        var links = menu.QuerySelectorAll("a").Select(a => a.Text().Trim()).ToList();
        Assert.Contains("Sitzungen verwalten", links);
        Assert.Contains("Maßnahmen verwalten", links);
        Assert.Contains("Import aus Masterplan 1.0", links); // a child link
        Assert.DoesNotContain("Benutzer verwalten", links);
        Assert.DoesNotContain("Mein Sitzungskalender", links); // personal, stays on the account page
        var main = account.QuerySelector("main")!;
        Assert.DoesNotContain(main.QuerySelectorAll("a"), a => a.Text().Trim() == "Sitzungen verwalten");
        Assert.Contains(main.QuerySelectorAll("a"), a => a.Text().Trim() == "Mein Sitzungskalender");
        Assert.Contains("Ihre Aufgaben in der Verwaltung finden Sie oben im Menü „Verwaltung“.", main.Text());

        // Without staff roles: no menu.
        var nobody = await Users.SignInAsync(app, await Users.CreateAsync(app, "ohne@stadtdo.de"));
        var plain = await nobody.GetPageAsync("/konto");
        Assert.Null(plain.QuerySelector("details.staff-menu"));
        Assert.DoesNotContain("Menü „Verwaltung“", plain.Body!.Text());

        // The administrator's menu has user administration, not the Office's meetings; the meetings page names the role it needs.
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var adminLinks = (await admin.GetPageAsync("/konto")).QuerySelectorAll("details.staff-menu a").Select(a => a.Text().Trim()).ToList();
        Assert.Contains("Benutzer verwalten", adminLinks);
        Assert.DoesNotContain("Sitzungen verwalten", adminLinks);
        var refused = await admin.GetAsync("/verwaltung/sitzungen");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("Kein Zugriff", page.QuerySelector("h1")!.Text());
        Assert.Contains("Diese Seite ist für die Rolle „Geschäftsstelle“.", page.QuerySelector("main")!.Text());

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await Html.ParseAsync(await admin.GetAsync("/verwaltung/sitzungen"));
        Assert.Contains("This page is for the role “", english.QuerySelector("main")!.Text());
        Assert.DoesNotContain("Geschäftsstelle", english.QuerySelector("main")!.Text());

        // Anonymous: still the login.
        var anonymous = await Users.Client(app).GetAsync("/verwaltung/sitzungen");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/konto/anmelden", anonymous.Headers.Location!.OriginalString);
    }
}
