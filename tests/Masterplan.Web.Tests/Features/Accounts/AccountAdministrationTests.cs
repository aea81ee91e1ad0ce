using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Cli;
using Masterplan.Cli.Accounts;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>What an administrator does for an existing account: a new invitation, the person and the department.</summary>
public partial class AccountAdministrationTests
{
    private static async Task<(int Person, int Plenary, int Department, int NotADepartment)> PersonWithMembershipAsync(AppFactory app, string email)
    {
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plenary = await data.Organizations.SingleAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var department = await data.Organizations.Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Id).FirstAsync();
        var person = new Person { GivenName = "Mia", FamilyName = "Mitglied", Email = email };
        data.Memberships.Add(new Membership { Person = person, Organization = plenary, VotingRight = VotingRight.Voting, StartDate = new DateOnly(2024, 1, 1) });
        await data.SaveChangesAsync();
        return (person.Id, plenary.Id, department.Id, plenary.Id);
    }

    private static async Task<AppUser> AccountAsync(AppFactory app, string id)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
    }

    [Theory, Engines]
    public async Task A_new_invitation_kills_the_old_password_at_once_and_sets_a_new_one_on_the_same_account(DatabaseProvider engine)
    {
        var (app, mail) = await PasswordTests.StartAsync(engine);
        await using var __ = app;
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var user = await Users.CreateAsync(app, "verloren@stadtdo.de", Roles.Moderator);
        var thief = await Users.SignInAsync(app, user);

        var page = await admin.PostFormAsync($"/verwaltung/benutzer/{user.Id}?handler=Reinvite", [], formPage: $"/verwaltung/benutzer/{user.Id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Html.ParseAsync(page);
        Assert.Contains("Die neue Einladung ist verschickt", html.QuerySelector("main")!.Text());
        Assert.NotNull(html.QuerySelector("[data-invitation-link]"));
        Assert.False(await PasswordTests.SignedInAsync(thief), "the sessions end at once");
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch", await (await PasswordTests.SignInWithPasswordAsync(app, user.Email, Users.Password)).Content.ReadAsStringAsync());

        // Inviting the address again as a new account is refused: there is one account per address.
        var twice = await admin.PostFormAsync("/verwaltung/benutzer?handler=Invite", new() { ["DisplayName"] = "Noch einmal", ["Email"] = user.Email }, formPage: "/verwaltung/benutzer");
        Assert.Contains("Neue Einladung senden", (await Html.ParseAsync(twice)).QuerySelector(".error-summary")!.Text());

        var message = await PasswordTests.WaitForMailAsync(mail, user.Email);
        Assert.Contains("zurückgesetzt", message.TextBody);
        var link = new Uri(InvitationLink().Match(message.TextBody!).Value).PathAndQuery;
        var accepted = await Users.Client(app).PostFormAsync(link, new() { ["Password"] = "ganz neues passwort heute", ["Confirm"] = "ganz neues passwort heute" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Ihr neues Passwort ist gespeichert", await accepted.Content.ReadAsStringAsync());
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await data.Users.CountAsync(u => u.Email == user.Email));
            Assert.Equal(1, await data.AuditEntries.CountAsync(a => a.Action == "account.reinvited" && a.EntityId == user.Id));
        }

        var signedIn = await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = "ganz neues passwort heute" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Users.Client(app).GetAsync(link)).StatusCode); // used once
        Assert.Equal([Roles.Moderator], await RolesAsync(app, await AccountAsync(app, user.Id)));
    }

    [Theory, Engines]
    public async Task A_lost_second_factor_is_reset_with_the_password_and_the_person_sets_up_a_new_one(DatabaseProvider engine)
    {
        var (app, mail) = await PasswordTests.StartAsync(engine);
        await using var __ = app;
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var user = await Users.CreateAsync(app, "handy-weg@stadtdo.de", Roles.Office);
        var before = await Users.SignInAsync(app, user);
        var accountPage = $"/verwaltung/benutzer/{user.Id}";
        Assert.Contains("Zweiten Faktor zurücksetzen", await (await admin.GetAsync(accountPage)).Content.ReadAsStringAsync());

        var page = await admin.PostFormAsync($"{accountPage}?handler=ResetTwoFactor", [], formPage: accountPage);

        Assert.Contains("Der zweite Faktor ist zurückgesetzt", (await Html.ParseAsync(page)).QuerySelector("main")!.Text());
        Assert.False(await PasswordTests.SignedInAsync(before), "the sessions end at once");
        var account = await AccountAsync(app, user.Id);
        Assert.False(account.TwoFactorEnabled);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.NotEqual(user.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(account));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(account));
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == "account.second-factor.reset" && a.EntityId == user.Id));
        }

        // The old password alone no longer opens anything, so nobody but the mailbox's owner enrols the next factor.
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch", await (await PasswordTests.SignInWithPasswordAsync(app, user.Email, Users.Password)).Content.ReadAsStringAsync());
        var message = await PasswordTests.WaitForMailAsync(mail, user.Email);
        var link = new Uri(InvitationLink().Match(message.TextBody!).Value).PathAndQuery;
        var accepted = await Users.Client(app).PostFormAsync(link, new() { ["Password"] = "ganz neues passwort heute", ["Confirm"] = "ganz neues passwort heute" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var client = Users.Client(app);
        var signedIn = await client.PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = "ganz neues passwort heute" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var office = await client.GetAsync("/verwaltung");
        Assert.Equal("/konto/zwei-faktor", office.Headers.Location?.OriginalString);
        Assert.Equal([Roles.Office], await RolesAsync(app, await AccountAsync(app, user.Id)));
    }

    private static async Task<IList<string>> RolesAsync(AppFactory app, AppUser account)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(account);
    }

    [Fact]
    public async Task An_administrator_cannot_send_a_new_invitation_to_a_disabled_account_or_to_themselves()
    {
        var (app, mail) = await PasswordTests.StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var adminUser = await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator);
        var admin = await Users.SignInAsync(app, adminUser);
        var user = await Users.CreateAsync(app, "gesperrt@stadtdo.de", Roles.Moderator);
        await admin.PostFormAsync($"/verwaltung/benutzer?handler=Disable&id={user.Id}&disable=true", [], formPage: "/verwaltung/benutzer");

        var disabled = await admin.PostFormAsync($"/verwaltung/benutzer/{user.Id}?handler=Reinvite", [], formPage: $"/verwaltung/benutzer/{user.Id}");
        var self = await admin.PostFormAsync($"/verwaltung/benutzer/{adminUser.Id}?handler=Reinvite", [], formPage: $"/verwaltung/benutzer/{adminUser.Id}");

        Assert.Contains("Entsperren Sie es zuerst", await disabled.Content.ReadAsStringAsync());
        Assert.Contains("Ihr eigenes Passwort", await self.Content.ReadAsStringAsync());
        Assert.True(await PasswordTests.SignedInAsync(admin));
        Assert.Empty(await PasswordTests.MailsToAsync(mail, user.Email));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/verwaltung/benutzer/gibt-es-nicht")).StatusCode);
    }

    [Theory, Engines]
    public async Task Administrators_link_an_account_to_a_person_and_a_department_and_the_Office_sees_it_on_the_persons_page(DatabaseProvider engine)
    {
        var (app, _) = await PasswordTests.StartAsync(engine);
        await using var __ = app;
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var member = await Users.CreateAsync(app, "mia@stadtdo.de", Roles.DepartmentStaff);
        var ids = await PersonWithMembershipAsync(app, "mia.privat@example.org");
        var page = $"/verwaltung/benutzer/{member.Id}";

        var form = await admin.GetPageAsync(page);
        Assert.Contains(form.QuerySelectorAll("select#PersonId option"), o => o.GetAttribute("value") == ids.Person.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(form.QuerySelectorAll("select#DepartmentId option"), o => o.GetAttribute("value") == ids.Department.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(form.QuerySelectorAll("select#DepartmentId option"), o => o.GetAttribute("value") == ids.Plenary.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Bad choices get precise messages and change nothing.
        var bad = await Html.ParseAsync(await admin.PostFormAsync($"{page}?handler=Links", new() { ["PersonId"] = "987654", ["DepartmentId"] = ids.NotADepartment.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: page));
        var errors = bad.QuerySelector(".error-summary")!.Text();
        Assert.Contains("Diese Person gibt es nicht.", errors);
        Assert.Contains("Diese Dienststelle gibt es nicht.", errors);
        var notANumber = await admin.PostFormAsync($"{page}?handler=Links", new() { ["PersonId"] = "abc" }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);
        Assert.Null((await AccountAsync(app, member.Id)).PersonId);

        var saved = await admin.PostFormAsync($"{page}?handler=Links", new()
        {
            ["PersonId"] = ids.Person.ToString(System.Globalization.CultureInfo.InvariantCulture), ["DepartmentId"] = ids.Department.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var account = await AccountAsync(app, member.Id);
        Assert.Equal(ids.Person, account.PersonId);
        Assert.Equal(ids.Department, account.DepartmentId);
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await data.AuditEntries.CountAsync(a => a.Action == "account.links.changed" && a.EntityId == member.Id));
        }

        // The link makes the Member role at sign-in.
        var memberClient = await Users.SignInAsync(app, member);
        Assert.Contains("Mitglied eines Gremiums", (await memberClient.GetPageAsync("/konto")).QuerySelector("dl.facts")!.Text());

        // A second account cannot take the same person.
        var other = await Users.CreateAsync(app, "zweite@stadtdo.de", Roles.Moderator);
        var taken = await admin.PostFormAsync($"/verwaltung/benutzer/{other.Id}?handler=Links", new() { ["PersonId"] = ids.Person.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: $"/verwaltung/benutzer/{other.Id}");
        Assert.Contains("schon mit einem anderen Konto verknüpft", await taken.Content.ReadAsStringAsync());

        // The Office sees the account on the person's page, reached from the members of the body; others do not.
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var members = await office.GetPageAsync($"/verwaltung/gremien/{ids.Plenary}");
        var personLink = members.QuerySelectorAll("a").Single(a => a.Text() == "Mia Mitglied").GetAttribute("href")!;
        var person = await office.GetPageAsync(personLink);
        var shown = person.QuerySelector("[data-account]")!.Text();
        Assert.Contains(member.Email, shown);
        Assert.Contains("Fachdienststelle", shown);
        Assert.Contains("aktiv", shown);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(personLink)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync(personLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/verwaltung/personen/987654")).StatusCode);
    }

    [Fact]
    public async Task An_invitation_from_the_administration_carries_the_person_and_the_department_to_the_new_account()
    {
        var (app, mail) = await PasswordTests.StartAsync(DatabaseProvider.Sqlite);
        await using var __ = app;
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var ids = await PersonWithMembershipAsync(app, "neu@example.org");
        var text = (int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var bad = await admin.PostFormAsync("/verwaltung/benutzer?handler=Invite", new() { ["DisplayName"] = "Neu", ["Email"] = "neu@stadtdo.de", ["PersonId"] = "987654" }, formPage: "/verwaltung/benutzer");
        Assert.Contains("Diese Person gibt es nicht.", await bad.Content.ReadAsStringAsync());
        var invited = await admin.PostFormAsync("/verwaltung/benutzer?handler=Invite", new()
        {
            ["DisplayName"] = "Neu", ["Email"] = "neu@stadtdo.de", ["SelectedRoles"] = Roles.DepartmentStaff, ["PersonId"] = text(ids.Person), ["DepartmentId"] = text(ids.Department),
        }, formPage: "/verwaltung/benutzer");
        Assert.Contains("Die Einladung an", await invited.Content.ReadAsStringAsync());
        var message = (await PasswordTests.MailsToAsync(mail, "neu@stadtdo.de")).Single();
        var link = new Uri(InvitationLink().Match(message.TextBody!).Value).PathAndQuery;
        await Users.Client(app).PostFormAsync(link, new() { ["Password"] = Users.Password, ["Confirm"] = Users.Password });

        await using var scope = app.Scope();
        var account = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == "neu@stadtdo.de");
        Assert.Equal(ids.Person, account.PersonId);
        Assert.Equal(ids.Department, account.DepartmentId);
    }

    [Theory, Engines]
    public async Task The_command_line_invitation_takes_a_person_and_a_department_and_refuses_unknown_ones(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var ids = await PersonWithMembershipAsync(app, "cli@example.org");
        string[] Args(params string[] more) =>
            ["--provider", engine.ToString(), "--connection", app.Database.ConnectionString, "--email", "cli@stadtdo.de", "--name", "Carla Cli", "--roles", Roles.DepartmentStaff, .. more];
        var text = (int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await new InviteCommand().RunAsync(new CommandArguments(args), output, error);
            return (code, output.ToString(), error.ToString());
        }

        var unknownPerson = await RunAsync(Args("--person", "987654"));
        var notADepartment = await RunAsync(Args("--department", text(ids.NotADepartment)));
        await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(Args("--person", "Mia")));
        var ok = await RunAsync(Args("--person", text(ids.Person), "--department", text(ids.Department)));

        Assert.Equal((2, "There is no person with id 987654."), (unknownPerson.Code, unknownPerson.Error.Trim()));
        Assert.Equal(2, notADepartment.Code);
        Assert.Contains("not a Department", notADepartment.Error);
        Assert.Equal(0, ok.Code);
        Assert.Contains("/konto/einladung/", ok.Output);
        await using var scope = app.Scope();
        var invitation = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Invitations.SingleAsync(i => i.Email == "cli@stadtdo.de");
        Assert.Equal(ids.Person, invitation.PersonId);
        Assert.Equal(ids.Department, invitation.DepartmentId);
    }

    [GeneratedRegex(@"https?://\S+/konto/einladung/\S+")]
    private static partial Regex InvitationLink();
}
