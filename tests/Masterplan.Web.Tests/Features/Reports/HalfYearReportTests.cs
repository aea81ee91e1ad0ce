using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Masterplan.Web.Tests.Features.Reports;

/// <summary>
/// The half-year report to the committee: compiled from the modules, written by the Office, approved once by another member
/// of the Lenkungskreis, frozen, and sent as a Mitteilung; every figure is checked against a count made here in the database.
/// </summary>
public class HalfYearReportTests
{
    private static readonly DateOnly From = new(2026, 5, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    private const string Url = "/verwaltung/berichte/halbjahr/bearbeiten";

    [Theory, Engines]
    public async Task A_report_is_compiled_edited_approved_frozen_and_sent_and_its_figures_match_the_database(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var seeded = await SeedAsync(app);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", seeded.OfficePerson, Roles.Office));
        var otherOffice = await Users.SignInAsync(app, await Users.CreateAsync(app, "office2@stadtdo.de", Roles.Office));
        var steering = await Users.SignInAsync(app, await Users.CreateAsync(app, "lenkung@stadtdo.de", seeded.SteeringPerson));
        var plenaryOnly = await Users.SignInAsync(app, await Users.CreateAsync(app, "vollversammlung@stadtdo.de", seeded.PlenaryPerson));

        // Bad input: nothing is stored.
        var backwards = await Body(await office.PostFormAsync(Url, Form("2026-10-31", "2026-05-01")));
        Assert.Contains("Das Ende des Zeitraums liegt vor seinem Beginn.", backwards, StringComparison.Ordinal);
        var future = await Body(await office.PostFormAsync(Url, Form("2026-07-01", "2026-12-31")));
        Assert.Contains("Das Ende des Zeitraums liegt in der Zukunft", future, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, db => db.HalfYearReports.CountAsync()));

        var saved = await office.PostFormAsync(Url, Form("2026-05-01", "2026-10-31"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = saved.Headers.Location!.OriginalString;
        var id = int.Parse(edit.Split('/').Last(), CultureInfo.InvariantCulture);

        // The preview compiles with today's figures and links each figure to the page behind it.
        var preview = await Body(await office.GetAsync($"/verwaltung/berichte/halbjahr/{id}/fassung"));
        Assert.Contains($"href=\"/massnahmen/{seeded.Measure}\"", preview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sitzungen/{seeded.Meeting}\"", preview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/quartierslabore/{seeded.Lab}\"", preview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/beteiligung/{seeded.Call}\"", preview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/kennzahlen/{seeded.Indicator}\"", preview, StringComparison.Ordinal);
        Assert.Contains("<svg", preview, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(edit + "?handler=Submit", new(), edit)).StatusCode);
        var inReview = await Body(await office.PostFormAsync(edit, Form("2026-05-01", "2026-10-30"), edit));
        Assert.Contains("Fassung 1 liegt dem Lenkungskreis zur Freigabe vor und kann nicht geändert werden.", inReview, StringComparison.Ordinal);

        // Every section's numbers, frozen in the edition, against counts made here.
        var content = await CountAsync(app, async db => ReportContent.FromJson((await db.HalfYearReportEditions.SingleAsync()).ContentJson));
        await using (var scope = app.Scope())
        {
            await AssertFiguresAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), content, seeded);
        }

