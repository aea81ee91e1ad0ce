using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Enforcement;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Confidential;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Enforcement;

/// <summary>
/// Transparenz im Ordnungsdienst through its pages on both engines: an officer's check becomes a receipt whose code works for
/// the person, whose anonymous feedback arrives once and is counted; bad input stores nothing; the lead signs off (never their
/// own record) and is reminded of overdue ones; small cells are hidden in every figure; the officer's service number and name
/// appear on no public page and in no open-data file; the committee report becomes a paper; free text goes after its period.
/// </summary>
public sealed class EnforcementTests
{
    internal const string PlantedNumber = "PLANT-9931";

    private static Dictionary<string, string?> Settings(string mail) => ConfidentialTests.Settings(mail);

    private static Task<string> BodyAsync(HttpResponseMessage response) => ConfidentialTests.BodyAsync(response);

    /// <summary>The server's last exceptions, for an assertion's message.</summary>
    private static async Task<string> ExplainAsync(AppFactory app, HttpResponseMessage response)
    {
        var body = await BodyAsync(response);
        var summary = Regex.Match(body, "<div class=\"error-summary\"[\\s\\S]*?</div>").Value;
        return $"{(int)response.StatusCode} {response.Headers.Location} {summary} {string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("ailed", StringComparison.Ordinal)).TakeLast(4))}";
    }

    private static string Why(AppFactory app) => string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warn", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(3));

    /// <summary>An officer account, signed in, with the service number given on the start page.</summary>
    internal static async Task<(HttpClient Client, Users.TestUser User)> OfficerAsync(AppFactory app, string email, string serviceNumber, params string[] more)
    {
        var user = await Users.CreateAsync(app, email, [Roles.FieldOfficer, .. more]);
        var client = await Users.SignInAsync(app, user);
        var registered = await client.PostFormAsync("/ordnungsdienst", new() { ["ServiceNumber"] = serviceNumber });
        Assert.True(registered.StatusCode == HttpStatusCode.Redirect, Why(app));
        return (client, user);
    }

    private static async Task<int> DistrictAsync(AppFactory app, int position = 0)
    {
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await data.Set<Masterplan.Web.Features.Districts.District>().OrderBy(d => d.Position).Skip(position).Select(d => d.Id).FirstAsync();
    }

