using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Features.ServiceRequests;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Confidential;

/// <summary>
/// The confidential units through their pages on both engines: the anonymous round trip (complaint, receipt, mailbox, the
/// unit's reply, the person's answer), the one answer for every failed mailbox opening and its throttles, bad input that
/// stores nothing, the unit's statuses and deadlines with the reminder job, and the retention job.
/// </summary>
public sealed class ConfidentialTests
{
    internal const string PlantedWhat = "Zwiebelkuchen-Vorfall 7f3a91 am Brunnen";

    internal static Dictionary<string, string?> Settings(string mail) => new()
    {
        ["Accounts:FormPostsPerMinute"] = "1000", ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example", ["Jobs:Enabled"] = "false",
        // The slow hash is measured in bench/Confidential; the tests need it correct, not slow.
        ["Confidential:SecretIterations"] = "1000",
    };

    internal static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string Hidden(string page, string name) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{Regex.Escape(name)}\" (?:type=\"hidden\" )?value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>Opens a public form, waits like a person (the form guard's minimum time), and sends it as multipart with the files.</summary>
    internal static async Task<HttpResponseMessage> SendFormAsync(AppFactory app, HttpClient client, string url, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        using var content = new MultipartFormDataContent();
        var all = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"), [FormGuard.StampField] = Hidden(page, FormGuard.StampField), [FormGuard.HoneypotField] = "",
        };
        foreach (var (name, value) in all)
        {
            foreach (var one in value.Split('|'))
            {
                content.Add(new StringContent(one), name);
            }
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "Files", name);
        }

        return await client.PostAsync(url, content);
    }

    /// <summary>Sends a complaint and reads the receipt: (number, secret).</summary>
    internal static async Task<(string Number, string Secret)> ComplainAsync(AppFactory app, HttpClient client, Dictionary<string, string>? more = null, params (string, byte[])[] files)
    {
        var fields = new Dictionary<string, string> { ["Input.Kind"] = "police", ["Input.What"] = PlantedWhat, ["Input.ContactWay"] = ConfidentialModule.ContactMailbox };
        foreach (var (k, v) in more ?? [])
        {
            fields[k] = v;
        }

        var sent = await SendFormAsync(app, client, "/vertraulich/beschwerde", fields, files);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await BodyAsync(sent));
        Assert.Equal("/vertraulich/eingegangen", sent.Headers.Location?.OriginalString);
        var receipt = await BodyAsync(await client.GetAsync("/vertraulich/eingegangen"));
        var number = Regex.Match(receipt, "id=\"case-number\">([^<]+)<").Groups[1].Value;
        var secret = Regex.Match(receipt, "id=\"case-secret\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^B-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", number);
        Assert.Matches("^([a-z]{6}-){4}[a-z]{6}$", secret);
        return (number, secret);
    }

    internal static async Task<HttpResponseMessage> OpenMailboxAsync(HttpClient client, string number, string secret) =>
        await client.PostFormAsync("/vertraulich/postfach?handler=Open", new() { ["Number"] = number, ["Secret"] = secret }, "/vertraulich/postfach");

    [Theory, Engines]
    public async Task An_anonymous_complaint_goes_to_the_unit_and_back_through_the_mailbox(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var person = Users.Client(app);
        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        var (number, secret) = await ComplainAsync(app, person, new() { ["Input.Forward"] = "what|when", ["Input.WhenText"] = "gegen 22 Uhr" },
            ("foto.jpg", TestImages.WithExifGps(TestImages.Jpeg())), ("bescheid.pdf", pdf));

        // The receipt shows the secret once: a second look has neither.
        var again = await BodyAsync(await person.GetAsync("/vertraulich/eingegangen"));
        Assert.DoesNotContain(secret, again);
        Assert.Contains("Fallnummer und Geheimwort zeigen wir nur einmal", again);

        // Wrong secret and unknown number: the same answer, no cookie.
        var wrong = await OpenMailboxAsync(person, number, "bafeki-lomatu-rusena-dikopa-tebuna");
        var unknown = await OpenMailboxAsync(person, "B-2222-2222-2222", secret);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(MailboxModel.Refused, await BodyAsync(wrong));
        Assert.Contains(MailboxModel.Refused, await BodyAsync(unknown));
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(MailboxModel.CookieName, StringComparison.Ordinal)));

        // The secret as people type it: upper case, spaces instead of hyphens.
        var opened = await OpenMailboxAsync(person, number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), secret.ToUpperInvariant().Replace('-', ' '));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var box = await BodyAsync(await person.GetAsync("/vertraulich/postfach"));
        Assert.Contains($"Fall {number} bei der Beschwerdestelle. Stand: eingegangen.", box);
        Assert.Contains("Noch keine Nachrichten", box);

        // The unit reads it (audited in its scope), sees the attachment re-encoded, acknowledges and replies.
        var unit = await Users.SignInAsync(app, await Users.CreateAsync(app, "beschwerde@stadtdo.de", Roles.ComplaintsOffice));
        var list = await BodyAsync(await unit.GetAsync("/verwaltung/beschwerdestelle"));
        Assert.Contains(number, list);
        Assert.Contains(PlantedWhat, list);
        int caseId;
        await using (var scope = app.Scope())
        {
            caseId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConfidentialCases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        }

        var casePage = await BodyAsync(await unit.GetAsync($"/verwaltung/beschwerdestelle/{caseId}"));
        Assert.Contains(PlantedWhat, casePage);
        Assert.Contains("gegen 22 Uhr", casePage);
        Assert.Contains("was geschehen ist, wann", casePage);
        var photoId = Regex.Match(casePage, @"handler=File&fileId=(\d+)"">foto\.jpg<").Groups[1].Value;
        var photo = await unit.GetAsync($"/verwaltung/beschwerdestelle/{caseId}?handler=File&fileId={photoId}");
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(TestImages.PlantedGps, Encoding.ASCII.GetString(await photo.Content.ReadAsByteArrayAsync()));
        Assert.Contains("bescheid.pdf", casePage);

        var ack = await unit.PostFormAsync($"/verwaltung/beschwerdestelle/{caseId}?handler=Status", new() { ["Status"] = ConfidentialModule.Acknowledged }, $"/verwaltung/beschwerdestelle/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        var reply = await unit.PostFormAsync($"/verwaltung/beschwerdestelle/{caseId}?handler=Reply", new() { ["Reply"] = "Antwort der Stelle 55e1" }, $"/verwaltung/beschwerdestelle/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        // Forwarding shows only what the person allowed (what and when), never the contact or the details.
        var forward = await BodyAsync(await unit.PostFormAsync($"/verwaltung/beschwerdestelle/{caseId}?handler=Forward", [], $"/verwaltung/beschwerdestelle/{caseId}"));
        var forwardText = Regex.Match(forward, "<pre class=\"forward-text\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(PlantedWhat, forwardText);
        Assert.Contains("when: gegen 22 Uhr", forwardText);
        Assert.DoesNotContain("where", forwardText);

        // The person reads the reply and answers.
        box = await BodyAsync(await person.GetAsync("/vertraulich/postfach"));
        Assert.Contains("Antwort der Stelle 55e1", box);
        Assert.Contains("Ihre Nachricht ist bei uns angekommen", box);
        Assert.DoesNotContain("Test beschwerde", box); // the staff member's name stays inside the unit
        var answer = await person.PostFormAsync("/vertraulich/postfach?handler=Reply", new() { ["Text"] = "Antwort der Person 9c2d" }, "/vertraulich/postfach");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("Ihre Nachricht ist gespeichert", await BodyAsync(await person.GetAsync("/vertraulich/postfach")));
        Assert.Contains("neue Nachricht", await BodyAsync(await unit.GetAsync("/verwaltung/beschwerdestelle")));
        Assert.Contains("Antwort der Person 9c2d", await BodyAsync(await unit.GetAsync($"/verwaltung/beschwerdestelle/{caseId}")));

        // An outcome needs its category and text; then the case can be closed.
        var noOutcome = await BodyAsync(await unit.PostFormAsync($"/verwaltung/beschwerdestelle/{caseId}?handler=Status", new() { ["Status"] = ConfidentialModule.Outcome }, $"/verwaltung/beschwerdestelle/{caseId}"));
        Assert.Contains("Bitte wählen Sie das Ergebnis.", noOutcome);
        Assert.Contains("Bitte schreiben Sie, was Sie der Person als Ergebnis mitteilen.", noOutcome);
        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync($"/verwaltung/beschwerdestelle/{caseId}?handler=Status",
            new() { ["Status"] = ConfidentialModule.Outcome, ["OutcomeCategory"] = "settled", ["OutcomeText"] = "Wir haben mit dem Amt gesprochen." }, $"/verwaltung/beschwerdestelle/{caseId}")).StatusCode);
        Assert.Contains("Wir haben mit dem Amt gesprochen.", await BodyAsync(await person.GetAsync("/vertraulich/postfach")));

        // Closing the mailbox ends it in this browser.
        await person.PostFormAsync("/vertraulich/postfach?handler=Close", [], "/vertraulich/postfach");
        Assert.Contains("Postfach öffnen", await BodyAsync(await person.GetAsync("/vertraulich/postfach")));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.ConfidentialCases.SingleAsync(c => c.Id == caseId);
            Assert.Equal(CityTime.Today(app.Clock), stored.AcknowledgedOn);
            Assert.Equal(CityTime.Today(app.Clock), stored.FeedbackOn);
            Assert.StartsWith("pbkdf2-sha256$1000$", stored.SecretHash, StringComparison.Ordinal);
            var reads = await db.AuditEntries.Where(a => a.Action == "confidential.case.read" && a.EntityId == caseId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
            Assert.NotEmpty(reads);
            Assert.All(reads, r => Assert.Equal(AuditScope.ComplaintsOffice, r.Scope));
            Assert.All(await db.AuditEntries.Where(a => a.Action.StartsWith("confidential.")).ToListAsync(), a =>
            {
                Assert.Equal(AuditScope.ComplaintsOffice, a.Scope);
                Assert.DoesNotContain(PlantedWhat, a.Changes ?? "", StringComparison.Ordinal);
            });
        }
    }

    [Theory, Engines]
    public async Task A_mailbox_answers_every_failure_alike_and_shuts_after_too_many(DatabaseProvider engine)
    {
        var settings = Settings(MeetingChainTests.NewMailFolder());
        settings["Confidential:MaxFailedOpensPerAddress"] = "8";
        await using var app = await AppFactory.StartAsync(engine, settings);
        var person = Users.Client(app);
        var (number, secret) = await ComplainAsync(app, person);

        // Five wrong secrets shut this case's mailbox: then even the right one gets the same answer.
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains(MailboxModel.Refused, await BodyAsync(await OpenMailboxAsync(person, number, "falsch")));
        }

        var shut = await OpenMailboxAsync(person, number, secret);
        Assert.Equal(HttpStatusCode.OK, shut.StatusCode);
        Assert.Contains(MailboxModel.Refused, await BodyAsync(shut));

        // After a quarter of an hour it opens again (the address has 6 failures of 8 by now).
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await OpenMailboxAsync(Users.Client(app), number, secret)).StatusCode);

        // Unknown numbers count against the address: after 8 failures the address is refused, even with the right secret.
        for (var i = 0; i < 8; i++)
        {
            Assert.Contains(MailboxModel.Refused, await BodyAsync(await OpenMailboxAsync(person, "M-3333-3333-3333", "irgendwas")));
        }

        Assert.Contains(MailboxModel.Refused, await BodyAsync(await OpenMailboxAsync(person, number, secret)));
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await OpenMailboxAsync(person, number, secret)).StatusCode);
    }

    [Theory, Engines]
    public async Task Bad_input_gets_precise_messages_and_stores_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var person = Users.Client(app);
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4 };
        var sent = await SendFormAsync(app, person, "/vertraulich/beschwerde", new()
        {
            ["Input.Kind"] = "secret-service", ["Input.What"] = "Hallo <script>alert(1)</script>", ["Input.Details"] = new string('x', ConfidentialModule.MaxText + 1),
            ["Input.ContactWay"] = ConfidentialModule.ContactEmail, ["Input.ContactEmail"] = "keine-adresse", ["Input.HappenedOn"] = "2027-01-01",
        }, ("foto.jpg", "kein Bild, nur Text"u8.ToArray()), ("archiv.pdf", zip));
        var html = await BodyAsync(sent);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Bitte wählen Sie, um welche Behörde es geht.", html);
        Assert.Contains("Text in spitzen Klammern wie „<script>“ nehmen wir nicht an.", html);
        Assert.Contains($"Der Text ist {ConfidentialModule.MaxText + 1} Zeichen lang; höchstens {ConfidentialModule.MaxText} Zeichen gehen.", html);
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an, wenn wir Ihnen schreiben sollen.", html);
        Assert.Contains("Das Datum 01.01.2027 liegt in der Zukunft.", html);
        Assert.Contains("„foto.jpg“", html);
        Assert.Contains("„archiv.pdf“", html);
        Assert.DoesNotContain("<script>alert(1)</script>", await sent.Content.ReadAsStringAsync());

        // The report form: date and service are required.
        var report = await BodyAsync(await SendFormAsync(app, person, "/vertraulich/uebergriff", new() { ["Input.Kind"] = "threat", ["Input.What"] = "Bedrohung im Einsatz" }));
        Assert.Contains("Bitte geben Sie das Datum des Übergriffs an.", report);
        Assert.Contains("Bitte wählen Sie Ihren Dienst.", report);

        // A message without text in an open mailbox.
        var (number, secret) = await ComplainAsync(app, person);
        await OpenMailboxAsync(person, number, secret);
        Assert.Contains("Bitte schreiben Sie eine Nachricht.", await BodyAsync(await person.PostFormAsync("/vertraulich/postfach?handler=Reply", new() { ["Text"] = " " }, "/vertraulich/postfach")));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.ConfidentialCases.CountAsync());
        Assert.Equal(0, await db.ConfidentialFiles.CountAsync());
        Assert.Equal(0, await db.ConfidentialMessages.CountAsync());
    }

    [Theory, Engines]
    public async Task A_staff_member_reports_an_attack_with_the_account_and_the_unit_advises(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var staff = await Users.SignInAsync(app, await Users.CreateAsync(app, "kod.streife@stadtdo.de"));
        var sent = await SendFormAsync(app, staff, "/vertraulich/uebergriff", new()
        {
            ["Input.Kind"] = "physical", ["Input.Service"] = "ordnungsdienst", ["Input.HappenedOn"] = "2026-11-20", ["Input.What"] = "Geschubst bei einer Kontrolle",
            ["Input.Injuries"] = "Schürfwunde", ["Input.AdviceWanted"] = "true", ["Input.WithAccount"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Matches("id=\"case-number\">M-", await BodyAsync(await staff.GetAsync("/vertraulich/eingegangen")));

        var unit = await Users.SignInAsync(app, await Users.CreateAsync(app, "fachstelle@stadtdo.de", Roles.AssaultReportsUnit));
        int id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConfidentialCases.Select(c => c.Id).SingleAsync();
        }

        var page = await BodyAsync(await unit.GetAsync($"/verwaltung/fachstelle-uebergriffe/{id}"));
        Assert.Contains("Test kod.streife <kod.streife@stadtdo.de>", page);
        Assert.Contains("Schürfwunde", page);
        Assert.Contains("Beratung gewünscht", page);
        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync($"/verwaltung/fachstelle-uebergriffe/{id}?handler=Advice",
            new() { ["Advice"] = "Beraten zur Strafanzeige wegen Körperverletzung" }, $"/verwaltung/fachstelle-uebergriffe/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync($"/verwaltung/fachstelle-uebergriffe/{id}?handler=Note",
            new() { ["Note"] = "Rückruf vereinbart" }, $"/verwaltung/fachstelle-uebergriffe/{id}")).StatusCode);
        Assert.Contains("„Mit der Behörde besprochen“ gibt es nur bei Beschwerden.", await BodyAsync(await unit.PostFormAsync($"/verwaltung/fachstelle-uebergriffe/{id}?handler=Status",
            new() { ["Status"] = ConfidentialModule.Discussed }, $"/verwaltung/fachstelle-uebergriffe/{id}")));
        page = await BodyAsync(await unit.GetAsync($"/verwaltung/fachstelle-uebergriffe/{id}"));
        Assert.Contains("Beraten zur Strafanzeige wegen Körperverletzung", page);
        Assert.Contains("Rückruf vereinbart", page);

        // The same report anonymously: no account is recorded.
        await SendFormAsync(app, staff, "/vertraulich/uebergriff", new()
        {
            ["Input.Kind"] = "verbal", ["Input.Service"] = "rescue", ["Input.HappenedOn"] = "2026-11-21", ["Input.What"] = "Beschimpft",
        });
        await using (var scope = app.Scope())
        {
            var anonymous = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConfidentialCases.OrderBy(c => c.Id).LastAsync();
            Assert.False(anonymous.SignedIn);
            Assert.Null(anonymous.Reporter);
        }
    }

    [Theory, Engines]
    public async Task Deadlines_are_reminded_and_closed_cases_are_deleted_after_their_time(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        await Users.CreateAsync(app, "beschwerde@stadtdo.de", Roles.ComplaintsOffice);
        var person = Users.Client(app);
        var (number, _) = await ComplainAsync(app, person, new() { ["Input.Kind"] = "ordnungsamt" }, ("foto.jpg", TestImages.Jpeg()));

        // Day 6: the acknowledgement is due tomorrow; one mail with the number and the date, no content.
        app.Clock.Advance(TimeSpan.FromDays(6));
        await using (var scope = app.Scope())
        {
            var (mails, cases) = await ActivatorUtilities.CreateInstance<ConfidentialDeadlineJob>(scope.ServiceProvider).RemindAsync(default);
            Assert.Equal((1, 1), (mails, cases));
            Assert.Equal((0, 0), await ActivatorUtilities.CreateInstance<ConfidentialDeadlineJob>(scope.ServiceProvider).RemindAsync(default)); // once a day
        }

        var reminder = Assert.Single(await MeetingChainTests.MailsAsync(mail));
        Assert.Contains(number, reminder.TextBody);
        Assert.Contains("Eingang bestätigen bis", reminder.TextBody);
        Assert.DoesNotContain(PlantedWhat, reminder.TextBody);

        int id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var c = await db.ConfidentialCases.SingleAsync();
            id = c.Id;
            (c.Status, c.OutcomeCategory, c.ClosedOn) = (ConfidentialModule.Closed, "unfounded", CityTime.Today(app.Clock));
            await db.SaveChangesAsync();
        }

        // 91 days after closing the attachment goes; two years after, the content; the row stays for the figures.
        app.Clock.Advance(TimeSpan.FromDays(91));
        await using (var scope = app.Scope())
        {
            var (files, _) = await ActivatorUtilities.CreateInstance<ConfidentialRetentionJob>(scope.ServiceProvider).RunAsync(default);
            Assert.Equal(1, files);
        }

        app.Clock.Advance(TimeSpan.FromDays(640));
        await using (var scope = app.Scope())
        {
            var (_, rows) = await ActivatorUtilities.CreateInstance<ConfidentialRetentionJob>(scope.ServiceProvider).RunAsync(default);
            Assert.True(rows > 0);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stub = await db.ConfidentialCases.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Null(stub.What);
            Assert.Null(stub.SecretHash);
            Assert.Empty(stub.WrappedKey);
            Assert.Equal("unfounded", stub.OutcomeCategory);
            var deleted = await db.AuditEntries.Where(a => a.Action == "confidential.case.deleted" || a.Action == "confidential.files.deleted").ToListAsync();
            Assert.Equal(2, deleted.Count);
            Assert.All(deleted, a => Assert.Equal(AuditScope.ComplaintsOffice, a.Scope));
        }

        var unit = await Users.SignInAsync(app, await Users.CreateAsync(app, "beschwerde2@stadtdo.de", Roles.ComplaintsOffice));
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/verwaltung/beschwerdestelle/{id}")).StatusCode);
    }

    [Theory, Engines]
    public async Task The_committee_figures_hide_small_counts_and_what_would_reveal_them(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var n = 0;
            // 2026: six about the Ordnungsamt in March, three about the police in May, none about others; one report of an attack.
            foreach (var (unit, kind, month, count) in new[] { (ConfidentialModule.Complaints, "ordnungsamt", 3, 6), (ConfidentialModule.Complaints, "police", 5, 3), (ConfidentialModule.Assaults, "verbal", 5, 1) })
            {
                for (var i = 0; i < count; i++)
                {
                    db.ConfidentialCases.Add(new ConfidentialCase
                    {
                        Unit = unit, Number = $"B-FIG-{n++}", KeyId = "k1", WrappedKey = [1], Kind = kind, ReceivedOn = new DateOnly(2026, month, 10),
                        AcknowledgeBy = new DateOnly(2026, month, 17), FeedbackBy = new DateOnly(2026, month + 3, 10), OutcomeCategory = kind == "police" ? "unfounded" : null,
                    });
                }
            }

            await db.SaveChangesAsync();
            var tables = await scope.ServiceProvider.GetRequiredService<ConfidentialFigures>().ForYearAsync(ConfidentialModule.Complaints, 2026, default);
            var kinds = tables[1];
            Assert.Equal([null, null, 0], kinds.Rows.Select(r => r.Count));
            Assert.Equal(9, kinds.Total.Count);
            var months = tables[0];
            Assert.Null(months.Rows[2].Count); // March (6) goes with May (3)
            Assert.Null(months.Rows[4].Count);
            Assert.Equal(0, months.Rows[0].Count);
            var outcomes = tables[3];
            Assert.Null(outcomes.Rows.Single(r => r.Label == "nicht begründet").Count);
            Assert.Null(outcomes.Rows.Single(r => r.Label == "noch offen").Count);
            Assert.Equal(9, outcomes.Total.Count);
        }

        var html = await BodyAsync(await Users.Client(app).GetAsync("/vertraulich/zahlen?jahr=2026"));
        Assert.Contains("<th scope=\"row\">Polizei</th><td>verdeckt</td>", html);
        Assert.Contains("<th scope=\"row\">Ordnungsamt / Kommunaler Ordnungsdienst</th><td>verdeckt</td>", html);
        Assert.Contains("<th scope=\"row\">Summe</th><td>9</td>", html);
        // The single report of an attack: the count and its total both hidden.
        Assert.Contains("<th scope=\"row\">Beleidigung oder Beschimpfung</th><td>verdeckt</td>", html);
        Assert.DoesNotContain("<th scope=\"row\">Summe</th><td>1</td>", html);
        Assert.Equal(HttpStatusCode.NotFound, (await Users.Client(app).GetAsync("/vertraulich/zahlen?jahr=1999")).StatusCode);
    }

    [Theory, Engines]
    public async Task A_key_rotation_keeps_every_case_readable_and_the_old_key_can_go(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var k1 = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var k2 = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Dictionary<string, string?> With(params (string Id, string Key)[] keys)
        {
            var settings = Settings(MeetingChainTests.NewMailFolder());
            foreach (var (id, key) in keys)
            {
                settings[$"FieldEncryption:Keys:{id}"] = key;
            }

            settings["FieldEncryption:CurrentKeyId"] = keys[^1].Id;
            return settings;
        }

        string number;
        await using (var before = new AppFactory(database, With(("k1", k1))))
        {
            await before.StartServerAsync();
            (number, _) = await ComplainAsync(before, Users.Client(before));
        }

        // k2 added and made current: the old case still opens, and the rewrap moves it to k2.
        await using (var rotating = new AppFactory(database, With(("k1", k1), ("k2", k2))))
        {
            await rotating.StartServerAsync();
            await using var scope = rotating.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await ConfidentialKeys.RewrapAsync(db, scope.ServiceProvider.GetRequiredService<FieldEncryption>(), default));
            Assert.Equal(new Dictionary<string, int> { ["k2"] = 1 }, await ConfidentialKeys.CountByKeyAsync(db, default));
        }

        // k1 removed: the unit reads the case with k2 alone.
        await using var after = new AppFactory(database, With(("k2", k2)));
        await after.StartServerAsync();
        var unit = await Users.SignInAsync(after, await Users.CreateAsync(after, "beschwerde@stadtdo.de", Roles.ComplaintsOffice));
        Assert.Contains(PlantedWhat, await BodyAsync(await unit.GetAsync("/verwaltung/beschwerdestelle")));
        Assert.Contains(number, await BodyAsync(await unit.GetAsync("/verwaltung/beschwerdestelle")));
    }
}
