using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Tests.Features.Labs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>
/// Walks the error state of every form and write API in both languages (also the accounts' forms and the agenda): in English no German word is left, in German
/// the messages are German. German words are the words of the German resource keys that no English text uses.
/// </summary>
public partial class MessageLanguageTests
{
    /// <param name="Client">Who submits: the Office unless another client is named (a visitor, an administrator, an account without a second factor).</param>
    private sealed record Case(string Name, Func<HttpClient, Task<HttpResponseMessage>> Submit, HttpClient? Client = null);

    [Theory, Engines]
    public async Task Every_form_and_API_reports_its_errors_in_the_chosen_language(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        int organization, node, paper;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            organization = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            node = await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync();
            paper = await db.Papers.Where(p => p.Reference == "26093-22").Select(p => p.Id).SingleAsync();
        }

        var plan = await office.GetPageAsync("/verwaltung/quartierslabore");
        var created = await office.PostFormAsync("/verwaltung/quartierslabore", new()
        {
            ["Quarter"] = plan.QuerySelector("#Quarter option[selected]")!.GetAttribute("value")!,
            ["District"] = plan.QuerySelector("#District option[selected]")!.GetAttribute("value")!, ["Title"] = "Labor",
        });
        var lab = $"/verwaltung/quartierslabore/{LabChainTests.IdFrom(created)}";
        var indicator = await office.PostAsJsonAsync("/api/v1/indicators", new { fieldOfActionId = node, name = "Fälle", unit = "Fälle", direction = "LowerIsBetter" });
        Assert.True(indicator.IsSuccessStatusCode, await indicator.Content.ReadAsStringAsync());
        var indicatorId = (await indicator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var future = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The accounts' forms: a visitor, an administrator, and an account that has no second factor yet.
        var visitor = Users.Client(app);
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        var moderatorAccount = await Users.CreateAsync(app, "moderation@stadtdo.de", Roles.Moderator);
        var moderator = await Users.SignInAsync(app, moderatorAccount);
        string invitationToken, resetToken;
        int meeting, agendaItem;
        await using (var scope = app.Scope())
        {
            var services = scope.ServiceProvider;
            invitationToken = (await services.GetRequiredService<Invitations>().InviteAsync("neu@stadtdo.de", "Neue Person", [Roles.Moderator], null, null, "http://localhost", CancellationToken.None)).Token;
            var db = services.GetRequiredService<AppDbContext>();
            resetToken = Invitation.NewToken();
            var now = DateTimeOffset.UtcNow;
            db.PasswordResetRequests.Add(new PasswordResetRequest { TokenHash = Invitation.HashToken(resetToken), UserId = moderatorAccount.Id, CreatedAt = now, ExpiresAt = now.AddYears(1) });
            var session = new Meeting { OrganizationId = organization, Title = "Sitzung", Start = now.AddDays(30), End = now.AddDays(30).AddHours(2), CalendarUid = Guid.NewGuid().ToString() };
            db.Meetings.Add(session);
            await db.SaveChangesAsync();
            var item = new AgendaItem { MeetingId = session.Id, Number = "1", SortKey = Masterplan.Web.Features.Meetings.AgendaNumber.SortKey("1"), Title = "Eröffnung" };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            (meeting, agendaItem) = (session.Id, item.Id);
        }

        // The grant programme: a call with one application waiting for the completeness check, one in review, one granted with a proof of use to check.
        int submittedGrant, reviewedGrant, grantedGrant, grantCriterion;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var call = new GrantCall
            {
                Title = "Aufruf", Purpose = "Zweck", Eligibility = "Vereine", Year = now.Year, BudgetCents = 1_000_000, MaxPerProjectCents = 500_000, Deadline = now.AddDays(-1),
                PublishedAt = now.AddDays(-30), CreatedAt = now.AddDays(-30), Criteria = [new GrantCriterion { Position = 1, Name = "Wirkung", Weight = 1 }],
            };
            // One application per association and call.
            var associations = Enumerable.Range(1, 3).Select(i => new Association { Name = $"Verein {i}", RegisteredAt = now }).ToList();
            db.GrantCalls.Add(call);
            db.Associations.AddRange(associations);
            await db.SaveChangesAsync();
            var next = 0;
            GrantApplication Grant(GrantStatus status) => new()
            {
                CallId = call.Id, AssociationId = associations[next++].Id, Status = status, ProjectTitle = "Projekt", ReceiptNumber = $"F-{status}", RequestedCents = 100_000,
                SubmittedAt = now, CreatedAt = now, GrantedCents = status == GrantStatus.Approved ? 100_000 : null, DecidedAt = status == GrantStatus.Approved ? now : null,
            };
            var (submitted, reviewed, granted) = (Grant(GrantStatus.Submitted), Grant(GrantStatus.InReview), Grant(GrantStatus.Approved));
            db.GrantApplications.AddRange(submitted, reviewed, granted);
            await db.SaveChangesAsync();
            db.ProofsOfUse.Add(new ProofOfUse { ApplicationId = granted.Id, Activities = "Workshops", Reach = 1, Status = ProofStatus.Submitted, SubmittedAt = now });
            await db.SaveChangesAsync();
            (submittedGrant, reviewedGrant, grantedGrant, grantCriterion) = (submitted.Id, reviewed.Id, granted.Id, call.Criteria[0].Id);
        }

