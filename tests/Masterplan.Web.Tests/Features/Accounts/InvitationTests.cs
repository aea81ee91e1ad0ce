using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Masterplan.Web.Tests.Features.Accounts;

public partial class InvitationTests
{
    private static async Task<(AppFactory App, string MailDir)> StartAsync(DatabaseProvider engine)
    {
        var mail = Directory.CreateTempSubdirectory("masterplan-mail").FullName;
        return (await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail }), mail);
    }

    private static async Task<string> InviteAsync(AppFactory app, string mailDir, string email, params string[] roles)
    {
        var admin = await Users.CreateAsync(app, $"admin-{Guid.NewGuid():N}@stadtdo.de", Roles.Administrator);
        var client = await Users.SignInAsync(app, admin);
        var fields = new Dictionary<string, string> { ["DisplayName"] = "Erika Muster", ["Email"] = email };
        var content = fields.Concat(roles.Select(r => new KeyValuePair<string, string>("SelectedRoles", r)));
        var page = await client.GetAsync("/verwaltung/benutzer");
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        var response = await client.PostAsync("/verwaltung/benutzer?handler=Invite", new FormUrlEncodedContent(content.Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Die Einladung an", await response.Content.ReadAsStringAsync());

        var message = await MimeMessage.LoadAsync(Directory.GetFiles(mailDir, "*.eml").OrderBy(File.GetCreationTimeUtc).Last());
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        return new Uri(InvitationLink().Match(message.TextBody ?? "").Value).PathAndQuery;
    }

    [Theory, Engines]
    public async Task An_invited_person_sets_a_password_once_and_gets_the_roles(DatabaseProvider engine)
    {
        var (app, mail) = await StartAsync(engine);
        await using var __ = app;
        var link = await InviteAsync(app, mail, "erika@stadtdo.de", Roles.Moderator);

        var client = Users.Client(app);
        var accepted = await client.PostFormAsync(link, new() { ["Password"] = Users.Password, ["Confirm"] = Users.Password });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var account = await client.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("Moderation", await account.Content.ReadAsStringAsync());

        // The link works once.
        var again = await Users.Client(app).GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("bereits benutzt", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_or_unknown_invitation_is_refused_clearly()
    {
        var (app, mail) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var link = await InviteAsync(app, mail, "spaet@stadtdo.de", Roles.Office);

        app.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await Users.Client(app).GetAsync(link);
        var unknown = await Users.Client(app).GetAsync("/konto/einladung/ausgedacht");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("abgelaufen", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, unknown.StatusCode);
        Assert.Contains("gibt es nicht", await unknown.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("kurz", "mindestens 12 Zeichen")]
    [InlineData("erika-ist-meine-rolle-hier", "Namen oder Ihre E-Mail-Adresse")]
    [InlineData("password1234", "zu verbreitet")]
    [InlineData("abcdefghijklmnop", "zu verbreitet")]
    public async Task A_weak_password_is_refused_with_a_German_message_and_nothing_is_created(string password, string message)
    {
        var (app, mail) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var link = await InviteAsync(app, mail, "erika.muster@stadtdo.de", Roles.Moderator);

        var response = await Users.Client(app).PostFormAsync(link, new() { ["Password"] = password, ["Confirm"] = password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await data.Users.AnyAsync(u => u.Email == "erika.muster@stadtdo.de"));
        Assert.True(await data.Invitations.AnyAsync(i => i.Email == "erika.muster@stadtdo.de" && i.AcceptedAt == null));
    }

    [Fact]
    public void The_password_policy_follows_ASVS()
    {
        Assert.Null(PasswordPolicy.Validate(new string('x', 5) + " baum haus wolke", "a@b.de", "a@b.de", "A B"));
        Assert.NotNull(PasswordPolicy.Validate(new string('q', 129), null, null, null)); // more than 128
        Assert.Null(PasswordPolicy.Validate("ohne ziffern und sonderzeichen", null, null, null)); // no composition rules
        Assert.NotNull(PasswordPolicy.Validate("mein-mustermann-passwort", "e@stadtdo.de", null, "Erika Mustermann"));
    }

    [Fact]
    public async Task Staff_roles_must_enrol_a_second_factor_before_anything_else_and_recovery_codes_work_once()
    {
        var (app, mail) = await StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var link = await InviteAsync(app, mail, "office@stadtdo.de", Roles.Office);
        var client = Users.Client(app);
        await client.PostFormAsync(link, new() { ["Password"] = Users.Password, ["Confirm"] = Users.Password });

        var blocked = await client.GetAsync("/verwaltung/protokoll");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/konto/zwei-faktor", blocked.Headers.Location!.OriginalString);

        var enrolPage = await Html.ParseAsync(await client.GetAsync("/konto/zwei-faktor"));
        Assert.NotNull(enrolPage.QuerySelector("svg")); // the QR code
        var key = enrolPage.QuerySelector("[data-key]")!.TextContent;
        var wrong = await client.PostFormAsync("/konto/zwei-faktor", new() { ["Code"] = "000000" });
        Assert.Contains("nicht richtig", await wrong.Content.ReadAsStringAsync());
        var enrolled = await Html.ParseAsync(await client.PostFormAsync("/konto/zwei-faktor", new() { ["Code"] = Users.Totp(app, key) }));
        var codes = enrolled.QuerySelectorAll("ul.codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung/protokoll")).StatusCode);

        // Without the phone: a recovery code signs in once, then never again.
        async Task<HttpResponseMessage> SignInWithRecoveryCode(string code)
        {
            var c = Users.Client(app);
            var first = await c.PostFormAsync("/konto/anmelden", new() { ["Email"] = "office@stadtdo.de", ["Password"] = Users.Password });
            Assert.EndsWith("zweiter-faktor", first.Headers.Location!.OriginalString.Split('?')[0]);
            return await c.PostFormAsync(first.Headers.Location.OriginalString, new() { ["Code"] = code, ["IsRecoveryCode"] = "true" });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithRecoveryCode(codes[0])).StatusCode);
        var reused = await SignInWithRecoveryCode(codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("nicht gültig oder wurde bereits benutzt", await reused.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"https?://\S+/konto/einladung/\S+")]
    private static partial Regex InvitationLink();
}
