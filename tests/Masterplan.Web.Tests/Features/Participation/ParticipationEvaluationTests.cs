using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Participation;

/// <summary>
/// Extra questions, readers' flags, the evaluation after closing with its report, and what else can take a contribution
/// up: a body's recommendation, an agenda item; the way back from a measure to the contributions behind it.
/// </summary>
public sealed partial class ParticipationTests
{
    private static async Task<int> AddQuestionAsync(AppFactory app, HttpClient office, int callId, string kind, string prompt, string options = "", bool required = false)
    {
        var queue = $"/verwaltung/beteiligung/{callId}";
        var form = new Dictionary<string, string> { ["QuestionKind"] = kind, ["QuestionPrompt"] = prompt, ["QuestionOptions"] = options };
        if (required)
        {
            form["QuestionRequired"] = "true";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=AddQuestion", form, queue)).StatusCode);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().InputCallQuestions.Where(q => q.Prompt == prompt).Select(q => q.Id).SingleAsync();
    }

    private static async Task<int> ContributionIdAsync(AppFactory app, string text)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.Where(c => c.Text == text).Select(c => c.Id).SingleAsync();
    }

    [Theory, Engines]
    public async Task Extra_questions_are_asked_checked_counted_in_the_evaluation_and_free_text_stays_with_the_office(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var officer = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, officer);
        var id = await CreateCallAsync(app, office, moderation: "post", closesInDays: 3);
        var queue = $"/verwaltung/beteiligung/{id}";

        // The Office's question form refuses a choice with one answer, precisely, and keeps the input.
        var refused = await BodyAsync(await office.PostFormAsync($"{queue}?handler=AddQuestion",
            new() { ["QuestionKind"] = "choice", ["QuestionPrompt"] = "Wann sind Sie dort?", ["QuestionOptions"] = "abends" }, queue));
        Assert.Contains("Eine Auswahl braucht mindestens zwei Antworten, eine pro Zeile.", refused);
        Assert.Contains("Wann sind Sie dort?", refused);
        var when = await AddQuestionAsync(app, office, id, "choice", "Wann sind Sie dort?", "morgens\nabends\nnachts", required: true);
        var where = await AddQuestionAsync(app, office, id, "text", "Wo genau?");