        var agenda = $"/verwaltung/sitzungen/{meeting}/tagesordnung";
        var account = $"/verwaltung/benutzer/{Uri.EscapeDataString(moderatorAccount.Id)}";

        Case[] cases =
        [
            new("measure form", c => c.PostFormAsync("/verwaltung/massnahmen/bearbeiten", new() { ["Weight"] = "x", ["Progress"] = "120" })),
            new("indicator form", c => c.PostFormAsync("/verwaltung/kennzahlen/bearbeiten", new() { ["BaselineValue"] = "1" })),
            new("indicator value form", c => c.PostFormAsync($"/verwaltung/kennzahlen/bearbeiten/{indicatorId}?handler=Value", new() { ["ValueDate"] = future }, $"/verwaltung/kennzahlen/bearbeiten/{indicatorId}")),
            new("catalogue node form", c => c.PostFormAsync("/verwaltung/handlungsfelder", new() { ["Action"] = "Merge", ["NodeId"] = $"{node}", ["TargetId"] = $"{node}", ["SourceText"] = "x" })),
            new("catalogue node form, empty", c => c.PostFormAsync("/verwaltung/handlungsfelder", new() { ["Action"] = "Rename" })),
            new("meeting form", c => c.PostFormAsync("/verwaltung/sitzungen/bearbeiten", new() { ["OrganizationId"] = $"{organization}", ["Date"] = "2026-12-01", ["StartTime"] = "19:00", ["EndTime"] = "17:00" })),
            new("membership form", c => c.PostFormAsync($"/verwaltung/gremien/{organization}?handler=Add", new() { ["Role"] = "" }, $"/verwaltung/gremien/{organization}")),
            new("paper form", c => c.PostFormAsync("/verwaltung/vorlagen/bearbeiten", new() { ["Input.Name"] = "", ["Input.Reference"] = "26093-22", ["Input.Date"] = "1800-01-01" })),
            new("consultation form", c => c.PostFormAsync($"/verwaltung/vorlagen/{paper}/beratung", new() { ["Input.OrganizationId"] = "987654", ["Input.Result"] = "Adopted" })),
            new("paper search period", c => c.GetAsync("/vorlagen?von=2026-06-01&bis=2026-01-01")),
            new("lab plan form", c => c.PostFormAsync("/verwaltung/quartierslabore", new() { ["Quarter"] = "", ["Title"] = "" })),
            new("lab concept form", c => c.PostFormAsync($"{lab}?handler=Save", new() { ["Steps.Categories"] = "Bildung: Abitur\nMigration: ja; nein" }, lab)),
            new("lab state", c => c.PostFormAsync($"{lab}?handler=Advance&to=ConceptApproved", [], lab)),
            new("lab draw form", c => c.PostFormAsync($"{lab}/losverfahren?handler=Draw", new() { ["method"] = "" }, $"{lab}/losverfahren")),
            new("lab panel form", c => c.PostFormAsync($"{lab}/losverfahren?handler=Select", new() { ["Quotas"] = "A; b; 5; 2" }, $"{lab}/losverfahren")),
            new("lab results form", c => c.PostFormAsync($"{lab}?handler=Place", new() { ["Place.Latitude"] = "1", ["Place.Longitude"] = "x" }, lab)),
            new("gazetteer import", c => c.PostFileAsync("/verwaltung/geodaten?handler=Addresses", "/verwaltung/geodaten", [], "file", "adressen.csv", "Straße;Hausnummer;PLZ;Breite;Länge\nKampstraße;x;4413;52,52;13,40\n"u8.ToArray())),
            new("boundary import", c => c.PostFileAsync("/verwaltung/geodaten?handler=Boundaries", "/verwaltung/geodaten", [], "file", "grenzen.geojson",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Atlantis\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.4,51.5]}}]}"u8.ToArray())),
            new("address suggestions API", c => c.GetAsync("/api/geo/adressen?q=" + new string('a', 201))),
            new("lab registration", c => c.PostFormAsync("/quartierslabore/anmeldung", new() { ["Code"] = "K7QM-3XTR-P9ZX" }, "/quartierslabore/anmeldung")),
            new("status overview period", c => c.GetAsync("/verwaltung/statusuebersicht?von=2026-06-01&bis=2026-01-01")),
            new("measures API", c => c.PostAsJsonAsync("/api/v1/measures", new { title = "", progress = 120 })),
            new("measures API paging", c => c.GetAsync("/api/v1/measures?page=0")),
            new("indicators API", c => c.PostAsJsonAsync("/api/v1/indicators", new { name = "" })),
            new("indicator values API", c => c.PostAsJsonAsync($"/api/v1/indicators/{indicatorId}/values", new { date = future })),
            new("catalogue API", c => c.PostAsJsonAsync($"/api/v1/catalogue/nodes/{node}/merge", new { intoId = node, source = new { text = "x" } })),
            new("catalogue API, no title", c => c.PostAsJsonAsync("/api/v1/catalogue/nodes", new { source = new { text = "x" } })),
            new("seat allocation API", c => c.PostAsJsonAsync("/api/v1/seat-allocation", new { seats = 10, method = "x" })),
            new("seat allocation API, a rule of the library", c => c.PostAsJsonAsync("/api/v1/seat-allocation", new { seats = 10, method = "dhondt", parties = new[] { new { name = "Grüne", votes = 5 }, new { name = "Grüne", votes = 3 } } })),
            new("seat allocation API, no votes at all", c => c.PostAsJsonAsync("/api/v1/seat-allocation", new { seats = 10, method = "dhondt", parties = new[] { new { name = "A", votes = 0 } } })),
            new("memberships API", c => c.GetAsync($"/api/v1/organizations/{organization}/memberships?at=gestern")),
            new("catalogue API, date out of range", c => c.GetAsync("/api/v1/catalogue?asOf=1800-01-01")),
            new("sign-in, wrong password", c => c.PostFormAsync("/konto/anmelden", new() { ["Email"] = moderatorAccount.Email, ["Password"] = "ganz falsches kennwort" }), visitor),
            new("change password", c => c.PostFormAsync("/konto/passwort", new() { ["CurrentPassword"] = "ganz falsches kennwort", ["Password"] = "kurz", ["Confirm"] = "anders" }), moderator),
            new("forgot password", c => c.PostFormAsync("/konto/passwort-vergessen", new() { ["Email"] = "keine-adresse" }), visitor),
            new("reset password", c => c.PostFormAsync($"/konto/passwort-zuruecksetzen/{resetToken}", new() { ["Password"] = "kurz", ["Confirm"] = "anders" }), visitor),
            new("invitation accept", c => c.PostFormAsync($"/konto/einladung/{invitationToken}", new() { ["Password"] = "kurz", ["Confirm"] = "anders" }), visitor),
            new("two-factor enrolment, wrong code", c => c.PostFormAsync("/konto/zwei-faktor", new() { ["Code"] = "000000" }), moderator),
            new("user administration, invite", c => c.PostFormAsync("/verwaltung/benutzer?handler=Invite", new() { ["Email"] = moderatorAccount.Email, ["DisplayName"] = "", ["SelectedRoles"] = "Unsinn" }, "/verwaltung/benutzer"), admin),
            new("user administration, links", c => c.PostFormAsync($"{account}?handler=Links", new() { ["PersonId"] = "999999" }, account), admin),
            new("agenda item, add", c => c.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = "x", ["ItemTitle"] = "" }, agenda)),
            new("agenda item, edit", c => c.PostFormAsync($"{agenda}?handler=Item", new() { ["ItemId"] = $"{agendaItem}", ["Number"] = "3.1", ["ItemTitle"] = "" }, agenda)),
            new("Schutzorte place form", c => c.PostFormAsync("/verwaltung/schutzorte/orte", new()
            {
                ["Input.Name"] = "", ["Input.Kind"] = "unbekannt", ["Place.Latitude"] = "52,52", ["Place.Longitude"] = "13,40",
                ["Rules[0].Day"] = "Friday", ["Rules[0].Opens"] = "22:00", ["Rules[0].Closes"] = "04:00",
                ["Rules[1].Day"] = "Monday", ["Rules[1].Opens"] = "10:00", ["Rules[1].Closes"] = "18:00", ["Rules[2].Day"] = "Monday", ["Rules[2].Opens"] = "17:00", ["Rules[2].Closes"] = "20:00",
                ["Exceptions[0].Date"] = "2026-12-25", ["Exceptions[0].Closed"] = "true", ["Exceptions[0].Opens"] = "10:00",
            })),
            new("Schutzorte event form", c => c.PostFormAsync("/verwaltung/schutzorte/veranstaltungen", new()
            {
                ["Event.Name"] = "", ["Event.StartDate"] = "2026-12-12", ["Event.StartTime"] = "12:00", ["Event.EndDate"] = "2026-12-12", ["Event.EndTime"] = "10:00",
            })),
            new("Schutzorte venue sign-up", c => c.PostFormAsync("/schutzorte/mitmachen", new() { ["Input.Name"] = "", ["Input.ContactEmail"] = "keine-adresse" }), visitor),
            new("grant call form", c => c.PostFormAsync("/verwaltung/foerderung/aufrufe", new() { ["Input.Title"] = "", ["Input.Budget"] = "x", ["Input.DeadlineDate"] = "2020-01-01", ["Input.Criteria[0].Weight"] = "500" })),
            new("grant budget form", c => c.PostFormAsync("/verwaltung/foerderung?handler=Budget", new() { ["BudgetYear"] = "1900", ["BudgetAmount"] = "-5" }, "/verwaltung/foerderung")),
            new("grant completeness form", c => c.PostFormAsync($"/verwaltung/foerderung/antraege/{submittedGrant}?handler=Incomplete", new() { ["Missing"] = "" }, $"/verwaltung/foerderung/antraege/{submittedGrant}")),
            new("grant decision form", c => c.PostFormAsync($"/verwaltung/foerderung/antraege/{reviewedGrant}?handler=Decision",
                new() { ["Decision.Approve"] = "ja", ["Decision.Amount"] = "9.000.000", ["Decision.ProofDueOn"] = "2020-01-01" }, $"/verwaltung/foerderung/antraege/{reviewedGrant}")),
            new("grant decision form, nothing chosen", c => c.PostFormAsync($"/verwaltung/foerderung/antraege/{reviewedGrant}?handler=Decision", [], $"/verwaltung/foerderung/antraege/{reviewedGrant}")),
            new("grant payment form", c => c.PostFormAsync($"/verwaltung/foerderung/antraege/{grantedGrant}?handler=Payment", new() { ["Payment.Amount"] = "5.000" }, $"/verwaltung/foerderung/antraege/{grantedGrant}")),
            new("grant proof of use form", c => c.PostFormAsync($"/verwaltung/foerderung/antraege/{grantedGrant}?handler=ReturnProof", new() { ["ProofNote"] = "" }, $"/verwaltung/foerderung/antraege/{grantedGrant}")),
            new("grant review form", c => c.PostFormAsync($"/foerderung/bewertung/antraege/{reviewedGrant}?handler=Score", new() { [$"Scores[{grantCriterion}]"] = "11" }, $"/foerderung/bewertung/antraege/{reviewedGrant}")),
            new("grant conflict form", c => c.PostFormAsync($"/foerderung/bewertung/antraege/{reviewedGrant}?handler=Conflict", new() { ["ConflictNote"] = new string('x', 2001) }, $"/foerderung/bewertung/antraege/{reviewedGrant}")),
            new("unreadable JSON", c => c.PostAsync("/api/v1/measures", new StringContent("{\"progress\": \"x\"}", System.Text.Encoding.UTF8, "application/json"))),
        ];

        var germanOnly = GermanOnlyWords();
        var failures = new List<string>();
        foreach (var (name, submit, client) in cases)
        {
            var who = client ?? office;
            who.DefaultRequestHeaders.AcceptLanguage.Clear();
            who.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var english = await MessagesAsync(await submit(who));
            who.DefaultRequestHeaders.AcceptLanguage.Clear();
            who.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
            var german = await MessagesAsync(await submit(who));
            if (english.Count == 0 || german.Count == 0)
            {
                failures.Add($"{name}: no error shown (en {english.Count}, de {german.Count})");
                continue;
            }

            var left = english.SelectMany(m => Words().Matches(m).Select(w => w.Value)).Where(germanOnly.Contains).Distinct().ToList();
            if (left.Count > 0)
            {
                failures.Add($"{name}: German in English ({string.Join(", ", left)}): {string.Join(" | ", english)}");
            }

            if (!german.Any(m => Words().Matches(m).Any(w => germanOnly.Contains(w.Value))))
            {
                failures.Add($"{name}: the German answer has no German: {string.Join(" | ", german)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>The error summary of a page, or the title, detail and field messages of problem details.</summary>
    private static async Task<List<string>> MessagesAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var texts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
            {
                if (problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    texts.Add(value.GetString()!);
                }
            }

            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                texts.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)));
            }

            return texts;
        }

        var page = await Html.ParseAsync(response);
        return [.. page.QuerySelectorAll(".error-summary li, .field-error").Select(e => e.Text()).Where(t => t.Length > 0)];
    }

    /// <summary>Words of the German resource keys that no English text of the resources uses (at least four letters).</summary>
    private static HashSet<string> GermanOnlyWords()
    {
        var resources = XDocument.Load(Path.Combine(TranslationTests.RepositoryRoot(), "src", "Masterplan.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (Key: d.Attribute("name")!.Value, Value: d.Element("value")!.Value)).ToList();
        var english = resources.SelectMany(r => Words().Matches(r.Value).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        return resources.SelectMany(r => Words().Matches(r.Key).Select(m => m.Value)).Where(w => w.Length >= 4 && !english.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Words();
}
