using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>
/// 001 "Finanzielle Auswirkungen": 50,000 € a year for carrying out the measures (order 93013101 0004). The Office sees what
/// is bound for measures and granted by the grant programme, what is paid and what is left, and cannot bind more than is left.
/// </summary>
public class ProgrammeBudgetTests
{
    private const string Page = "/verwaltung/programmbudget";

    private static Dictionary<string, string> Booking(int measure, string purpose, string committed, string spent, string on = "2026-03-02") => new()
    {
        ["Booking.MeasureId"] = measure.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Booking.Purpose"] = purpose,
        ["Booking.Committed"] = committed, ["Booking.Spent"] = spent, ["Booking.On"] = on,
    };

    private static string Fact(AngleSharp.Dom.IDocument page, string id) => page.QuerySelector($"#{id}")!.TextContent.Trim();

    [Theory, Engines]
    public async Task The_Office_binds_money_for_measures_and_sees_with_the_grants_what_is_left(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        int measure;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var field = await db.FieldsOfAction.FirstAsync();
            var m = new Measure { FieldOfActionId = field.Id, Title = "Schulung Sicherheitsfachkräfte", Status = MeasureStatus.InProgress };
            db.Measures.Add(m);
            // The grant programme granted 10,000 € this year, of which 1,000 € came back.
            var now = app.Clock.GetUtcNow();
            var call = new GrantCall
            {
                Title = "Aufruf 2026", Purpose = "Prävention", Eligibility = "Vereine", Year = 2026, BudgetCents = 2_000_000, MaxPerProjectCents = 1_000_000,
                Deadline = now.AddDays(-1), PublishedAt = now.AddDays(-30), CreatedAt = now.AddDays(-30), Criteria = [new GrantCriterion { Position = 1, Name = "Wirkung", Weight = 1 }],
            };
            var association = new Association { Name = "Verein gegen Messer", RegisteredAt = now };
            db.GrantCalls.Add(call);
            db.Associations.Add(association);
            await db.SaveChangesAsync();
            var granted = new GrantApplication
            {
                CallId = call.Id, AssociationId = association.Id, Status = GrantStatus.Approved, ProjectTitle = "Projekt", ReceiptNumber = "F-2026-1", RequestedCents = 1_000_000,
                SubmittedAt = now, CreatedAt = now, GrantedCents = 1_000_000, DecidedAt = now,
            };
            db.GrantApplications.Add(granted);
            await db.SaveChangesAsync();
            db.GrantPayments.AddRange(
                new GrantPayment { ApplicationId = granted.Id, AmountCents = 600_000, On = new DateOnly(2026, 5, 1), RecordedAt = now },
                new GrantPayment { ApplicationId = granted.Id, AmountCents = 100_000, On = new DateOnly(2026, 11, 1), RecordedAt = now, IsReturn = true });
            await db.SaveChangesAsync();
            measure = m.Id;
        }

        var first = await office.GetPageAsync($"{Page}?jahr=2026");
        Assert.Equal("50.000,00 € (laut Ratsbeschluss)", Fact(first, "amount"));
        Assert.Equal("9.000,00 €", Fact(first, "committed"));
        Assert.Equal("5.000,00 €", Fact(first, "spent"));
        Assert.Equal("41.000,00 €", Fact(first, "left"));
        Assert.Contains("93013101 0004 / 541710", first.Body!.TextContent);

        // German amounts with thousands points; the booking shows with its measure.
        var booked = await office.PostFormAsync($"{Page}?handler=Booking&jahr=2026", Booking(measure, "Trainer für die Schulung", "12.500", "2.000,50"), Page);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var after = await office.GetPageAsync($"{Page}?jahr=2026");
        Assert.Equal(("21.500,00 €", "7.000,50 €", "28.500,00 €"), (Fact(after, "committed"), Fact(after, "spent"), Fact(after, "left")));
        var row = after.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Trainer für die Schulung", StringComparison.Ordinal));
        Assert.Equal($"/massnahmen/{measure}", row.QuerySelector("a")!.GetAttribute("href"));

        // More than is left, or more spent than bound: refused with the reason, nothing stored, the input kept.
        var tooMuch = await Html.ParseAsync(await office.PostFormAsync($"{Page}?handler=Booking&jahr=2026", Booking(measure, "Kampagne", "30.000", "0"), Page));
        Assert.Contains("Im Jahr 2026 sind nur noch 28.500,00 € frei.", tooMuch.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Kampagne", tooMuch.QuerySelector("#Booking_Purpose")!.GetAttribute("value"));
        Assert.Contains("Ausgegeben kann nicht mehr sein als gebunden",
            (await Html.ParseAsync(await office.PostFormAsync($"{Page}?handler=Booking&jahr=2026", Booking(measure, "Kampagne", "100", "200"), Page))).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Bitte geben Sie an, wofür das Geld ist.",
            (await Html.ParseAsync(await office.PostFormAsync($"{Page}?handler=Booking&jahr=2026", Booking(measure, "", "100", "0"), Page))).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(1, await CountAsync(app));

        // What is paid later is entered on the same booking.
        var id = await IdAsync(app);
        var edit = await office.GetPageAsync($"{Page}?jahr=2026&buchung={id}");
        Assert.Equal("Trainer für die Schulung", edit.QuerySelector("#Booking_Purpose")!.GetAttribute("value"));
        var changed = Booking(measure, "Trainer für die Schulung", "12.500", "12.500");
        changed["BookingId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{Page}?handler=Booking&jahr=2026", changed, Page)).StatusCode);
        Assert.Equal("17.500,00 €", Fact(await office.GetPageAsync($"{Page}?jahr=2026"), "spent"));
        Assert.Equal(1, await CountAsync(app));

        // The year's amount never below what is bound; a year after 2026 has none until the Office sets it.
        Assert.Contains("Für 2026 sind schon 21.500,00 € gebunden",
            await (await office.PostFormAsync($"{Page}?handler=Year&jahr=2026", new() { ["Amount"] = "20.000", ["Order"] = "93013101 0004", ["Account"] = "541710" }, Page)).Content.ReadAsStringAsync());
        Assert.Equal("0,00 €", Fact(await office.GetPageAsync($"{Page}?jahr=2027"), "amount"));
        Assert.Equal(HttpStatusCode.Redirect,
            (await office.PostFormAsync($"{Page}?handler=Year&jahr=2027", new() { ["Amount"] = "60.000", ["Order"] = "93013101 0005", ["Account"] = "541710" }, Page)).StatusCode);
        var next = await office.GetPageAsync($"{Page}?jahr=2027");
        Assert.Equal("60.000,00 €", Fact(next, "amount"));
        Assert.Contains("93013101 0005 / 541710", next.Body!.TextContent);

        // Only the Office.
        var staff = await Users.SignInAsync(app, await Users.CreateAsync(app, "amt@stadtdo.de", Roles.DepartmentStaff));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Page)).StatusCode);
    }

    private static async Task<int> CountAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ProgrammeBooking>().CountAsync();
    }

    private static async Task<int> IdAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ProgrammeBooking>().Select(b => b.Id).SingleAsync();
    }
}
