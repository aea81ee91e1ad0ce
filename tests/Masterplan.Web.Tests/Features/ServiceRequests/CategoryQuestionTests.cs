using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Open311;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Tests.Features.Geo;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Features.Open311;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Web.Tests.Features.ServiceRequests.ServiceRequestTests;

namespace Masterplan.Web.Tests.Features.ServiceRequests;

/// <summary>
/// Extra questions per category: the Office defines them (checked like the participation's), the form asks them in its
/// second step with precise messages, the department reads the answers, the public never does, the retention job deletes
/// them, and Open311 lists them as attributes (the district only while no boundaries exist) and checks them on POST.
/// </summary>
public sealed class CategoryQuestionTests
{
    private const string PlantedAnswer = "Der Nachbar Quirin Zwiebelhofer steht dort immer";

    private static async Task<int> CategoryAsync(AppFactory app, string code)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceCategories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    private static async Task<List<ServiceCategoryQuestion>> QuestionsAsync(AppFactory app, int category)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceCategoryQuestions.Where(q => q.CategoryId == category).OrderBy(q => q.Position).ToListAsync();
    }

    [Theory, Engines]
    public async Task The_Office_adds_questions_the_form_asks_them_and_only_the_department_reads_the_answers(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        var settings = Settings(mail);
        settings["ServiceRequests:RetentionDays"] = "30";
        await using var app = await AppFactory.StartAsync(engine, settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var category = await CategoryAsync(app, "angstraum");
        var page = $"/verwaltung/meldungen/kategorien/{category}";

        // Bad definitions: precise messages, nothing stored.
        var bad = await BodyAsync(await office.PostFormAsync($"{page}?handler=AddQuestion", new() { ["QuestionKind"] = "choice", ["QuestionPrompt"] = " ", ["QuestionOptions"] = "nur eine" }, page));
        Assert.Contains("Bitte schreiben Sie die Frage.", bad);
        Assert.Contains("Eine Auswahl braucht mindestens zwei Antworten, eine pro Zeile.", bad);
        Assert.Contains("Bitte wählen Sie die Art der Frage.", await BodyAsync(await office.PostFormAsync($"{page}?handler=AddQuestion", new() { ["QuestionKind"] = "datei", ["QuestionPrompt"] = "Foto?" }, page)));
        Assert.Empty(await QuestionsAsync(app, category));

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=AddQuestion",
            new() { ["QuestionKind"] = "choice", ["QuestionPrompt"] = "Wann ist es dort unsicher?", ["QuestionOptions"] = "tagsüber\nabends\nnachts", ["QuestionRequired"] = "true" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=AddQuestion", new() { ["QuestionKind"] = "yesno", ["QuestionPrompt"] = "Ist der Ort beleuchtet?" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=AddQuestion", new() { ["QuestionKind"] = "text", ["QuestionPrompt"] = "Was macht den Ort unsicher?" }, page)).StatusCode);
        var questions = await QuestionsAsync(app, category);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=MoveQuestion", new() { ["questionId"] = $"{questions[2].Id}" }, page)).StatusCode);
        questions = await QuestionsAsync(app, category);
        Assert.Equal(["Wann ist es dort unsicher?", "Was macht den Ort unsicher?", "Ist der Ort beleuchtet?"], questions.Select(q => q.Prompt));
        var (when, what, lit) = (questions[0], questions[1], questions[2]);

        // The form's second step asks them in that order; a missing required answer and an option not offered are refused.
        var resident = Users.Client(app);
        var district = await DistrictAsync(app, "Eving");
        var stepTwo = (await NextAsync(resident, Place(district))).Html;
        Assert.True(stepTwo.IndexOf("Wann ist es dort unsicher?", StringComparison.Ordinal) < stepTwo.IndexOf("Was macht den Ort unsicher?", StringComparison.Ordinal));
        Assert.True(stepTwo.IndexOf("Was macht den Ort unsicher?", StringComparison.Ordinal) < stepTwo.IndexOf("Ist der Ort beleuchtet?", StringComparison.Ordinal));
        var missing = await BodyAsync(await SendAsync(app, resident, stepTwo, new() { ["Description"] = "Dunkle Passage am Bahnhof." }));
        Assert.Contains("Bitte beantworten Sie die Frage „Wann ist es dort unsicher?“.", missing);
        Assert.Contains($"href=\"#Answer{when.Id}\"", missing);
        var offered = await BodyAsync(await SendAsync(app, resident, stepTwo, new()
        {
            ["Description"] = "Dunkle Passage am Bahnhof.", [$"Answers[{when.Id}]"] = "morgens", [$"Answers[{lit.Id}]"] = "vielleicht",
        }));
        Assert.Contains("Bitte wählen Sie bei „Wann ist es dort unsicher?“ eine der angebotenen Antworten.", offered);
        Assert.Contains("Bitte wählen Sie bei „Ist der Ort beleuchtet?“ eine der angebotenen Antworten.", offered);
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequests.CountAsync(r => !r.IsDemo));
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.ServiceCategories.SingleAsync(c => c.Id == category)).RoutingEmail = "angstraum@stadtdo.de";
            await db.SaveChangesAsync();
        }

        var sent = await SendAsync(app, resident, stepTwo, new()
        {
            ["Description"] = "Dunkle Passage am Bahnhof.", [$"Answers[{when.Id}]"] = "abends", [$"Answers[{what.Id}]"] = PlantedAnswer, [$"Answers[{lit.Id}]"] = "nein",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        int id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = (await db.ServiceRequests.SingleAsync(r => !r.IsDemo)).Id;
            Assert.Equal(3, await db.ServiceRequestAnswers.CountAsync(a => a.ServiceRequestId == id));
        }

        // The department reads them, in its mail too; the public pages, the feed and Open311 never show them.
        var departmentMail = (await MeetingChainTests.MailsAsync(app, mail)).Single(m => m.To.ToString().Contains("angstraum@stadtdo.de", StringComparison.Ordinal));
        Assert.Contains($"Neue Meldung Nr. {id}", departmentMail.Subject, StringComparison.Ordinal);
        Assert.Contains("Wann ist es dort unsicher? abends", departmentMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Was macht den Ort unsicher? {PlantedAnswer}", departmentMail.TextBody, StringComparison.Ordinal);
        var detail = await BodyAsync(await office.GetAsync($"/verwaltung/meldungen/{id}"));
        Assert.Contains(PlantedAnswer, detail);
        Assert.Contains("abends", detail);
        Assert.Contains("Nein", detail);
        var anonymous = Users.Client(app);
        foreach (var url in new[] { $"/meldungen/{id}", "/meldungen", "/meldungen/feed.atom", "/meldungen/karte.geojson", $"/open311/v2/requests/{id}.json", $"/open311/v2/requests/{id}.xml", "/open311/v2/requests.json" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await BodyAsync(response);
            Assert.DoesNotContain("Zwiebelhofer", body);
            Assert.DoesNotContain("Was macht den Ort unsicher?", body);
        }

        // An answered question stays; the retention job deletes the answers with the contact data.
        Assert.Contains("ist schon beantwortet worden und bleibt deshalb", await BodyAsync(await office.PostFormAsync($"{page}?handler=RemoveQuestion", new() { ["questionId"] = $"{what.Id}" }, page)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/verwaltung/meldungen/{id}?handler=Status", new() { ["Status"] = "fixed", ["Note"] = "Licht ergänzt." })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await ActivatorUtilities.CreateInstance<ServiceRequestRetentionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceRequestAnswers.CountAsync());
        }
    }

    [Theory, Engines]
    public async Task Open311_lists_the_questions_as_attributes_checks_the_answers_and_asks_the_district_only_without_boundaries(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var category = await CategoryAsync(app, "beleuchtung");
        int choice, yesNo, text;
        await using (var scope = app.Scope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<CategoryEditor>();
            Assert.True((await editor.AddQuestionAsync(category, "choice", "Wie viele Laternen sind aus?", "eine\nmehrere", required: true, default)).Succeeded);
            Assert.True((await editor.AddQuestionAsync(category, "yesno", "Ist der Mast beschädigt?", null, required: false, default)).Succeeded);
            Assert.True((await editor.AddQuestionAsync(category, "text", "Nummer am Mast", null, required: false, default)).Succeeded);
            var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceCategoryQuestions.Where(q => q.CategoryId == category).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync();
            (choice, yesNo, text) = (ids[0], ids[1], ids[2]);
        }

        var client = Users.Client(app);
        async Task<JsonNode> DefinitionAsync()
        {
            var json = JsonNode.Parse(await client.GetStringAsync("/open311/v2/services/beleuchtung.json"))!;
            Open311Spec.Validate("service-definition", json);
            var xml = await client.GetStringAsync("/open311/v2/services/beleuchtung.xml");
            Assert.Equal(Open311Spec.AsText(json)!.ToJsonString(), Open311Spec.FromXml(xml).ToJsonString());
            return json;
        }

        var attributes = (await DefinitionAsync())["attributes"]!.AsArray();
        Assert.Equal([Open311Api.DistrictAttribute, $"frage-{choice}", $"frage-{yesNo}", $"frage-{text}"], attributes.Select(a => (string)a!["code"]!));
        Assert.Equal(["singlevaluelist", "singlevaluelist", "singlevaluelist", "string"], attributes.Select(a => (string)a!["datatype"]!));
        Assert.Equal([true, true, false, false], attributes.Select(a => (bool)a!["required"]!));
        Assert.Equal([1, 2, 3, 4], attributes.Select(a => (int)a!["order"]!));
        Assert.Equal(["eine", "mehrere"], attributes[1]!["values"]!.AsArray().Select(v => (string)v!["key"]!));
        Assert.Equal(["ja", "nein"], attributes[2]!["values"]!.AsArray().Select(v => (string)v!["key"]!));
        Assert.Null(attributes[3]!["values"]);

        // POST: a bad answer is the spec's error naming the attribute; a good one is stored with the report.
        string key;
        int district;
        await using (var scope = app.Scope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<Open311Keys>().IssueAsync("Test-App", "app@example.org", default)).Value.Key;
            district = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.Where(d => d.Name == "Innenstadt-West").Select(d => d.Id).SingleAsync();
        }

        Dictionary<string, string> Report(params (string, string)[] extra)
        {
            var fields = new Dictionary<string, string>
            {
                ["api_key"] = key, ["service_code"] = "beleuchtung", ["lat"] = "51.5112", ["long"] = "7.4660", ["description"] = "Laterne aus.",
                ["attribute[district]"] = district.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (k, v) in extra)
            {
                fields[k] = v;
            }

            return fields;
        }

        var refused = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Report(($"attribute[frage-{choice}]", "alle"), ($"attribute[frage-{yesNo}]", "true"))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(errors, e => ((string)e!["description"]!).StartsWith($"attribute[frage-{choice}]: Bitte wählen Sie bei „Wie viele Laternen sind aus?“", StringComparison.Ordinal));
        Assert.Contains(errors, e => ((string)e!["description"]!).StartsWith($"attribute[frage-{yesNo}]:", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal("400", e!["code"]!.ToString()));
        var missing = JsonNode.Parse(await (await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Report()))).Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(missing, e => ((string)e!["description"]!).Contains("Bitte beantworten Sie die Frage „Wie viele Laternen sind aus?“", StringComparison.Ordinal));
        var ok = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Report(($"attribute[frage-{choice}]", "mehrere"), ($"attribute[frage-{text}]", "M-4711"))));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(["mehrere", "M-4711"], await db.ServiceRequestAnswers.OrderBy(a => a.QuestionId).Select(a => a.Value).ToListAsync());
        }

        // With boundaries imported the district comes from the point: the definition no longer asks for it.
        await using (var scope = app.Scope())
        {
            var names = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Districts.OrderBy(d => d.Position).Select(d => d.Name).ToListAsync();
            var (imported, importErrors) = await scope.ServiceProvider.GetRequiredService<BoundaryImport>().ImportAsync(Encoding.UTF8.GetBytes(GeoTests.Strips(names)), default);
            Assert.Empty(importErrors);
            Assert.Equal(12, imported);
        }

        attributes = (await DefinitionAsync())["attributes"]!.AsArray();
        Assert.Equal([$"frage-{choice}", $"frage-{yesNo}", $"frage-{text}"], attributes.Select(a => (string)a!["code"]!));
        Assert.Equal([1, 2, 3], attributes.Select(a => (int)a!["order"]!));
    }
}
