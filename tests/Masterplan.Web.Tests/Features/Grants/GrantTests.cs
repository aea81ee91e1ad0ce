using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Grants;

/// <summary>
/// The grant programme on both engines: one call from the Office's publication to the public list of funded projects
/// (application, completeness check, review with a declared conflict, decision at a meeting's agenda item, letter, two
/// instalments, proof of use, the year's budget), the bad input of every step, the deadline in Dortmund time, what an
/// applicant of one association may see of another's, and the retention of contact data and rejected applications.
/// </summary>
public sealed class GrantTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static Dictionary<string, string?> Settings(string mail) => new()
    {
        ["Accounts:FormPostsPerMinute"] = "1000", ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example", ["Jobs:Enabled"] = "false",
    };

    internal static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    internal static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    internal static string Id(int id) => id.ToString(Invariant);

    /// <summary>Sets the clock to a time of day in Dortmund.</summary>
    private static void SetDortmundTime(AppFactory app, int year, int month, int day, int hour, int minute) =>
        app.Clock.SetUtcNow(CityTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute)).AddTicks(4_321));

    /// <summary>A published call (deadline 1 December 2026, 18:00 in Dortmund) serving a new measure; returns its id and the criteria's ids.</summary>
    private static async Task<(int Call, int[] Criteria)> CallAsync(AppFactory app, HttpClient office)
    {
        var measure = await QueryAsync(app, async db =>
        {
            var m = new Measure { FieldOfActionId = await db.FieldsOfAction.Select(f => f.Id).FirstAsync(), Title = "Präventionskampagne gegen das Tragen von Messern", IsPublic = true };
            db.Measures.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var created = await office.PostAsJsonAsync("/api/v1/grants/calls", new
        {
            title = "Messerfrei unterwegs 2026", purpose = "Projekte gegen das Tragen von Messern an Schulen und in Jugendzentren.", eligibility = "Vereine und Initiativen aus Dortmund.",
            year = 2026, budget = 20000m, maxPerProject = 8000m, deadlineDate = "2026-12-01", deadlineTime = "18:00:00", measureId = measure,
            requiredDocuments = "Satzung\nFreistellungsbescheid",
            criteria = new[] { new { name = "Wirkung", weight = 60 }, new { name = "Innovation", weight = 40 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/grants/calls/{id}/publish", null)).StatusCode);
        var criteria = await QueryAsync(app, db => db.GrantCriteria.Where(c => c.CallId == id).OrderBy(c => c.Position).Select(c => c.Id).ToArrayAsync());
        return (id, criteria);
    }

    /// <summary>Registers an association through the public form, confirms the mailed link and signs its person in.</summary>
    internal static async Task<HttpClient> RegisterAsync(AppFactory app, string mail, string association, string email, string inviteCode = "")
    {
        var client = Users.Client(app);
        var before = (await MeetingChainTests.MailsAsync(app, mail)).Count;
        var token = await client.AntiforgeryTokenAsync("/foerderung/registrieren");
        var page = await (await client.GetAsync("/foerderung/registrieren")).Content.ReadAsStringAsync();
        var stamp = WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{FormGuard.StampField}\" value=\"([^\"]*)\"").Groups[1].Value);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var sent = await client.PostAsync("/foerderung/registrieren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, [FormGuard.StampField] = stamp, [FormGuard.HoneypotField] = "",
            ["Input.InviteCode"] = inviteCode, ["Input.AssociationName"] = association, ["Input.Address"] = inviteCode.Length > 0 ? "" : "Mallinckrodtstraße 1\n44145 Dortmund", ["Input.PersonName"] = "Erika Vorstand",
            ["Input.Email"] = email, ["Input.Password"] = Users.Password, ["Input.Consent"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirm = (await MeetingChainTests.MailsAsync(app, mail, before)).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal));
        var link = Regex.Match(confirm.TextBody!, @"https://masterplan\.example(/foerderung/bestaetigen/\S+)").Groups[1].Value;

        // Before the confirmation the account opens nothing of the programme.
        var unconfirmed = await Users.SignInAsync(app, new Users.TestUser("", email, null));
        Assert.Equal(HttpStatusCode.Forbidden, (await unconfirmed.GetAsync("/foerderung/antraege")).StatusCode);
        Assert.Contains("ist bestätigt", await BodyAsync(await client.PostFormAsync(link, [])));
        return await Users.SignInAsync(app, new Users.TestUser("", email, null));
    }

    internal static Dictionary<string, string> Application(params (string Key, string Value)[] more)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.ProjectTitle"] = "Stark ohne Messer", ["Input.Description"] = "Peer-Workshops in Schulen der Nordstadt.", ["Input.TargetGroup"] = "Jugendliche von 12 bis 18",
            ["Input.StartsOn"] = "2027-01-10", ["Input.EndsOn"] = "2027-06-30", ["Input.Requested"] = "7.500,00", ["Input.CoFunding"] = "500",
            ["Input.ContactName"] = "Erika Vorstand", ["Input.ContactEmail"] = "erika@jugendforum.example", ["Input.ContactPhone"] = "0231 12345",
            ["Input.Lines[0].Label"] = "Honorare", ["Input.Lines[0].Amount"] = "6.000", ["Input.Lines[1].Label"] = "Material", ["Input.Lines[1].Amount"] = "2.000",
        };
        foreach (var (k, v) in more)
        {
            form[k] = v;
        }

        return form;
    }

    internal static async Task<int> StartAsync(HttpClient applicant, int call)
    {
        var started = await applicant.PostFormAsync($"/foerderung/antraege/neu/{call}", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return int.Parse(started.Headers.Location!.OriginalString.Split('/').Last(), Invariant);
    }

    internal static async Task<HttpResponseMessage> PostApplicationAsync(HttpClient applicant, int id, bool submit, Dictionary<string, string> form)
    {
        var district = form.TryGetValue("district", out var d) ? d : null;
        form.Remove("district");
        var url = $"/foerderung/antraege/{id}" + (submit ? "?handler=Submit" : "");
        var token = await applicant.AntiforgeryTokenAsync($"/foerderung/antraege/{id}");
        var fields = form.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).Append(new("__RequestVerificationToken", token)).ToList();
        if (district is not null)
        {
            fields.Add(new("Input.DistrictIds", district));
        }

        return await applicant.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    internal static async Task<int> AgendaItemAsync(AppFactory app) => await QueryAsync(app, async db =>
    {
        var body = await db.Organizations.Where(o => o.Kind == OrganizationKind.SteeringCircle).Select(o => o.Id).FirstAsync();
        var start = new DateTimeOffset(2026, 12, 8, 15, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting
        {
            OrganizationId = body, Title = "Sitzung des Lenkungskreises", Start = start, End = start.AddHours(2), IsPublic = true, State = MeetingState.Held, CalendarUid = $"{Guid.NewGuid():N}@test",
            AgendaItems = [new AgendaItem { Number = "4", SortKey = AgendaNumber.SortKey("4"), Title = "Förderprogramm: Entscheidung über die Anträge" }],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.AgendaItems[0].Id;
    });

    private static string Errors(HttpResponseMessage response) => response.Content.ReadAsStringAsync().Result;

    [Theory, Engines]
    public async Task One_call_runs_from_the_application_to_the_public_list_and_reduces_the_year_budget(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (call, criteria) = await CallAsync(app, office);
        var anonymous = Users.Client(app);
        Assert.Contains("Messerfrei unterwegs 2026", await BodyAsync(await anonymous.GetAsync("/foerderung")));
        Assert.Contains("Präventionskampagne gegen das Tragen von Messern", await BodyAsync(await anonymous.GetAsync($"/foerderung/aufrufe/{call}")));

        var applicant = await RegisterAsync(app, mail, "Jugendforum Nordstadt e. V.", "vorstand@jugendforum.example");
        var id = await StartAsync(applicant, call);
        var district = Id(await QueryAsync(app, db => db.Districts.Where(d => d.Name == "Innenstadt-Nord").Select(d => d.Id).SingleAsync()));

        // A draft may be unfinished; saved as typed, German numbers read as such.
        Assert.Equal(HttpStatusCode.Redirect, (await PostApplicationAsync(applicant, id, false, Application(("district", district), ("Input.Lines[1].Amount", "1.000")))).StatusCode);
        Assert.Equal(700_000, await QueryAsync(app, db => db.GrantBudgetLines.Where(l => l.ApplicationId == id).SumAsync(l => l.AmountCents)));

        // Sent: lines that do not add up, an amount above the call's maximum, a file that is not what it claims: precise messages, nothing stored.
        var notAddingUp = await BodyAsync(await PostApplicationAsync(applicant, id, true, Application(("district", district), ("Input.Lines[1].Amount", "1.000"))));
        Assert.Contains("Der Finanzplan geht nicht auf: Die Zeilen ergeben 7.000,00 €, beantragte Summe und Eigen- und Drittmittel zusammen 8.000,00 €.", notAddingUp);
        var tooMuch = await BodyAsync(await PostApplicationAsync(applicant, id, true, Application(("district", district), ("Input.Requested", "9000"), ("Input.Lines[0].Amount", "7500"))));
        Assert.Contains("Die beantragte Summe (9.000,00 €) ist höher als der Höchstbetrag je Projekt in diesem Aufruf (8.000,00 €).", tooMuch);
        var fake = await applicant.PostFileAsync($"/foerderung/antraege/{id}?handler=Upload", $"/foerderung/antraege/{id}", new() { ["uploadTitle"] = "Satzung" }, "upload", "satzung.pdf", "GIF89a not a pdf"u8.ToArray());
        Assert.Contains("satzung.pdf", await BodyAsync(fake));
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Equal(0, await QueryAsync(app, db => db.GrantFiles.CountAsync()));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.GrantApplications.Include(a => a.Lines).SingleAsync(a => a.Id == id);
            Assert.Equal(GrantStatus.Draft, stored.Status);
            Assert.Equal(750_000, stored.RequestedCents);
            Assert.Equal([600_000, 100_000], stored.Lines.OrderBy(l => l.Position).Select(l => l.AmountCents));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFileAsync($"/foerderung/antraege/{id}?handler=Upload", $"/foerderung/antraege/{id}", new() { ["uploadTitle"] = "Satzung" }, "upload", "satzung.pdf", "%PDF-1.4 Satzung"u8.ToArray())).StatusCode);
        var submitted = await PostApplicationAsync(applicant, id, true, Application(("district", district)));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var page = await BodyAsync(await applicant.GetAsync($"/foerderung/antraege/{id}"));
        Assert.Contains("F-2026-", page);
        Assert.Contains("eingegangen", page);
        Assert.Contains(await MeetingChainTests.MailsAsync(app, mail), m => m.Subject!.StartsWith("Eingangsbestätigung Förderantrag F-2026-", StringComparison.Ordinal));

        // Completeness: the Office asks for more, the applicant sees what is missing and sends again.
        var noNote = await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/completeness", new { complete = false, missing = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/completeness", new { complete = false, missing = "Der Freistellungsbescheid fehlt." })).StatusCode);
        Assert.Contains("Der Freistellungsbescheid fehlt.", await BodyAsync(await applicant.GetAsync($"/foerderung/antraege/{id}")));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFileAsync($"/foerderung/antraege/{id}?handler=Upload", $"/foerderung/antraege/{id}", new() { ["uploadTitle"] = "Freistellungsbescheid" }, "upload", "bescheid.pdf", "%PDF-1.4 FA"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostApplicationAsync(applicant, id, true, Application(("district", district)))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/completeness", new { complete = true, missing = (string?)null })).StatusCode);

        // Review: a member of a body declares a conflict and no longer sees or scores it; the Office scores.
        var personId = await QueryAsync(app, async db =>
        {
            var person = new Person { GivenName = "Rita", FamilyName = "Gutachterin", PublicConsent = false };
            db.Memberships.Add(new Membership { Person = person, OrganizationId = await db.Organizations.Where(o => o.Kind == OrganizationKind.SteeringCircle).Select(o => o.Id).FirstAsync(), VotingRight = VotingRight.Voting, StartDate = new DateOnly(2024, 1, 1) });
            await db.SaveChangesAsync();
            return person.Id;
        });
        var reviewer = await Users.SignInAsync(app, await Users.CreateAsync(app, "rita@verein.example", personId));
        Assert.Contains("Stark ohne Messer", await reviewer.GetStringAsync($"/api/v1/grants/calls/{call}/reviews"));
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"/api/v1/grants/applications/{id}/conflict", new { note = "Ich bin Mitglied im Verein." })).StatusCode);
        Assert.Equal("[]", await reviewer.GetStringAsync($"/api/v1/grants/calls/{call}/reviews"));
        var conflicted = await reviewer.PostAsJsonAsync($"/api/v1/grants/applications/{id}/scores", new { scores = new Dictionary<string, int> { [Id(criteria[0])] = 9, [Id(criteria[1])] = 9 } });
        Assert.Equal(HttpStatusCode.BadRequest, conflicted.StatusCode);
        Assert.Contains("Interessenkonflikt", Errors(conflicted));
        var outOfRange = await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/scores", new { scores = new Dictionary<string, int> { [Id(criteria[0])] = 11 } });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("0 bis 10 Punkten", Errors(outOfRange));
        Assert.Contains("Bitte bewerten Sie das Kriterium „Innovation“.", Errors(outOfRange));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/scores", new { scores = new Dictionary<string, int> { [Id(criteria[0])] = 8, [Id(criteria[1])] = 6 } })).StatusCode);
        var ranking = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/grants/calls/{call}/ranking")).EnumerateArray().Single();
        Assert.Equal(7.2m, ranking.GetProperty("score").GetDecimal());
        Assert.Equal(1, ranking.GetProperty("reviews").GetInt32());
        Assert.True(ranking.GetProperty("withinBudget").GetBoolean());

        // Decision at the meeting's agenda item: not more than requested; then committed against the year's budget.
        var item = await AgendaItemAsync(app);
        var above = await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/decision", new { approve = true, amount = 7600m, agendaItemId = item, proofDueOn = "2027-09-30" });
        Assert.Contains("Die Fördersumme (7.600,00 €) ist höher als die beantragte Summe (7.500,00 €).", Errors(above));
        var noItem = await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/decision", new { approve = true, amount = 7000m, agendaItemId = 999_999, proofDueOn = "2027-09-30" });
        Assert.Contains("Tagesordnungspunkt", Errors(noItem));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/decision", new { approve = true, amount = 7000m, agendaItemId = item, proofDueOn = "2027-09-30" })).StatusCode);
        var budget = await office.GetFromJsonAsync<JsonElement>("/api/v1/grants/budgets/2026");
        Assert.Equal(50000m, budget.GetProperty("amount").GetDecimal());
        Assert.Equal(43000m, budget.GetProperty("left").GetDecimal());

        // The letter: a tagged PDF with the amount and the agenda item.
        var letter = await applicant.GetAsync($"/foerderung/antraege/{id}/bescheid.pdf");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await letter.Content.ReadAsByteArrayAsync();
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes))
        {
            var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Bewilligungsbescheid", text, StringComparison.Ordinal);
            Assert.Contains("7.000,00 €", text, StringComparison.Ordinal);
            Assert.Contains("TOP 4", text, StringComparison.Ordinal);
            Assert.True(pdf.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("StructTreeRoot")), "the letter is a tagged PDF");
        }

        // Two instalments; a third above the granted amount is refused.
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/payments", new { amount = 4000m, on = "2026-11-20" })).StatusCode);
        var over = await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/payments", new { amount = 3500m, on = "2026-11-22" });
        Assert.Contains("Mit dieser Rate (3.500,00 €) würden 7.500,00 € ausgezahlt; bewilligt sind nur 7.000,00 €.", Errors(over));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/payments", new { amount = 3000m, on = "2026-11-22" })).StatusCode);
        Assert.Equal(2, await QueryAsync(app, db => db.GrantPayments.CountAsync(p => p.ApplicationId == id)));

        // Proof of use with spending per line and a receipt; the Office accepts; 500 € unspent come back.
        var noReceipt = await BodyAsync(await applicant.PostFormAsync($"/foerderung/antraege/{id}?handler=Proof",
            new() { ["Proof.Activities"] = "Zwölf Workshops in vier Schulen.", ["Proof.Reach"] = "340", ["Proof.Lines[0].Spent"] = "5.500", ["Proof.Lines[1].Spent"] = "1.000" }, $"/foerderung/antraege/{id}"));
        Assert.Contains("Bitte laden Sie die Belege zu den Ausgaben hoch.", noReceipt);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFileAsync($"/foerderung/antraege/{id}?handler=Upload", $"/foerderung/antraege/{id}", new() { ["uploadTitle"] = "Rechnungen", ["receipt"] = "true" }, "upload", "belege.pdf", "%PDF-1.4 Belege"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync($"/foerderung/antraege/{id}?handler=Proof",
            new() { ["Proof.Activities"] = "Zwölf Workshops in vier Schulen.", ["Proof.Reach"] = "340", ["Proof.Lines[0].Spent"] = "5.500", ["Proof.Lines[1].Spent"] = "1.000" }, $"/foerderung/antraege/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/proof/decision", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{id}/payments", new { amount = 500m, on = "2026-11-23", isReturn = true })).StatusCode);
        Assert.Contains("abgeschlossen", await BodyAsync(await applicant.GetAsync($"/foerderung/antraege/{id}")));
        Assert.Equal(43500m, (await office.GetFromJsonAsync<JsonElement>("/api/v1/grants/budgets/2026")).GetProperty("left").GetDecimal());
        var overview = await Html.ParseAsync(await office.GetAsync("/verwaltung/foerderung"));
        Assert.Equal("6.500,00 €", overview.QuerySelector("#committed")!.Text());
        Assert.Equal("43.500,00 €", overview.QuerySelector("#left")!.Text());
        Assert.Contains("Stark ohne Messer", (await Html.ParseAsync(await office.GetAsync($"/verwaltung/foerderung/aufrufe/{call}"))).QuerySelector("main")!.Text());

        // Public: the page, the CSV and the JSON list the project with its association, amount, district and measure.
        var list = await BodyAsync(await anonymous.GetAsync("/foerderung/gefoerderte-projekte"));
        Assert.Contains("Stark ohne Messer", list);
        Assert.Contains("Jugendforum Nordstadt e. V.", list);
        Assert.Contains("7.000,00 €", list);
        Assert.Contains("Innenstadt-Nord", list);
        Assert.Contains("Präventionskampagne gegen das Tragen von Messern", list);
        Assert.Contains("Stark ohne Messer,", await anonymous.GetStringAsync("/foerderung/gefoerderte-projekte.csv"));
        var json = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/grants/funded")).EnumerateArray().Single();
        Assert.Equal(7000m, json.GetProperty("amount").GetDecimal());
        Assert.DoesNotContain("erika@jugendforum.example", json.ToString());

        // Nothing personal of the applicant in any public output: the contact person, her address and phone.
        foreach (var url in new[] { "/foerderung", "/foerderung/gefoerderte-projekte", "/foerderung/gefoerderte-projekte.csv", "/api/v1/grants/funded", "/api/v1/grants/calls" })
        {
            var body = WebUtility.HtmlDecode(await anonymous.GetStringAsync(url));
            foreach (var planted in new[] { "Erika Vorstand", "erika@jugendforum.example", "0231 12345" })
            {
                Assert.False(body.Contains(planted, StringComparison.Ordinal), $"{url} shows {planted}");
            }
        }
    }

    [Theory, Engines]
    public async Task The_deadline_is_read_in_Dortmund_time_and_another_associations_application_is_not_found(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, officeUser);
        var (call, _) = await CallAsync(app, office);
        var first = await RegisterAsync(app, mail, "Verein Eins", "eins@verein.example");
        var second = await RegisterAsync(app, mail, "Verein Zwei", "zwei@verein.example");
        var district = Id(await QueryAsync(app, db => db.Districts.Select(d => d.Id).FirstAsync()));
        var mine = await StartAsync(first, call);
        Assert.Equal(mine, await StartAsync(first, call));
        var theirs = await StartAsync(second, call);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFileAsync($"/foerderung/antraege/{theirs}?handler=Upload", $"/foerderung/antraege/{theirs}", new() { ["uploadTitle"] = "Satzung" }, "upload", "s.pdf", "%PDF-1.4 x"u8.ToArray())).StatusCode);
        var theirFile = await QueryAsync(app, db => db.GrantFiles.Where(f => f.ApplicationId == theirs).Select(f => f.Id).SingleAsync());

        // A further person joins the first association with a code one of its persons made; a wrong code stores nothing.
        var invitePage = await BodyAsync(await first.PostFormAsync("/foerderung/antraege?handler=Invite", [], "/foerderung/antraege"));
        var code = Regex.Match(invitePage, @"Einladungscode: (\S+) – gültig 14 Tage").Groups[1].Value;
        Assert.NotEmpty(code);
        var wrong = Users.Client(app);
        var wrongToken = await wrong.AntiforgeryTokenAsync("/foerderung/registrieren");
        var wrongPage = await (await wrong.GetAsync("/foerderung/registrieren")).Content.ReadAsStringAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = await BodyAsync(await wrong.PostAsync("/foerderung/registrieren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = wrongToken, [FormGuard.StampField] = WebUtility.HtmlDecode(Regex.Match(wrongPage, $"name=\"{FormGuard.StampField}\" value=\"([^\"]*)\"").Groups[1].Value),
            ["Input.InviteCode"] = "ABCD-EFGH-JKLM", ["Input.PersonName"] = "Falsch", ["Input.Email"] = "falsch@verein.example", ["Input.Password"] = Users.Password, ["Input.Consent"] = "true",
        })));
        Assert.Contains("Den Einladungscode kennen wir nicht, oder er ist abgelaufen.", refused);
        Assert.Equal(2, await QueryAsync(app, db => db.Associations.CountAsync(a => !a.IsDemo)));
        var colleague = await RegisterAsync(app, mail, "", "kollegin@verein.example", code);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/foerderung/antraege/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/foerderung/antraege/{theirs}")).StatusCode);
        Assert.Equal(2, await QueryAsync(app, db => db.Associations.CountAsync(a => !a.IsDemo)));

        // One association's person gets 404 on everything of another's: page, form posts, files, letter.
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/foerderung/antraege/{theirs}")).StatusCode);
        var token = await first.AntiforgeryTokenAsync($"/foerderung/antraege/{mine}");
        Assert.Equal(HttpStatusCode.NotFound, (await first.PostAsync($"/foerderung/antraege/{theirs}?handler=Submit",
            new FormUrlEncodedContent(Application().Append(new("__RequestVerificationToken", token))))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/foerderung/antraege/{theirs}/dateien/{theirFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/foerderung/antraege/{theirs}/bescheid.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/foerderung/antraege/{theirs}/dateien/{theirFile}")).StatusCode);
        Assert.DoesNotContain("Verein Zwei", await BodyAsync(await first.GetAsync("/foerderung/antraege")));
        // Applicants are no staff and no reviewers.
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync($"/api/v1/grants/calls/{call}/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync($"/api/v1/grants/calls/{call}/reviews")).StatusCode);

        // The deadline is 18:00 in Dortmund (17:00 UTC): at 17:59 the second association sends; at 18:30 (17:30 UTC, before 18:00 if
        // read in UTC) the server refuses the first.
        SetDortmundTime(app, 2026, 12, 1, 17, 59);
        second = await Users.SignInAsync(app, new Users.TestUser("", "zwei@verein.example", null));
        Assert.Equal(HttpStatusCode.Redirect, (await PostApplicationAsync(second, theirs, true, Application(("district", district), ("Input.ProjectTitle", "Abgelehntes Projekt")))).StatusCode);
        SetDortmundTime(app, 2026, 12, 1, 18, 30);
        first = await Users.SignInAsync(app, new Users.TestUser("", "eins@verein.example", null));
        var late = await BodyAsync(await PostApplicationAsync(first, mine, true, Application(("district", district))));
        Assert.Contains("Die Frist ist am 01.12.2026 um 18:00 Uhr abgelaufen; der Antrag kann nicht mehr abgeschickt werden.", late);
        Assert.Equal(GrantStatus.Draft, await QueryAsync(app, db => db.GrantApplications.Where(a => a.Id == mine).Select(a => a.Status).SingleAsync()));
        second = await Users.SignInAsync(app, new Users.TestUser("", "zwei@verein.example", null));
        office = await Users.SignInAsync(app, officeUser);

        // The second is rejected: nothing of it is public, and it is deleted (audited) when its time is up.
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{theirs}/completeness", new { complete = true })).StatusCode);
        var item = await AgendaItemAsync(app);
        var noReason = await office.PostAsJsonAsync($"/api/v1/grants/applications/{theirs}/decision", new { approve = false, agendaItemId = item });
        Assert.Contains("Bitte begründen Sie die Ablehnung", Errors(noReason));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/grants/applications/{theirs}/decision", new { approve = false, agendaItemId = item, reason = "Nicht im Förderzweck." })).StatusCode);
        var anonymous = Users.Client(app);
        Assert.DoesNotContain("Abgelehntes Projekt", await BodyAsync(await anonymous.GetAsync("/foerderung/gefoerderte-projekte")));
        Assert.DoesNotContain("Abgelehntes Projekt", await anonymous.GetStringAsync("/api/v1/grants/funded"));
        Assert.DoesNotContain("Verein Zwei", await anonymous.GetStringAsync("/foerderung/gefoerderte-projekte.csv"));
        Assert.Contains("Ablehnungsbescheid", string.Join(' ', UglyToad.PdfPig.PdfDocument.Open(await second.GetByteArrayAsync($"/foerderung/antraege/{theirs}/bescheid.pdf")).GetPages().Select(p => p.Text)), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(181));
        second = await Users.SignInAsync(app, new Users.TestUser("", "zwei@verein.example", null));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/foerderung/antraege")).StatusCode);
        await using (var scope = app.Scope())
        {
            var (_, rejected) = await scope.ServiceProvider.GetRequiredService<GrantDesk>().DeleteDueAsync(CancellationToken.None);
            Assert.Equal(1, rejected);
        }

        Assert.False(await QueryAsync(app, db => db.GrantApplications.AnyAsync(a => a.Id == theirs)));
        Assert.False(await QueryAsync(app, db => db.GrantFiles.AnyAsync(f => f.ApplicationId == theirs)));
        Assert.True(await QueryAsync(app, db => db.GrantApplications.AnyAsync(a => a.Id == mine)));
        Assert.True(await QueryAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == "grants.application.deleted" && e.EntityId == Id(theirs))));
    }
    [Theory, Engines]
    public async Task Grantees_are_reminded_of_the_proof_of_use_weekly_and_contact_data_go_a_year_after_it_was_accepted(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var (call, _) = await CallAsync(app, office);
        await RegisterAsync(app, mail, "Verein Drei", "drei@verein.example");
        var today = CityTime.Today(app.Clock);
        var id = await QueryAsync(app, async db =>
        {
            var application = new GrantApplication
            {
                CallId = call, AssociationId = await db.Associations.Where(a => a.Name == "Verein Drei").Select(a => a.Id).SingleAsync(), Status = GrantStatus.Approved,
                ProjectTitle = "Nachweis fällig", ReceiptNumber = "F-2026-9001", GrantedCents = 100_000, ProofDueOn = today.AddDays(10), DecidedAt = app.Clock.GetUtcNow(),
                ContactName = "Kontakt Person", ContactEmail = "kontakt@verein.example", ContactPhone = "0231 1", CreatedAt = app.Clock.GetUtcNow(),
            };
            db.GrantApplications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });

        async Task<int> RemindAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<GrantDesk>().RemindAsync(CancellationToken.None);
        }

        var before = (await MeetingChainTests.MailsAsync(app, mail)).Count;
        Assert.Equal(1, await RemindAsync());
        var reminder = Assert.Single(await MeetingChainTests.MailsAsync(app, mail, before));
        Assert.Equal("Erinnerung: Verwendungsnachweis F-2026-9001", reminder.Subject);
        Assert.Contains("drei@verein.example", reminder.To.ToString());
        Assert.Equal(0, await RemindAsync());
        app.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(1, await RemindAsync());
        Assert.Contains(await MeetingChainTests.MailsAsync(app, mail), m => m.Subject == "Verwendungsnachweis F-2026-9001 ist überfällig");

        // The proof accepted a year and a day ago: the contact data are deleted, with an audit entry; the project stays public.
        await QueryAsync(app, async db =>
        {
            var application = await db.GrantApplications.SingleAsync(a => a.Id == id);
            application.Status = GrantStatus.Closed;
            db.ProofsOfUse.Add(new ProofOfUse { ApplicationId = id, Activities = "Workshops", Reach = 10, Status = ProofStatus.Accepted, SubmittedAt = app.Clock.GetUtcNow(), DecidedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return 0;
        });
        app.Clock.Advance(TimeSpan.FromDays(364));
        await using (var scope = app.Scope())
        {
            Assert.Equal((0, 0), await scope.ServiceProvider.GetRequiredService<GrantDesk>().DeleteDueAsync(CancellationToken.None));
        }

        app.Clock.Advance(TimeSpan.FromDays(2));
        await using (var scope = app.Scope())
        {
            Assert.Equal((3, 0), await scope.ServiceProvider.GetRequiredService<GrantDesk>().DeleteDueAsync(CancellationToken.None));
        }

        var stored = await QueryAsync(app, db => db.GrantApplications.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Null(stored.ContactName);
        Assert.Null(stored.ContactEmail);
        Assert.Null(stored.ContactPhone);
        Assert.True(await QueryAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == "grants.contact.deleted" && e.EntityId == Id(id))));
        Assert.Contains("Nachweis fällig", await Users.Client(app).GetStringAsync("/api/v1/grants/funded"));
    }
}
