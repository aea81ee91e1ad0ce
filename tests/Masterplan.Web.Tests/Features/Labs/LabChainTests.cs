using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Algorithms.Invitations;
using Masterplan.Cli;
using Masterplan.Cli.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Labs.Manage;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>
/// The whole life of a lab (docs/domain.md#quartierslabore): plan → concept → register extract → invitees → letters → registration → panel →
/// transparency → replay → results into the catalogue → report → deletion of the personal data.
/// </summary>
public partial class LabChainTests
{
    internal static readonly Dictionary<string, string?> Settings = new() { ["Accounts:FormPostsPerMinute"] = "1000" };

    private static readonly string[] Districts = ["Eving", "Eving", "Eving", "Scharnhorst"];

    /// <summary>A valid register extract of <paramref name="count"/> residents, UTF-8.</summary>
    internal static byte[] Register(int count)
    {
        var csv = new StringBuilder("name;anschrift;geburtsjahr;geschlecht;stadtbezirk\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Person Nr{i} Müller;Bayrische Str. {i}, 44339 Dortmund;{1940 + (i * 7 % 66)};{(i % 2 == 0 ? "w" : "m")};{Districts[i % Districts.Length]}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    internal static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last(), CultureInfo.InvariantCulture);

    internal static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>An approved lab open for registration with ten registrations in two groups: enough for a panel draw.</summary>
    internal static async Task<int> RegisteredLabAsync(AppFactory app, HttpClient office)
    {
        var id = await ApprovedLabAsync(office);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lab = await db.Labs.SingleAsync(l => l.Id == id);
        lab.State = LabState.RegistrationOpen;
        for (var i = 0; i < 10; i++)
        {
            var invitation = new LabInvitation { LabId = id, RowIndex = i };
            db.LabInvitations.Add(invitation);
            await db.SaveChangesAsync();
            db.LabRegistrations.Add(new LabRegistration
            {
                LabId = id, InvitationId = invitation.Id, AgeBand = i % 2 == 0 ? "25-34" : "50-64", Gender = i % 2 == 0 ? "female" : "male",
                Contact = $"person{i}@example.org", RegisteredAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>The Office signed in, with an approved lab: the start of every test of the draw's steps.</summary>
    internal static async Task<(HttpClient Office, int Lab, string Draw)> OfficeWithLabAsync(AppFactory app)
    {
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await ApprovedLabAsync(office);
        return (office, id, $"/verwaltung/quartierslabore/{id}/losverfahren");
    }

    /// <summary>Creates a lab and approves its concept; returns its id.</summary>
    internal static async Task<int> ApprovedLabAsync(HttpClient office, string categories = "")
    {
        var created = await office.PostFormAsync("/verwaltung/quartierslabore", new() { ["Quarter"] = "2026-Q4", ["District"] = "Innenstadt-West", ["Title"] = "Quartierslabor Test" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var lab = $"/verwaltung/quartierslabore/{id}";
        var saved = await office.PostFormAsync($"{lab}?handler=Save", new()
        {
            ["Steps.ConceptPolitics"] = "Die Bezirksvertretung wird vorab informiert und lädt ein.",
            ["Steps.ConceptDigitalInput"] = "Online-Beteiligung vier Wochen lang; alle Beiträge werden veröffentlicht und im Labor ausgewertet.",
            ["Steps.ConceptParticipation"] = "Jugendring, Quartiersmanagement und Vereine laden mit ein.",
            ["Steps.ConceptApprovedOn"] = "2026-11-10", ["Steps.ConceptApprovedBy"] = "Bezirksvertretung Innenstadt-West", ["Steps.Categories"] = categories,
        }, lab);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "ConceptApproved" }, lab)).StatusCode);
        return id;
    }

    [Theory, Engines]
    public async Task A_lab_from_the_rotation_plan_to_its_report_with_a_replayable_two_stage_draw(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, Settings);
        var officeUser = await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office);
        var office = await Users.SignInAsync(app, officeUser);

        // The plan: districts without a lab first, in the city's order (004 §5).
        var manage = await office.GetPageAsync("/verwaltung/quartierslabore");
        var firstRow = manage.QuerySelector("table tbody tr")!.Text();
        Assert.Contains("Innenstadt-West", firstRow);
        Assert.Contains("noch kein Labor", firstRow);

        // Another district than planned needs a reason, which is stored and shown publicly.
        var fields = new Dictionary<string, string> { ["Quarter"] = "2026-Q4", ["District"] = "Eving", ["Title"] = "Quartierslabor Eving" };
        Assert.Contains("Der Plan sieht für dieses Quartal Innenstadt-West vor. Wenn Sie davon abweichen, geben Sie bitte den Grund an.",
            await BodyAsync(await office.PostFormAsync("/verwaltung/quartierslabore", fields)));
        fields["OverrideReason"] = "Stadtteilfest in Eving im gleichen Quartal";
        var created = await office.PostFormAsync("/verwaltung/quartierslabore", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var lab = $"/verwaltung/quartierslabore/{id}";
        var draw = $"{lab}/losverfahren";
        Assert.Contains("Für das 4. Quartal 2026 ist schon ein Quartierslabor angelegt",
            await BodyAsync(await office.PostFormAsync("/verwaltung/quartierslabore", fields)));

        // The concept first (004 §5).
        var refused = await BodyAsync(await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "ConceptApproved" }, lab));
        Assert.Contains("Im Konzept fehlt, wie die Lokalpolitik informiert und beteiligt wird (004 §5).", refused);
        Assert.Contains("Bitte tragen Sie Datum und Gremium des Konzeptbeschlusses ein.", refused);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Save", new()
        {
            ["Steps.ConceptPolitics"] = "Die Bezirksvertretung Eving wird vorab informiert.",
            ["Steps.ConceptDigitalInput"] = "Online-Beteiligung; Beiträge werden veröffentlicht und ausgewertet.",
            ["Steps.ConceptParticipation"] = "Jugendring und Quartiersmanagement laden mit ein.",
            ["Steps.ConceptApprovedOn"] = "2026-11-10", ["Steps.ConceptApprovedBy"] = "Bezirksvertretung Eving",
            ["Steps.Categories"] = "Bildungsabschluss: Hauptschule, Abitur",
        }, lab)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "ConceptApproved" }, lab)).StatusCode);

        // Stage 1: the register extract, the invitees with a public seed.
        Assert.Equal("done", (await office.FinishAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", Register(60)))).State);
        Assert.Contains("Bitte geben Sie den Startwert (Seed) an",
            await BodyAsync(await office.PostFormAsync($"{draw}?handler=Draw", new() { ["count"] = "20", ["method"] = "stratified", ["referenceDate"] = "2026-11-01" }, draw)));
        Assert.Contains("Es sollen 61 Personen eingeladen werden, der Auszug enthält aber nur 60.",
            await BodyAsync(await office.PostFormAsync($"{draw}?handler=Draw", new() { ["count"] = "61", ["method"] = "stratified", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" }, draw)));
        Assert.Equal(HttpStatusCode.Redirect,
            (await office.PostFormAsync($"{draw}?handler=Draw", new() { ["count"] = "20", ["method"] = "stratified", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" }, draw)).StatusCode);

        // The letters: one PDF, one letter per invitee with its own page count, code and QR code.
        var lettersTask = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Letters", new()
        {
            ["labDate"] = "2027-01-16", ["labStart"] = "10:00", ["labPlace"] = "Bürgerhaus Eving", ["deadline"] = "2027-01-08",
        }, draw));
        var letters = await office.GetAsync(lettersTask.DownloadUrl);
        Assert.Equal("application/pdf", letters.Content.Headers.ContentType!.MediaType);
        List<string> codes;
        using (var pdf = PdfDocument.Open(await letters.Content.ReadAsByteArrayAsync()))
        {
            // Two pages a letter: the letter, then the data protection notice with the reply slip (InvitationLetterTests).
            var pages = pdf.GetPages().Select(p => (Text: string.Join(" ", p.GetWords().Select(w => w.Text)), Images: p.GetImages().Count())).Where((_, i) => i % 2 == 0).ToList();
            Assert.Equal(20, pages.Count);
            Assert.All(pages, p => Assert.Contains("Seite 1 von 2", p.Text));
            Assert.All(pages, p => Assert.Equal(1, p.Images));
            Assert.Contains("Bayrische Str.", pages[0].Text);
            codes = pages.Select(p => CodePattern().Match(p.Text).Value.Replace(' ', '-')).ToList();
        }

        Assert.Equal(20, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(InvitationCode.TryNormalize(c, out _)));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.LabInvitations.Where(i => i.LabId == id).Select(i => i.CodeHash).ToListAsync();
            Assert.Equal(20, stored.Count);
            Assert.DoesNotContain(codes[0], stored); // only the hash is kept
            Assert.Contains(HashedCodes.Hash(codes[0]), stored);
            Assert.Equal(LabState.InvitationsSent, (await db.Labs.SingleAsync(l => l.Id == id)).State);
        }

        // Stage 2: registration with the code, typed loosely or from the QR link.
        var resident = Users.Client(app);
        const string form = "/quartierslabore/anmeldung";
        Assert.Contains("Die Anmeldung zu diesem Quartierslabor ist noch nicht geöffnet.", await BodyAsync(await resident.GetAsync($"{form}?code={codes[0]}")));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "RegistrationOpen" }, lab)).StatusCode);
        var typo = codes[0][..^1] + (codes[0][^1] == '2' ? '3' : '2');
        Assert.Contains("Dieser Code ist nicht richtig geschrieben.", await BodyAsync(await resident.GetAsync($"{form}?code={typo}")));
        Assert.Contains("Diesen Code kennen wir nicht.", await BodyAsync(await resident.GetAsync($"{form}?code={InvitationCode.Create()}")));
        var token = await resident.AntiforgeryTokenAsync($"{form}?code={codes[0]}");
        async Task<HttpResponseMessage> RegisterAsync(string code, string age, string gender, string education, string contact, bool consent = true)
        {
            var data = new Dictionary<string, string>
            {
                ["Code"] = code, ["AgeBand"] = age, ["Gender"] = gender, ["Answers[Bildungsabschluss]"] = education, ["Contact"] = contact,
                ["Availability"] = "abends", ["__RequestVerificationToken"] = token,
            };
            if (consent)
            {
                data["Consent"] = "true";
            }

            return await resident.PostAsync(form, new FormUrlEncodedContent(data));
        }

        var missing = await BodyAsync(await RegisterAsync(codes[0], "", "weiblich", "Abitur", "nein", consent: false));
        Assert.Contains("Bitte wählen Sie Ihre Altersgruppe.", missing);
        Assert.Contains("Die Kontaktangabe ist weder eine E-Mail-Adresse noch eine Telefonnummer.", missing);
        Assert.Contains("Bitte bestätigen Sie, dass Sie mit der Verarbeitung Ihrer Angaben", missing);
        string[] ages = ["16-24", "25-34", "35-49", "50-64", "65+", "25-34"];
        for (var i = 0; i < 12; i++)
        {
            // The first resident types the code in lower case without hyphens.
            var code = i == 0 ? codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() : codes[i];
            var answer = await RegisterAsync(code, ages[i % ages.Length], i % 2 == 0 ? "weiblich" : "männlich", i % 3 == 0 ? "keine Angabe" : i % 3 == 1 ? "Abitur" : "Hauptschule", $"person{i}@example.org");
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode); // Post/Redirect/Get: a reload does not post again
            Assert.Contains("Vielen Dank, Ihre Anmeldung ist eingegangen.", await BodyAsync(await resident.GetAsync(answer.Headers.Location)));
        }

        Assert.Contains("Mit diesem Code hat sich schon jemand angemeldet.", await BodyAsync(await RegisterAsync(codes[1], "25-34", "weiblich", "Abitur", "zweimal@example.org")));

        // Panel selection: bad quotas get precise messages, nothing is stored.
        var quotas = string.Join('\n',
            "Altersgruppe; 16-24; 0; 2", "Altersgruppe; 25-34; 0; 3", "Altersgruppe; 35-49; 0; 2", "Altersgruppe; 50-64; 0; 2", "Altersgruppe; 65+; 0; 2",
            "Geschlecht; weiblich; 3; 3", "Geschlecht; männlich; 3; 3",
            "Bildungsabschluss; keine Angabe; 0; 6", "Bildungsabschluss; Abitur; 1; 6", "Bildungsabschluss; Hauptschule; 1; 6");
        var select = new Dictionary<string, string> { ["PanelSize"] = "20", ["Quotas"] = quotas, ["Algorithm"] = "leximin", ["Seed"] = "Lottozahlen 3 9 21 30 41 45" };
        Assert.Contains("Es sollen 20 Teilnehmende ausgelost werden, angemeldet haben sich aber nur 12.", await BodyAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw)));
        select["PanelSize"] = "5";
        Assert.Contains("Die Mindestzahlen bei „Geschlecht“ ergeben zusammen 6, mehr als die 5 Plätze.", await BodyAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw)));
        select["PanelSize"] = "6";
        select["Quotas"] = quotas + "\nWohnort; Nordstadt; 0; 6";
        Assert.Contains("Das Merkmal „Wohnort“ wird bei der Anmeldung nicht erfragt; möglich sind: Altersgruppe, Bildungsabschluss, Geschlecht.", await BodyAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw)));
        select["Quotas"] = quotas.Replace("Altersgruppe; 65+; 0; 2", "Altersgruppe; 65+; 0; 0", StringComparison.Ordinal).Replace("Altersgruppe; 25-34; 0; 3", "Altersgruppe; 25-34; 0; 0", StringComparison.Ordinal)
            .Replace("Altersgruppe; 16-24; 0; 2", "Altersgruppe; 16-24; 0; 1", StringComparison.Ordinal);
        Assert.Contains("Die Höchstzahlen bei „Altersgruppe“ lassen mit den vorhandenen Anmeldungen höchstens 5 Plätze zu, gebraucht werden 6.", await BodyAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw)));
        // Each category can be met alone, but not together: the men registered are all 25-34 or 50-64.
        select["Quotas"] = quotas.Replace("Altersgruppe; 25-34; 0; 3", "Altersgruppe; 25-34; 0; 0", StringComparison.Ordinal).Replace("Altersgruppe; 50-64; 0; 2", "Altersgruppe; 50-64; 0; 0", StringComparison.Ordinal);
        var infeasible = await BodyAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw));
        Assert.Contains("Keine Gruppe erfüllt alle Quoten zugleich.", infeasible);
        Assert.Contains("Kleinste Lockerung der Quoten", infeasible);
        Assert.Matches("(Geschlecht = männlich: 3 bis 3 → 0 bis 3|Altersgruppe = (25-34|50-64): 0 bis 0 → 0 bis [1-3])", infeasible);
        select["Quotas"] = quotas;
        var selected = await office.FinishAsync(await office.PostFormAsync($"{draw}?handler=Select", select, draw));
        Assert.True(selected.State == "done", selected.Page);

        string inputHash;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.PanelSelections.Include(s => s.Outcomes).SingleAsync(s => s.LabId == id);
            Assert.Equal(12, record.Outcomes.Count);
            Assert.Equal(6, record.Outcomes.Count(o => o.OnPanel));
            Assert.Equal(6.0, record.Outcomes.Sum(o => o.Probability), 5);
            Assert.True(record.PanelCount >= 1);
            Assert.All(record.Outcomes.Where(o => o.ReserveRank is not null), o => Assert.False(o.OnPanel));
            inputHash = record.InputHash;

            // Replay from the stored data on this engine: same invitees, same panel.
            var report = await scope.ServiceProvider.GetRequiredService<LabReplay>().ReplayAsync(id, CancellationToken.None);
            Assert.True(report!.Matches, string.Join("\n", report.Differences));
            Assert.Equal(2, report.Checked.Count);
        }

        // A panel member cancels: the first reserve who keeps every quota moves up; the draw itself stays as recorded.
        string dropout;
        await using (var scope = app.Scope())
        {
            dropout = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PanelOutcomes.Where(o => o.OnPanel).OrderBy(o => o.Id).Select(o => o.RespondentId).FirstAsync();
        }

        var replaced = await office.PostFormAsync($"{draw}?handler=Dropout", new() { ["respondentId"] = dropout }, draw);
        Assert.True(replaced.StatusCode == HttpStatusCode.Redirect, await BodyAsync(replaced));
        Assert.Contains("Diese Person gehört nicht zu den Teilnehmenden.", await BodyAsync(await office.PostFormAsync($"{draw}?handler=Dropout", new() { ["respondentId"] = dropout }, draw)));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outcomes = await db.PanelOutcomes.ToListAsync();
            var successor = Assert.Single(outcomes, o => o.ReplacesRespondentId == dropout);
            Assert.NotNull(successor.ReserveRank);
            Assert.Equal(6, outcomes.Count(o => o.Participates));
            var lab6 = await db.Labs.SingleAsync(l => l.Id == id);
            var record = await db.PanelSelections.SingleAsync(p => p.LabId == id);
            var problem = new Masterplan.Algorithms.Sortition.SortitionProblem(
                PanelDrawing.Respondents(lab6, await db.LabRegistrations.Where(r => r.LabId == id).ToListAsync()), LabQuotas.Parse(record.Quotas).Quotas, record.PanelSize);
            Assert.True(problem.IsValidPanel(outcomes.Where(o => o.Participates).Select(o => o.RespondentId)), "the group after the replacement meets every quota");
        }

        Assert.Contains($"nachgerückt für {dropout}", await BodyAsync(await office.GetAsync(draw)));

        var cliOut = new StringWriter();
        var cliErr = new StringWriter();
        var exit = await new SortitionReplayCommand().RunAsync(
            new CommandArguments(["--lab", id.ToString(CultureInfo.InvariantCulture), "--provider", engine.ToString(), "--connection", app.Database.ConnectionString]), cliOut, cliErr);
        Assert.True(exit == 0, cliOut + "\n" + cliErr);
        Assert.Contains("MATCH: the draw replays exactly.", cliOut.ToString());

        // The transparency page: seeds, hashes, numbers, a histogram, and no personal data.
        var transparency = await Users.Client(app).GetAsync($"/quartierslabore/{id}/losverfahren");
        var page = await BodyAsync(transparency);
        Assert.Contains("17 4 33 8", page);
        Assert.Contains("Lottozahlen 3 9 21 30 41 45", page);
        Assert.Contains(inputHash, page);
        // In plain words first: one sentence from the extract to the panel, the panel next to everyone registered; the
        // replay details (seeds, method, hashes) folded away for experts.
        Assert.Matches(@"60 Personen im Melderegister-Auszug → 20 eingeladen → 12 angemeldet → 6 ausgelost; jede angemeldete Person hatte mindestens \d+(,\d)? % Chance\.", page);
        Assert.Contains("größtmögliche Fairness", page);
        Assert.DoesNotContain("LEXIMIN", page);
        Assert.Contains("Wie groß die Chancen waren", page);
        var plain = await Html.ParseAsync(await Users.Client(app).GetAsync($"/quartierslabore/{id}/losverfahren"));
        Assert.Contains("17 4 33 8", plain.QuerySelector("details.experts")!.TextContent);
        var composition = plain.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent == "Die Gruppe im Vergleich mit allen Angemeldeten");
        // Six people on the panel: every count there from 1 to 4 is suppressed (0 reveals nobody); among the twelve registered people
        // a count shows only as 0 or from five up.
        var cells = composition.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(cells, r => r[0] == "Geschlecht" && r[1] == "weiblich");
        Assert.Contains(cells, r => r[3] == "verdeckt");
        foreach (var cell in cells.SelectMany(r => new[] { r[2], r[3] }).Where(c => c != "verdeckt"))
        {
            var count = int.Parse(Regex.Match(cell, @"^\d+(,\d)? % \((\d+)\)$").Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(count is 0 or >= 5, cell);
        }

        Assert.Contains("„verdeckt“: Zahlen von 1 bis 4 zeigen wir nicht", page);
        var english = Users.Client(app);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Matches(@"60 people in the register extract → 20 invited → 12 registered → 6 drawn; every registered person had at least a \d+(\.\d)? % chance\.",
            await BodyAsync(await english.GetAsync($"/quartierslabore/{id}/losverfahren")));
        Assert.DoesNotContain("@example.org", page);
        Assert.DoesNotContain("Müller", page);
        Assert.DoesNotContain("Bayrische", page);

        // The lab is held; its recommendations become measures, fields of action, or are declined with a reason.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "PanelSelected" }, lab)).StatusCode);
        Assert.Contains("Bitte tragen Sie ein, wann das Labor stattfand.", await BodyAsync(await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "Held" }, lab)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Save", new() { ["Steps.HeldOn"] = "2026-11-21" }, lab)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "Held" }, lab)).StatusCode);
        int fieldId;
        await using (var scope = app.Scope())
        {
            fieldId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldsOfAction.Where(f => !f.IsRetired).Select(f => f.Id).FirstAsync();
        }

        foreach (var text in new[] { "Mehr Licht am Evinger Markt", "Nachtbus bis Brechten", "Nachbarschaftshilfe als eigenes Thema" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Recommendation", new() { ["text"] = text, ["fieldOfActionId"] = fieldId.ToString(CultureInfo.InvariantCulture) }, lab)).StatusCode);
        }

        int lightId, busId, neighbourId;
        await using (var scope = app.Scope())
        {
            var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().LabRecommendations.Where(r => r.LabId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            (lightId, busId, neighbourId) = (ids[0], ids[1], ids[2]);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Decide", new()
        {
            ["recommendationId"] = lightId.ToString(CultureInfo.InvariantCulture), ["outcome"] = "NewMeasure", ["targetFieldId"] = fieldId.ToString(CultureInfo.InvariantCulture),
            ["newTitle"] = "Beleuchtung Evinger Markt",
        }, lab)).StatusCode);
        Assert.Contains("Bitte begründen Sie, warum die Empfehlung nicht übernommen wird",
            await BodyAsync(await office.PostFormAsync($"{lab}?handler=Decide", new() { ["recommendationId"] = busId.ToString(CultureInfo.InvariantCulture), ["outcome"] = "Declined" }, lab)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Decide", new()
        {
            ["recommendationId"] = busId.ToString(CultureInfo.InvariantCulture), ["outcome"] = "Declined", ["declineReason"] = "Zuständig ist DSW21; der Fahrplan ist beschlossen.",
        }, lab)).StatusCode);

        // 004 §5: a new field of action may come out of a lab; its version names the lab as source.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Decide", new()
        {
            ["recommendationId"] = neighbourId.ToString(CultureInfo.InvariantCulture), ["outcome"] = "NewFieldOfAction", ["newTitle"] = "Nachbarschaftshilfe",
        }, lab)).StatusCode);

        int measureId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var measure = await db.Measures.SingleAsync(m => m.Title == "Beleuchtung Evinger Markt");
            measureId = measure.Id;
            Assert.Equal(CatalogueSourceKind.LabRecommendation, measure.SourceKind);
            Assert.Contains("Quartierslabor Eving", measure.SourceText);
            var history = await db.AuditEntries.Where(a => a.EntityType == nameof(Measure) && a.EntityId == measure.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
            Assert.Contains(history, a => a.Action == "measure.created" && a.Changes!.Contains("Quartierslabor Eving", StringComparison.Ordinal));
        }

        // The source is a link to the lab, not only its name.
        var measurePage = await Users.Client(app).GetPageAsync($"/massnahmen/{measureId}");
        Assert.Contains("Quartierslabor Eving", measurePage.Body!.Text());
        Assert.NotNull(measurePage.QuerySelector($"dd a[href='/quartierslabore/{id}']"));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var node = await db.FieldsOfAction.SingleAsync(f => f.Title == "Nachbarschaftshilfe");
            var version = await db.FieldOfActionVersions.SingleAsync(v => v.NodeId == node.Id);
            Assert.Equal(CatalogueSourceKind.LabRecommendation, version.SourceKind);
            Assert.Contains("Quartierslabor Eving", version.SourceText);
        }

        // Places: within Dortmund only.
        Assert.Contains("liegt nicht in Dortmund", await BodyAsync(await office.PostFormAsync($"{lab}?handler=Place", new() { ["Place.Latitude"] = "52,52", ["Place.Longitude"] = "13,40", ["category"] = "Unsafe", ["comment"] = "Berlin" }, lab)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Place", new() { ["Place.Latitude"] = "51,5634", ["Place.Longitude"] = "7,4721", ["category"] = "Unsafe", ["comment"] = "Unterführung am Bahnhof, dunkel" }, lab)).StatusCode);

        // Reported to the Vollversammlung, its working groups and the Lenkungskreis.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "ResultsDocumented" }, lab)).StatusCode);
        Assert.Contains("Bitte tragen Sie ein, wann und wem die Ergebnisse berichtet wurden", await BodyAsync(await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "Reported" }, lab)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Save", new()
        {
            ["Steps.HeldOn"] = "2026-11-21", ["Steps.ReportedOn"] = "2026-11-23", ["Steps.ReportedTo"] = "Vollversammlung, Lenkungskreis",
        }, lab)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{lab}?handler=Advance", new() { ["to"] = "Reported" }, lab)).StatusCode);

        // The public sees what became of each recommendation and the recorded reason for the district.
        var publicPage = (await Users.Client(app).GetPageAsync($"/quartierslabore/{id}")).Body!.Text();
        Assert.Contains("Stadtteilfest in Eving im gleichen Quartal", publicPage);
        Assert.Contains("als neue Maßnahme in den Katalog übernommen: Beleuchtung Evinger Markt", publicPage);
        Assert.Contains("Zuständig ist DSW21; der Fahrplan ist beschlossen.", publicPage);
        Assert.Contains("als neues Handlungsfeld in den Katalog übernommen: Nachbarschaftshilfe", publicPage);
        Assert.Contains("Unterführung am Bahnhof, dunkel", publicPage);
        Assert.Contains("berichtet", publicPage);

        // The register extract goes 14 days after the letters, the registrations 90 days after the report; both audited.
        async Task<(int Extracts, int Registrations)> RunDeletionAsync()
        {
            await using var scope = app.Scope();
            return await ActivatorUtilities.CreateInstance<LabDataDeletionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        Assert.Equal((0, 0), await RunDeletionAsync());
        // Through Quartz as the hourly trigger fires it (moving the clock can also make the trigger fire by itself).
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        async Task RunJobUntilAsync(string result)
        {
            await scheduler.TriggerJob(LabDataDeletionJob.Key);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                await using var scope = app.Scope();
                if (await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobRuns.AnyAsync(r => r.Job == LabDataDeletionJob.Key.ToString() && r.Result == result))
                {
                    return;
                }

                await Task.Delay(200);
            }

            Assert.Fail($"no run of the deletion job reported '{result}'");
        }

        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddDays(15));
        await RunJobUntilAsync("60 register rows and 0 registrations deleted");
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddDays(90));
        await RunJobUntilAsync("0 register rows and 12 registrations deleted");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.RegisterEntries.CountAsync());
            Assert.Equal(0, await db.LabRegistrations.CountAsync());
            Assert.Equal(20, await db.LabInvitations.CountAsync(i => i.LabId == id && i.CodeHash != null));
            Assert.Single(await db.InviteeDraws.Where(d => d.LabId == id).ToListAsync());
            Assert.Equal(12, await db.PanelOutcomes.CountAsync());
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(NeighbourhoodLab) && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
            Assert.Contains(audit, a => a.Action == "lab.register.deleted" && a.Changes!.Contains("60", StringComparison.Ordinal));
            Assert.Contains(audit, a => a.Action == "lab.registrations.deleted");
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Changes ?? "").ToListAsync(), c => c.Contains("Bayrische", StringComparison.Ordinal) || c.Contains("@example.org", StringComparison.Ordinal));
        }

        // No extract file is kept either: the upload is read from the request and never written to disk.
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "auszug*.csv"));
    }

    [GeneratedRegex("[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}")]
    private static partial Regex CodePattern();
}