    internal static Dictionary<string, string> CheckFields(int district, string date = "2026-11-23", string time = "09:00") => new()
    {
        ["Input.Kind"] = "identity-check", ["Input.LegalBasis"] = "obg-polg-12", ["Input.Outcome"] = "none", ["Input.Reason"] = "Hinweis auf Sachbeschädigung am Spielplatz",
        ["Input.Date"] = date, ["Input.Time"] = time, ["Input.DistrictId"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Records a check and reads its code from the page after the redirect: (receipt id, code).</summary>
    internal static async Task<(int Id, string Code)> CheckAsync(HttpClient officer, Dictionary<string, string> fields)
    {
        var saved = await officer.PostFormAsync("/ordnungsdienst/kontrolle", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await BodyAsync(saved));
        var location = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/ordnungsdienst/quittungen/[0-9]+$", location);
        var page = await BodyAsync(await officer.GetAsync(location));
        var code = Regex.Match(page, "id=\"receipt-code\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Contains("<img src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        return (int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), code);
    }

    private static Task<HttpResponseMessage> FeedbackAsync(AppFactory app, HttpClient person, string code, string fairness = "unfair", string why = "appearance", string text = "Ich stand nur an der Haltestelle.") =>
        ConfidentialTests.SendFormAsync(app, person, "/quittung?nr=" + Uri.EscapeDataString(code),
            new() { ["nr"] = code, ["Feedback.Fairness"] = fairness, ["Feedback.CheckedBecause"] = why, ["Feedback.Text"] = text });

    [Theory, Engines]
    public async Task A_check_gives_a_receipt_whose_code_works_for_the_person_and_the_feedback_is_counted_once(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var (officer, _) = await OfficerAsync(app, "streife@stadtdo.de", PlantedNumber);
        var district = await DistrictAsync(app, 3);

        // The form comes filled in with now.
        var form = await officer.GetPageAsync("/ordnungsdienst/kontrolle");
        Assert.Equal("2026-11-23", form.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.Equal("09:00", form.QuerySelector("#Input_Time")!.GetAttribute("value"));
        Assert.Null(form.QuerySelector("#Input_DistrictId option[selected]"));

        var (id, code) = await CheckAsync(officer, CheckFields(district));

        // The next check starts in the district of the last one; the code is shown only once.
        var next = await officer.GetPageAsync("/ordnungsdienst/kontrolle");
        Assert.Equal(district.ToString(System.Globalization.CultureInfo.InvariantCulture), next.QuerySelector("#Input_DistrictId option[selected]")!.GetAttribute("value"));
        var again = await BodyAsync(await officer.GetAsync($"/ordnungsdienst/quittungen/{id}"));
        Assert.DoesNotContain(code, again, StringComparison.Ordinal);

        // The small PDF for the mobile printer: 80 mm wide, with the code and the service number on the paper.
        var token = await officer.AntiforgeryTokenAsync("/ordnungsdienst/kontrolle");
        var pdfResponse = await officer.PostAsync($"/ordnungsdienst/quittungen/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token }));
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using (var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync()))
        {
            var page = pdf.GetPage(1);
            Assert.InRange(page.Width, 226, 228);
            var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.Contains(PlantedNumber, text, StringComparison.Ordinal);
            Assert.Contains("Identitätsfeststellung", text, StringComparison.Ordinal);
        }

        // A wrong code gets no PDF.
        var wrong = await officer.PostAsync($"/ordnungsdienst/quittungen/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "2222-2222-2222", ["__RequestVerificationToken"] = token }));
        Assert.True(wrong.StatusCode == HttpStatusCode.OK, await ExplainAsync(app, wrong));
        Assert.Contains("Der Code passt nicht zu dieser Quittung.", await BodyAsync(wrong), StringComparison.Ordinal);

        // The person types the code as people do: lower case, spaces.
        var person = Users.Client(app);
        var typed = code.ToLowerInvariant().Replace('-', ' ');
        var receipt = await BodyAsync(await person.GetAsync("/quittung?nr=" + Uri.EscapeDataString(typed)));
        Assert.Contains("Identitätsfeststellung", receipt, StringComparison.Ordinal);
        Assert.Contains("Hinweis auf Sachbeschädigung am Spielplatz", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedNumber, receipt, StringComparison.Ordinal);
        Assert.Contains($"/vertraulich/beschwerde?quittung={code}", receipt, StringComparison.Ordinal);

        // A second browser opens the form before the first answer is sent (two tabs, a double click).
        var early = Users.Client(app);
        var earlyPage = await BodyAsync(await early.GetAsync("/quittung?nr=" + code));
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(earlyPage, $"name=\"{Regex.Escape(name)}\" (?:type=\"hidden\" )?value=\"([^\"]*)\"").Groups[1].Value);
        var earlyForm = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"), [FormGuard.StampField] = Hidden(FormGuard.StampField), [FormGuard.HoneypotField] = "",
            ["nr"] = code, ["Feedback.Fairness"] = "fair", ["Feedback.CheckedBecause"] = "behaviour",
        };

        var sent = await FeedbackAsync(app, person, typed);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await ExplainAsync(app, sent));
        Assert.Contains("Danke für Ihre Rückmeldung", await BodyAsync(await person.GetAsync(sent.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        // Feedback once per receipt.
        var twice = await early.PostAsync("/quittung?nr=" + code, new FormUrlEncodedContent(earlyForm));
        Assert.True(twice.StatusCode == HttpStatusCode.OK, await ExplainAsync(app, twice));
        Assert.Contains("Zu dieser Quittung gibt es schon eine Rückmeldung", await BodyAsync(twice), StringComparison.Ordinal);

        // The complaints office gets the code only through the link the person chose, as an editable field.
        var complaint = await person.GetPageAsync("/vertraulich/beschwerde?quittung=" + code);
        Assert.Contains("Kontrollquittung " + code, complaint.QuerySelector("#Input_Details")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(code, (await person.GetPageAsync("/vertraulich/beschwerde")).Body!.InnerHtml, StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var feedback = await data.ReceiptFeedbacks.SingleAsync();
            Assert.Equal(("unfair", "appearance", new DateOnly(2026, 11, 23)), (feedback.Fairness, feedback.CheckedBecause, feedback.ReceivedOn));
            Assert.Equal(id, feedback.ReceiptId);
        }

        // Four more checks and answers in the district: now the committee figures count them.
        for (var n = 0; n < 4; n++)
        {
            var (_, more) = await CheckAsync(officer, CheckFields(district));
            Assert.Equal(HttpStatusCode.Redirect, (await FeedbackAsync(app, Users.Client(app), more)).StatusCode);
        }

        var figures = await person.GetPageAsync("/ordnungsdienst/zahlen?jahr=2026");
        string Row(string table, string label) => figures.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent == table)
            .QuerySelectorAll("tr").Single(r => r.QuerySelector("th")!.TextContent == label).QuerySelector("td")!.TextContent;
        Assert.Equal("5", Row(EnforcementFigures.ByMonth, "2026-11"));
        Assert.Equal("5", Row(EnforcementFigures.ByKind, "Identitätsfeststellung"));
        Assert.Equal("5", Row(EnforcementFigures.ByFairness, "nicht fair behandelt"));
        Assert.Equal("5", Row(EnforcementFigures.ByCheckedBecause, "wegen meines Aussehens oder meiner Herkunft"));
    }

    [Theory, Engines]
    public async Task Bad_input_gets_precise_messages_and_stores_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var (officer, _) = await OfficerAsync(app, "streife@stadtdo.de", "KOD-1");
        var district = await DistrictAsync(app);

        async Task<string> Refused(string url, Dictionary<string, string> fields)
        {
            var response = await officer.PostFormAsync(url, fields);
            var body = await BodyAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, Why(app));
            return body;
        }

        var future = CheckFields(district, "2026-11-23", "09:30");
        Assert.Contains("Der Zeitpunkt 23.11.2026 09:30 liegt in der Zukunft.", await Refused("/ordnungsdienst/kontrolle", future), StringComparison.Ordinal);

        var outside = CheckFields(district);
        (outside["Place.Latitude"], outside["Place.Longitude"]) = ("48,1374", "11,5755");
        Assert.Contains("liegt nicht in Dortmund", await Refused("/ordnungsdienst/kontrolle", outside), StringComparison.Ordinal);

        var missing = await Refused("/ordnungsdienst/kontrolle", new() { ["Input.Date"] = "", ["Input.Time"] = "" });
        foreach (var message in new[]
        {
            "Bitte geben Sie das Datum an.", "Bitte geben Sie die Uhrzeit an.", "Bitte wählen Sie die Art der Maßnahme.", "Bitte wählen Sie die Rechtsgrundlage.",
            "Bitte wählen Sie das Ergebnis.", "Bitte geben Sie den Grund der Kontrolle in wenigen Worten an.", "Bitte wählen Sie den Stadtbezirk oder geben Sie den Ort an.",
        })
        {
            Assert.Contains(message, missing, StringComparison.Ordinal);
        }

        var notADate = CheckFields(district, "31.02.2026", "25:61");
        var notADateBody = await Refused("/ordnungsdienst/kontrolle", notADate);
        Assert.Contains("„31.02.2026“ ist kein Datum", notADateBody, StringComparison.Ordinal);
        Assert.Contains("„25:61“ ist keine Uhrzeit", notADateBody, StringComparison.Ordinal);

        var incident = await Refused("/ordnungsdienst/einsatz", new() { ["Input.Date"] = "2026-11-23", ["Input.Time"] = "08:00", ["Input.DistrictId"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Bodycam"] = "off" });
        foreach (var message in new[]
        {
            "Bitte wählen Sie die Art der Maßnahme.", "Bitte geben Sie an, ob der Einsatzmehrzweckstock gezogen, angedroht oder eingesetzt wurde.",
            "Bitte begründen Sie, warum die Bodycam aus war.", "Bitte beschreiben Sie kurz, was geschehen ist.",
        })
        {
            Assert.Contains(message, incident, StringComparison.Ordinal);
        }

        var noBodycam = await Refused("/ordnungsdienst/einsatz", new() { ["Input.Date"] = "2026-11-23", ["Input.Time"] = "08:00", ["Input.DistrictId"] = "0", ["Input.Kind"] = "platzverweis", ["Input.Baton"] = "drawn", ["Input.Description"] = "x" });
        Assert.Contains("Bitte geben Sie an, ob die Bodycam an oder aus war.", noBodycam, StringComparison.Ordinal);
        Assert.Contains("Diesen Stadtbezirk gibt es nicht.", noBodycam, StringComparison.Ordinal);

        // The person's page: an unknown code and a code that is not even well-formed.
        var person = Users.Client(app);
        Assert.Contains("Zu diesem Code gibt es keine Quittung.", await BodyAsync(await person.GetAsync("/quittung?nr=2222-2222-2222")), StringComparison.Ordinal);
        Assert.Contains("Zu diesem Code gibt es keine Quittung.", await BodyAsync(await person.GetAsync("/quittung?nr=%3Cscript%3E")), StringComparison.Ordinal);

        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await data.StopReceipts.CountAsync());
        Assert.Equal(0, await data.ForceIncidents.CountAsync());
        Assert.Equal(0, await data.ReceiptFeedbacks.CountAsync());
    }

    private static Dictionary<string, string> IncidentFields(int district, string bodycam = "on") => new()
    {
        ["Input.Kind"] = "platzverweis", ["Input.Date"] = "2026-11-22", ["Input.Time"] = "23:10", ["Input.DistrictId"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Baton"] = "drawn", ["Input.Handcuffs"] = "true", ["Input.Bodycam"] = bodycam, ["Input.Recording"] = "kept", ["Input.BodycamReason"] = "Lage unübersichtlich",
        ["Input.Description"] = "Person verweigerte den Platzverweis und ging auf die Streife zu.",
    };

    [Theory, Engines]
    public async Task A_lead_signs_off_incidents_but_never_their_own_and_is_reminded_of_overdue_ones(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var district = await DistrictAsync(app);
        var (leadOfficer, _) = await OfficerAsync(app, "leitung.streife@stadtdo.de", "KOD-77", Roles.EnforcementLead);
        var saved = await leadOfficer.PostFormAsync("/ordnungsdienst/einsatz", IncidentFields(district));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await BodyAsync(saved));
        int incident;
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await data.ForceIncidents.SingleAsync();
            Assert.Equal((new DateOnly(2026, 11, 29), true, true, "drawn"), (stored.SignOffBy, stored.BodycamOn, stored.RecordingKept == true, stored.Baton));
            incident = stored.Id;
        }

        var own = await leadOfficer.PostFormAsync($"/verwaltung/ordnungsdienst/einsaetze/{incident}", new() { ["Note"] = "passt" });
        Assert.Contains("Sie können Ihren eigenen Einsatz nicht abzeichnen.", await BodyAsync(own), StringComparison.Ordinal);

        // Overdue after the configured days: the list says so, and the morning job mails every lead once a day.
        app.Clock.Advance(TimeSpan.FromDays(7));
        var lead = await Users.SignInAsync(app, await Users.CreateAsync(app, "leitung@stadtdo.de", Roles.EnforcementLead));
        var list = await lead.GetPageAsync("/verwaltung/ordnungsdienst");
        var row = list.QuerySelector("#open-incidents tbody tr")!.TextContent;
        Assert.Contains("KOD-77", row, StringComparison.Ordinal);
        Assert.Contains("(überfällig)", row, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<EnforcementReminderJob>(scope.ServiceProvider);
            Assert.Equal((2, 1), await job.RemindAsync(CancellationToken.None));
            Assert.Equal((0, 0), await job.RemindAsync(CancellationToken.None));
        }

        Assert.Equal(2, Directory.GetFiles(mail).Length);

        var signed = await lead.PostFormAsync($"/verwaltung/ordnungsdienst/einsaetze/{incident}", new() { ["Note"] = "Einsatz angemessen." });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var twice = await lead.PostFormAsync($"/verwaltung/ordnungsdienst/einsaetze/{incident}", new() { ["Note"] = "noch einmal" }, $"/verwaltung/ordnungsdienst");
        Assert.Contains("Dieser Einsatz ist schon abgezeichnet.", await BodyAsync(twice), StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await data.ForceIncidents.SingleAsync();
            Assert.NotNull(stored.SignedOffAt);
            Assert.Equal("Einsatz angemessen.", stored.SignOffNote);
            Assert.True(await data.AuditEntries.AnyAsync(a => a.Action == "enforcement.incident.signed-off"));
        }

        // The officer alone cannot reach the lead's pages.
        var (plain, _) = await OfficerAsync(app, "nur.streife@stadtdo.de", "KOD-78");
        var refused = await plain.GetAsync($"/verwaltung/ordnungsdienst/einsaetze/{incident}");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
    }

    [Fact]
    public void Every_share_line_with_counts_0_to_6_hides_what_would_reveal_a_small_cell()
    {
        for (var yes = 0; yes <= 6; yes++)
        {
            for (var total = yes; total <= 6; total++)
            {
                for (var other = 0; other <= 6; other++)
                {
                    var rows = EnforcementFigures.Shares([("a", yes, total), ("b", other, 6)]);
                    foreach (var (row, (y, t)) in rows.Zip(new[] { (yes, total), (other, 6) }))
                    {
                        Assert.False(row.Yes is >= 1 and <= 4, $"{y}/{t}: shows {row.Yes}");
                        Assert.False(row.Total is >= 1 and <= 4, $"{y}/{t}: shows total {row.Total}");
                        // "Without" is the total minus "with": never both shown when it is small.
                        Assert.False(row.Yes is not null && row.Total is not null && row.Total - row.Yes is >= 1 and <= 4, $"{y}/{t}: gives away {t - y}");
                        Assert.True(row.Yes is null || row.Yes == y);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Small_cells_are_suppressed_in_every_published_figure_with_counts_0_to_6()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Settings(MeetingChainTests.NewMailFolder()));
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var districts = await data.Set<Masterplan.Web.Features.Districts.District>().OrderBy(d => d.Position).Select(d => d.Id).Take(7).ToListAsync();
            var officer = new EnforcementOfficer { UserId = "x", ServiceNumber = "KOD-5", Name = "Test", Pseudonym = "Dienstkraft 5555" };
            data.EnforcementOfficers.Add(officer);
            await data.SaveChangesAsync();
            var at = new DateTimeOffset(2026, 5, 10, 10, 0, 0, TimeSpan.Zero);
            for (var d = 0; d < 7; d++)
            {
                for (var n = 0; n < d; n++)
                {
                    var receipt = new StopReceipt
                    {
                        CodeHash = HashedCodes.Create().Hash, OfficerId = officer.Id, OccurredAt = at.AddDays(d), DistrictId = districts[d], Kind = EnforcementModule.Kinds[d % 5],
                        LegalBasis = EnforcementModule.LegalBases[d % 6], Outcome = EnforcementModule.Outcomes[d % 5], Reason = "r", CreatedAt = at,
                    };
                    data.StopReceipts.Add(receipt);
                    data.ForceIncidents.Add(new ForceIncident
                    {
                        OfficerId = officer.Id, OccurredAt = at.AddMonths(d % 3), DistrictId = districts[d], Kind = EnforcementModule.Kinds[d % 5], Baton = EnforcementModule.BatonUses[d % 4],
                        BodycamOn = n % 2 == 0, PepperSpray = n < 3, CreatedAt = at, SignOffBy = new DateOnly(2026, 5, 20),
                    });
                    await data.SaveChangesAsync();
                    data.ReceiptFeedbacks.Add(new ReceiptFeedback { ReceiptId = receipt.Id, ReceivedOn = new DateOnly(2026, 5, 20), Fairness = EnforcementModule.Fairness[d % 3], CheckedBecause = EnforcementModule.CheckedBecause[d % 5] });
                }
            }

            await data.SaveChangesAsync();
        }

        var person = Users.Client(app);
        var page = await person.GetPageAsync("/ordnungsdienst/zahlen?jahr=2026");
        var districtRows = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent == EnforcementFigures.ByDistrict).QuerySelectorAll("tbody tr td").Select(td => td.TextContent).Take(7);
        Assert.Equal(["0", "verdeckt", "verdeckt", "verdeckt", "verdeckt", "5", "6"], districtRows);
        var cells = page.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.True(cells.Count > 40);
        Assert.DoesNotContain(cells, c => c is "1" or "2" or "3" or "4");

        var csv = await (await person.GetAsync("/ordnungsdienst/zahlen?jahr=2026&handler=Csv")).Content.ReadAsStringAsync();
        var values = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(l => l.TrimEnd('\r').Split(';', ',').Skip(2)).ToList();
        Assert.True(values.Count > 40);
        Assert.DoesNotContain(values, v => v.Trim('"') is "1" or "2" or "3" or "4");
    }

    [Theory, Engines]
    public async Task No_service_number_or_officer_name_on_any_public_page_or_open_data_file(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var district = await DistrictAsync(app);
        var user = await Users.CreateAsync(app, "geheim@stadtdo.de", Roles.FieldOfficer);
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await data.Users.SingleAsync(u => u.Email == "geheim@stadtdo.de");
            account.DisplayName = "Planta Geheimname";
            await data.SaveChangesAsync();
        }

        var officer = await Users.SignInAsync(app, user);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/ordnungsdienst", new() { ["ServiceNumber"] = PlantedNumber })).StatusCode);
        var codes = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            codes.Add((await CheckAsync(officer, CheckFields(district))).Code);
            Assert.True((await officer.PostFormAsync("/ordnungsdienst/einsatz", IncidentFields(district, n % 2 == 0 ? "on" : "off"))).StatusCode == HttpStatusCode.Redirect, Why(app));
        }

        var person = Users.Client(app);
        Assert.True((await FeedbackAsync(app, person, codes[0])).StatusCode == HttpStatusCode.Redirect, Why(app));
        await using (var scope = app.Scope())
        {
            Assert.Equal(PlantedNumber, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().EnforcementOfficers.SingleAsync()).ServiceNumber);
        }

        var urls = new List<string> { "/", "/ordnungsdienst/zahlen", "/ordnungsdienst/zahlen?jahr=2026&handler=Csv", "/datenschutz", "/vorlagen", "/quittung", "/vertraulich/beschwerde?quittung=" + codes[1] };
        urls.AddRange(codes.Select(c => "/quittung?nr=" + c));
        urls.Add($"/quittung?nr={codes[0]}&danke=true");
        foreach (var url in urls)
        {
            var response = await person.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, url);
            var body = await BodyAsync(response);
            foreach (var planted in new[] { PlantedNumber, "Planta Geheimname", "Geheimname" })
            {
                Assert.False(body.Contains(planted, StringComparison.OrdinalIgnoreCase), $"{url} shows {planted}");
            }
        }

        // The lead sees both.
        var lead = await Users.SignInAsync(app, await Users.CreateAsync(app, "leitung@stadtdo.de", Roles.EnforcementLead));
        var overview = await BodyAsync(await lead.GetAsync("/verwaltung/ordnungsdienst"));
        Assert.Contains(PlantedNumber, overview, StringComparison.Ordinal);
        Assert.Contains("Planta Geheimname", overview, StringComparison.Ordinal);
    }

