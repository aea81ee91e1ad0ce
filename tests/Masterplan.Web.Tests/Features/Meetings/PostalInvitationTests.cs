using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>
/// Invitations and minutes that reach nobody by e-mail (docs/architecture.md, Meetings): a body without members is refused
/// and the state stays; members without an address are named, told apart from the e-mailed ones, and invited by post
/// (letters as tagged PDF, an address list as CSV).
/// </summary>
public class PostalInvitationTests
{
    private static async Task<(int Body, int Meeting)> BodyWithMeetingAsync(AppFactory app, bool withMembers)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parent = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var body = new Organization { Name = "AG Post", Kind = OrganizationKind.WorkingGroup, ParentId = parent.Id, StartDate = new DateOnly(2026, 1, 1) };
        db.Organizations.Add(body);
        if (withMembers)
        {
            db.Memberships.AddRange(
                new Membership { Person = new Person { GivenName = "Mira", FamilyName = "Mail", Email = "mira@example.org" }, Organization = body, StartDate = new DateOnly(2026, 1, 1) },
                new Membership { Person = new Person { GivenName = "Paul", FamilyName = "Post" }, Organization = body, StartDate = new DateOnly(2026, 1, 1) },
                new Membership { Person = new Person { GivenName = "Fritz", FamilyName = "=HYPERLINK(\"x\")" }, Organization = body, StartDate = new DateOnly(2026, 1, 1) });
        }

        var start = new DateTimeOffset(2026, 12, 9, 16, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting
        {
            Organization = body, Title = "Sitzung mit Post", Start = start, End = start.AddHours(2), Room = "Raum 1", IsPublic = true,
            State = MeetingState.Scheduled, CalendarUid = $"{Guid.NewGuid():N}@test",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (body.Id, meeting.Id);
    }

    private static async Task<MeetingState> StateAsync(AppFactory app, int id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Meetings.Where(m => m.Id == id).Select(m => m.State).SingleAsync();
    }

    [Theory, Engines]
    public async Task Inviting_a_body_without_members_is_refused_and_the_state_stays(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail });
        var (_, id) = await BodyWithMeetingAsync(app, withMembers: false);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = $"/verwaltung/sitzungen/bearbeiten/{id}";

