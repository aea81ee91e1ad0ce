using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Masterplan.Cli;
using Masterplan.Cli.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Labs.Manage;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>
/// The public replay of a lab's draw: anyone downloads the file from the lottery page and replays both stages with the command
/// alone, without the database; the file holds nothing personal and stays replayable after the personal data is deleted.
/// </summary>
public sealed class PublicDrawFileTests
{
    private const string Act = "Gezogen von zwei Kindern in der öffentlichen Sitzung der Bezirksvertretung am 10.11.2026";

    [Theory, Engines]
    public async Task Anyone_downloads_the_draw_and_replays_it_without_the_database(DatabaseProvider engine)
    {
        var folder = Directory.CreateTempSubdirectory("draw-file-").FullName;
        var file = Path.Combine(folder, "ziehung.json");
        string afterDeletion = Path.Combine(folder, "nach-loeschung.json");
        int id;
        await using (var app = await AppFactory.StartAsync(engine, LabChainTests.Settings))
        {
            var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
            id = await LabChainTests.ApprovedLabAsync(office, "Bildungsabschluss: Hauptschule, Abitur");
            var anonymous = Users.Client(app);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/quartierslabore/{id}/losverfahren/ziehung.json")).StatusCode);

            await using (var scope = app.Scope())
            {
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<AppDbContext>();
                var referenceDate = new DateOnly(2026, 11, 1);
                // The register's names and addresses ("Person Nr1 Müller", "Bayrische Str. 1") are the planted strings.
                Assert.True((await services.GetRequiredService<RegisterImport>().ImportAsync(id, new MemoryStream(LabChainTests.Register(60)), "auszug.csv", referenceDate, default)).Succeeded);
                Assert.True((await services.GetRequiredService<InviteeDrawing>().DrawAsync(id, 20, "stratified", "17 4 33 8", referenceDate, Act, default)).Succeeded);

                var lab = await db.Labs.SingleAsync(l => l.Id == id);
                lab.State = LabState.RegistrationOpen;
                lab.LettersCreatedAt = app.Clock.GetUtcNow().AddDays(-200);
                string[] ages = ["16-24", "25-34", "35-49", "50-64", "65+", "25-34"];
                string[] education = [LabsModule.NoAnswer, "Abitur", "Hauptschule"];
                var invitations = await db.LabInvitations.Where(i => i.LabId == id).OrderBy(i => i.RowIndex).Take(12).ToListAsync();
                for (var i = 0; i < invitations.Count; i++)
                {
                    invitations[i].UsedAt = app.Clock.GetUtcNow();
                    db.LabRegistrations.Add(new LabRegistration
                    {
                        LabId = id, InvitationId = invitations[i].Id, AgeBand = ages[i % ages.Length], Gender = LabsModule.GenderCodes[i % 2],
                        Answers = $"Bildungsabschluss={education[i % 3]}\nWohnform=mit Familie", Availability = "abends Geheimzeit", AccessibilityNeeds = "Rollstuhl Geheimbedarf",
                        Contact = $"person{i}@example.org", RegisteredAt = app.Clock.GetUtcNow(),
                    });
                }

                await db.SaveChangesAsync();
                var quotas = string.Join('\n',
                    "Altersgruppe; 16-24; 0; 2", "Altersgruppe; 25-34; 0; 3", "Altersgruppe; 35-49; 0; 2", "Altersgruppe; 50-64; 0; 2", "Altersgruppe; 65+; 0; 2",
                    "Geschlecht; weiblich; 3; 3", "Geschlecht; männlich; 3; 3",
                    "Bildungsabschluss; keine Angabe; 0; 6", "Bildungsabschluss; Abitur; 1; 6", "Bildungsabschluss; Hauptschule; 1; 6");
                var (selected, _) = await services.GetRequiredService<PanelDrawing>().SelectAsync(id, 6, quotas, "leximin", "Lottozahlen 3 9 21 30 41 45", Act, default);
                Assert.True(selected.Succeeded, string.Join("; ", selected.Errors.Select(e => e.Key)));
            }

            // The lottery page links the download in plain words and among the experts' details, with the public act.
            var page = await anonymous.GetPageAsync($"/quartierslabore/{id}/losverfahren");
            var links = page.QuerySelectorAll($"a[href='/quartierslabore/{id}/losverfahren/ziehung.json']").ToList();
            Assert.Equal(2, links.Count);
            Assert.Contains("Ziehung selbst nachprüfen", page.Body!.TextContent);
            Assert.NotNull(links[1].Closest("details.experts"));
            Assert.Contains(Act, page.QuerySelector("details.experts")!.TextContent);

            var download = await anonymous.GetAsync($"/quartierslabore/{id}/losverfahren/ziehung.json");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"quartierslabor-{id}-ziehung.json", download.Content.Headers.ContentDisposition!.FileName);
            Assert.False(download.Headers.CacheControl?.Public ?? false, $"{download.Headers.CacheControl}");
            var json = await download.Content.ReadAsStringAsync();
            await File.WriteAllTextAsync(file, json);

            // Nothing personal: no name, address, contact, note, birth year, nor the category without quotas.
            foreach (var planted in new[] { "Müller", "Person Nr", "Bayrische", "44339", "@example.org", "Geheimzeit", "Geheimbedarf", "Wohnform", "mit Familie", "birth", "geburt" })
            {
                Assert.DoesNotContain(planted, json, StringComparison.OrdinalIgnoreCase);
            }

            var root = JsonNode.Parse(json)!;
            Assert.Equal("masterplan-lab-draw/1", (string?)root["format"]);
            Assert.Equal(Act, (string?)root["invitees"]!["seedAct"]);
            Assert.Equal(60, root["invitees"]!["strata"]!.AsArray().Sum(s => (int)s!["population"]!));
            Assert.Equal(20, root["invitees"]!["strata"]!.AsArray().Sum(s => (int)s!["invited"]!));
            var pool = root["panel"]!["pool"]!.AsArray();
            Assert.Equal(12, pool.Count);
            Assert.All(pool, r => Assert.Equal(["Altersgruppe", "Bildungsabschluss", "Geschlecht"], r!["values"]!.AsObject().Select(v => v.Key).Order(StringComparer.Ordinal)));
            Assert.Equal(6, root["panel"]!["outcome"]!.AsArray().Count(o => (bool)o!["onPanel"]!));

            // The registrations and the extract are deleted when their time is up; the file stays the same.
            await using (var scope = app.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var lab = await db.Labs.SingleAsync(l => l.Id == id);
                lab.State = LabState.Reported;
                lab.ReportedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(-200));
                await db.SaveChangesAsync();
                var (rows, registrations) = await ActivatorUtilities.CreateInstance<LabDataDeletionJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
                Assert.Equal((60, 12), (rows, registrations));
            }