    [Theory, Engines]
    public async Task The_committee_report_renders_as_pdf_and_docx_and_becomes_a_paper(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var (officer, _) = await OfficerAsync(app, "streife@stadtdo.de", PlantedNumber);
        var district = await DistrictAsync(app);
        for (var n = 0; n < 5; n++)
        {
            await CheckAsync(officer, CheckFields(district, "2026-11-20"));
        }

        var lead = await Users.SignInAsync(app, await Users.CreateAsync(app, "leitung@stadtdo.de", Roles.EnforcementLead));
        var blank = await lead.PostFormAsync("/verwaltung/ordnungsdienst/bericht", new() { ["Input.From"] = "2026-11-30", ["Input.To"] = "2026-11-01", ["Input.Title"] = "" });
        var blankBody = await BodyAsync(blank);
        Assert.Contains("Das Ende des Zeitraums liegt vor seinem Beginn.", blankBody, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie den Titel an.", blankBody, StringComparison.Ordinal);
        var tooLong = await lead.PostFormAsync("/verwaltung/ordnungsdienst/bericht", new() { ["Input.From"] = "2024-01-01", ["Input.To"] = "2026-11-30", ["Input.Title"] = "Drei Jahre" });
        Assert.Contains("Ein Bericht umfasst höchstens zwei Jahre.", await BodyAsync(tooLong), StringComparison.Ordinal);

        var saved = await lead.PostFormAsync("/verwaltung/ordnungsdienst/bericht", new()
        {
            ["Input.From"] = "2026-07-01", ["Input.To"] = "2026-12-31", ["Input.Title"] = "Bericht des Ordnungsdienstes, zweites Halbjahr 2026",
            ["Input.Introduction"] = "Dieser Bericht folgt der Berichtspflicht.", ["Input.Assessment"] = "Die Bodycam war bei Platzverweisen meist an.", ["Input.NextSteps"] = "Schulung im Frühjahr.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reportUrl = saved.Headers.Location!.OriginalString;

        var pdf = await lead.GetAsync(reportUrl + "?handler=File&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(' ', document.GetPages().Select(p => p.Text));
            Assert.Contains("Schulung im Frühjahr.", text, StringComparison.Ordinal);
            Assert.Contains("Kontrollen nach Stadtbezirk", text, StringComparison.Ordinal);
            Assert.DoesNotContain(PlantedNumber, text, StringComparison.Ordinal);
        }

        var docx = await lead.GetAsync(reportUrl + "?handler=File&format=docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);

        int committee;
        await using (var scope = app.Scope())
        {
            committee = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Where(o => o.Kind == OrganizationKind.Committee).Select(o => o.Id).FirstAsync();
        }

        var noCommittee = await lead.PostFormAsync(reportUrl + "?handler=Send", new() { ["MeetingDate"] = "" }, reportUrl);
        Assert.Contains("Bitte wählen Sie den Ausschuss.", await BodyAsync(noCommittee), StringComparison.Ordinal);
        var sent = await lead.PostFormAsync(reportUrl + "?handler=Send", new() { ["CommitteeId"] = committee.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MeetingDate"] = "2027-02-10" }, reportUrl);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await BodyAsync(sent));
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = await data.EnforcementReports.SingleAsync();
            var paper = await data.Papers.Include(p => p.Consultations).SingleAsync(p => p.Id == report.PaperId);
            Assert.Equal(("Bericht", committee), (paper.PaperType, paper.Consultations.Single().OrganizationId));
        }

        var publicPaper = await BodyAsync(await Users.Client(app).GetAsync("/vorlagen"));
        Assert.Contains("Bericht des Ordnungsdienstes, zweites Halbjahr 2026", publicPaper, StringComparison.Ordinal);
    }

    [Theory, Engines]
    public async Task Person_related_free_text_is_deleted_after_the_retention_period_and_the_counts_stay(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?>(Settings(MeetingChainTests.NewMailFolder())) { ["Enforcement:RetentionDays"] = "30" });
        var (officer, _) = await OfficerAsync(app, "streife@stadtdo.de", "KOD-3");
        var district = await DistrictAsync(app);
        var (_, code) = await CheckAsync(officer, CheckFields(district, "2026-11-20"));
        Assert.True((await officer.PostFormAsync("/ordnungsdienst/einsatz", IncidentFields(district))).StatusCode == HttpStatusCode.Redirect, Why(app));
        var feedback = await FeedbackAsync(app, Users.Client(app), code);
        Assert.True(feedback.StatusCode == HttpStatusCode.Redirect, await ExplainAsync(app, feedback));

        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await ActivatorUtilities.CreateInstance<EnforcementRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None));
        }

        app.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Scope())
        {
            Assert.Equal(4, await ActivatorUtilities.CreateInstance<EnforcementRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None));
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var receipt = await data.StopReceipts.SingleAsync();
            Assert.Null(receipt.Reason);
            Assert.Equal("identity-check", receipt.Kind);
            Assert.Null((await data.ForceIncidents.SingleAsync()).Description);
            Assert.Null((await data.ReceiptFeedbacks.SingleAsync()).Text);
            var audit = await data.AuditEntries.Where(a => a.Action.StartsWith("enforcement.") && a.Action.EndsWith(".text-deleted")).Select(a => a.Action).ToListAsync();
            Assert.Equal(3, audit.Count);
        }

