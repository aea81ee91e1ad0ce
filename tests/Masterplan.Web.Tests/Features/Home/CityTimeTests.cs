using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Features.Catalogue;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>"Today" is Dortmund's date, whatever zone the server runs in (servers often run in UTC).</summary>
public class CityTimeTests
{
    [Fact]
    public void Just_after_midnight_in_Dortmund_it_is_already_the_next_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January in Dortmund
        Assert.Equal(new DateOnly(2027, 1, 1), CityTime.Today(clock));
        Assert.Equal(new DateOnly(2026, 7, 1), CityTime.Today(new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 21, 59, 0, TimeSpan.Zero)))); // 23:59 summer time
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero), CityTime.ToUtc(new DateOnly(2026, 7, 2), TimeOnly.MinValue));
    }

    [Fact]
    public async Task A_milestone_due_yesterday_in_Dortmund_is_overdue_at_half_past_midnight()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
        var node = await IndicatorTests.NodeAsync(app, "2.5");
        await using (var scope = app.Scope())
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AppDbContext>(scope.ServiceProvider);
            db.Measures.Add(new Measure { FieldOfActionId = node, Title = "Nachtbeleuchtung", IsPublic = true, Milestones = [new Milestone { Title = "Bestellt", DueDate = new DateOnly(2026, 12, 1) }] });
            await db.SaveChangesAsync();
            var overdue = await new Milestones(db, app.Clock).OverdueAsync(CancellationToken.None);
            Assert.Equal(("Bestellt", 1), (Assert.Single(overdue).Milestone.Title, overdue[0].DaysOverdue));
        }
    }
}