        // The resident's form asks them; a missing required answer and an answer that is not offered are named, the text stays.
        var resident = Users.Client(app);
        var form = await resident.GetPageAsync($"/beteiligung/{id}/beitrag");
        Assert.NotNull(form.QuerySelector($"select[name='Answers[{when}]']"));
        Assert.NotNull(form.QuerySelector($"textarea[name='Answers[{where}]']"));
        var missing = await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Am Nordmarkt ist es dunkel." }));
        Assert.Contains("Bitte beantworten Sie die Frage „Wann sind Sie dort?“.", missing);
        Assert.Contains("Am Nordmarkt ist es dunkel.", missing);
        Assert.Contains("Bitte wählen Sie bei „Wann sind Sie dort?“ eine der angebotenen Antworten.",
            await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Am Nordmarkt ist es dunkel.", [$"Answers[{when}]"] = "mittags" })));
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync()); // nothing partial
        }

        const string planted = "Hinterhof bei Familie Kowalczyk-7Q";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, resident, id,
            new() { ["Text"] = "Am Nordmarkt ist es dunkel.", [$"Answers[{when}]"] = "abends", [$"Answers[{where}]"] = planted })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, Users.Client(app), id,
            new() { ["Text"] = "Im Hoeschpark fehlt Licht.", [$"Answers[{when}]"] = "abends" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, Users.Client(app), id,
            new() { ["Text"] = "Der Tunnel am Hauptbahnhof macht Angst.", [$"Answers[{when}]"] = "nachts" })).StatusCode);

        // The Office sees the free-text answer; an answered question cannot be removed.
        Assert.Contains(planted, await BodyAsync(await office.GetAsync($"{queue}?zeige=all")));
        Assert.Contains("ist schon beantwortet worden und bleibt deshalb",
            await BodyAsync(await office.PostFormAsync($"{queue}?handler=RemoveQuestion", new() { ["questionId"] = $"{where}" }, queue)));

        // Before closing there is no evaluation yet, and the page says when it comes.
        Assert.Contains("Die Auswertung gibt es, sobald die Beteiligung geschlossen ist",
            await BodyAsync(await resident.GetAsync($"/beteiligung/{id}?handler=Report&format=pdf")));

        // After closing: the published evaluation counts the choices; the free-text answer is in no public answer.
        app.Clock.Advance(TimeSpan.FromDays(4));
        var page = await resident.GetPageAsync($"/beteiligung/{id}");
        var choice = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.Text().StartsWith("Wann sind Sie dort?", StringComparison.Ordinal));
        Assert.Equal(["morgens 0", "abends 2", "nachts 1"], choice.QuerySelectorAll("tbody tr").Select(r => string.Join(' ', r.Children.Select(cell => cell.Text().Trim()))));
        Assert.Contains("Wann sind Sie dort? (3 Antworten)", choice.QuerySelector("caption")!.Text());
        Assert.DoesNotContain(planted, page.Body!.InnerHtml);
        var publicPdf = await resident.GetByteArrayAsync($"/beteiligung/{id}?handler=Report&format=pdf");
        using (var pdf = PdfDocument.Open(publicPdf))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("AuswertungderBeteiligung", text);
            Assert.Contains("WannsindSiedort?", text);
            Assert.DoesNotContain("Kowalczyk", text);
        }

        var publicDocx = await resident.GetByteArrayAsync($"/beteiligung/{id}?handler=Report&format=docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(publicDocx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.DoesNotContain("Kowalczyk", word.MainDocumentPart!.Document!.InnerText);
        }

        // The Office's edition carries the free-text answers for the lab, the body or the committee (signed in again: days have passed).
        office = await Users.SignInAsync(app, officer);
        var officeDocx = await office.GetByteArrayAsync($"{queue}?handler=Report&format=docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(officeDocx), false))
        {
            Assert.Contains(planted, word.MainDocumentPart!.Document!.InnerText);
        }

        // Retention: free-text answers go (they may name people), choice answers stay for the evaluation.
        app.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Scope())
        {
            await ActivatorUtilities.CreateInstance<ParticipationRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.ContributionAnswers.AnyAsync(a => a.QuestionId == where));
            Assert.Equal(3, await db.ContributionAnswers.CountAsync(a => a.QuestionId == when));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "participation.free-text-answers.deleted" && a.Changes!.Contains("\"answers\":1")));
        }
    }

    [Theory, Engines]
    public async Task Readers_flag_a_contribution_once_per_browser_and_the_office_clears_or_takes_it_down(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office, moderation: "post");
        var resident = Users.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, resident, id, new() { ["Text"] = "Kauft bei Firma X!" })).StatusCode);
        var contributionId = await ContributionIdAsync(app, "Kauft bei Firma X!");
        var page = $"/beteiligung/{id}";

        var reader = Users.Client(app);
        Assert.Contains("Bitte wählen Sie, gegen welche Regel der Netiquette der Beitrag verstößt.",
            await BodyAsync(await reader.PostFormAsync($"{page}?handler=Flag", new() { ["contributionId"] = $"{contributionId}", ["reason"] = "" }, page)));
        var flagged = await reader.PostFormAsync($"{page}?handler=Flag", new() { ["contributionId"] = $"{contributionId}", ["reason"] = "advertising" }, page);
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        Assert.Contains("Danke. Die Geschäftsstelle prüft den Beitrag nach der Netiquette.", await BodyAsync(await reader.GetAsync(flagged.Headers.Location)));
        Assert.Contains("Sie haben diesen Beitrag schon gemeldet.",
            await BodyAsync(await reader.PostFormAsync($"{page}?handler=Flag", new() { ["contributionId"] = $"{contributionId}", ["reason"] = "insult" }, page)));
        Assert.Equal(HttpStatusCode.Redirect,
            (await Users.Client(app).PostFormAsync($"{page}?handler=Flag", new() { ["contributionId"] = $"{contributionId}", ["reason"] = "advertising" }, page)).StatusCode);

        // The Office's view of flagged contributions names the count and the rule; "checked" clears the flags, audited.
        var queue = $"/verwaltung/beteiligung/{id}";
        var view = await BodyAsync(await office.GetAsync($"{queue}?zeige=flagged"));
        Assert.Contains("von Lesenden gemeldet (1)", view);
        Assert.Contains("Von Lesenden gemeldet (2): Der Beitrag wirbt für Produkte, Dienste oder Parteien.", view);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=ClearFlags", new() { ["contributionId"] = $"{contributionId}" }, queue)).StatusCode);
        Assert.Contains("von Lesenden gemeldet (0)", await BodyAsync(await office.GetAsync(queue)));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, (await db.Contributions.SingleAsync()).FlagCount);
        Assert.False(await db.ContributionFlags.AnyAsync());
        Assert.Contains("\"flags\":2", (await db.AuditEntries.SingleAsync(a => a.Action == "participation.contribution.flags-cleared")).Changes);

        // A rejected contribution cannot be flagged any more (it is not public).
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=Reject", new() { ["contributionId"] = $"{contributionId}", ["reason"] = "advertising" }, queue)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Users.Client(app).PostFormAsync($"{page}?handler=Flag", new() { ["contributionId"] = $"{contributionId}", ["reason"] = "advertising" }, $"/beteiligung/{id}/beitrag")).StatusCode);
    }

    [Theory, Engines]
    public async Task A_body_recommendation_or_agenda_item_takes_a_contribution_up_and_a_measure_shows_the_contributions_behind_it(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office, moderation: "post");
        var (recommendationId, measureId) = await RecommendationWithMeasureAsync(app);
        int publicRecommendation, hiddenRecommendation, item, meetingId;
        string body;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var plenary = await db.Organizations.SingleAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
            var start = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
            var meeting = new Meeting { Organization = plenary, Title = "Vollversammlung", Start = start, End = start.AddHours(2), IsPublic = true, CalendarUid = "part@test" };
            var top = new AgendaItem { Meeting = meeting, Number = "3", SortKey = "003", Title = "Licht am Nordmarkt" };
            var shown = new Recommendation { Meeting = meeting, Title = "Beleuchtung verbessern", Text = "Die Vollversammlung empfiehlt hellere Laternen.", IsPublic = true, AdoptedOn = new DateOnly(2026, 11, 20) };
            var hidden = new Recommendation { Meeting = meeting, Title = "Vertraulich", Text = "Nicht öffentlich", IsPublic = false, AdoptedOn = new DateOnly(2026, 11, 20) };
            db.AddRange(meeting, top, shown, hidden);
            await db.SaveChangesAsync();
            (publicRecommendation, hiddenRecommendation, item, meetingId, body) = (shown.Id, hidden.Id, top.Id, meeting.Id, plenary.Name);
            db.AgendaLinks.Add(new AgendaLink { AgendaItemId = top.Id, Kind = AgendaLinkKind.Measure, TargetId = measureId, Label = "Mehr Präsenz des Ordnungsdienstes" });
            await db.SaveChangesAsync();
        }

        var resident = Users.Client(app);
        foreach (var text in new[] { "Mehr Licht am Nordmarkt", "Laternen im Hoeschpark", "Abends Streifen am Nordmarkt" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, resident, id, new() { ["Text"] = text })).StatusCode);
        }

        var queue = $"/verwaltung/beteiligung/{id}";
        async Task<HttpResponseMessage> AnswerAsync(string text, string takenUp) => await office.PostFormAsync($"{queue}?handler=Answer&zeige=published", new()
        {
            ["contributionId"] = $"{await ContributionIdAsync(app, text)}", ["status"] = "taken-up", ["answer"] = "Aufgegriffen.", ["takenUp"] = takenUp,
        }, queue);

        // Only public targets: the impact chain is a public page.
        Assert.Contains("eine öffentliche Empfehlung eines Gremiums", await BodyAsync(await AnswerAsync("Mehr Licht am Nordmarkt", $"body-recommendation:{hiddenRecommendation}")));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("Mehr Licht am Nordmarkt", $"body-recommendation:{publicRecommendation}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("Laternen im Hoeschpark", $"agenda-item:{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync("Abends Streifen am Nordmarkt", $"lab-recommendation:{recommendationId}")).StatusCode);

        var byBody = await resident.GetPageAsync($"/beteiligung/beitraege/{await ContributionIdAsync(app, "Mehr Licht am Nordmarkt")}");
        var step = byBody.QuerySelectorAll("ol.chain > li")[2].Text();
        Assert.Contains("Aufgegriffen: Empfehlung eines Gremiums", step);
        Assert.Contains("Die Vollversammlung empfiehlt hellere Laternen.", step);
        Assert.Contains($"Entschieden von: {body}, am 20.11.2026", step);
        Assert.NotNull(byBody.QuerySelector($"a[href='/sitzungen/{meetingId}#empfehlung-{publicRecommendation}']"));
        Assert.NotNull((await resident.GetPageAsync($"/sitzungen/{meetingId}")).QuerySelector($"#empfehlung-{publicRecommendation}"));
        var byItem = await resident.GetPageAsync($"/beteiligung/beitraege/{await ContributionIdAsync(app, "Laternen im Hoeschpark")}");
        Assert.Contains("TOP 3: Licht am Nordmarkt", byItem.QuerySelectorAll("ol.chain > li")[2].Text());
        Assert.NotNull(byItem.QuerySelector($"a[href='/sitzungen/{meetingId}#top-{item}']"));

        // The measure names the contributions behind it, and its own view leads back to each of them.
        var measure = await resident.GetPageAsync($"/massnahmen/{measureId}");
        var link = measure.QuerySelector($"a[href='/beteiligung/massnahmen/{measureId}']");
        Assert.Equal("1 Beitrag von Bürgerinnen und Bürgern hat zu dieser Maßnahme geführt", link!.Text());
        var back = await resident.GetPageAsync($"/beteiligung/massnahmen/{measureId}");
        var origins = back.QuerySelectorAll("ol.chain > li")[0].Text();
        Assert.Contains("Abends Streifen am Nordmarkt", origins);
        Assert.Contains("Aufgegriffen: Handlungsempfehlung eines Quartierslabors", origins);
        Assert.DoesNotContain("Mehr Licht am Nordmarkt", origins);
        Assert.Contains("Abendstreifen eingeführt", back.QuerySelectorAll("ol.chain > li")[2].Text());
        // Where a body treated the measure ends both chains.
        Assert.Contains("Beraten in den Gremien", back.QuerySelectorAll("ol.chain > li")[^1].Text());
        Assert.NotNull(back.QuerySelector($"ol.chain > li:last-child a[href='/sitzungen/{meetingId}#top-{item}']"));
        var byLab = await resident.GetPageAsync($"/beteiligung/beitraege/{await ContributionIdAsync(app, "Abends Streifen am Nordmarkt")}");
        Assert.Contains("TOP 3: Licht am Nordmarkt", byLab.QuerySelectorAll("ol.chain > li")[^1].Text());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/beteiligung/massnahmen/999999")).StatusCode);

        // After closing, the evaluation lists what took each contribution up.
        app.Clock.Advance(TimeSpan.FromDays(15));
        var evaluation = (await resident.GetPageAsync($"/beteiligung/{id}")).Body!.Text();
        Assert.Contains("Empfehlung eines Gremiums: Beleuchtung verbessern", evaluation);
        Assert.Contains("Tagesordnungspunkt einer Sitzung: TOP 3: Licht am Nordmarkt", evaluation);
    }

    [Fact]
    public async Task A_lab_page_links_its_concept_to_its_input_call()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, Settings(MeetingChainTests.NewMailFolder()));
        int labId, callId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lab = new Masterplan.Web.Features.Labs.NeighbourhoodLab
            {
                Title = "Quartierslabor Hörde", District = "Hörde", Year = 2027, Quarter = 1, CreatedAt = app.Clock.GetUtcNow(), State = Masterplan.Web.Features.Labs.LabState.ConceptApproved,
                ConceptDigitalInput = "Über die Beteiligungsseite der Stadt.", ConceptApprovedOn = new DateOnly(2026, 11, 1), ConceptApprovedBy = "Bezirksvertretung Hörde",
            };
            db.Labs.Add(lab);
            await db.SaveChangesAsync();
            var call = new InputCall
            {
                Title = "Ihre Ideen für Hörde", Description = "D", Question = "Q", WhatHappens = "W", BelongsToKind = ParticipationModule.BelongsToLab, BelongsToId = lab.Id,
                OpensAt = app.Clock.GetUtcNow(), ClosesAt = app.Clock.GetUtcNow().AddDays(10), UpdatedAt = app.Clock.GetUtcNow(),
            };
            db.InputCalls.Add(call);
            await db.SaveChangesAsync();
            (labId, callId) = (lab.Id, call.Id);
        }

        var page = await Users.Client(app).GetPageAsync($"/quartierslabore/{labId}");
        Assert.Equal("Ihre Ideen für Hörde", page.QuerySelector($"a[href='/beteiligung/{callId}']")!.Text());
    }

    [Theory, Engines]
    public async Task The_same_form_sent_twice_is_one_contribution_with_one_receipt(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office);
        var resident = Users.Client(app);
        var form = await (await resident.GetAsync($"/beteiligung/{id}/beitrag")).Content.ReadAsStringAsync();
        var data = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"), [FormGuard.StampField] = Hidden(form, FormGuard.StampField),
            ["ReceiptToken"] = Hidden(form, "ReceiptToken"), [FormGuard.HoneypotField] = "", ["Text"] = "Zweimal geklickt", ["Email"] = "zweimal@example.org",
        };
        app.Clock.Advance(TimeSpan.FromSeconds(5));

        // A double click, or a reload after the answer was lost: the second answer is the first receipt.
        var first = await resident.PostAsync($"/beteiligung/{id}/beitrag", new FormUrlEncodedContent(data));
        var second = await resident.PostAsync($"/beteiligung/{id}/beitrag", new FormUrlEncodedContent(data));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Contains("Ihr Beitrag ist eingegangen", await BodyAsync(await resident.GetAsync(second.Headers.Location)));
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync());
        }

        Assert.Single(await MeetingChainTests.MailsAsync(app, mail)); // one opt-in mail

        // A new form is a new contribution; an altered token gets a receipt of its own.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, resident, id, new() { ["Text"] = "Ein zweiter Gedanke" })).StatusCode);
        data["ReceiptToken"] = "verändert";
        data["Text"] = "Mit falschem Zeichen";
        var altered = await resident.PostAsync($"/beteiligung/{id}/beitrag", new FormUrlEncodedContent(data));
        Assert.Equal(HttpStatusCode.Redirect, altered.StatusCode);
        Assert.NotEqual(first.Headers.Location, altered.Headers.Location);
        await using (var scope = app.Scope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync());
        }
    }
}