        var refused = await office.PostFormAsync($"{page}?handler=Invite", [], page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("es gibt niemanden, der eingeladen werden kann. Der Status der Sitzung bleibt unverändert.", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.Text());
        Assert.Equal(MeetingState.Scheduled, await StateAsync(app, id));
        Assert.Empty(await MeetingChainTests.MailsAsync(app, mail));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"{page}?handler=Letters")).StatusCode);
    }

    [Theory, Engines]
    public async Task Members_without_an_address_are_named_and_invited_by_post(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail });
        var (_, id) = await BodyWithMeetingAsync(app, withMembers: true);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = $"/verwaltung/sitzungen/bearbeiten/{id}";

        // Before inviting, the page already says who will need a letter.
        var before = (await office.GetPageAsync(page)).QuerySelector("section.notice.warning")!.Text();
        Assert.Contains("2 Personen haben keine E-Mail-Adresse", before);
        Assert.Contains("Paul Post", before);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=Invite", [], page)).StatusCode);
        var after = await office.GetPageAsync(page);
        Assert.Equal("Die Einladung ging per E-Mail an 1 Person.", after.QuerySelector("p.notice[role=status]")!.Text());
        var warning = after.QuerySelector("p.notice.warning[role=alert]")!.Text();
        Assert.Contains("an sie wurde nichts gemailt", warning);
        Assert.Contains("Paul Post", warning);
        Assert.DoesNotContain("Mira", warning);
        // The state changes: the invitation is complete once the letters are posted (the page keeps offering them).
        Assert.Equal(MeetingState.Invited, await StateAsync(app, id));
        Assert.Single(await MeetingChainTests.MailsAsync(app, mail));

        var letters = await office.GetAsync($"{page}?handler=Letters");
        Assert.Equal("application/pdf", letters.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", letters.Headers.CacheControl!.ToString());
        using (var pdf = PdfDocument.Open(await letters.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(2, pdf.NumberOfPages);
            var first = pdf.GetPage(1).Text + " " + pdf.GetPage(2).Text;
            Assert.Contains("Paul Post", first);
            Assert.Contains("Sitzung mit Post", first);
            Assert.Contains("09.12.2026", first);
            Assert.DoesNotContain("Mira", first);
            Assert.True(pdf.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("StructTreeRoot")), "the letters are a tagged PDF");
        }

        var csv = await office.GetByteArrayAsync($"{page}?handler=Addresses");
        var text = System.Text.Encoding.UTF8.GetString(csv);
        Assert.StartsWith("\uFEFFTitel,Vorname,Nachname", text);
        Assert.Contains(",Paul,Post,Paul Post,", text);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text); // a formula-looking name is text in a spreadsheet
        Assert.DoesNotContain("Mira", text);

        // In English the same warning.
        office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Contains("2 people have no e-mail address", (await office.GetPageAsync(page)).QuerySelector("section.notice.warning")!.Text());

        // Nobody else may have the list.
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{page}?handler=Addresses")).StatusCode);
    }

    [Theory, Engines]
    public async Task The_letters_carry_the_bodys_public_indicators_and_goals_of_the_day_they_are_printed(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail });
        var (body, id) = await BodyWithMeetingAsync(app, withMembers: true);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var field = await db.FieldsOfAction.Where(f => f.SeedKey == "field:2.5").Select(f => f.Id).SingleAsync();
            foreach (var (name, isPublic) in new[] { ("Lärmbeschwerden", true), ("Geheime Kennzahl XQ7", false) })
            {
                db.Indicators.Add(new Indicator
                {
                    FieldOfActionId = field, OrganizationId = body, Name = name, Unit = "Fälle", IsPublic = isPublic, Direction = IndicatorDirection.LowerIsBetter,
                    Values = [new IndicatorValue { Date = new DateOnly(2026, 11, 2), Value = 14 }],
                });
            }

            db.BodyGoals.Add(new BodyGoal { OrganizationId = body, Title = "Ruhige Nächte am Platz", TargetDate = new DateOnly(2027, 3, 31), IsPublic = true,
                Milestones = [new BodyMilestone { Title = "Beschilderung aufgestellt", DueDate = new DateOnly(2026, 11, 20) }] });
            await db.SaveChangesAsync();
        }

        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var page = $"/verwaltung/sitzungen/bearbeiten/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{page}?handler=Invite", [], page)).StatusCode);
        var letters = await office.GetAsync($"{page}?handler=Letters");
        Assert.Equal(HttpStatusCode.OK, letters.StatusCode);
        using var pdf = PdfDocument.Open(await letters.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Kennzahlen und Ziele des Gremiums mit Stand vom 23.11.2026:", text);
        Assert.Contains("Lärmbeschwerden", text);
        Assert.Contains("14 Fälle am 02.11.2026", text);
        Assert.Contains("Ruhige Nächte am Platz", text);
        Assert.Contains("überfällig seit 3 Tagen", text);
        Assert.DoesNotContain("XQ7", text);
    }

    [Theory, Engines]
    public async Task Circulating_minutes_names_who_got_nothing_and_refuses_an_empty_body(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail });
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        foreach (var withMembers in new[] { false, true })
        {
            var (_, id) = await BodyWithMeetingAsync(app, withMembers);
            var minutes = $"/verwaltung/sitzungen/{id}/niederschrift";
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{minutes}?handler=Save", new() { ["introduction"] = "Eröffnung." }, minutes)).StatusCode);
            var circulated = await office.PostFormAsync($"{minutes}?handler=Circulate", new() { ["deadline"] = "2026-12-30" }, minutes);
            await using var scope = app.Scope();
            var state = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Minutes.Where(m => m.MeetingId == id).Select(m => m.State).SingleAsync();
            if (!withMembers)
            {
                Assert.Contains("kann niemandem zur Durchsicht vorgelegt werden", (await Html.ParseAsync(circulated)).QuerySelector(".error-summary")!.Text());
                Assert.Equal(MinutesState.Draft, state);
                continue;
            }

            Assert.Equal(HttpStatusCode.Redirect, circulated.StatusCode);
            Assert.Equal(MinutesState.Circulated, state);
            var shown = await office.GetPageAsync(minutes);
            Assert.StartsWith("Fassung 1 ist per E-Mail an 1 Person zur Durchsicht versandt", shown.QuerySelector("p.notice[role=status]")!.Text());
            var warning = shown.QuerySelector("p.notice.warning[role=alert]")!.Text();
            Assert.Contains("Paul Post", warning);
            Assert.Contains("nichts gemailt", warning);
        }
    }
}
