using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>A vote in a meeting without quorum is stored only after the Office confirms it, and the minutes (page and PDF) say it was taken without quorum.</summary>
public class QuorumVoteTests
{
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory, Engines]
    public async Task A_vote_without_quorum_needs_the_Offices_confirmation_and_the_minutes_show_it(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var body = await MeetingChainTests.CreateBodyAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        int id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var start = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
            var meeting = new Meeting
            {
                OrganizationId = body.OrganizationId, Title = "3. Sitzung", Start = start, End = start.AddHours(2), Room = "Raum 1", IsPublic = true, State = MeetingState.Invited,
                CalendarUid = $"{Guid.NewGuid():N}@test",
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            id = meeting.Id;
        }

        var agenda = $"/verwaltung/sitzungen/{id}/tagesordnung";
        await office.PostFormAsync($"{agenda}?handler=Item", new() { ["Number"] = "1", ["ItemTitle"] = "Antrag Sauberkeit Nordmarkt", ["ItemIsPublic"] = "true" }, agenda);
        var item = await MeetingChainTests.ItemIdAsync(app, id, "1");

        // One of three voting seats is filled: two are needed.
        var conduct = $"/verwaltung/sitzungen/{id}/ablauf";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{conduct}?handler=Attendance", new() { ["present"] = body.Bernd.ToString(CultureInfo.InvariantCulture) }, conduct)).StatusCode);
        var vote = new Dictionary<string, string>
        {
            ["VoteItemId"] = item, ["Subject"] = "Antrag Sauberkeit Nordmarkt", ["Yes"] = "1", ["No"] = "0", ["Abstain"] = "0", ["Resolution"] = "Die AG empfiehlt mehr Reinigung.",
        };
        var asked = await office.PostFormAsync($"{conduct}?handler=Vote", vote, conduct);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await Html.ParseAsync(asked);
        Assert.Contains("Das Gremium ist nicht beschlussfähig: 1 von 3 stimmberechtigten Sitzen sind besetzt, nötig sind 2. Bitte bestätigen Sie, dass trotzdem abgestimmt wurde",
            page.QuerySelector(".error-summary")!.Text());
        Assert.Equal("Antrag Sauberkeit Nordmarkt", page.QuerySelector("input#Subject")!.GetAttribute("value"));
        Assert.Contains("Ich bestätige: Es wurde abgestimmt, obwohl das Gremium nicht beschlussfähig war (1 von 3 Sitzen besetzt, nötig 2).", page.QuerySelector("label[for=ConfirmWithoutQuorum]")!.Text());
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Votes.CountAsync());
        }

        vote["ConfirmWithoutQuorum"] = "true";
        var confirmed = await office.PostFormAsync($"{conduct}?handler=Vote", vote, conduct);
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, await MeetingChainTests.Errors(confirmed));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Votes.SingleAsync();
            Assert.Equal((false, 1, 3), (stored.QuorumReached, stored.VotingPresent, stored.VotingSeats));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Vote) && a.Reason == "ohne Beschlussfähigkeit abgestimmt, von der Geschäftsstelle bestätigt"));
        }

        // The minutes: the circulated draft on the meeting's page and its PDF.
        var minutes = $"/verwaltung/sitzungen/{id}/niederschrift";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Save", new() { [$"notes[{item}]"] = "Die AG berät über die Reinigung." }, minutes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Circulate", new() { ["deadline"] = "2026-12-10" }, minutes)).StatusCode);
        var draft = (await office.GetPageAsync($"/sitzungen/{id}")).QuerySelector("p.minutes-no-quorum")!.Text();
        Assert.Equal("Ohne Beschlussfähigkeit abgestimmt: 1 von 3 stimmberechtigten Sitzen waren besetzt, das Gremium war nicht beschlussfähig.", draft);

        var pdf = await office.GetByteArrayAsync($"{minutes}?handler=Draft&format=pdf");
        using var document = PdfDocument.Open(pdf);
        var text = Squeeze(string.Join(" ", document.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("Abstimmung: Antrag Sauberkeit Nordmarkt. Ja 1, Nein 0, Enthaltung 0: angenommen."), text);
        Assert.Contains(Squeeze("Ohne Beschlussfähigkeit abgestimmt: 1 von 3 stimmberechtigten Sitzen waren besetzt, das Gremium war nicht beschlussfähig."), text);
    }
}
