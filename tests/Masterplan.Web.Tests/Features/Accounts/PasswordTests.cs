using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>Changing a password, "Passwort vergessen", and signing out everywhere.</summary>
public partial class PasswordTests
{
    private const string NewPassword = "neues wolkenkratzer fahrrad segel";

    internal static async Task<(AppFactory App, string MailDir)> StartAsync(DatabaseProvider engine, Dictionary<string, string?>? settings = null)
    {
        var mail = Directory.CreateTempSubdirectory("masterplan-mail").FullName;
        var all = new Dictionary<string, string?>(settings ?? []) { ["Mail:PickupDirectory"] = mail, ["Accounts:FormPostsPerMinute"] = "1000" };
        return (await AppFactory.StartAsync(engine, all), mail);
    }

    /// <summary>The mails to an address so far, oldest first.</summary>
    internal static async Task<List<MimeMessage>> MailsToAsync(string mailDir, string address)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(mailDir, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = await LoadWhenWrittenAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == address))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    // The queue may still be writing the file.
    private static async Task<MimeMessage> LoadWhenWrittenAsync(string file)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await MimeMessage.LoadAsync(file);
            }
            catch (Exception e) when (attempt < 50 && e is IOException or FormatException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Waits for the n-th mail to an address (reset mails leave after the answer, from a queue).</summary>
    internal static async Task<MimeMessage> WaitForMailAsync(string mailDir, string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mails = await MailsToAsync(mailDir, address);
            if (mails.Count >= count)
            {
                return mails[count - 1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"no mail number {count} to {address}");
            await Task.Delay(100);
        }
    }

    internal static async Task<bool> SignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/konto");
        return response.StatusCode == HttpStatusCode.OK;
    }

    internal static async Task<HttpResponseMessage> SignInWithPasswordAsync(AppFactory app, string email, string password) =>
        await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = email, ["Password"] = password });

    private static async Task<int> AuditCountAsync(AppFactory app, string action)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == action);
    }

    [Theory, Engines]
    public async Task Changing_the_password_needs_the_current_one_ends_the_other_sessions_and_keeps_this_one(DatabaseProvider engine)
    {
        var (app, _) = await StartAsync(engine);
        await using var __ = app;
        var office = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var here = await Users.SignInAsync(app, office);
        var elsewhere = await Users.SignInAsync(app, office);

        var wrong = await here.PostFormAsync("/konto/passwort", new() { ["CurrentPassword"] = "geraten und falsch", ["Password"] = NewPassword, ["Confirm"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Das bisherige Passwort ist nicht richtig.", await wrong.Content.ReadAsStringAsync());
        var weak = await here.PostFormAsync("/konto/passwort", new() { ["CurrentPassword"] = Users.Password, ["Password"] = "password1234", ["Confirm"] = "password1234" });
        Assert.Contains("zu verbreitet", await weak.Content.ReadAsStringAsync());
        Assert.True(await SignedInAsync(elsewhere), "nothing changed yet");

        var changed = await here.PostFormAsync("/konto/passwort", new() { ["CurrentPassword"] = Users.Password, ["Password"] = NewPassword, ["Confirm"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var confirmation = await here.GetAsync(changed.Headers.Location!.OriginalString);
        Assert.True(confirmation.StatusCode == HttpStatusCode.OK, $"{(int)confirmation.StatusCode} {confirmation.Headers.Location}");
        Assert.Contains("ist geändert", await confirmation.Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(elsewhere));
        // This browser stays signed in with its second factor, and its session carries the new security stamp:
        // it survives the next check of the stamp (a page that needs a session but not the second factor).
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/verwaltung/protokoll")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/konto/abmelden")).StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch", await (await SignInWithPasswordAsync(app, office.Email, Users.Password)).Content.ReadAsStringAsync());
        var withNew = await SignInWithPasswordAsync(app, office.Email, NewPassword);
        Assert.Contains("zweiter-faktor", withNew.Headers.Location!.OriginalString);
        Assert.Equal(1, await AuditCountAsync(app, "auth.password.changed"));
        Assert.Equal(1, await AuditCountAsync(app, "auth.password.change.failed"));
    }

    [Theory, Engines]
    public async Task Forgot_password_answers_alike_for_every_address_and_mails_a_single_use_link_only_to_an_active_account(DatabaseProvider engine)
    {
        var (app, mail) = await StartAsync(engine);
        await using var __ = app;
        var owner = await Users.CreateAsync(app, "vergesslich@stadtdo.de", Roles.Office);
        var disabled = await Users.CreateAsync(app, "gesperrt@stadtdo.de", Roles.Moderator);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var entity = (await users.FindByIdAsync(disabled.Id))!;
            entity.IsDisabled = true;
            await users.UpdateAsync(entity);
        }

        var session = await Users.SignInAsync(app, owner);

        async Task<string> AskAsync(string email)
        {
            var response = await Users.Client(app).PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).QuerySelector("main")!.Text();
        }

        // Unknown and disabled first: the queue sends in order, so once the owner's mail is there, theirs would be too.
        var unknownAnswer = await AskAsync("niemand@stadtdo.de");
        var disabledAnswer = await AskAsync(disabled.Email);
        var ownerAnswer = await AskAsync(owner.Email);
        Assert.Equal(ownerAnswer, unknownAnswer);
        Assert.Equal(ownerAnswer, disabledAnswer);
        Assert.Contains("30 Minuten", ownerAnswer);
        var first = await WaitForMailAsync(mail, owner.Email);
        Assert.Empty(await MailsToAsync(mail, disabled.Email));
        Assert.Empty(await MailsToAsync(mail, "niemand@stadtdo.de"));

        await AskAsync(owner.Email);
        var second = await WaitForMailAsync(mail, owner.Email, 2);
        var link = ResetLink(first);
        var otherLink = ResetLink(second);
        Assert.NotEqual(link, otherLink);

        // Only the hash is stored.
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var token = link.Split('/')[^1];
            Assert.False(await data.PasswordResetRequests.AnyAsync(r => r.TokenHash == token));
            Assert.True(await data.PasswordResetRequests.AnyAsync(r => r.TokenHash == Invitation.HashToken(token)));
        }

        var form = await Users.Client(app).GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(owner.Email, await form.Content.ReadAsStringAsync());
        var weak = await Users.Client(app).PostFormAsync(link, new() { ["Password"] = "kurz", ["Confirm"] = "kurz" });
        Assert.Contains("mindestens 12 Zeichen", await weak.Content.ReadAsStringAsync());

        var reset = await Users.Client(app).PostFormAsync(link, new() { ["Password"] = NewPassword, ["Confirm"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Ihr neues Passwort ist gespeichert", await reset.Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(session), "the reset ends every session");
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch", await (await SignInWithPasswordAsync(app, owner.Email, Users.Password)).Content.ReadAsStringAsync());
        // The new password works, and the second factor is still asked for.
        var signIn = await SignInWithPasswordAsync(app, owner.Email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("zweiter-faktor", signIn.Headers.Location!.OriginalString);

        // The link works once, and the other open link died with the password change.
        var again = await Users.Client(app).PostFormAsync(link, new() { ["Password"] = "noch ein ganz anderes passwort", ["Confirm"] = "noch ein ganz anderes passwort" }, formPage: "/konto/passwort-vergessen");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("bereits benutzt", await again.Content.ReadAsStringAsync());
        var other = await Users.Client(app).GetAsync(otherLink);
        Assert.Equal(HttpStatusCode.Gone, other.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithPasswordAsync(app, owner.Email, NewPassword)).StatusCode);
        Assert.Equal(1, await AuditCountAsync(app, "auth.password.reset"));
        Assert.Equal(4, await AuditCountAsync(app, "auth.password.reset.requested"));
    }

    [Fact]
    public async Task A_reset_link_lasts_thirty_minutes_and_an_unknown_one_is_refused_clearly()
    {
        var (app, mail) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var owner = await Users.CreateAsync(app, "spaet@stadtdo.de", Roles.Moderator);
        await Users.Client(app).PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = owner.Email });
        var link = ResetLink(await WaitForMailAsync(mail, owner.Email));

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await Users.Client(app).GetAsync(link)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1.5));
        var expired = await Users.Client(app).GetAsync(link);
        var unknown = await Users.Client(app).GetAsync("/konto/passwort-zuruecksetzen/ausgedacht");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("abgelaufen", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, unknown.StatusCode);
        Assert.Contains("gibt es nicht", await unknown.Content.ReadAsStringAsync());
        var empty = await Users.Client(app).PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = "" });
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse ein.", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reset_link_lifetime_is_configurable()
    {
        var (app, mail) = await StartAsync(DatabaseProvider.Sqlite, new() { ["Accounts:PasswordResetLifetime"] = "00:10:00" });
        await using var __ = app;
        var owner = await Users.CreateAsync(app, "kurz@stadtdo.de", Roles.Moderator);
        var answer = await Users.Client(app).PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = owner.Email });
        Assert.Contains("10 Minuten", await answer.Content.ReadAsStringAsync());
        var link = ResetLink(await WaitForMailAsync(mail, owner.Email));

        app.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Gone, (await Users.Client(app).GetAsync(link)).StatusCode);
    }

    [Theory, Engines]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account(DatabaseProvider engine)
    {
        var (app, _) = await StartAsync(engine);
        await using var __ = app;
        var user = await Users.CreateAsync(app, "ueberall@stadtdo.de", Roles.Moderator);
        var bystander = await Users.CreateAsync(app, "daneben@stadtdo.de", Roles.Moderator);
        var here = await Users.SignInAsync(app, user);
        var elsewhere = await Users.SignInAsync(app, user);
        var other = await Users.SignInAsync(app, bystander);

        var account = await here.GetPageAsync("/konto");
        Assert.NotNull(account.QuerySelector("form[action='/konto/ueberall-abmelden'] button"));
        var response = await here.PostFormAsync("/konto/ueberall-abmelden", [], formPage: "/konto");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await SignedInAsync(here));
        Assert.False(await SignedInAsync(elsewhere));
        Assert.True(await SignedInAsync(other), "other accounts keep their sessions");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithPasswordAsync(app, user.Email, Users.Password)).StatusCode);
        Assert.Equal(1, await AuditCountAsync(app, "auth.sessions.ended"));
    }

    internal static string ResetLink(MimeMessage message) => new Uri(ResetLinkPattern().Match(message.TextBody ?? "").Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/konto/passwort-zuruecksetzen/\S+")]
    private static partial Regex ResetLinkPattern();
}
