using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Features.Accounts;

/// <summary>
/// Operators read the logs; residents' and staff's personal data must not be in them. Unique strings are planted in
/// every account flow that carries an address, a name or a secret, and the whole log is searched for them.
/// </summary>
public class PersonalDataInLogsTests
{
    [Theory, Engines]
    public async Task No_address_name_or_password_typed_into_the_account_forms_reaches_the_log(DatabaseProvider engine)
    {
        var (app, mail) = await PasswordTests.StartAsync(engine);
        await using var __ = app;
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        const string plantedAddress = "qx7-planted-address@stadtdo.de";
        const string plantedName = "Qx7 Plantedname";
        const string plantedPassword = "qx7 planted password that is wrong";
        const string unknownAddress = "qx7-unknown@stadtdo.de";

        var invited = await admin.PostFormAsync("/verwaltung/benutzer?handler=Invite",
            new() { ["DisplayName"] = plantedName, ["Email"] = plantedAddress, ["SelectedRoles"] = Roles.Moderator }, formPage: "/verwaltung/benutzer");
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        await PasswordTests.WaitForMailAsync(mail, plantedAddress);

        await PasswordTests.SignInWithPasswordAsync(app, plantedAddress, plantedPassword);
        await PasswordTests.SignInWithPasswordAsync(app, unknownAddress, plantedPassword);
        await Users.Client(app).PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = "admin@stadtdo.de" });
        await Users.Client(app).PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = unknownAddress });
        var reset = await PasswordTests.WaitForMailAsync(mail, "admin@stadtdo.de");
        var link = reset.TextBody!.Split(' ', '\n').First(w => w.Contains("/konto/passwort-zuruecksetzen/", StringComparison.Ordinal)).Trim();
        var token = link[(link.LastIndexOf('/') + 1)..];
        await Users.Client(app).PostFormAsync(new Uri(link).PathAndQuery, new() { ["Password"] = "kurz", ["Confirm"] = "kurz" }, formPage: "/konto/passwort-vergessen");

        Assert.NotEmpty(app.Logs.Lines); // the capture works: the app logs at least its start
        var leaks = app.Logs.Lines.Where(l => new[] { plantedAddress, plantedName, plantedPassword, unknownAddress, token }.Any(p => l.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the log:\n" + string.Join('\n', leaks));
    }
}
