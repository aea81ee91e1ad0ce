using System.Diagnostics;
using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Masterplan.Web.Tests.Features.Confidential;

/// <summary>
/// What must hold whoever looks: only the unit opens its cases (not the administrators, not the Office, not the other unit;
/// the audit viewer shows them nothing), the database file and a dump hold no planted string in plain text, and the log of
/// a submission holds nothing of the sender's connection.
/// </summary>
public sealed class ConfidentialIsolationTests
{
    private static async Task<int> CaseIdAsync(AppFactory app, string number)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConfidentialCases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    [Theory, Engines]
    public async Task Only_the_unit_opens_its_cases_and_the_audit_viewer_shows_the_others_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, ConfidentialTests.Settings(MeetingChainTests.NewMailFolder()));
        var person = Users.Client(app);
        var (number, _) = await ConfidentialTests.ComplainAsync(app, person, null, ("bescheid.pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray()));
        var complaint = await CaseIdAsync(app, number);
        var sent = await ConfidentialTests.SendFormAsync(app, person, "/vertraulich/uebergriff", new()
        {
            ["Input.Kind"] = "weapon", ["Input.Service"] = "rescue", ["Input.HappenedOn"] = "2026-11-02", ["Input.What"] = "Messer gezogen 4411",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        int report;
        int fileId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            report = await db.ConfidentialCases.Where(c => c.Unit == ConfidentialModule.Assaults).Select(c => c.Id).SingleAsync();
            fileId = await db.ConfidentialFiles.Select(f => f.Id).SingleAsync();
        }

        var complaints = await Users.SignInAsync(app, await Users.CreateAsync(app, "beschwerde@stadtdo.de", Roles.ComplaintsOffice));
        var assaults = await Users.SignInAsync(app, await Users.CreateAsync(app, "fachstelle@stadtdo.de", Roles.AssaultReportsUnit));
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        // An administrator who is also the Office and a moderator: still none of the units.
        var everything = await Users.SignInAsync(app, await Users.CreateAsync(app, "alles@stadtdo.de", Roles.Administrator, Roles.Office, Roles.Moderator, Roles.DepartmentStaff));

        // The unit reads its own case (and so writes audit entries in its scope).
        Assert.Equal(HttpStatusCode.OK, (await complaints.GetAsync($"/verwaltung/beschwerdestelle/{complaint}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assaults.GetAsync($"/verwaltung/fachstelle-uebergriffe/{report}")).StatusCode);

        var complaintUrls = new[]
        {
            "/verwaltung/beschwerdestelle", "/verwaltung/beschwerdestelle?alle=true", $"/verwaltung/beschwerdestelle/{complaint}",
            $"/verwaltung/beschwerdestelle/{complaint}?handler=File&fileId={fileId}",
        };
        var complaintPosts = new[] { "Status", "Reply", "Note", "Advice", "Forward" }.Select(h => $"/verwaltung/beschwerdestelle/{complaint}?handler={h}").ToArray();
        var reportUrls = new[] { "/verwaltung/fachstelle-uebergriffe", $"/verwaltung/fachstelle-uebergriffe/{report}" };
        var failures = new List<string>();
        async Task RefusedAsync(string who, HttpClient client, string url, bool post)
        {
            var response = post
                ? await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply"] = "Hallo", ["Note"] = "x", ["Status"] = "closed" }))
                : await client.GetAsync(url);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                && !(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/konto/anmelden", StringComparison.Ordinal)))
            {
                failures.Add($"{(post ? "POST" : "GET")} {url} as {who}: {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains(ConfidentialTests.PlantedWhat, StringComparison.Ordinal) || body.Contains("Messer gezogen 4411", StringComparison.Ordinal))
            {
                failures.Add($"{url} as {who} shows the content");
            }
        }

        foreach (var (who, client) in new[] { ("admin", admin), ("office", office), ("all roles", everything), ("other unit", assaults), ("anonymous", Users.Client(app)) })
        {
            foreach (var url in complaintUrls)
            {
                await RefusedAsync(who, client, url, false);
            }

            foreach (var url in complaintPosts)
            {
                await RefusedAsync(who, client, url, true);
            }
        }

        foreach (var (who, client) in new[] { ("admin", admin), ("office", office), ("all roles", everything), ("other unit", complaints) })
        {
            foreach (var url in reportUrls)
            {
                await RefusedAsync(who, client, url, false);
            }
        }

        // A unit cannot reach the other unit's case through its own pages either (with its own antiforgery token).
        Assert.Equal(HttpStatusCode.NotFound, (await complaints.GetAsync($"/verwaltung/beschwerdestelle/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assaults.GetAsync($"/verwaltung/fachstelle-uebergriffe/{complaint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await complaints.PostFormAsync($"/verwaltung/beschwerdestelle/{report}?handler=Note", new() { ["Note"] = "x" }, "/verwaltung/beschwerdestelle")).StatusCode);
        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // The audit viewer: the unit sees its reads; administrators and the Office see no entry about either unit's cases.
        Assert.Contains("confidential.case.read", await ConfidentialTests.BodyAsync(await complaints.GetAsync("/verwaltung/protokoll")));
        foreach (var (who, client) in new[] { ("admin", admin), ("office", office), ("all roles", everything) })
        {
            var log = await ConfidentialTests.BodyAsync(await client.GetAsync("/verwaltung/protokoll"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung/protokoll")).StatusCode);
            Assert.False(log.Contains("confidential.", StringComparison.Ordinal) || log.Contains(number, StringComparison.Ordinal), $"the audit viewer shows {who} a unit's entries");
        }

        var otherUnitsLog = await ConfidentialTests.BodyAsync(await assaults.GetAsync("/verwaltung/protokoll"));
        Assert.DoesNotContain($"ConfidentialCase {complaint}", otherUnitsLog);
    }

    [Theory, Engines]
    public async Task Planted_strings_are_in_no_database_file_and_no_dump(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, ConfidentialTests.Settings(MeetingChainTests.NewMailFolder()));
        var planted = new[]
        {
            "PLANTwhat1a", "PLANTwhen2b", "PLANTdetails3c", "PLANTname4d", "plant-mail-5e@example.org", "PLANTfile6f", "PLANTpdf7g", "PLANTmsg8h", "PLANTreply9i",
            "PLANTnote10j", "PLANTadvice11k", "PLANToutcome12l", "PLANTinjury13m", "51.51234 7.46123",
        };
        var person = Users.Client(app);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% PLANTpdf7g\n%%EOF\n");
        var (number, secret) = await ConfidentialTests.ComplainAsync(app, person, new()
        {
            ["Input.What"] = "PLANTwhat1a", ["Input.WhenText"] = "PLANTwhen2b", ["Input.Details"] = "PLANTdetails3c", ["Input.ContactName"] = "PLANTname4d",
            ["Input.ContactWay"] = ConfidentialModule.ContactEmail, ["Input.ContactEmail"] = "plant-mail-5e@example.org", ["Place.Latitude"] = "51.512341", ["Place.Longitude"] = "7.461231",
            ["Input.Forward"] = "what",
        }, ("PLANTfile6f.pdf", pdf));
        await ConfidentialTests.OpenMailboxAsync(person, number, secret);
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync("/vertraulich/postfach?handler=Reply", new() { ["Text"] = "PLANTmsg8h" }, "/vertraulich/postfach")).StatusCode);
        var complaint = await CaseIdAsync(app, number);
        var unit = await Users.SignInAsync(app, await Users.CreateAsync(app, "beschwerde@stadtdo.de", Roles.ComplaintsOffice));
        var path = $"/verwaltung/beschwerdestelle/{complaint}";
        foreach (var (handler, field, text) in new[] { ("Reply", "Reply", "PLANTreply9i"), ("Note", "Note", "PLANTnote10j"), ("Advice", "Advice", "PLANTadvice11k") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync($"{path}?handler={handler}", new() { [field] = text }, path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync($"{path}?handler=Status",
            new() { ["Status"] = ConfidentialModule.Outcome, ["OutcomeCategory"] = "founded", ["OutcomeText"] = "PLANToutcome12l" }, path)).StatusCode);
        Assert.Contains("PLANTreply9i", await ConfidentialTests.BodyAsync(await unit.GetAsync(path))); // the unit reads them all back

        // The reporter's account is in the accounts table anyway; what must not be readable is that this report is theirs.
        var reporter = await Users.SignInAsync(app, await Users.CreateAsync(app, "plantreporter14n@stadtdo.de"));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfidentialTests.SendFormAsync(app, reporter, "/vertraulich/uebergriff", new()
        {
            ["Input.Kind"] = "physical", ["Input.Service"] = "fire", ["Input.HappenedOn"] = "2026-11-01", ["Input.What"] = "Angriff", ["Input.Injuries"] = "PLANTinjury13m",
            ["Input.WithAccount"] = "true",
        })).StatusCode);

        string dump;
        if (engine == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = app.Database.Name;
            dump = string.Concat(new[] { file, file + "-wal" }.Where(File.Exists).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)) + Encoding.Unicode.GetString(File.ReadAllBytes(f))));
        }
        else
        {
            var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
            const string pgDump = "/usr/lib/postgresql/15/bin/pg_dump";
            var start = new ProcessStartInfo(File.Exists(pgDump) ? pgDump : "pg_dump", $"-h {server.Host} -p {server.Port} -U {server.Username} -d {app.Database.Name}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            if (server.Password is { Length: > 0 } password)
            {
                start.Environment["PGPASSWORD"] = password;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await errors);
            dump = await output;
        }

        Assert.Contains(number, dump); // the dump holds the table (the case number is not a secret)
        var found = planted.Where(p => dump.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "in plain text: " + string.Join(", ", found));
        Assert.DoesNotContain(secret.Replace("-", "", StringComparison.Ordinal), dump, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
    }

    /// <summary>Every request arrives from a planted address with a planted browser name.</summary>
    private sealed class PlantedConnection : IStartupFilter
    {
        public const string Address = "203.0.113.77";
        public const string Agent = "PlantedBrowser/7.7 (x-c0ffee)";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Address);
                context.Request.Headers.UserAgent = Agent;
                return nextStep(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task The_log_of_a_submission_and_a_mailbox_visit_holds_nothing_of_the_sender()
    {
        var settings = ConfidentialTests.Settings(MeetingChainTests.NewMailFolder());
        // Everything the framework would say, not only what an operator's filter lets through.
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, settings, s => s.AddSingleton<IStartupFilter, PlantedConnection>());
        var person = Users.Client(app);
        var before = app.Logs.Lines.Count;
        var (number, secret) = await ConfidentialTests.ComplainAsync(app, person, new() { ["Input.ContactName"] = "Sendername 31d7" }, ("foto.jpg", Masterplan.Web.Tests.Features.ServiceRequests.TestImages.Jpeg()));
        await ConfidentialTests.OpenMailboxAsync(person, number, "falsch");
        await ConfidentialTests.OpenMailboxAsync(person, number, secret);
        await person.PostFormAsync("/vertraulich/postfach?handler=Reply", new() { ["Text"] = "Nachtrag" }, "/vertraulich/postfach");

        var lines = app.Logs.Lines.Skip(before).ToList();
        Assert.NotEmpty(lines); // the capture sees the requests
        var leaks = lines.Where(l => new[] { PlantedConnection.Address, PlantedConnection.Agent, "Sendername 31d7", ConfidentialTests.PlantedWhat, secret }
            .Any(p => l.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "The sender in the log:\n" + string.Join('\n', leaks));
    }
}