        // Approval: not by a member of another body, not by the one who submitted it, once by the Lenkungskreis.
        var approve = $"/verwaltung/berichte/halbjahr/{id}/freigabe";
        Assert.Contains("Freigeben kann nur, wer heute Mitglied des Lenkungskreises ist.", await Body(await plenaryOnly.PostFormAsync(approve + "?handler=Approve", new(), approve)), StringComparison.Ordinal);
        Assert.Contains("Sie haben diese Fassung selbst zur Freigabe vorgelegt.", await Body(await office.PostFormAsync(approve + "?handler=Approve", new(), approve)), StringComparison.Ordinal);
        var department = await Users.SignInAsync(app, await Users.CreateAsync(app, "amt@stadtdo.de", Roles.DepartmentStaff));
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync(approve)).StatusCode);
        Assert.Equal(HalfYearStatus.InReview, await CountAsync(app, db => db.HalfYearReports.Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await steering.PostFormAsync(approve + "?handler=Approve", new(), approve)).StatusCode);
        var twice = await Body(await steering.PostFormAsync(approve + "?handler=Approve", new(), approve));
        Assert.Contains("Fassung 1 ist schon freigegeben: von ", twice, StringComparison.Ordinal);

        // Frozen: the edition keeps its figures when the work changes, and the report refuses edits.
        var frozen = await Body(await otherOffice.PostFormAsync(edit, Form("2026-05-01", "2026-10-31"), edit));
        Assert.Contains("Fassung 1 ist freigegeben und bleibt unverändert.", frozen, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Measures.Add(new Measure { FieldOfActionId = seeded.Field, Title = "Später hinzugekommen", IsPublic = true, UpdatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var editionPage = await Body(await steering.GetAsync($"/verwaltung/berichte/halbjahr/{id}/fassung/1"));
        Assert.DoesNotContain("Später hinzugekommen", editionPage, StringComparison.Ordinal);
        Assert.Contains("Später hinzugekommen", await Body(await office.GetAsync($"/verwaltung/berichte/halbjahr/{id}/fassung")), StringComparison.Ordinal);
        Assert.Equal(content.ToJson(), await CountAsync(app, async db => (await db.HalfYearReportEditions.SingleAsync()).ContentJson));

        // The PDF is tagged: language, structure tree, an alt text for every chart.
        var pdf = await office.GetByteArrayAsync($"/verwaltung/berichte/halbjahr/{id}/fassung/1?handler=File&format=pdf");
        AssertTagged(pdf, content.Sections.Sum(s => s.Charts.Count));
        var docx = await office.GetAsync($"/verwaltung/berichte/halbjahr/{id}/fassung/1?handler=File&format=docx");
        Assert.Equal(ReportDocument.DocxType, docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);

        // Sent as a Mitteilung to the committee with the edition's PDF; approval and sending are audited.
        Assert.Contains("Bitte geben Sie das Datum der Beratung an.", await Body(await office.PostFormAsync(edit + "?handler=Send", new() { ["MeetingDate"] = "" }, edit)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(edit + "?handler=Send", new() { ["MeetingDate"] = "2027-01-20" }, edit)).StatusCode);
        Assert.Contains("Fassung 1 ist schon als Mitteilung gesendet.", await Body(await office.PostFormAsync(edit + "?handler=Send", new() { ["MeetingDate"] = "2027-01-20" }, edit)), StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = await db.HalfYearReports.SingleAsync();
            Assert.Equal(HalfYearStatus.Sent, report.Status);
            var paper = await db.Papers.Include(p => p.Consultations).Include(p => p.Files).SingleAsync(p => p.Id == report.PaperId);
            var committee = await db.Organizations.SingleAsync(o => o.Id == paper.Consultations.Single().OrganizationId);
            Assert.Equal(("Mitteilung", HalfYearDesk.Committee, OrganizationKind.Committee), (paper.PaperType, committee.Name, committee.Kind));
            Assert.Equal(ConsultationRole.Acknowledgement, paper.Consultations.Single().Role);
            Assert.Equal("application/pdf", paper.Files.Single().MediaType);
            var reportId = report.Id.ToString(CultureInfo.InvariantCulture);
            var actions = await db.AuditEntries.Where(a => a.EntityId == reportId && a.EntityType == nameof(HalfYearReport)).Select(a => a.Action).ToListAsync();
            Assert.Contains("reports.halfyear.approved", actions);
            Assert.Contains("reports.halfyear.sent", actions);
        }

        // The paper is public: its page and its PDF name the Lenkungskreis and the date, never the staff who wrote,
        // approved or sent it (their sign-in addresses and names are planted here).
        var anonymous = Users.Client(app);
        var paperId = await CountAsync(app, db => db.HalfYearReports.Select(r => r.PaperId!.Value).SingleAsync());
        var paperPage = await Body(await anonymous.GetAsync($"/vorlagen/{paperId}"));
        var fileId = await CountAsync(app, db => db.Papers.Where(p => p.Id == paperId).SelectMany(p => p.Files).Select(f => f.Id).SingleAsync());
        using (var published = UglyToad.PdfPig.PdfDocument.Open(await anonymous.GetByteArrayAsync($"/vorlagen/{paperId}/dateien/{fileId}")))
        {
            var text = string.Join("\n", published.GetPages().Select(p => p.Text));
            Assert.Contains("Lenkungskreis, ", text, StringComparison.Ordinal);
            var staff = await CountAsync(app, db => db.Users.Where(u => u.Email!.EndsWith("@stadtdo.de")).Select(u => new { u.Email, u.DisplayName }).ToListAsync());
            foreach (var planted in staff.SelectMany(u => new[] { u.Email!, u.DisplayName }).Where(s => !string.IsNullOrEmpty(s)))
            {
                Assert.DoesNotContain(planted!, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(planted!, paperPage, StringComparison.OrdinalIgnoreCase);
            }
        }

        // A new version starts from the approved one; edition 1 stays approved and unchanged.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(edit + "?handler=NewVersion", new(), edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(edit, Form("2026-05-01", "2026-10-31", "Neue Einleitung."), edit)).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = await db.HalfYearReports.SingleAsync();
            Assert.Equal((2, HalfYearStatus.Draft, "Neue Einleitung."), (report.Version, report.Status, report.Introduction));
            var first = await db.HalfYearReportEditions.SingleAsync();
            // The clock stands off whole seconds (AppFactory): the stored moment is the one the app took (its time as both
            // engines keep it, AppDbContext.Now), on SQLite and PostgreSQL alike.
            Assert.Equal(Masterplan.Web.Features.Audit.AuditChain.Truncate(app.Clock.GetUtcNow()), first.ApprovedAt);
            Assert.Equal("Die Lage hat sich verbessert.", first.Introduction);
        }
    }

    [Theory, Engines]
    public async Task No_suppressed_cell_can_be_recovered_from_two_published_figures(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await SeedAsync(app);
        ReportContent content;
        await using (var scope = app.Scope())
        {
            content = await scope.ServiceProvider.GetRequiredService<HalfYearCompiler>().CompileAsync(From, To, CancellationToken.None);
        }

        var published = content.Sections.Where(s => s.Key is "confidential" or "enforcement").SelectMany(s => s.Tables).ToList();
        Assert.Contains(published, t => t.Rows.Any(r => r.Cells.Contains(ConfidentialFigures.Hidden)));
        foreach (var table in published.Where(t => t.Total))
        {
            // Rows plus total form one equation per column: with exactly one unknown it could be solved.
            for (var column = 1; column < table.Header.Count; column++)
            {
                var hidden = table.Rows.Count(r => r.Cells[column] == ConfidentialFigures.Hidden);
                Assert.True(hidden != 1, $"{table.Caption}: one hidden cell in column {column} follows from the others");
            }
        }

        // Tables of one population share their total: hidden in one, it must be hidden in all.
        foreach (var population in published.Where(t => t.Total && t.Key.Contains('-', StringComparison.Ordinal) && !t.Key.StartsWith("enforcement", StringComparison.Ordinal))
                     .GroupBy(t => string.Join('-', t.Key.Split('-').Take(2))))
        {
            Assert.Single(population.Select(t => t.Rows[^1].Cells[1]).Distinct());
        }
    }

    [Theory, Engines]
    public async Task Bad_requests_get_precise_messages_and_store_nothing(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var body = await Body(await office.PostFormAsync(Url, new() { ["Input.From"] = "", ["Input.To"] = "", ["Input.Title"] = "" }));
        Assert.Contains("Bitte geben Sie den Beginn des Zeitraums an.", body, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie das Ende des Zeitraums an.", body, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie den Titel an.", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(Url + "/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/verwaltung/berichte/halbjahr/999/fassung/1")).StatusCode);

        var saved = await office.PostFormAsync(Url, Form("2026-05-01", "2026-10-31"));
        var edit = saved.Headers.Location!.OriginalString;
        var send = await Body(await office.PostFormAsync(edit + "?handler=Send", new() { ["MeetingDate"] = "2027-01-20" }, edit));
        Assert.Contains("Gesendet wird nur eine vom Lenkungskreis freigegebene Fassung.", send, StringComparison.Ordinal);
        Assert.Contains("Eine neue Fassung beginnt erst, wenn die jetzige freigegeben ist", await Body(await office.PostFormAsync(edit + "?handler=NewVersion", new(), edit)), StringComparison.Ordinal);
        var id = edit.Split('/').Last();
        var approve = $"/verwaltung/berichte/halbjahr/{id}/freigabe";
        Assert.Contains("Der Bericht ist noch nicht zur Freigabe vorgelegt", await Body(await office.PostFormAsync(approve + "?handler=Approve", new(), approve)), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, db => db.HalfYearReportEditions.CountAsync()));
        Assert.Equal(0, await CountAsync(app, db => db.Papers.CountAsync(p => p.PaperType == "Mitteilung")));
    }

    private static Dictionary<string, string> Form(string from, string to, string introduction = "Die Lage hat sich verbessert.") => new()
    {
        ["Input.From"] = from, ["Input.To"] = to, ["Input.Title"] = "Halbjahresbericht Sommer 2026", ["Input.Introduction"] = introduction,
        ["Input.Assessment"] = "Die Vollversammlung tagte zu selten.", ["Input.Outlook"] = "Mehr Quartierslabore.",
    };

    private static async Task<string> Body(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static async Task<T> CountAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private sealed record Seeded(int Field, int Measure, int Indicator, int Meeting, int Lab, int Call, int SteeringPerson, int OfficePerson, int PlenaryPerson);

    private static DateTimeOffset At(DateOnly day, int hour = 17) => CityTime.ToUtc(day, new TimeOnly(hour, 0));

    /// <summary>Work in every module, inside and outside the period.</summary>
    private static async Task<Seeded> SeedAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow();
        var field = await db.FieldsOfAction.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        Measure M(string title, MeasureStatus status, int progress, bool isPublic = true, int edition = 2) =>
            new() { FieldOfActionId = field, Title = title, Status = status, Progress = progress, IsPublic = isPublic, PlanEdition = edition, UpdatedAt = now };
        var measure = M("Beleuchtung am Nordmarkt", MeasureStatus.InProgress, 40);
        measure.Milestones = [new Milestone { Title = "Leuchten bestellt", DueDate = new DateOnly(2026, 9, 1) }, new Milestone { Title = "Plan fertig", DueDate = new DateOnly(2026, 6, 1), DoneDate = new DateOnly(2026, 5, 20) }];
        db.Measures.AddRange(measure, M("Streetwork ausbauen", MeasureStatus.Implemented, 100), M("Kameras prüfen", MeasureStatus.Proposed, 0),
            M("Vertraulich geplant", MeasureStatus.Decided, 10, isPublic: false), M("Alte Maßnahme 1.0", MeasureStatus.Established, 100, edition: 1));
        var indicator = new Indicator
        {
            FieldOfActionId = field, Name = "Angsträume am Nordmarkt", Unit = "Orte", Direction = IndicatorDirection.LowerIsBetter, IsPublic = true,
            BaselineValue = 20, BaselineDate = new DateOnly(2025, 1, 1), TargetValue = 10, TargetDate = new DateOnly(2027, 1, 1), UpdatedAt = now,
            Values = [new IndicatorValue { Date = new DateOnly(2026, 1, 1), Value = 18 }, new IndicatorValue { Date = new DateOnly(2026, 9, 1), Value = 14 }, new IndicatorValue { Date = new DateOnly(2026, 11, 15), Value = 9 }],
        };
        db.Indicators.Add(indicator);

        var plenary = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var steering = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.SteeringCircle);
        Meeting Meeting(Organization body, DateOnly day, bool isPublic = true, MeetingState state = MeetingState.Held) => new()
        {
            OrganizationId = body.Id, Title = $"{body.Name} {day:dd.MM.}", Start = At(day), End = At(day, 19), IsPublic = isPublic, State = state,
            CalendarUid = $"{body.Id}-{day:yyyyMMdd}@test",
        };
        var held = Meeting(plenary, new DateOnly(2026, 6, 10));
        db.Meetings.AddRange(held, Meeting(plenary, new DateOnly(2026, 9, 9), isPublic: false), Meeting(plenary, new DateOnly(2026, 3, 4)),
            Meeting(plenary, new DateOnly(2026, 10, 7), state: MeetingState.Cancelled), Meeting(steering, new DateOnly(2026, 7, 1)));
        await db.SaveChangesAsync();
        db.Recommendations.AddRange(
            new Recommendation
            {
                MeetingId = held.Id, Title = "Mehr Licht am Nordmarkt", Text = "T", IsPublic = true, AdoptedOn = new DateOnly(2026, 6, 10), Status = RecommendationStatus.InProgress,
                Updates =
                [
                    new RecommendationUpdate { Date = new DateOnly(2026, 7, 1), Status = RecommendationStatus.Transmitted, Note = "An Amt 66 übermittelt", AuthorName = "GS", RecordedAt = now },
                    new RecommendationUpdate { Date = new DateOnly(2026, 9, 1), Status = RecommendationStatus.InProgress, Note = "Ausschreibung läuft", AuthorName = "GS", RecordedAt = now },
                ],
            },
            new Recommendation { MeetingId = held.Id, Title = "Nicht öffentlich", Text = "T", IsPublic = false, AdoptedOn = new DateOnly(2026, 6, 10) });

        var lab = new NeighbourhoodLab { Title = "Quartierslabor Nordstadt", District = "Innenstadt-Nord", Year = 2026, Quarter = 3, HeldOn = new DateOnly(2026, 8, 20) };
        db.Labs.AddRange(lab, new NeighbourhoodLab { Title = "Quartierslabor Hörde", District = "Hörde", Year = 2026, Quarter = 1, HeldOn = new DateOnly(2026, 2, 20) });
        await db.SaveChangesAsync();
        db.LabRecommendations.AddRange(
            new LabRecommendation { LabId = lab.Id, Text = "Spielplatz beleuchten", Outcome = RecommendationOutcome.NewMeasure, MeasureId = measure.Id },
            new LabRecommendation { LabId = lab.Id, Text = "Mehr Bänke", Outcome = RecommendationOutcome.Declined, DeclineReason = "Kein Platz" },
            new LabRecommendation { LabId = lab.Id, Text = "Kiosk länger offen", Outcome = RecommendationOutcome.Open });

        var call = new InputCall
        {
            Title = "Ihre Ideen für die Nordstadt", Description = "D", Question = "Q", WhatHappens = "W", BelongsToKind = ParticipationModule.BelongsToLab, BelongsToId = lab.Id,
            OpensAt = At(new DateOnly(2026, 6, 1)), ClosesAt = At(new DateOnly(2026, 8, 1)), UpdatedAt = now,
        };
        db.InputCalls.Add(call);
        await db.SaveChangesAsync();
        var n = 0;
        Contribution C(DateOnly day, string moderation, string status) =>
            new() { InputCallId = call.Id, ReceiptHash = $"hash-{n++}", Text = "Mehr Licht", SubmittedAt = At(day), Moderation = moderation, Status = status };
        db.Contributions.AddRange(C(new DateOnly(2026, 6, 2), ParticipationModule.Published, ParticipationModule.TakenUp), C(new DateOnly(2026, 6, 3), ParticipationModule.Published, ParticipationModule.Received),
            C(new DateOnly(2026, 6, 4), ParticipationModule.Pending, ParticipationModule.Received), C(new DateOnly(2026, 4, 4), ParticipationModule.Published, ParticipationModule.Done));

        var category = await db.ServiceCategories.OrderBy(c => c.Id).FirstAsync();
        var district = await db.Districts.OrderBy(d => d.Id).FirstAsync();
        var requests = new[] { (ServiceRequestsModule.Open, new DateOnly(2026, 6, 5), true), (ServiceRequestsModule.Fixed, new DateOnly(2026, 7, 5), true), (ServiceRequestsModule.Open, new DateOnly(2026, 7, 6), false), (ServiceRequestsModule.Open, new DateOnly(2026, 11, 6), true) }
            .Select(r => (Row: new ServiceRequest { ReceiptHash = $"sr-{n++}", CategoryId = category.Id, Description = "Laterne defekt", Latitude = 51.52, Longitude = 7.46, DistrictId = district.Id, Status = r.Item1, IsPublic = r.Item3 }, Day: r.Item2)).ToList();
        db.ServiceRequests.AddRange(requests.Select(r => r.Row));
        db.ProtectivePlaces.AddRange(
            new ProtectivePlace { Name = "Luisa Nordstadt", Kind = ProtectivePlacesModule.GuidesBase, Help = "Hilfe", Latitude = 51.52, Longitude = 7.46, IsPublic = true },
            new ProtectivePlace { Name = "Polizeiwache", Kind = ProtectivePlacesModule.Police, Help = "Hilfe", Latitude = 51.51, Longitude = 7.47, IsPublic = true },
            new ProtectivePlace { Name = "Noch geheim", Kind = ProtectivePlacesModule.Police, Help = "Hilfe", Latitude = 51.51, Longitude = 7.47, IsPublic = false });

        // Complaints: six in March, three in May (hidden, with what would reveal them), one attack report.
        foreach (var (unit, kind, month, count) in new[] { (ConfidentialModule.Complaints, "ordnungsamt", 3, 6), (ConfidentialModule.Complaints, "police", 5, 3), (ConfidentialModule.Assaults, "verbal", 5, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                db.ConfidentialCases.Add(new ConfidentialCase
                {
                    Unit = unit, Number = $"B-HY-{n++}", KeyId = "k1", WrappedKey = [1], Kind = kind, ReceivedOn = new DateOnly(2026, month, 10),
                    AcknowledgeBy = new DateOnly(2026, month, 17), FeedbackBy = new DateOnly(2026, month + 3, 10),
                });
            }
        }

        Person P(string name) => new() { GivenName = name, FamilyName = "Test", PublicConsent = false };
        var (steeringPerson, officePerson, plenaryPerson) = (P("Lena"), P("Olaf"), P("Paul"));
        db.Memberships.AddRange(
            new Membership { Person = steeringPerson, OrganizationId = steering.Id, VotingRight = VotingRight.Voting, StartDate = new DateOnly(2025, 1, 1) },
            new Membership { Person = officePerson, OrganizationId = steering.Id, VotingRight = VotingRight.Advisory, StartDate = new DateOnly(2025, 1, 1) },
            new Membership { Person = plenaryPerson, OrganizationId = plenary.Id, VotingRight = VotingRight.Voting, StartDate = new DateOnly(2025, 1, 1) },
            new Membership { Person = P("Ehemals"), OrganizationId = steering.Id, VotingRight = VotingRight.Voting, StartDate = new DateOnly(2020, 1, 1), EndDate = new DateOnly(2025, 1, 1) });
        await db.SaveChangesAsync();
        foreach (var (row, day) in requests)
        {
            var created = At(day);
            await db.ServiceRequests.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Created, created));
        }

        return new Seeded(field, measure.Id, indicator.Id, held.Id, lab.Id, call.Id, steeringPerson.Id, officePerson.Id, plenaryPerson.Id);
    }

    /// <summary>Each section against counts made here, independently of the compiler.</summary>
    private static async Task AssertFiguresAsync(AppDbContext db, ReportContent content, Seeded seeded)
    {
        var (start, end) = (CityTime.ToUtc(From, TimeOnly.MinValue), CityTime.ToUtc(To.AddDays(1), TimeOnly.MinValue));
        string N(int count) => count.ToString(CultureInfo.GetCultureInfo("de-DE"));

        // Meetings: the Vollversammlung's year (cancelled ones do not count), those held in the period, the recommendations.
        var meetings = content.Section("meetings");
        var plenary = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var yearStart = CityTime.ToUtc(new DateOnly(2026, 1, 1), TimeOnly.MinValue);
        var yearCount = await db.Meetings.CountAsync(m => m.OrganizationId == plenary.Id && m.State != MeetingState.Cancelled && m.Start >= yearStart);
        Assert.Equal(3, yearCount);
        var rule = meetings.Table("rules").Rows.Single(r => r.Cells[0].StartsWith(plenary.Name, StringComparison.Ordinal));
        Assert.Equal((N(yearCount), "erfüllt"), (rule.Cells[2], rule.Cells[3]));
        var inPeriod = await db.Meetings.CountAsync(m => m.State != MeetingState.Cancelled && m.Start >= start && m.Start < end
                                                          && (m.Organization.Kind == OrganizationKind.PlenaryAssembly || m.Organization.Kind == OrganizationKind.SteeringCircle || m.Organization.Kind == OrganizationKind.SpecialTaskForce || m.Organization.Kind == OrganizationKind.WorkingGroup));
        Assert.Equal(N(inPeriod), meetings.Table("held").Cell(HalfYearCompiler.Sum));
        Assert.Equal(N(2), meetings.Table("held").Cell(plenary.Name));
        Assert.Equal(await db.Meetings.CountAsync(m => m.IsPublic && m.State != MeetingState.Cancelled && m.Start >= start && m.Start < end), meetings.Table("meetings").Rows.Count);
        var recommendation = meetings.Table("recommendations").Rows.Single();
        Assert.Equal(("Mehr Licht am Nordmarkt", $"/sitzungen/{seeded.Meeting}"), (recommendation.Cells[0], recommendation.Link));
        Assert.Equal(await db.RecommendationUpdates.CountAsync(u => db.Set<Recommendation>().Any(r => r.Id == u.RecommendationId && r.IsPublic)), recommendation.Cells[3].Split('\n').Length);

        // Measures: public ones of masterplan 2.0 by status.
        var measures = content.Section("measures");
        foreach (var status in Enum.GetValues<MeasureStatus>())
        {
            Assert.Equal(N(await db.Measures.CountAsync(m => m.IsPublic && m.PlanEdition == 2 && m.Status == status)), measures.Table("by-status").Cell(Measures.StatusLabel(status)));
        }

        Assert.Equal(N(await db.Measures.CountAsync(m => m.IsPublic && m.PlanEdition == 2)), measures.Table("by-status").Cell(HalfYearCompiler.Sum));
        Assert.DoesNotContain(measures.Table("list").Rows, r => r.Cells[0] is "Vertraulich geplant" or "Alte Maßnahme 1.0");

        // KPIs: the value of the period's end decides (9 in November comes later), with one chart.
        var kpi = content.Section("indicators");
        Assert.Equal("14 Orte (01.09.2026)", kpi.Table("list").Cell("Angsträume am Nordmarkt"));
        Assert.Equal(await db.Indicators.CountAsync(i => i.IsPublic), kpi.Charts.Count);
        Assert.Equal(2, kpi.Charts.Single().Values.Count);

        // Overdue milestones at the period's end.
        var overdue = content.Section("milestones").Table("overdue").Rows;
        Assert.Equal(await db.Milestones.CountAsync(m => m.DueDate < To && (m.DoneDate == null || m.DoneDate > To) && db.Set<Measure>().Any(x => x.Id == m.MeasureId && x.IsPublic)), overdue.Count);
        Assert.Equal($"/massnahmen/{seeded.Measure}", overdue.Single().Link);

        // Labs held in the period and their recommendations' fate.
        var labs = content.Section("labs");
        Assert.Equal(await db.Labs.CountAsync(l => l.HeldOn >= From && l.HeldOn <= To), labs.Table("held").Rows.Count);
        Assert.Equal(N(await db.LabRecommendations.CountAsync(r => r.LabId == seeded.Lab)), labs.Table("outcomes").Cell(HalfYearCompiler.Sum));
        Assert.Equal(N(await db.LabRecommendations.CountAsync(r => r.LabId == seeded.Lab && r.Outcome == RecommendationOutcome.Declined)), labs.Table("outcomes").Cell(LabsModule.OutcomeLabel(RecommendationOutcome.Declined)));

        // Participation: received in the period, published, taken up.
        var calls = content.Section("participation").Table("calls");
        var received = db.Contributions.Where(c => c.SubmittedAt >= start && c.SubmittedAt < end);
        Assert.Equal(N(await received.CountAsync()), calls.Cell(HalfYearCompiler.Sum, 1));
        Assert.Equal(N(await received.CountAsync(c => c.Moderation == ParticipationModule.Published)), calls.Cell(HalfYearCompiler.Sum, 2));
        Assert.Equal(N(await received.CountAsync(c => c.Moderation == ParticipationModule.Published && c.Status == ParticipationModule.TakenUp)), calls.Cell(HalfYearCompiler.Sum, 3));

        // Meldungen: public ones made in the period.
        var requests = content.Section("service-requests").Table("status");
        var publicRequests = db.ServiceRequests.Where(r => r.IsPublic && r.Created >= start && r.Created < end);
        Assert.Equal(N(await publicRequests.CountAsync()), requests.Cell(HalfYearCompiler.Sum));
        Assert.Equal(N(await publicRequests.CountAsync(r => r.Status == ServiceRequestsModule.Fixed)), requests.Cell(ServiceRequestsModule.StatusLabel(ServiceRequestsModule.Fixed)));

        // Schutzorte: public ones by kind.
        var places = content.Section("protective-places").Table("kind");
        Assert.Equal(N(await db.ProtectivePlaces.CountAsync(p => p.IsPublic)), places.Cell(HalfYearCompiler.Sum));
        Assert.Equal(N(await db.ProtectivePlaces.CountAsync(p => p.IsPublic && p.Kind == ProtectivePlacesModule.Police)), places.Cell(ProtectivePlacesModule.KindLabel(ProtectivePlacesModule.Police)));

        // Confidential: the three complaints of May are hidden, and so are March's six, which the total would otherwise give away;
        // both read the same word ("<5" would be false for the six, and a mark of its own would tell which one is small).
        var complaints = content.Section("confidential").Tables.Single(t => t.Key == $"{ConfidentialModule.Complaints}-2026-nach Monat des Eingangs");
        Assert.Equal(N(await db.ConfidentialCases.CountAsync(c => c.Unit == ConfidentialModule.Complaints && c.ReceivedOn.Year == 2026)), complaints.Cell(HalfYearCompiler.Sum));
        Assert.Equal(("verdeckt", "verdeckt", "0"), (complaints.Cell("Mai"), complaints.Cell("März"), complaints.Cell("Juni")));

        // Budget: 50,000 € planned, nothing granted yet.
        var year = content.Section("budget").Table("years").Rows.Single();
        Assert.Equal(("2026", "50.000,00 €", "0,00 €"), (year.Cells[0], year.Cells[1], year.Cells[3]));
    }

    /// <summary>/Lang, /MarkInfo and the structure tree in the catalog; every Figure element with its /Alt.</summary>
    private static void AssertTagged(byte[] bytes, int charts)
    {
        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        IToken? Get(DictionaryToken d, string key) => d.TryGet(NameToken.Create(key), out var v) ? Resolve(v) : null;
        IToken Resolve(IToken t) => t is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : t;
        Assert.Equal("de-DE", ((StringToken)Get(catalog, "Lang")!).Data);
        Assert.True(((BooleanToken)Get((DictionaryToken)Get(catalog, "MarkInfo")!, "Marked")!).Data);
        var figures = new List<string?>();
        var types = new HashSet<string>();
        void Walk(IToken? kids)
        {
            switch (kids)
            {
                case ArrayToken array:
                    foreach (var kid in array.Data)
                    {
                        Walk(Resolve(kid));
                    }

                    break;
                case DictionaryToken element when Get(element, "S") is NameToken type:
                    types.Add(type.Data);
                    if (type.Data == "Figure")
                    {
                        figures.Add((Get(element, "Alt") as StringToken)?.Data);
                    }

                    Walk(Get(element, "K"));
                    break;
            }
        }

        Walk(Get((DictionaryToken)Get(catalog, "StructTreeRoot")!, "K"));
        Assert.Contains("H1", types);
        Assert.Contains("Table", types);
        Assert.Equal(charts, figures.Count);
        Assert.All(figures, alt => Assert.False(string.IsNullOrWhiteSpace(alt)));
        Assert.Contains("Halbjahresbericht Sommer 2026", pdf.Information.Title, StringComparison.Ordinal);

        // The impact chain on paper too: the page behind each section and row is a link (a Link element owns each annotation).
        Assert.Contains("Link", types);
        var uris = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Select(a => (a.Action as UglyToad.PdfPig.Actions.UriAction)?.Uri).OfType<string>().ToList();
        Assert.True(uris.Count > 10, $"{uris.Count} links");
        Assert.All(uris, u => Assert.True(Uri.TryCreate(u, UriKind.Absolute, out _), u));
        Assert.Contains(uris, u => u.EndsWith("/massnahmen", StringComparison.Ordinal) || u.Contains("/massnahmen?", StringComparison.Ordinal));
    }
}
