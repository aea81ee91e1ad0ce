using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Labs;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>
/// A number typed into a form means what its writer meant: "85.000" is eighty-five thousand in German and
/// "85,000" in English; what fits neither convention is refused with a message, never stored as another value.
/// </summary>
public class NumberInputTests
{
    [Theory]
    [InlineData("85.000", "de", "85000")]
    [InlineData("85.000,50", "de", "85000.50")]
    [InlineData("1.250.000", "de", "1250000")]
    [InlineData("1500,5", "de", "1500.5")]
    [InlineData("12,5 €", "de", "12.5")]
    [InlineData("-3,25", "de", "-3.25")]
    [InlineData("0.125", "de", "0.125")] // no German reading (a group never starts with 0): the decimal point it is
    [InlineData("1234.50", "de", "1234.50")] // likewise: three digits must follow a thousands point
    [InlineData("85,000", "en", "85000")]
    [InlineData("85,000.50", "en", "85000.50")]
    [InlineData("1,250,000", "en", "1250000")]
    [InlineData("85.000", "en", "85")]
    [InlineData("1500,5", "en", "1500.5")]
    public void A_typed_number_is_read_as_its_writer_meant(string text, string language, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), TypedNumber.Parse(text, CultureInfo.GetCultureInfo(language)));

    [Theory]
    [InlineData("85.00.0")]
    [InlineData("1.2345,6")]
    [InlineData("85,000,5")]
    [InlineData("1,5.000")]
    [InlineData("viel")]
    [InlineData("12e3")]
    [InlineData("--5")]
    public void A_text_that_fits_no_convention_is_refused(string text)
    {
        Assert.Null(TypedNumber.Parse(text, CultureInfo.GetCultureInfo("de")));
        Assert.Null(TypedNumber.Parse(text, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Without_a_language_a_text_that_reads_two_ways_is_refused_and_coordinates_take_either_mark()
    {
        Assert.Null(TypedNumber.Parse("12.345", language: null));
        Assert.Equal(12.5m, TypedNumber.Parse("12,5", language: null));
        Assert.Equal(51.5136, TypedNumber.Coordinate("51.5136"));
        Assert.Equal(51.5136, TypedNumber.Coordinate("51,5136"));
        Assert.Equal(7.465, TypedNumber.Coordinate("7.465"));
        Assert.Null(TypedNumber.Coordinate("51.513.6"));
    }

    private static async Task<T> QueryAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static HttpClient Speaking(HttpClient client, string language)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Every number field of the measure and KPI forms, typed with thousands separators in both languages.</summary>
    [Theory, Engines]
    public async Task Every_number_field_of_the_catalogue_forms_keeps_thousands_in_German_and_English(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var node = await QueryAsync(app, db => db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync());

        foreach (var (language, weight, planned, spent, progress) in new[] { ("de", "1,5", "85.000", "1.250.000,75", "40"), ("en", "1.5", "85,000", "1,250,000.75", "40") })
        {
            Speaking(office, language);
            var title = "Beleuchtung " + language;
            var measure = await office.PostFormAsync("/verwaltung/massnahmen/bearbeiten", new()
            {
                ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Title"] = title, ["Status"] = "InProgress", ["Progress"] = progress,
                ["Weight"] = weight, ["PlannedBudget"] = planned, ["SpentBudget"] = spent, ["StartDate"] = "2026-01-01", ["EndDate"] = "2027-12-31",
                ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung 01.10.2026, TOP 4", ["IsPublic"] = "true",
            });
            Assert.True(measure.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(measure));
            var saved = await QueryAsync(app, db => db.Measures.SingleAsync(m => m.Title == title));
            Assert.Equal((1.5m, 85_000m, 1_250_000.75m, 40), (saved.Weight, saved.PlannedBudget, saved.SpentBudget, saved.Progress));

            // The edit form shows the amounts as this language writes them, so saving unchanged keeps them.
            var edit = await Html.ParseAsync(await office.GetAsync($"/verwaltung/massnahmen/bearbeiten/{saved.Id}"));
            Assert.Equal(planned + (language == "de" ? ",00" : ".00"), edit.QuerySelector("#PlannedBudget")!.GetAttribute("value"));

            var name = "Einsätze " + language;
            var indicator = await office.PostFormAsync("/verwaltung/kennzahlen/bearbeiten", new()
            {
                ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Name"] = name, ["Unit"] = "Anzahl", ["DataSource"] = "Ordnungsamt",
                ["BaselineValue"] = language == "de" ? "12.000" : "12,000", ["BaselineDate"] = "2024-01-01",
                ["TargetValue"] = language == "de" ? "10.500,5" : "10,500.5", ["TargetDate"] = "2028-01-01", ["Direction"] = "LowerIsBetter", ["IsPublic"] = "true",
            });
            Assert.True(indicator.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(indicator));
            var kpi = await QueryAsync(app, db => db.Indicators.SingleAsync(i => i.Name == name));
            Assert.Equal((12_000m, 10_500.5m), (kpi.BaselineValue, kpi.TargetValue));

            var value = await office.PostFormAsync($"/verwaltung/kennzahlen/bearbeiten/{kpi.Id}?handler=Value",
                new() { ["ValueDate"] = "2026-01-01", ["Value"] = language == "de" ? "11.250" : "11,250" }, $"/verwaltung/kennzahlen/bearbeiten/{kpi.Id}");
            Assert.True(value.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(value));
            Assert.Equal(11_250m, await QueryAsync(app, db => db.IndicatorValues.Where(v => v.IndicatorId == kpi.Id).Select(v => v.Value).SingleAsync()));
        }
    }

    [Theory, Engines]
    public async Task A_number_that_fits_neither_convention_is_refused_at_its_field_and_nothing_is_saved(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = Speaking(await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office)), "de");
        var node = await QueryAsync(app, db => db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync());
        var form = new Dictionary<string, string>
        {
            ["FieldOfActionId"] = node.ToString(CultureInfo.InvariantCulture), ["Title"] = "Neue Maßnahme", ["Status"] = "InProgress", ["Progress"] = "40",
            ["Weight"] = "1", ["StartDate"] = "2026-01-01", ["EndDate"] = "2027-12-31", ["SourceKind"] = "MeetingDecision", ["SourceText"] = "Vollversammlung", ["IsPublic"] = "true",
        };

        foreach (var (field, text, message) in new[]
        {
            ("PlannedBudget", "85.00.0", "Das geplante Budget muss eine Zahl sein, zum Beispiel 1500,50."),
            ("SpentBudget", "1.2345,6", "Die verausgabten Mittel muss eine Zahl sein, zum Beispiel 1500,50."),
            ("Weight", "1,5,0", "Das Gewicht muss eine Zahl sein, zum Beispiel 1500,50."),
            ("Progress", "40,5", "„40,5“ ist hier kein gültiger Wert."), // a whole number field refuses a fraction instead of rounding it
        })
        {
            var bad = new Dictionary<string, string>(form) { [field] = text };
            var response = await office.PostFormAsync("/verwaltung/massnahmen/bearbeiten", bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
            Assert.Equal(text, page.QuerySelector("#" + field)!.GetAttribute("value")); // what was typed stays
        }

        Assert.Equal(0, await QueryAsync(app, db => db.Measures.CountAsync()));
    }

    [Theory, Engines]
    public async Task A_KPI_file_with_a_value_that_reads_two_ways_is_refused_with_a_precise_message(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var indicators = scope.ServiceProvider.GetRequiredService<Indicators>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var node = await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync();
        var kpi = new Indicator { FieldOfActionId = node, Name = "Einsätze", Unit = "Anzahl", IsPublic = true };
        db.Indicators.Add(kpi);
        await db.SaveChangesAsync();

        var csv = "Datum;Wert\n01.01.2025;12.345\n01.02.2025;12,5\n";
        var (imported, errors) = await indicators.ImportCsvAsync(kpi.Id, System.Text.Encoding.UTF8.GetBytes(csv), CancellationToken.None);

        Assert.Equal(0, imported);
        Assert.Contains(errors, e => e.Line == 2 && e.Key.Contains("Tausender oder als Dezimalzahl", StringComparison.Ordinal));
        Assert.Equal(0, await db.IndicatorValues.CountAsync(v => v.IndicatorId == kpi.Id));
    }

    /// <summary>
    /// What a whole-number field did with the text: the page's messages (error summary) and whether it went through (a redirect).
    /// </summary>
    private static async Task<(bool Saved, string Messages)> PostAsync(HttpClient client, string url, Dictionary<string, string> form, string formPage)
    {
        var response = await client.PostFormAsync(url, form, formPage);
        return response.StatusCode == HttpStatusCode.Redirect ? (true, "") : (false, await MeetingChainTests.Errors(response));
    }

    /// <summary>
    /// Every whole-number field of the meeting and body forms — the weekly repeats of a new meeting, the votes for, against and
    /// abstaining, the quorum share of the rules of procedure, a fraction's council seats — reads "1.000" in German and "1,000" in
    /// English as a thousand (stored, or refused by the field's own limit, which a misread 1 would pass), and refuses a fraction.
    /// </summary>
    [Theory, Engines]
    public async Task Every_whole_number_field_of_the_meeting_and_body_forms_reads_thousands_and_refuses_fractions(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var organization = body.OrganizationId.ToString(CultureInfo.InvariantCulture);
        Task<int> MeetingsAsync() => QueryAsync(app, db => db.Meetings.CountAsync(m => m.OrganizationId == body.OrganizationId));

        // Meeting: "Wöchentlich wiederholen" (at most 52 further dates). A misread "1" would make a series of two.
        const string newMeeting = "/verwaltung/sitzungen/bearbeiten";
        Dictionary<string, string> Meeting(string repeat) => new()
        {
            ["OrganizationId"] = organization, ["Title"] = "Serie", ["Date"] = "2026-12-02", ["StartTime"] = "09:00", ["EndTime"] = "10:00", ["RepeatWeekly"] = repeat,
        };
        foreach (var (language, thousand) in new[] { ("de", "1.000"), ("en", "1,000") })
        {
            var (saved, messages) = await PostAsync(Speaking(office, language), newMeeting, Meeting(thousand), newMeeting);
            Assert.False(saved, $"RepeatWeekly {thousand} ({language}) was accepted");
            Assert.Contains("52", messages);
        }

        Speaking(office, "de");
        Assert.Contains("„1,5“ ist hier kein gültiger Wert.", (await PostAsync(office, newMeeting, Meeting("1,5"), newMeeting)).Messages);
        Assert.Equal(0, await MeetingsAsync());
        Assert.True((await PostAsync(office, newMeeting, Meeting("2"), newMeeting)).Saved);
        Assert.Equal(3, await MeetingsAsync());

        // Votes: "Ja", "Nein", "Enthaltung"; two voting members present, so a thousand is refused with the number as read.
        int meetingId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Attendance and votes are recorded on the meeting's day: one this morning.
            var start = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
            var meeting = new Meeting { OrganizationId = body.OrganizationId, Title = "Sitzung", Start = start, End = start.AddHours(2), IsPublic = true, CalendarUid = $"{Guid.NewGuid():N}@test" };
            meeting.AgendaItems.Add(new AgendaItem { Number = "1", SortKey = AgendaNumber.SortKey("1"), Title = "Beschluss" });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            meetingId = meeting.Id;
        }

        var conduct = $"/verwaltung/sitzungen/{meetingId}/ablauf";
        var attendance = new FormUrlEncodedContent(
        [
            new("present", body.Bernd.ToString(CultureInfo.InvariantCulture)), new("present", body.Clara.ToString(CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", await office.AntiforgeryTokenAsync(conduct)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"{conduct}?handler=Attendance", attendance)).StatusCode);
        var item = await MeetingChainTests.ItemIdAsync(app, meetingId, "1");
        foreach (var field in new[] { "Yes", "No", "Abstain" })
        {
            Dictionary<string, string> Vote(string value) => new(new Dictionary<string, string> { ["VoteItemId"] = item, ["Subject"] = "Beschluss", ["Yes"] = "0", ["No"] = "0", ["Abstain"] = "0" }) { [field] = value };
            Assert.Contains("Eingetragen sind 1000 Stimmen, anwesend sind aber nur 2 Stimmberechtigte",
                (await PostAsync(Speaking(office, "de"), $"{conduct}?handler=Vote", Vote("1.000"), conduct)).Messages);
            Assert.Contains("1000 votes are entered, but only 2 voting members are present",
                (await PostAsync(Speaking(office, "en"), $"{conduct}?handler=Vote", Vote("1,000"), conduct)).Messages);
            Assert.Contains("„2,5“ ist hier kein gültiger Wert.", (await PostAsync(Speaking(office, "de"), $"{conduct}?handler=Vote", Vote("2,5"), conduct)).Messages);
        }

        Assert.Equal(0, await QueryAsync(app, db => db.Votes.CountAsync()));

        // Body: the quorum share of the rules of procedure (1 to 99 per cent). A misread "1" would be stored as 1 %.
        var edit = $"/verwaltung/gremien/bearbeiten/{body.OrganizationId}";
        Dictionary<string, string> Rules(string percent) => new()
        {
            ["RulesAdoptedBy"] = "AG, Sitzung vom 01.02.2026", ["RulesAdoptedOn"] = "2026-02-01", ["RulesText"] = "§ 3 Beschlussfähigkeit", ["RulesQuorumPercent"] = percent,
        };
        foreach (var (language, thousand) in new[] { ("de", "1.000"), ("en", "1,000") })
        {
            var (saved, messages) = await PostAsync(Speaking(office, language), $"{edit}?handler=Rules", Rules(thousand), edit);
            Assert.False(saved, $"RulesQuorumPercent {thousand} ({language}) was accepted");
            Assert.Contains("99", messages);
        }

        Assert.Contains("„66,5“ ist hier kein gültiger Wert.", (await PostAsync(Speaking(office, "de"), $"{edit}?handler=Rules", Rules("66,5"), edit)).Messages);
        Assert.Equal(0, await QueryAsync(app, db => db.RulesOfProcedure.CountAsync(r => r.OrganizationId == body.OrganizationId)));

        // Body: a fraction's seats in the council (0 to 1000), stored as typed.
        var fractions = await QueryAsync(app, db => db.Organizations.Where(o => o.Kind == OrganizationKind.Fraction && o.Classification == "Fraktion" && o.CouncilSeats != null)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.CouncilSeats }).ToListAsync());
        Dictionary<string, string> Seats(int changed, string value)
        {
            var form = fractions.ToDictionary(f => $"Seats[{f.Id}]", f => f.CouncilSeats!.Value.ToString(CultureInfo.InvariantCulture));
            form[$"Seats[{fractions[changed].Id}]"] = value;
            form["Reason"] = "Test";
            return form;
        }

        foreach (var (language, thousand, changed) in new[] { ("de", "1.000", 0), ("en", "1,000", 1) })
        {
            var (saved, messages) = await PostAsync(Speaking(office, language), "/verwaltung/ratssitze?handler=Apply", Seats(changed, thousand), "/verwaltung/ratssitze");
            Assert.True(saved, messages);
            Assert.Equal(1000, await QueryAsync(app, db => db.Organizations.Where(o => o.Id == fractions[changed].Id).Select(o => o.CouncilSeats).SingleAsync()));
        }

        var refused = await PostAsync(Speaking(office, "de"), "/verwaltung/ratssitze?handler=Apply", Seats(2, "12,5"), "/verwaltung/ratssitze");
        Assert.False(refused.Saved);
        Assert.Contains("„12,5“ ist hier kein gültiger Wert.", refused.Messages);
        Assert.Equal(fractions[2].CouncilSeats, await QueryAsync(app, db => db.Organizations.Where(o => o.Id == fractions[2].Id).Select(o => o.CouncilSeats).SingleAsync()));
    }

    /// <summary>The lab's draw: the number of invitations and the panel size read thousands in both languages and refuse fractions.</summary>
    [Theory, Engines]
    public async Task The_whole_number_fields_of_the_lab_draw_read_thousands_and_refuse_fractions(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, LabChainTests.Settings);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var id = await LabChainTests.ApprovedLabAsync(office);
        var draw = $"/verwaltung/quartierslabore/{id}/losverfahren";
        Assert.Equal("done", (await office.FinishAsync(await office.PostFileAsync($"{draw}?handler=Import", draw, new() { ["referenceDate"] = "2026-11-01" }, "file", "auszug.csv", LabChainTests.Register(60)))).State);

        // "Anzahl der Einladungen": the extract has 60 people, so a thousand is refused with the number as read.
        Dictionary<string, string> Draw(string count) => new() { ["count"] = count, ["method"] = "simple", ["drawSeed"] = "17 4 33 8", ["referenceDate"] = "2026-11-01" };
        Assert.Contains("Es sollen 1000 Personen eingeladen werden, der Auszug enthält aber nur 60.", (await PostAsync(Speaking(office, "de"), $"{draw}?handler=Draw", Draw("1.000"), draw)).Messages);
        Assert.Contains("1000 people are to be invited, but the extract contains only 60.", (await PostAsync(Speaking(office, "en"), $"{draw}?handler=Draw", Draw("1,000"), draw)).Messages);
        var fraction = await PostAsync(Speaking(office, "de"), $"{draw}?handler=Draw", Draw("12,5"), draw);
        Assert.False(fraction.Saved);
        Assert.Contains("„12,5“ ist", fraction.Messages);
        Assert.Equal(0, await QueryAsync(app, db => db.LabInvitations.CountAsync(i => i.LabId == id)));
        Assert.True((await PostAsync(office, $"{draw}?handler=Draw", Draw("10"), draw)).Saved);

        // "Zahl der Teilnehmenden": 10 registrations.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Labs.SingleAsync(l => l.Id == id)).State = LabState.RegistrationOpen;
            foreach (var invitation in await db.LabInvitations.Where(i => i.LabId == id).ToListAsync())
            {
                invitation.UsedAt = app.Clock.GetUtcNow();
                db.LabRegistrations.Add(new LabRegistration
                {
                    LabId = id, InvitationId = invitation.Id, AgeBand = "25-34", Gender = invitation.RowIndex % 2 == 0 ? "female" : "male",
                    Contact = $"person{invitation.RowIndex}@example.org", RegisteredAt = app.Clock.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync();
        }

        Dictionary<string, string> Select(string size) => new() { ["PanelSize"] = size, ["Algorithm"] = "leximin", ["Seed"] = "3 9 21 30 41 45", ["Quotas"] = "Geschlecht; weiblich; 0; 1000" };
        Assert.Contains("Es sollen 1000 Teilnehmende ausgelost werden, angemeldet haben sich aber nur 10.", (await PostAsync(Speaking(office, "de"), $"{draw}?handler=Select", Select("1.000"), draw)).Messages);
        Assert.Contains("1000 participants are to be drawn, but only 10 have registered.", (await PostAsync(Speaking(office, "en"), $"{draw}?handler=Select", Select("1,000"), draw)).Messages);
        var half = await PostAsync(Speaking(office, "de"), $"{draw}?handler=Select", Select("4,5"), draw);
        Assert.False(half.Saved);
        Assert.Contains("„4,5“ ist", half.Messages);
        Assert.False(await QueryAsync(app, db => db.PanelSelections.AnyAsync(s => s.LabId == id)));
    }
}