        var page = await BodyAsync(await Users.Client(app).GetAsync("/quittung?nr=" + code));
        Assert.Contains("(nach Ablauf der Frist gelöscht)", page, StringComparison.Ordinal);
    }

    [Theory, Engines]
    public async Task The_lead_corrects_a_mistyped_service_number_and_bad_corrections_change_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var (officer, _) = await OfficerAsync(app, "streife.tippfehler@stadtdo.de", "KOD-1O5");
        await OfficerAsync(app, "streife.zwei@stadtdo.de", "KOD-200");
        var lead = await Users.SignInAsync(app, await Users.CreateAsync(app, "leitung.kod@stadtdo.de", Roles.EnforcementLead));
        int id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EnforcementOfficers.Where(o => o.ServiceNumber == "KOD-1O5").Select(o => o.Id).SingleAsync();
        }

        // The officer cannot change the number once registered, nor use the lead's form.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostFormAsync("/verwaltung/ordnungsdienst?handler=ServiceNumber", new() { ["OfficerId"] = $"{id}", ["ServiceNumber"] = "KOD-999" }, "/ordnungsdienst")).StatusCode);

        var refusals = new (string Officer, string Number, string Message)[]
        {
            ($"{id}", "", "Bitte geben Sie die Dienstnummer an."),
            ($"{id}", "KOD 105!", "Eine Dienstnummer hat höchstens 30 Zeichen: Buchstaben, Ziffern und Bindestriche."),
            ($"{id}", "kod-1o5", "hat schon die Dienstnummer KOD-1O5."),
            ($"{id}", "KOD-200", "Die Dienstnummer KOD-200 gehört schon einer anderen Einsatzkraft."),
            ("", "KOD-105", "Bitte wählen Sie eine Einsatzkraft aus der Liste."),
            ("999999", "KOD-105", "Bitte wählen Sie eine Einsatzkraft aus der Liste."),
        };
        foreach (var (who, number, message) in refusals)
        {
            var refused = await lead.PostFormAsync("/verwaltung/ordnungsdienst?handler=ServiceNumber", new() { ["OfficerId"] = who, ["ServiceNumber"] = number }, "/verwaltung/ordnungsdienst");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await BodyAsync(refused)), StringComparison.Ordinal);
        }

        var corrected = await lead.PostFormAsync("/verwaltung/ordnungsdienst?handler=ServiceNumber", new() { ["OfficerId"] = $"{id}", ["ServiceNumber"] = " kod-105 " }, "/verwaltung/ordnungsdienst");
        Assert.True(corrected.StatusCode == HttpStatusCode.Redirect, await ExplainAsync(app, corrected));
        var page = await BodyAsync(await lead.GetAsync(corrected.Headers.Location!.OriginalString));
        Assert.Contains("Die Dienstnummer ist berichtigt.", page, StringComparison.Ordinal);
        Assert.Contains("<td>KOD-105</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("KOD-1O5", page, StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(["KOD-105", "KOD-200"], await data.EnforcementOfficers.OrderBy(o => o.ServiceNumber).Select(o => o.ServiceNumber).ToListAsync());
            // Audited with the pseudonym only: the audit log is read beyond the lead.
            var entry = await data.AuditEntries.SingleAsync(a => a.Action == "enforcement.officer.service-number-corrected");
            Assert.Equal($"{id}", entry.EntityId);
            Assert.DoesNotContain("KOD-", entry.Changes ?? "", StringComparison.Ordinal);
        }
    }
}
