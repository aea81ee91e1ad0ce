using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Participation;

/// <summary>
/// Residents' digital input (004 §5: published and evaluated): a resident submits, the Office moderates and answers,
/// the contribution is linked to what took it up, and the public impact chain shows every step; bad input, supports,
/// floods, the opt-in, retention and what must never be public.
/// </summary>
public sealed partial class ParticipationTests
{
    private static Dictionary<string, string?> Settings(string mail) => new()
    {
        ["Accounts:FormPostsPerMinute"] = "1000", ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example",
        ["Participation:ConfirmLinkDays"] = "1", ["Jobs:Enabled"] = "false",
    };

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A call created by the Office through its form; returns its id.</summary>
    private static async Task<int> CreateCallAsync(AppFactory app, HttpClient office, string moderation = "pre", int opensInDays = -1, int closesInDays = 14)
    {
        var today = CityTime.Today(app.Clock);
        var created = await office.PostFormAsync("/verwaltung/beteiligung/bearbeiten", new()
        {
            ["Input.Title"] = "Sicher durch die Nordstadt", ["Input.Description"] = "Wo fühlen Sie sich in der Nordstadt unsicher?",
            ["Input.Question"] = "Was soll sich am Nordmarkt ändern?", ["Input.OpensOn"] = today.AddDays(opensInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.OpensTime"] = "08:00", ["Input.ClosesOn"] = today.AddDays(closesInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.ClosesTime"] = "18:00",
            ["Input.WhatHappens"] = "Die Beiträge gehen in das Quartierslabor Innenstadt-Nord; jede und jeder bekommt bis Ende März eine Antwort.",
            ["Input.BelongsTo"] = "topic", ["Input.Topic"] = "Schwerpunkte des Kommunalen Ordnungsdienstes", ["Input.Themes"] = "Sauberkeit\nLärm",
            ["Input.ModerationMode"] = moderation, ["Input.RetentionDays"] = "30",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the contribution form as a browser would: the page first (its guard fields), then the post a few seconds later.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(AppFactory app, HttpClient resident, int callId, Dictionary<string, string> fields, bool wait = true)
    {
        var form = await (await resident.GetAsync($"/beteiligung/{callId}/beitrag")).Content.ReadAsStringAsync();
        var data = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"), [FormGuard.StampField] = Hidden(form, FormGuard.StampField),
        };
        data.TryAdd(FormGuard.HoneypotField, "");
        if (wait)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        return await resident.PostAsync($"/beteiligung/{callId}/beitrag", new FormUrlEncodedContent(data));
    }

    private static string Hidden(string html, string name)
    {
        var m = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(m.Success, $"no field {name}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>A lab recommendation that became a public measure with an indicator and a milestone, as the Labs and Catalogue modules record them.</summary>
    private static async Task<(int Recommendation, int Measure)> RecommendationWithMeasureAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var field = await db.FieldsOfAction.OrderBy(f => f.Id).FirstAsync();
        var lab = new NeighbourhoodLab { Title = "Quartierslabor Nordstadt", District = "Innenstadt-Nord", Year = 2030, Quarter = 1, CreatedAt = app.Clock.GetUtcNow(), HeldOn = new DateOnly(2026, 11, 2) };
        db.Labs.Add(lab);
        var measure = new Measure
        {
            Title = "Mehr Präsenz des Ordnungsdienstes am Nordmarkt", FieldOfActionId = field.Id, IsPublic = true, SourceKind = CatalogueSourceKind.LabRecommendation,
            SourceText = "Quartierslabor Nordstadt", Status = MeasureStatus.Decided, Progress = 20, UpdatedAt = app.Clock.GetUtcNow(),
        };
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        db.Milestones.Add(new Milestone { MeasureId = measure.Id, Title = "Abendstreifen eingeführt", DueDate = new DateOnly(2027, 3, 1) });
        db.Indicators.Add(new Indicator { FieldOfActionId = field.Id, MeasureId = measure.Id, Name = "Streifen am Nordmarkt pro Woche", Unit = "Streifen", TargetValue = 10, IsPublic = true, UpdatedAt = app.Clock.GetUtcNow() });
        var recommendation = new LabRecommendation
        {
            LabId = lab.Id, Text = "Der Ordnungsdienst soll abends am Nordmarkt unterwegs sein.", Outcome = RecommendationOutcome.NewMeasure, MeasureId = measure.Id,
            DecidedAt = app.Clock.GetUtcNow(),
        };
        db.LabRecommendations.Add(recommendation);
        await db.SaveChangesAsync();
        return (recommendation.Id, measure.Id);
    }

    [Theory, Engines]
    public async Task A_form_shown_more_than_a_day_ago_is_refused_with_the_text_kept_and_passes_when_sent_again(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office);
        var resident = Users.Client(app);

        // A stamp fetched once and kept for reuse days later.
        var form = await (await resident.GetAsync($"/beteiligung/{id}/beitrag")).Content.ReadAsStringAsync();
        app.Clock.Advance(TimeSpan.FromHours(25));
        var stale = await BodyAsync(await resident.PostAsync($"/beteiligung/{id}/beitrag", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"), [FormGuard.StampField] = Hidden(form, FormGuard.StampField),
            [FormGuard.HoneypotField] = "", ["Text"] = "Lange überlegt",
        })));
        Assert.Contains("Das Formular war länger als 24 Stunden geöffnet.", stale);
        Assert.Contains("Lange überlegt", stale);
        Assert.Equal(0, await CountContributionsAsync(app, "Lange überlegt"));

        // Sent again with the form shown with the message: received.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await resident.PostAsync($"/beteiligung/{id}/beitrag", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(stale, "__RequestVerificationToken"), [FormGuard.StampField] = Hidden(stale, FormGuard.StampField),
            [FormGuard.HoneypotField] = "", ["Text"] = "Lange überlegt",
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await CountContributionsAsync(app, "Lange überlegt"));
    }

    private static async Task<int> CountContributionsAsync(AppFactory app, string text)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync(c => c.Text == text);
    }

    [Theory, Engines]
    public async Task A_resident_submits_the_office_moderates_and_answers_and_the_impact_chain_shows_every_step(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));

        // The Office's form refuses what is missing, precisely.
        var missing = await BodyAsync(await office.PostFormAsync("/verwaltung/beteiligung/bearbeiten", new() { ["Input.Title"] = " ", ["Input.ModerationMode"] = "pre", ["Input.RetentionDays"] = "0", ["Input.BelongsTo"] = "topic" }));
        Assert.Contains("Bitte geben Sie einen Titel an.", missing);
        Assert.Contains("Bitte geben Sie Datum und Uhrzeit des Beginns an.", missing);
        Assert.Contains("Die Aufbewahrungsfrist muss zwischen 1 und 3650 Tagen liegen.", missing);
        Assert.Contains("Bitte nennen Sie das Thema der Geschäftsstelle, zu dem die Beteiligung gehört.", missing);
        var id = await CreateCallAsync(app, office);
        var (recommendationId, measureId) = await RecommendationWithMeasureAsync(app);

        // The public page says what is asked, when, and what happens with the input, before anyone writes.
        var resident = Users.Client(app);
        var page = await BodyAsync(await resident.GetAsync($"/beteiligung/{id}"));
        Assert.Contains("Was soll sich am Nordmarkt ändern?", page);
        Assert.Contains("jede und jeder bekommt bis Ende März eine Antwort", page);
        Assert.Contains("Der Beitrag beleidigt, bedroht oder verunglimpft Menschen.", page); // the netiquette is published

        // Too fast for a person: refused, the text stays.
        var fast = await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Schnell getippt" }, wait: false));
        Assert.Contains("Das Formular wurde schneller abgeschickt, als ein Mensch es ausfüllen kann.", fast);
        Assert.Contains("Schnell getippt", fast);
        Assert.Contains("Ein Feld, das nur Programme sehen, war ausgefüllt.",
            await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Bot", [FormGuard.HoneypotField] = "http://spam.example" })));

        // Bad input: empty, only white space and control characters, too long, a bad address, a district that does not exist.
        Assert.Contains("Bitte schreiben Sie Ihren Beitrag.", await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "" })));
        Assert.Contains("Bitte schreiben Sie Ihren Beitrag.", await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = " \t\u0001\u0007\r\n\u200B " })));
        Assert.Contains("Ihr Beitrag ist 4001 Zeichen lang; möglich sind höchstens 4000.", await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = new string('a', 4001) })));
        var bad = await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Gut gemeint", ["Email"] = "kein@adresse", ["District"] = "Atlantis", ["Theme"] = "Wetter" }));
        Assert.Contains("Das ist keine gültige E-Mail-Adresse.", bad);
        Assert.Contains("Bitte wählen Sie einen der zwölf Stadtbezirke oder „keine Angabe“.", bad);
        Assert.Contains("Bitte wählen Sie eines der Themen dieser Beteiligung oder „keine Angabe“.", bad);
        Assert.Contains("Gut gemeint", bad);
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync()); // nothing partial is stored
        }

        // A valid contribution with HTML and a third party's name; the resident wants an answer.
        const string text = "<script>alert('x')</script> Am Nordmarkt parkt Herr Meier jeden Abend auf dem Gehweg, und es ist laut.";
        var sent = await SubmitAsync(app, resident, id, new() { ["Text"] = text, ["District"] = "Innenstadt-Nord", ["Theme"] = "Lärm", ["AuthorName"] = "Ayşe", ["Email"] = "ayse@example.org" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode); // Post/Redirect/Get
        var receipt = await BodyAsync(await resident.GetAsync(sent.Headers.Location));
        Assert.Contains("Ihr Beitrag ist eingegangen", receipt);
        var number = Regex.Match(receipt, @"<strong class=""receipt"">([A-Z0-9-]+)</strong>").Groups[1].Value;
        Assert.NotEmpty(number);
        int contributionId;
        await using (var scope = app.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.SingleAsync();
            Assert.Equal(HashedCodes.HashOfTyped(number), stored.ReceiptHash); // only the hash of the receipt number
            Assert.Equal(text, stored.Text);
            contributionId = stored.Id;
        }

        // Pre-moderation: not public yet.
        Assert.DoesNotContain("Herr Meier", await BodyAsync(await resident.GetAsync($"/beteiligung/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/beteiligung/beitraege/{contributionId}")).StatusCode);

        // Double opt-in: the link shows a button, the button confirms, the link used again says so; an unknown link is named.
        var optIn = (await MeetingChainTests.MailsAsync(app, mail)).Single();
        Assert.Equal("ayse@example.org", optIn.To.Mailboxes.Single().Address);
        var link = Regex.Match(optIn.TextBody!, @"https://masterplan\.example(/beteiligung/bestaetigen/\S+)").Groups[1].Value;
        Assert.Contains("Adresse bestätigen", await BodyAsync(await resident.GetAsync(link)));
        Assert.Contains("Danke, Ihre E-Mail-Adresse ist bestätigt.", await BodyAsync(await resident.PostFormAsync(link, [])));
        Assert.Contains("Diese E-Mail-Adresse ist schon bestätigt.", await BodyAsync(await resident.GetAsync(link)));
        Assert.Contains("Diesen Link kennen wir nicht.", await BodyAsync(await resident.GetAsync("/beteiligung/bestaetigen/abc")));

        // The Office's queue; publishing with the third party's name removed keeps the original for the Office only.
        var queue = $"/verwaltung/beteiligung/{id}";
        Assert.Contains("Herr Meier", await BodyAsync(await office.GetAsync(queue)));
        var redacted = text.Replace("Herr Meier", "[entfernt]", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=Publish", new() { ["contributionId"] = $"{contributionId}", ["redacted"] = redacted }, queue)).StatusCode);
        var published = await resident.GetAsync($"/beteiligung/{id}");
        var raw = await published.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", raw); // HTML is shown as text
        Assert.Contains("&lt;script&gt;", raw);
        var publicPage = WebUtility.HtmlDecode(raw);
        Assert.Contains("[entfernt] jeden Abend", publicPage);
        Assert.DoesNotContain("Herr Meier", publicPage);
        Assert.DoesNotContain("ayse@example.org", publicPage);

        // Answer: "aufgegriffen" needs what took it up; then the author gets a mail with the answer and the link.
        var answer = new Dictionary<string, string> { ["contributionId"] = $"{contributionId}", ["status"] = "taken-up", ["answer"] = "Das Quartierslabor hat Ihren Vorschlag aufgenommen.", ["takenUp"] = "" };
        Assert.Contains("Bitte wählen Sie, was den Beitrag aufgegriffen hat", await BodyAsync(await office.PostFormAsync($"{queue}?handler=Answer&zeige=published", answer, queue)));
        answer["takenUp"] = $"lab-recommendation:{recommendationId}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=Answer&zeige=published", answer, queue)).StatusCode);
        var answered = (await MeetingChainTests.MailsAsync(app, mail)).Last();
        Assert.Equal("ayse@example.org", answered.To.Mailboxes.Single().Address);
        Assert.Contains("Das Quartierslabor hat Ihren Vorschlag aufgenommen.", answered.TextBody);
        Assert.Contains($"https://masterplan.example/beteiligung/beitraege/{contributionId}", answered.TextBody);

        // The impact chain: contribution → answer → lab recommendation → measure → indicators and milestones, each linking on.
        var chain = await resident.GetPageAsync($"/beteiligung/beitraege/{contributionId}");
        var steps = chain.QuerySelectorAll("ol.chain > li").Select(li => li.Text()).ToList();
        Assert.Equal(5, steps.Count);
        Assert.Contains("[entfernt] jeden Abend", steps[0]);
        Assert.Contains("Veröffentlicht von der Geschäftsstelle am 23.11.2026", steps[0]);
        Assert.Contains("aufgegriffen", steps[1]);
        Assert.Contains("Entschieden von: Geschäftsstelle, am 23.11.2026", steps[1]);
        Assert.Contains("Der Ordnungsdienst soll abends am Nordmarkt unterwegs sein.", steps[2]);
        Assert.Contains("Quartierslabor Nordstadt", steps[2]);
        Assert.Contains("Mehr Präsenz des Ordnungsdienstes am Nordmarkt", steps[3]);
        Assert.Contains("Abendstreifen eingeführt", steps[4]);
        Assert.NotNull(chain.QuerySelector($"a[href='/massnahmen/{measureId}']"));
        Assert.NotNull(chain.QuerySelector("a[href^='/kennzahlen/']"));
        Assert.NotNull(chain.QuerySelector("a[href^='/quartierslabore/']"));
        Assert.DoesNotContain("Herr Meier", chain.Body!.InnerHtml);

        // The counts per status on the call's page.
        var counts = (await resident.GetPageAsync($"/beteiligung/{id}")).QuerySelector("table tbody tr")!.Text();
        Assert.Equal("0 0 1 0 0 1", counts);

        // Moderation decisions are audited, without the text.
        await using (var scope = app.Scope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Where(a => a.EntityType == "Contribution").Select(a => a.Action + " " + a.Changes).ToListAsync();
            Assert.Contains(actions, a => a.StartsWith("participation.contribution.published-redacted", StringComparison.Ordinal));
            Assert.Contains(actions, a => a.StartsWith("participation.contribution.answered", StringComparison.Ordinal));
            Assert.DoesNotContain(actions, a => a.Contains("Meier", StringComparison.Ordinal));
        }

        // Rejection needs a rule from the netiquette; the rejected contribution stays off the public page.
        var second = await SubmitAsync(app, resident, id, new() { ["Text"] = "Kauft Rasenmäher bei Firma X!" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        int secondId;
        await using (var scope = app.Scope())
        {
            secondId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.Where(c => c.Id != contributionId).Select(c => c.Id).SingleAsync();
        }

        Assert.Contains("Bitte wählen Sie den Grund aus der Netiquette", await BodyAsync(await office.PostFormAsync($"{queue}?handler=Reject", new() { ["contributionId"] = $"{secondId}", ["reason"] = "" }, queue)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{queue}?handler=Reject", new() { ["contributionId"] = $"{secondId}", ["reason"] = "advertising" }, queue)).StatusCode);
        Assert.DoesNotContain("Rasenmäher", await BodyAsync(await resident.GetAsync($"/beteiligung/{id}")));
    }

    [Theory, Engines]
    public async Task A_closed_or_not_yet_open_call_refuses_precisely_and_keeps_the_text(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings(MeetingChainTests.NewMailFolder()));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office, opensInDays: 2, closesInDays: 4);
        var resident = Users.Client(app);
        var early = await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Mein früher Beitrag" }));
        Assert.Contains("Diese Beteiligung beginnt erst am 25.11.2026 um 08:00 Uhr.", early);
        Assert.Contains("Mein früher Beitrag", early);
        app.Clock.Advance(TimeSpan.FromDays(6));
        var late = await BodyAsync(await SubmitAsync(app, resident, id, new() { ["Text"] = "Mein später Beitrag" }));
        Assert.Contains("Diese Beteiligung ist seit dem 27.11.2026 um 18:00 Uhr geschlossen", late);
        Assert.Contains("Mein später Beitrag", late);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync());
    }

    [Theory, Engines]
    public async Task Ich_auch_counts_once_per_browser_and_an_expired_opt_in_link_is_named(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office, moderation: "post");
        var resident = Users.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, resident, id, new() { ["Text"] = "Mehr Licht im Hoeschpark", ["Email"] = "spaet@example.org" })).StatusCode);
        int contributionId;
        await using (var scope = app.Scope())
        {
            contributionId = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.SingleAsync()).Id;
        }

        // Post-moderation: public at once.
        Assert.Contains("Mehr Licht im Hoeschpark", await BodyAsync(await resident.GetAsync($"/beteiligung/{id}")));
        var support = new Dictionary<string, string> { ["contributionId"] = $"{contributionId}" };
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostFormAsync($"/beteiligung/{id}?handler=Support", support, $"/beteiligung/{id}")).StatusCode);
        Assert.Contains("Sie haben diesen Beitrag schon unterstützt.", await BodyAsync(await resident.PostFormAsync($"/beteiligung/{id}?handler=Support", support, $"/beteiligung/{id}")));
        var neighbour = Users.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await neighbour.PostFormAsync($"/beteiligung/{id}?handler=Support", support, $"/beteiligung/{id}")).StatusCode);
        Assert.Contains("2 Personen unterstützen das.", await BodyAsync(await resident.GetAsync($"/beteiligung/{id}")));

        // The opt-in link is valid for a day (Participation:ConfirmLinkDays = 1).
        var link = Regex.Match((await MeetingChainTests.MailsAsync(app, mail)).Single().TextBody!, @"https://masterplan\.example(/beteiligung/bestaetigen/\S+)").Groups[1].Value;
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Contains("Dieser Link ist abgelaufen.", await BodyAsync(await resident.GetAsync(link)));
        Assert.Contains("Dieser Link ist abgelaufen.", await BodyAsync(await resident.PostFormAsync(link, [], $"/beteiligung/{id}/beitrag")));
        await using (var scope = app.Scope())
        {
            Assert.Null((await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.SingleAsync()).EmailConfirmedAt);
        }
    }

    [Fact]
    public async Task A_flood_from_one_address_gets_429_with_retry_after()
    {
        var settings = Settings(MeetingChainTests.NewMailFolder());
        settings["Accounts:FormPostsPerMinute"] = "3";
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await CreateCallAsync(app, office);
        var resident = Users.Client(app);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await SubmitAsync(app, resident, id, new() { ["Text"] = $"Beitrag {i}" }));
        }

        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Contributions.CountAsync() <= 3);
    }
}
