using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Catalogue;

/// <summary>The Lenkungskreis reviews the fields "unter dem Blickwinkel von Diversität, Integration und Inklusion" (001 §I): each review records the perspectives and the finding.</summary>
public class FieldReviewTests
{
    [Theory, Engines]
    public async Task The_Office_records_a_review_with_its_perspectives_and_finding_and_it_is_shown_with_the_review(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        int field;
        await using (var scope = app.Scope())
        {
            field = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldsOfAction.Where(f => f.SeedKey == "field:1").Select(f => f.Id).SingleAsync();
        }

        const string Page = "/verwaltung/handlungsfelder";
        var form = await office.GetPageAsync(Page);
        Assert.Equal("2026-11-23", form.QuerySelector("#Review_ReviewedOn")!.GetAttribute("value"));

        // Without a perspective or a finding the review is refused, the input stays.
        var refused = await office.PostFormAsync($"{Page}?handler=Review", new()
        {
            ["Review.FieldId"] = $"{field}", ["Review.ReviewedOn"] = "2026-11-12", ["Review.ReviewedIn"] = "Lenkungskreis, Sitzung vom 12.11.2026, TOP 3",
        }, Page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var errors = page.QuerySelector(".error-summary")!.Text();
        Assert.Contains("Bitte kreuzen Sie an, unter welchen Blickwinkeln geprüft wurde: Diversität, Integration, Inklusion.", errors);
        Assert.Contains("Bitte halten Sie fest, was die Prüfung unter diesen Blickwinkeln ergeben hat, auch wenn sich nichts ändert.", errors);
        Assert.Equal("Lenkungskreis, Sitzung vom 12.11.2026, TOP 3", page.QuerySelector("#Review_ReviewedIn")!.GetAttribute("value"));
        var future = await Html.ParseAsync(await office.PostFormAsync($"{Page}?handler=Review", new()
        {
            ["Review.FieldId"] = $"{field}", ["Review.ReviewedOn"] = "2026-12-24", ["Review.ReviewedIn"] = "Lenkungskreis", ["Review.Diversity"] = "true", ["Review.Finding"] = "Noch offen.",
        }, Page));
        Assert.Contains("Eine Prüfung kann nicht in der Zukunft liegen.", future.QuerySelector(".error-summary")!.Text());

        var saved = await office.PostFormAsync($"{Page}?handler=Review", new()
        {
            ["Review.FieldId"] = $"{field}", ["Review.ReviewedOn"] = "2026-11-12", ["Review.ReviewedIn"] = "Lenkungskreis, Sitzung vom 12.11.2026, TOP 3",
            ["Review.Diversity"] = "true", ["Review.Inclusion"] = "true",
            ["Review.Finding"] = "Angebote der Prävention erreichen Menschen mit Behinderung kaum; der Lenkungskreis bittet um barrierefreie Formate.",
        }, Page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var shown = (await office.GetPageAsync(Page)).QuerySelector("ul.reviews li")!.Text();
        Assert.Contains("1 Prävention und sozialer Zusammenhalt – geprüft am 12.11.2026 (Lenkungskreis, Sitzung vom 12.11.2026, TOP 3)", shown);
        Assert.Contains("Blickwinkel: Diversität, Inklusion", shown);
        Assert.DoesNotContain("Integration", shown);
        Assert.Contains("der Lenkungskreis bittet um barrierefreie Formate.", shown);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var review = await db.FieldReviews.SingleAsync();
            Assert.Equal((field, new DateOnly(2026, 11, 12), true, false, true), (review.FieldOfActionId, review.ReviewedOn, review.Diversity, review.Integration, review.Inclusion));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FieldReview) && a.EntityId == review.Id.ToString(CultureInfo.InvariantCulture)));
        }

        // Only the Office records reviews.
        var visitor = Users.Client(app);
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync(Page)).StatusCode);
    }
}