            var later = await anonymous.GetStringAsync($"/quartierslabore/{id}/losverfahren/ziehung.json");
            Assert.Equal(json, later);
            await File.WriteAllTextAsync(afterDeletion, later);
        }

        // The app and its database are gone: the command has only the file.
        var (exit, output) = await ReplayAsync(file);
        Assert.True(exit == 0, output);
        Assert.Contains("MATCH: the draw replays exactly.", output);
        Assert.Contains("Stufe 1: 20 Eingeladene auf", output);
        Assert.Contains("Stufe 2: LEXIMIN, Panel von 6 aus 12", output);

        // One published probability changed: the command names the pseudonym, the published and the recomputed value.
        var tampered = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var outcome = tampered["panel"]!["outcome"]![3]!;
        var pseudonym = (string)outcome["id"]!;
        var probability = (double)outcome["probability"]!;
        outcome["probability"] = probability + 0.05;
        await File.WriteAllTextAsync(file, tampered.ToJsonString());
        (exit, output) = await ReplayAsync(file);
        Assert.Equal(1, exit);
        Assert.Contains("MISMATCH: 1 difference", output);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{pseudonym}: veröffentlicht {probability + 0.05:F6}, nachgerechnet {probability:F6}"), output);

        // One stratum's number of invitees moved to another: stage 1 names both strata.
        tampered = JsonNode.Parse(await File.ReadAllTextAsync(afterDeletion))!;
        var strata = tampered["invitees"]!["strata"]!.AsArray();
        var from = strata.First(s => (int)s!["invited"]! > 0)!;
        var to = strata.First(s => s != from)!;
        from["invited"] = (int)from["invited"]! - 1;
        to["invited"] = (int)to["invited"]! + 1;
        await File.WriteAllTextAsync(file, tampered.ToJsonString());
        (exit, output) = await ReplayAsync(file);
        Assert.Equal(1, exit);
        Assert.Contains($"Stufe 1: Schicht „{(string)from["district"]!}, {(string)from["ageBand"]!}, {(string)from["gender"]!}“: veröffentlicht {(int)from["invited"]!} eingeladen", output);

        // The file downloaded after the deletion still replays.
        (exit, output) = await ReplayAsync(afterDeletion);
        Assert.True(exit == 0, output);

        // A file that is not a draw file: exit code 2 and a clear message.
        await File.WriteAllTextAsync(file, "{ kaputt");
        (exit, output) = await ReplayAsync(file);
        Assert.Equal(2, exit);
        Assert.Contains($"Cannot read {file}", output);
        await File.WriteAllTextAsync(file, "{\"format\": \"etwas anderes\"}");
        (exit, output) = await ReplayAsync(file);
        Assert.Equal(2, exit);
        Assert.Contains("is not a draw file of format masterplan-lab-draw/1", output);
        Directory.Delete(folder, true);
    }

    [Theory, Engines]
    public async Task The_demo_labs_draw_replays_from_its_download_although_its_register_is_deleted(DatabaseProvider engine)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("demo-draw-").FullName, "ziehung.json");
        await using (var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Seed:Demo"] = "true" }))
        {
            int id;
            await using (var scope = app.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                id = await db.Labs.Where(l => l.Title.Contains("(Demo)")).Select(l => l.Id).SingleAsync();
                Assert.False(await db.RegisterEntries.AnyAsync(r => r.LabId == id));
            }

            var download = await Users.Client(app).GetAsync($"/quartierslabore/{id}/losverfahren/ziehung.json");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        }

        var (exit, output) = await ReplayAsync(file);
        Assert.True(exit == 0, output);
        Assert.Contains("Stufe 1: 60 Eingeladene auf", output);
        Assert.Matches(@"Stufe 2: LEXIMIN, Panel von 8 aus \d+,", output);
        Assert.Contains("MATCH: the draw replays exactly.", output);
        Directory.Delete(Path.GetDirectoryName(file)!, true);
    }

    internal static async Task<(int Exit, string Output)> ReplayAsync(string path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new SortitionReplayCommand().RunAsync(new CommandArguments(["--file", path]), output, error);
        return (exit, output + error.ToString());
    }
}
