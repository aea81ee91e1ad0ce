using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Accounts;

public class SignInTests
{
    private static async Task<int> CountAsync(AppFactory app, string action)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == action);
    }

    [Theory, Engines]
    public async Task A_hundred_wrong_passwords_are_throttled_after_at_most_ten_and_the_owner_gets_in_after_the_cool_down(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Accounts:FormPostsPerMinute"] = "1000" });
        var owner = await Users.CreateAsync(app, "owner@stadtdo.de", Roles.Moderator);
        var attacker = Users.Client(app);

        var throttledAnswers = 0;
        for (var i = 0; i < 100; i++)
        {
            var response = await attacker.PostFormAsync("/konto/anmelden", new() { ["Email"] = owner.Email, ["Password"] = $"falsch-geraten-{i:D3}" });
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Ihr Konto", html.Split("<main", 2)[1]);
            throttledAnswers += html.Contains("Zu viele Fehlversuche", StringComparison.Ordinal) ? 1 : 0;
            app.Clock.Advance(TimeSpan.FromSeconds(5)); // a patient attacker: one try every five seconds
        }

        var checkedPasswords = await CountAsync(app, "auth.login.failed") + await CountAsync(app, "auth.login.locked");
        Assert.InRange(checkedPasswords, 4, 10);
        Assert.Equal(100 - checkedPasswords, throttledAnswers);
        Assert.Equal(1, await CountAsync(app, "auth.login.locked"));

        // Still locked right now, even with the right password …
        var tooEarly = await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = owner.Email, ["Password"] = Users.Password });
        Assert.Contains("Zu viele Fehlversuche", await tooEarly.Content.ReadAsStringAsync());

        // … and after the cool-down the owner gets in: the lock never lasts.
        app.Clock.Advance(LoginThrottling.LockDuration);
        var ownerClient = Users.Client(app);
        var signedIn = await ownerClient.PostFormAsync("/konto/anmelden", new() { ["Email"] = owner.Email, ["Password"] = Users.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/konto")).StatusCode);
    }

    [Fact]
    public async Task The_public_forms_are_rate_limited_per_client_address()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Accounts:FormPostsPerMinute"] = "5" });
        var client = Users.Client(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.PostFormAsync("/konto/anmelden", new() { ["Email"] = $"x{i}@y.de", ["Password"] = "irgendwas-langes" })).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Wrong_passwords_unknown_addresses_and_disabled_accounts_get_the_same_message()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var user = await Users.CreateAsync(app, "gesperrt@stadtdo.de", Roles.Moderator);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            entity.IsDisabled = true;
            await users.UpdateAsync(entity);
        }

        async Task<string> Error(string email, string password)
        {
            var page = await Html.ParseAsync(await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = email, ["Password"] = password }));
            return page.QuerySelector(".error-summary li")!.TextContent.Trim();
        }

        var disabled = await Error(user.Email, Users.Password);
        Assert.Equal("E-Mail-Adresse oder Passwort ist falsch.", disabled);
        Assert.Equal(disabled, await Error("niemand@stadtdo.de", Users.Password));
        Assert.Equal(disabled, await Error(user.Email, "ganz-falsches-passwort"));
    }

    [Theory, Engines]
    public async Task The_session_is_new_at_sign_in_and_worthless_after_sign_out(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var user = await Users.CreateAsync(app, "sitzung@stadtdo.de", Roles.Moderator);

        static string SessionCookie(HttpResponseMessage r) =>
            r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsModule.SessionCookie + "=", StringComparison.Ordinal));

        var first = Users.Client(app);
        var one = SessionCookie(await first.PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = Users.Password }));
        var two = SessionCookie(await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = Users.Password }));
        Assert.NotEqual(one.Split(';')[0], two.Split(';')[0]);
        var attributes = one.ToLowerInvariant();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("domain=", attributes);

        // Replaying the cookie after sign-out: the server has forgotten the session.
        var stolen = Users.Client(app);
        stolen.DefaultRequestHeaders.Add("Cookie", one.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/konto")).StatusCode);
        await first.PostFormAsync("/konto/abmelden", []);
        var after = await stolen.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/konto/anmelden", after.Headers.Location!.PathAndQuery.Length > 0 ? after.Headers.Location.PathAndQuery : after.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var admin = await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator);
        var member = await Users.CreateAsync(app, "weg@stadtdo.de", Roles.Moderator);
        var memberClient = await Users.SignInAsync(app, member);
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync("/konto")).StatusCode);

        var adminClient = await Users.SignInAsync(app, admin);
        var disabled = await adminClient.PostFormAsync($"/verwaltung/benutzer?handler=Disable&id={member.Id}&disable=true", [], "/verwaltung/benutzer");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await memberClient.GetAsync("/konto")).StatusCode);
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.Action == "account.disabled" && a.EntityId == member.Id));
    }

    [Fact]
    public async Task The_Member_role_comes_from_a_current_membership_and_ends_with_it()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        int current, former;
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var plenary = await data.Organizations.SingleAsync(o => o.SeedKey == "org:vollversammlung");
            var now = new Masterplan.Web.Features.Organizations.Person { GivenName = "Jetzt", FamilyName = "Mitglied" };
            var then = new Masterplan.Web.Features.Organizations.Person { GivenName = "Früher", FamilyName = "Mitglied" };
            data.Memberships.Add(new Masterplan.Web.Features.Organizations.Membership { Person = now, Organization = plenary, StartDate = new DateOnly(2025, 1, 1) });
            data.Memberships.Add(new Masterplan.Web.Features.Organizations.Membership { Person = then, Organization = plenary, StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2025, 12, 31) });
            await data.SaveChangesAsync();
            (current, former) = (now.Id, then.Id);
        }

        var member = await Users.SignInAsync(app, await Users.CreateAsync(app, "jetzt@stadtdo.de", current));
        var exMember = await Users.SignInAsync(app, await Users.CreateAsync(app, "frueher@stadtdo.de", former));

        Assert.Contains("Mitglied eines Gremiums", await (await member.GetAsync("/konto")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Mitglied eines Gremiums", await (await exMember.GetAsync("/konto")).Content.ReadAsStringAsync());
    }
}
