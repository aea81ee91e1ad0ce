using System.Net;
using System.Net.Http.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>The second factor: it holds for the whole session, counts each code once, and is locked on its own.</summary>
public class SecondFactorTests
{
    private static readonly Dictionary<string, string?> ManyForms = new() { ["Accounts:FormPostsPerMinute"] = "1000" };

    private static async Task<int> CountAsync(AppFactory app, string action)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == action);
    }

    /// <summary>Password step only; returns the client that now stands before the second step.</summary>
    private static async Task<HttpClient> PasswordStepAsync(AppFactory app, Users.TestUser user)
    {
        var client = Users.Client(app);
        var response = await client.PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = Users.Password });
        Assert.EndsWith("zweiter-faktor", response.Headers.Location!.OriginalString.Split('?')[0]);
        return client;
    }

    private static Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code) =>
        client.PostFormAsync("/konto/anmelden/zweiter-faktor", new() { ["Code"] = code });

    [Theory, Engines]
    public async Task The_second_factor_holds_past_every_revalidation_and_the_session_ends_only_when_idle(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.CreateAsync(app, "buero@stadtdo.de", Roles.Office);
        var client = await Users.SignInAsync(app, office);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung/sitzungen")).StatusCode);

        // Past the one-minute validation of the security stamp, several times, with ticks below a millisecond.
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(61) + TimeSpan.FromTicks(1_234 + i));
            var page = await client.GetAsync("/verwaltung/sitzungen");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var api = await client.PostAsJsonAsync("/api/v1/measures", new { });
            Assert.NotEqual(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        // Idle for longer than the timeout: the session is over.
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var after = await client.GetAsync("/verwaltung/sitzungen");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/konto/anmelden", after.Headers.Location!.AbsolutePath);
    }

    [Theory, Engines]
    public async Task An_enrolled_key_is_never_shown_again_and_no_code_makes_new_recovery_codes(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var admin = await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator);
        var client = await Users.SignInAsync(app, admin);
        var shownKey = string.Join(' ', admin.AuthenticatorKey!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

        async Task<int> RecoveryCodesLeft()
        {
            await using var scope = app.Scope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(admin.Id))!);
        }

        var before = await RecoveryCodesLeft();
        foreach (var wait in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(61), TimeSpan.FromMinutes(5) })
        {
            app.Clock.Advance(wait);
            var html = await (await client.GetAsync("/konto/zwei-faktor")).Content.ReadAsStringAsync();
            Assert.Contains("ist für Ihr Konto eingerichtet", html);
            Assert.DoesNotContain(shownKey, html);
            Assert.DoesNotContain(admin.AuthenticatorKey, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", html);
        }

        // The first-enrolment form posted again with a good code: nothing happens.
        var posted = await Html.ParseAsync(await client.PostFormAsync("/konto/zwei-faktor", new() { ["Code"] = Users.Totp(app, admin.AuthenticatorKey) }));
        Assert.Empty(posted.QuerySelectorAll("ul.codes code"));
        Assert.Equal(before, await RecoveryCodesLeft());
    }

    [Theory, Engines]
    public async Task A_new_app_needs_the_old_second_factor_and_then_replaces_the_key_and_ends_other_sessions(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var admin = await Users.CreateAsync(app, "wechsel@stadtdo.de", Roles.Administrator);
        var other = await Users.SignInAsync(app, admin); // e.g. the old phone's browser
        var client = await Users.SignInAsync(app, admin);

        // Without the old factor: no key.
        var refused = await client.PostFormAsync("/konto/zwei-faktor?handler=Start", new() { ["Code"] = "123456" }, "/konto/zwei-faktor");
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Contains("nicht richtig", refusedPage.Body!.TextContent);
        Assert.Null(refusedPage.QuerySelector("[data-key]"));

        var start = await Html.ParseAsync(await client.PostFormAsync(
            "/konto/zwei-faktor?handler=Start", new() { ["Code"] = Users.Totp(app, admin.AuthenticatorKey!) }, "/konto/zwei-faktor"));
        var newKey = start.QuerySelector("[data-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var pending = start.QuerySelector("input[name=Pending]")!.GetAttribute("value")!;
        Assert.NotEqual(admin.AuthenticatorKey, newKey);

        // The old key still works until the new one is confirmed; a wrong code from the new app changes nothing.
        var wrong = await client.PostFormAsync("/konto/zwei-faktor?handler=Replace", new() { ["Code"] = "000000", ["Pending"] = pending }, "/konto/zwei-faktor");
        Assert.Contains("nicht richtig", await wrong.Content.ReadAsStringAsync());
        var forged = await client.PostFormAsync("/konto/zwei-faktor?handler=Replace", new() { ["Code"] = Users.Totp(app, newKey), ["Pending"] = pending + "x" }, "/konto/zwei-faktor");
        Assert.Contains("abgelaufen", await forged.Content.ReadAsStringAsync());

        var done = await Html.ParseAsync(await client.PostFormAsync(
            "/konto/zwei-faktor?handler=Replace", new() { ["Code"] = Users.Totp(app, newKey), ["Pending"] = pending }, "/konto/zwei-faktor"));
        Assert.Equal(10, done.QuerySelectorAll("ul.codes code").Length);

        // This session goes on; the other one ends at its next check; the old key signs in no more, the new one does.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung/benutzer")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/verwaltung/benutzer")).StatusCode);
        var oldKey = await SecondStepAsync(await PasswordStepAsync(app, admin), Users.Totp(app, admin.AuthenticatorKey!));
        Assert.Equal(HttpStatusCode.OK, oldKey.StatusCode);
        Assert.Contains("nicht richtig", await oldKey.Content.ReadAsStringAsync());
        var newOne = await SecondStepAsync(await PasswordStepAsync(app, admin), Users.Totp(app, newKey));
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
        Assert.Equal(1, await CountAsync(app, "auth.second-factor.replaced"));
    }

    [Theory, Engines]
    public async Task A_code_signs_in_once_even_when_used_at_the_same_moment(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, ManyForms);
        var office = await Users.CreateAsync(app, "einmal@stadtdo.de", Roles.Office);
        var code = Users.Totp(app, office.AuthenticatorKey!);

        var first = await SecondStepAsync(await PasswordStepAsync(app, office), code);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await SecondStepAsync(await PasswordStepAsync(app, office), code);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("schon benutzt", await again.Content.ReadAsStringAsync());

        // Eight sign-ins at once with one fresh code: exactly one gets in.
        var next = Users.Totp(app, office.AuthenticatorKey!);
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 8; i++)
        {
            var client = await PasswordStepAsync(app, office);
            clients.Add((client, await client.AntiforgeryTokenAsync("/konto/anmelden/zweiter-faktor")));
        }

        var answers = await Task.WhenAll(clients.Select(c => c.Client.PostAsync("/konto/anmelden/zweiter-faktor",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = next, ["__RequestVerificationToken"] = c.Token }))));
        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
    }

    [Theory, Engines]
    public async Task Wrong_second_factors_are_locked_per_account_and_a_correct_password_does_not_clear_them(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, ManyForms);
        var office = await Users.CreateAsync(app, "rate@stadtdo.de", Roles.Office);

        // Ten cycles of a correct password and four wrong codes, each from a new client: a patient attacker who
        // knows the password tries a code every five seconds.
        var throttled = 0;
        for (var cycle = 0; cycle < 10; cycle++)
        {
            var client = await PasswordStepAsync(app, office);
            for (var i = 0; i < 4; i++)
            {
                var html = await (await SecondStepAsync(client, $"{cycle}{i}0000")).Content.ReadAsStringAsync();
                throttled += html.Contains("Zu viele Fehlversuche", StringComparison.Ordinal) ? 1 : 0;
                app.Clock.Advance(TimeSpan.FromSeconds(5));
            }
        }

        var checkedCodes = await CountAsync(app, "auth.second-factor.failed") + await CountAsync(app, "auth.second-factor.locked");
        Assert.InRange(checkedCodes, 4, 10);
        Assert.Equal(40 - checkedCodes, throttled);
        Assert.Equal(1, await CountAsync(app, "auth.second-factor.locked"));

        // Locked: even the right code is refused now …
        var locked = await SecondStepAsync(await PasswordStepAsync(app, office), Users.Totp(app, office.AuthenticatorKey!));
        Assert.Contains("Zu viele Fehlversuche", await locked.Content.ReadAsStringAsync());

        // … and after the cool-down it signs in.
        app.Clock.Advance(LoginThrottling.LockDuration);
        var open = await SecondStepAsync(await PasswordStepAsync(app, office), Users.Totp(app, office.AuthenticatorKey!));
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    [Theory, Engines]
    public async Task Many_failed_sign_ins_at_once_for_a_new_name_are_all_counted_and_none_fails(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, ManyForms);
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 25; i++)
        {
            var client = Users.Client(app);
            clients.Add((client, await client.AntiforgeryTokenAsync("/konto/anmelden")));
        }

        var answers = await Task.WhenAll(clients.Select(c => c.Client.PostAsync("/konto/anmelden", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Email"] = "neu-im-angriff@stadtdo.de", ["Password"] = "falsch-falsch-falsch", ["__RequestVerificationToken"] = c.Token }))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.LoginThrottles.SingleAsync();
        var audited = await CountAsync(app, "auth.login.failed") + await CountAsync(app, "auth.login.locked");
        Assert.Equal(audited, row.Failures);
        Assert.True(row.Failures >= 4, $"{row.Failures} failures counted");
    }

    [Fact]
    public async Task An_unknown_or_disabled_address_costs_the_same_password_hash_as_a_real_one()
    {
        var hasher = new CountingHasher();
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, ManyForms,
            s => s.Replace(ServiceDescriptor.Scoped<IPasswordHasher<AppUser>>(_ => hasher)));
        var user = await Users.CreateAsync(app, "zeit@stadtdo.de", Roles.Moderator);
        var disabled = await Users.CreateAsync(app, "aus@stadtdo.de", Roles.Moderator);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var entity = (await users.FindByIdAsync(disabled.Id))!;
            entity.IsDisabled = true;
            await users.UpdateAsync(entity);
        }

        async Task<int> HashesFor(string email)
        {
            var start = hasher.Verifications;
            await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = email, ["Password"] = "nicht das richtige passwort" });
            return hasher.Verifications - start;
        }

        Assert.Equal(1, await HashesFor(user.Email));
        Assert.Equal(1, await HashesFor("gibt-es-nicht@stadtdo.de"));
        Assert.Equal(1, await HashesFor(disabled.Email));
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
