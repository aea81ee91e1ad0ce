using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Tests.Features.Grants;

/// <summary>
/// The Office's and the reviewers' forms of the grant programme on both engines, not the API: a call created with German
/// numbers and published, the completeness check with a Nachforderung, a reviewer's conflict of interest, scores, the
/// ranking, the decision at an agenda item, two instalments, the proof of use, money paid back, the year's budget and the
/// status overview's figures; bad input gets messages at the fields and stores nothing. And the registration that does not
/// tell whether an address already has an account.
/// </summary>
public sealed class GrantFormTests
{
    private static async Task<string> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string page) =>
        await GrantTests.BodyAsync(await client.PostFormAsync(url, fields, page));

    private static async Task<HttpResponseMessage> RedirectedAsync(HttpClient client, string url, Dictionary<string, string> fields, string page)
    {
        var response = await client.PostFormAsync(url, fields, page);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode} {await GrantTests.BodyAsync(response)}");
        return response;
    }

    private static Dictionary<string, string> CallForm(string measure, params (string Key, string Value)[] more)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Mut statt Messer 2026", ["Input.Purpose"] = "Projekte gegen das Tragen von Messern in Schulen, Jugendzentren und Vereinen.",
            ["Input.Eligibility"] = "Vereine und Initiativen aus Dortmund.", ["Input.Year"] = "2026", ["Input.Budget"] = "20.000", ["Input.MaxPerProject"] = "8.000,50",
            ["Input.DeadlineDate"] = "2026-12-01", ["Input.DeadlineTime"] = "18:00", ["Input.MeasureId"] = measure, ["Input.RequiredDocuments"] = "Satzung\nFreistellungsbescheid",
            ["Input.Criteria[0].Name"] = "Wirkung", ["Input.Criteria[0].Weight"] = "60", ["Input.Criteria[1].Name"] = "Innovation", ["Input.Criteria[1].Weight"] = "40",
            ["Input.Criteria[2].Name"] = "", ["Input.Criteria[2].Weight"] = "",
        };
        foreach (var (k, v) in more)
        {
            form[k] = v;
        }

        return form;
    }

    [Theory, Engines]
    public async Task The_Office_and_a_reviewer_take_one_call_from_the_form_to_the_payment_without_the_API(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, GrantTests.Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var measure = GrantTests.Id(await GrantTests.QueryAsync(app, async db =>
        {
            var m = new Measure { FieldOfActionId = await db.FieldsOfAction.Select(f => f.Id).FirstAsync(), Title = "Präventionskampagne Messerverbot", IsPublic = true };
            db.Measures.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        }));
        const string newCall = "/verwaltung/foerderung/aufrufe";

        // Bad input: messages at the fields, no call stored, never a 500.
        var bad = await PostAsync(office, newCall, CallForm(measure, ("Input.Budget", ""), ("Input.DeadlineDate", "2026-01-01"), ("Input.Criteria[1].Weight", "400")), newCall);
        Assert.Contains("Die Frist (01.01.2026 18:00 Uhr) liegt in der Vergangenheit.", bad);
        Assert.Contains("Kriterium 2: Das Gewicht muss eine ganze Zahl von 1 bis 100 sein.", bad);
        Assert.Contains("Budget des Aufrufs in Euro an.", bad);
        Assert.Contains("„zwanzigtausend“ ist hier kein gültiger Wert.", await PostAsync(office, newCall, CallForm(measure, ("Input.Budget", "zwanzigtausend")), newCall));
        Assert.Contains("„25:99“ ist hier kein gültiger Wert.", await PostAsync(office, newCall, CallForm(measure, ("Input.DeadlineTime", "25:99")), newCall));
        var tooHigh = await PostAsync(office, newCall, CallForm(measure, ("Input.MaxPerProject", "30.000")), newCall);
        Assert.Contains("Der Höchstbetrag je Projekt (30.000,00 €) ist höher als das Budget des Aufrufs (20.000,00 €).", tooHigh);
        Assert.Equal(0, await GrantTests.QueryAsync(app, db => db.GrantCalls.CountAsync(c => !c.IsDemo)));

        // Created with German numbers, not yet public; published through its button.
        var created = await RedirectedAsync(office, newCall, CallForm(measure), newCall);
        var callPage = created.Headers.Location!.OriginalString.Split('?')[0];
        var call = int.Parse(callPage.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var stored = await GrantTests.QueryAsync(app, db => db.GrantCalls.Include(c => c.Criteria).SingleAsync(c => c.Id == call));
        Assert.Equal(2_000_000, stored.BudgetCents);
        Assert.Equal(800_050, stored.MaxPerProjectCents);
        Assert.Equal([("Wirkung", 60), ("Innovation", 40)], stored.Criteria.OrderBy(c => c.Position).Select(c => (c.Name, c.Weight)));
        Assert.Null(stored.PublishedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await Users.Client(app).GetAsync($"/foerderung/aufrufe/{call}")).StatusCode);
        await RedirectedAsync(office, $"{callPage}?handler=Publish", [], callPage);
        Assert.Contains("Mut statt Messer 2026", await GrantTests.BodyAsync(await Users.Client(app).GetAsync($"/foerderung/aufrufe/{call}")));
        await RedirectedAsync(office, callPage, CallForm(measure, ("Input.MaxPerProject", "8.000")), callPage);
        Assert.Equal(800_000, await GrantTests.QueryAsync(app, db => db.GrantCalls.Where(c => c.Id == call).Select(c => c.MaxPerProjectCents).SingleAsync()));

        // An association applies (its own forms, as before).
        var applicant = await GrantTests.RegisterAsync(app, mail, "Jugendtreff Hörde e. V.", "vorstand@jugendtreff.example");
        var id = await GrantTests.StartAsync(applicant, call);
        var district = GrantTests.Id(await GrantTests.QueryAsync(app, db => db.Districts.Where(d => d.Name == "Hörde").Select(d => d.Id).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFileAsync($"/foerderung/antraege/{id}?handler=Upload", $"/foerderung/antraege/{id}", new() { ["uploadTitle"] = "Satzung" }, "upload", "satzung.pdf", "%PDF-1.4 Satzung"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GrantTests.PostApplicationAsync(applicant, id, true, GrantTests.Application(("district", district)))).StatusCode);
        var application = $"/verwaltung/foerderung/antraege/{id}";
        Assert.Contains("Stark ohne Messer", await GrantTests.BodyAsync(await office.GetAsync(callPage)));

        // Completeness: a Nachforderung needs a note; the association sees it and sends again; then complete.
        Assert.Contains("Bitte schreiben Sie, was fehlt", await PostAsync(office, $"{application}?handler=Incomplete", new() { ["Missing"] = " " }, application));
        await RedirectedAsync(office, $"{application}?handler=Incomplete", new() { ["Missing"] = "Der Freistellungsbescheid fehlt." }, application);
        Assert.Contains("Der Freistellungsbescheid fehlt.", await GrantTests.BodyAsync(await applicant.GetAsync($"/foerderung/antraege/{id}")));
        Assert.Equal(HttpStatusCode.Redirect, (await GrantTests.PostApplicationAsync(applicant, id, true, GrantTests.Application(("district", district)))).StatusCode);
        await RedirectedAsync(office, $"{application}?handler=Complete", [], application);
        Assert.Equal(GrantStatus.InReview, await GrantTests.QueryAsync(app, db => db.GrantApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // A reviewer (member of the steering circle) sees it, declares a conflict, and from then on neither sees nor scores it.
        var personId = await GrantTests.QueryAsync(app, async db =>
        {
            var person = new Person { GivenName = "Rita", FamilyName = "Gutachterin", PublicConsent = false };
            db.Memberships.Add(new Membership { Person = person, OrganizationId = await db.Organizations.Where(o => o.Kind == OrganizationKind.SteeringCircle).Select(o => o.Id).FirstAsync(), VotingRight = VotingRight.Voting, StartDate = new DateOnly(2024, 1, 1) });
            await db.SaveChangesAsync();
            return person.Id;
        });
        var reviewer = await Users.SignInAsync(app, await Users.CreateAsync(app, "rita@verein.example", personId));
        var review = $"/foerderung/bewertung/antraege/{id}";
        Assert.Contains("Stark ohne Messer", await GrantTests.BodyAsync(await reviewer.GetAsync("/foerderung/bewertung")));
        var file = $"/foerderung/antraege/{id}/dateien/{await GrantTests.QueryAsync(app, db => db.GrantFiles.Where(f => f.ApplicationId == id).Select(f => f.Id).FirstAsync())}";
        Assert.Contains(file, await GrantTests.BodyAsync(await reviewer.GetAsync(review)));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(file)).StatusCode);
        var reviewToken = await reviewer.AntiforgeryTokenAsync(review);
        await RedirectedAsync(reviewer, $"{review}?handler=Conflict", new() { ["ConflictNote"] = "Ich bin Mitglied im Verein." }, review);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(file)).StatusCode);
        Assert.DoesNotContain("Stark ohne Messer", await GrantTests.BodyAsync(await reviewer.GetAsync("/foerderung/bewertung")));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(review)).StatusCode);
        var criteria = await GrantTests.QueryAsync(app, db => db.GrantCriteria.Where(c => c.CallId == call).OrderBy(c => c.Position).Select(c => c.Id).ToArrayAsync());
        var lateScore = await reviewer.PostAsync($"{review}?handler=Score", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = reviewToken, [$"Scores[{criteria[0]}]"] = "9", [$"Scores[{criteria[1]}]"] = "9",
        }));
        Assert.Equal(HttpStatusCode.NotFound, lateScore.StatusCode);
        Assert.False(await GrantTests.QueryAsync(app, db => db.GrantScores.AnyAsync()));

        // The Office scores as reviewer: out of range and missing get messages; then the ranking shows the weighted score.
        var outOfRange = await PostAsync(office, $"{review}?handler=Score", new() { [$"Scores[{criteria[0]}]"] = "11", [$"Scores[{criteria[1]}]"] = "" }, review);
        Assert.Contains("Das Kriterium „Wirkung“ wird mit 0 bis 10 Punkten bewertet, nicht mit 11.", outOfRange);
        Assert.Contains("Bitte bewerten Sie das Kriterium „Innovation“.", outOfRange);
        await RedirectedAsync(office, $"{review}?handler=Score", new() { [$"Scores[{criteria[0]}]"] = "8", [$"Scores[{criteria[1]}]"] = "6", ["Note"] = "Überzeugend." }, review);
        var ranking = await Html.ParseAsync(await office.GetAsync(callPage));
        Assert.Contains("7,20", ranking.QuerySelector("#ranking tbody tr")!.Text());

        // Decision at the meeting's agenda item: nothing chosen, more than requested, no item: messages; then granted.
        var item = GrantTests.Id(await GrantTests.AgendaItemAsync(app));
        var decision = $"{application}?handler=Decision";
        Assert.Contains("Bitte wählen Sie, ob das Gremium den Antrag bewilligt oder abgelehnt hat.", await PostAsync(office, decision, new() { ["Decision.Amount"] = "7.000" }, application));
        var above = await PostAsync(office, decision, new() { ["Decision.Approve"] = "ja", ["Decision.Amount"] = "7.600", ["Decision.AgendaItemId"] = "", ["Decision.ProofDueOn"] = "2027-09-30" }, application);
        Assert.Contains("Die Fördersumme (7.600,00 €) ist höher als die beantragte Summe (7.500,00 €).", above);
        Assert.Contains("Bitte nennen Sie den Tagesordnungspunkt der Sitzung, in der das Gremium entschieden hat.", above);
        var page = await office.GetPageAsync(application);
        Assert.NotNull(page.QuerySelector($"#Decision_AgendaItemId option[value='{item}']"));
        await RedirectedAsync(office, decision, new() { ["Decision.Approve"] = "ja", ["Decision.Amount"] = "7.000", ["Decision.AgendaItemId"] = item, ["Decision.ProofDueOn"] = "2027-09-30" }, application);
        page = await office.GetPageAsync(application);
        Assert.Equal("7.000,00 €", page.QuerySelector("#granted")!.Text());
        Assert.Contains("TOP 4", page.QuerySelector("#decision-item")!.Text());
        Assert.Equal("43.000,00 €", (await office.GetPageAsync("/verwaltung/foerderung")).QuerySelector("#left")!.Text());

        // Two instalments typed in German; one above the granted amount is refused and not stored.
        var payment = $"{application}?handler=Payment";
        await RedirectedAsync(office, payment, new() { ["Payment.Amount"] = "4.000", ["Payment.On"] = "2026-11-20" }, application);
        Assert.Contains("Mit dieser Rate (3.500,00 €) würden 7.500,00 € ausgezahlt; bewilligt sind nur 7.000,00 €.",
            await PostAsync(office, payment, new() { ["Payment.Amount"] = "3.500", ["Payment.On"] = "2026-11-22" }, application));
        await RedirectedAsync(office, payment, new() { ["Payment.Amount"] = "3.000,00", ["Payment.On"] = "2026-11-22", ["Payment.Note"] = "zweite Rate" }, application);
        Assert.Contains("„3.000,0,0“ ist hier kein gültiger Wert.", await PostAsync(office, payment, new() { ["Payment.Amount"] = "3.000,0,0", ["Payment.On"] = "2026-11-22" }, application));
        Assert.Equal([400_000L, 300_000L], await GrantTests.QueryAsync(app, db => db.GrantPayments.Where(p => p.ApplicationId == id).OrderBy(p => p.Id).Select(p => p.AmountCents).ToListAsync()));

        // Proof of use: the association sends it; the Office asks back (a note is needed), then accepts; 500 € come back.
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFileAsync($"/foerderung/antraege/{id}?handler=Upload", $"/foerderung/antraege/{id}", new() { ["uploadTitle"] = "Rechnungen", ["receipt"] = "true" }, "upload", "belege.pdf", "%PDF-1.4 Belege"u8.ToArray())).StatusCode);
        Dictionary<string, string> proof = new() { ["Proof.Activities"] = "Zehn Workshops.", ["Proof.Reach"] = "250", ["Proof.Lines[0].Spent"] = "5.500", ["Proof.Lines[1].Spent"] = "1.000" };
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync($"/foerderung/antraege/{id}?handler=Proof", proof, $"/foerderung/antraege/{id}")).StatusCode);
        Assert.Contains("Bitte schreiben Sie, was am Verwendungsnachweis fehlt", await PostAsync(office, $"{application}?handler=ReturnProof", new() { ["ProofNote"] = "" }, application));
        await RedirectedAsync(office, $"{application}?handler=ReturnProof", new() { ["ProofNote"] = "Bitte die Teilnehmerlisten ergänzen." }, application);
        Assert.Contains("Bitte die Teilnehmerlisten ergänzen.", await GrantTests.BodyAsync(await applicant.GetAsync($"/foerderung/antraege/{id}")));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync($"/foerderung/antraege/{id}?handler=Proof", proof, $"/foerderung/antraege/{id}")).StatusCode);
        await RedirectedAsync(office, $"{application}?handler=AcceptProof", [], application);
        await RedirectedAsync(office, payment, new() { ["Payment.Amount"] = "500", ["Payment.On"] = "2026-11-23", ["Payment.IsReturn"] = "true" }, application);
        page = await office.GetPageAsync(application);
        Assert.Equal("Projekt abgeschlossen", page.QuerySelector("#status")!.Text());
        Assert.Equal("500,00 €", page.QuerySelector("#returned")!.Text());
        Assert.Equal("43.500,00 €", (await office.GetPageAsync("/verwaltung/foerderung")).QuerySelector("#left")!.Text());
        Assert.Contains("Stark ohne Messer", await GrantTests.BodyAsync(await Users.Client(app).GetAsync("/foerderung/gefoerderte-projekte")));

        // The status overview reads the year's figures through the module's public API.
        var overview = await office.GetPageAsync("/verwaltung/statusuebersicht?von=2026-01-01&bis=2026-12-31");
        Assert.Equal("7.000,00 €", overview.QuerySelector("#grants-granted")!.Text());
        Assert.Equal("7.000,00 €", overview.QuerySelector("#grants-paid")!.Text());
        Assert.Equal("500,00 €", overview.QuerySelector("#grants-returned")!.Text());
        Assert.Contains("Präventionskampagne Messerverbot", overview.QuerySelector("#grants ~ .table-scroll")!.Text());

        // The year's budget through its form, typed in German; below what is committed it is refused.
        Assert.Contains("Für 2026 sind schon 6.500,00 € bewilligt; das Budget kann nicht kleiner sein.",
            await PostAsync(office, "/verwaltung/foerderung?handler=Budget", new() { ["BudgetYear"] = "2026", ["BudgetAmount"] = "6.000" }, "/verwaltung/foerderung"));
        await RedirectedAsync(office, "/verwaltung/foerderung?handler=Budget", new() { ["BudgetYear"] = "2026", ["BudgetAmount"] = "85.000,50" }, "/verwaltung/foerderung");
        Assert.Equal(8_500_050, await GrantTests.QueryAsync(app, db => db.GrantYearBudgets.Where(b => b.Year == 2026).Select(b => b.AmountCents).SingleAsync()));
    }

    [Theory, Engines]
    public async Task Registering_with_a_known_address_answers_as_for_a_new_one_and_mails_the_owner(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, GrantTests.Settings(mail));
        await Users.CreateAsync(app, "bekannt@verein.example");
        var accounts = await GrantTests.QueryAsync(app, db => db.Users.CountAsync());
        var associations = await GrantTests.QueryAsync(app, db => db.Associations.CountAsync());

        async Task<HttpResponseMessage> RegisterAsync(string email)
        {
            var client = Users.Client(app);
            var token = await client.AntiforgeryTokenAsync("/foerderung/registrieren");
            var form = await (await client.GetAsync("/foerderung/registrieren")).Content.ReadAsStringAsync();
            var stamp = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, $"name=\"{Masterplan.Web.Shared.FormGuard.StampField}\" value=\"([^\"]*)\"").Groups[1].Value);
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            return await client.PostAsync("/foerderung/registrieren", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, [Masterplan.Web.Shared.FormGuard.StampField] = stamp, [Masterplan.Web.Shared.FormGuard.HoneypotField] = "",
                ["Input.AssociationName"] = "Verein", ["Input.Address"] = "Markt 1\n44135 Dortmund", ["Input.PersonName"] = "Name",
                ["Input.Email"] = email, ["Input.Password"] = Users.Password, ["Input.Consent"] = "true",
            }));
        }

        var before = (await MeetingChainTests.MailsAsync(app, mail)).Count;
        var known = await RegisterAsync("bekannt@verein.example");
        var fresh = await RegisterAsync("neu@verein.example");
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(fresh.StatusCode, known.StatusCode);
        Assert.Equal(fresh.Headers.Location, known.Headers.Location);

        // Only the new address got an account and an association; the known one a mail that says it has an account.
        Assert.Equal(accounts + 1, await GrantTests.QueryAsync(app, db => db.Users.CountAsync()));
        Assert.Equal(associations + 1, await GrantTests.QueryAsync(app, db => db.Associations.CountAsync()));
        var mails = await MeetingChainTests.MailsAsync(app, mail, before);
        var toKnown = Assert.Single(mails, m => m.To.ToString().Contains("bekannt@verein.example", StringComparison.Ordinal));
        Assert.Contains("Für diese Adresse gibt es schon ein Konto", toKnown.TextBody, StringComparison.Ordinal);
        Assert.Contains("/konto/passwort-vergessen", toKnown.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/foerderung/bestaetigen/", toKnown.TextBody, StringComparison.Ordinal);
        Assert.Contains("/foerderung/bestaetigen/", Assert.Single(mails, m => m.To.ToString().Contains("neu@verein.example", StringComparison.Ordinal)).TextBody, StringComparison.Ordinal);
    }
}
