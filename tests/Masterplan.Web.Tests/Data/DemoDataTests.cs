using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Data;

/// <summary>
/// The demo data is what a city tries the platform with, so it has to make sense: measures under the field they belong to,
/// indicator values that start at their baseline, no lab held before its panel was drawn, no meeting on a Sunday or a public
/// holiday such as 25 December — whatever day the demo is seeded on.
/// </summary>
public class DemoDataTests
{
    [Theory]
    [InlineData("2026-11-23")] // the tests' usual day
    [InlineData("2026-12-04")] // three weeks later is 25 December; the consultations reach 1 January and a Sunday
    [InlineData("2026-12-15")] // ten days later is 25 December
    [InlineData("2027-04-26")] // 60 days before is Good Friday's week, three weeks later is Ascension Day
    public async Task The_demo_data_makes_sense_whatever_day_it_is_seeded_on(string day)
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        app.Clock.SetUtcNow(CityTime.ToUtc(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(10, 0)));
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync());
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fields = await db.FieldsOfAction.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Title);

        // Measures and recommendations under the right field: lighting under "…Beleuchtung", never under video surveillance.
        var placed = (await db.Measures.AsNoTracking().Where(m => m.IsDemo).Select(m => new { m.Title, m.FieldOfActionId }).ToListAsync())
            .Select(m => (m.Title, Field: fields[m.FieldOfActionId]))
            .Concat((await db.Recommendations.AsNoTracking().Where(r => r.Meeting.IsDemo).Include(r => r.Fields).ToListAsync())
                .SelectMany(r => r.Fields.Select(f => (r.Title, Field: fields[f.FieldOfActionId]))))
            .ToList();
        Assert.Contains(placed, p => p.Title.Contains("Beleuchtung", StringComparison.Ordinal));
        foreach (var (title, field) in placed)
        {
            foreach (var topic in new[] { "Beleuchtung", "Extremismus", "Video" })
            {
                Assert.True(!title.Contains(topic, StringComparison.Ordinal) || field.Contains(topic, StringComparison.Ordinal), $"„{title}“ is under „{field}“");
            }

            Assert.False(field.StartsWith("Video", StringComparison.Ordinal) && !title.Contains("Video", StringComparison.Ordinal) && !title.Contains("Kamera", StringComparison.Ordinal),
                $"„{title}“ is under „{field}“");
        }

        // Indicator values begin at the baseline, on its date and with its value.
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsDemo).Include(i => i.Values).ToListAsync();
        Assert.NotEmpty(indicators);
        foreach (var indicator in indicators)
        {
            var first = indicator.Values.OrderBy(v => v.Date).First();
            Assert.Equal(indicator.BaselineDate, first.Date);
            Assert.Equal(indicator.BaselineValue, first.Value);
            Assert.True(indicator.TargetDate > indicator.BaselineDate, indicator.Name);
        }

        // A lab's steps in order: invitees drawn, letters, registrations, panel drawn, and only then held, then reported.
        var labs = await db.Labs.AsNoTracking().Where(l => l.HeldOn != null).ToListAsync();
        Assert.NotEmpty(labs);
        foreach (var lab in labs)
        {
            var held = lab.HeldOn!.Value;
            var drawn = (await db.InviteeDraws.AsNoTracking().SingleAsync(d => d.LabId == lab.Id)).DrawnAt;
            var selected = (await db.PanelSelections.AsNoTracking().SingleAsync(s => s.LabId == lab.Id)).SelectedAt;
            var registered = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == lab.Id).Select(r => r.RegisteredAt).ToListAsync();
            Assert.True(drawn < lab.LettersCreatedAt, $"{lab.Title}: letters before the invitees were drawn");
            Assert.All(registered, r => Assert.True(lab.LettersCreatedAt < r && r < selected, $"{lab.Title}: a registration outside letters → panel"));
            Assert.True(DateOnly.FromDateTime(CityTime.Local(selected)) < held, $"{lab.Title}: held on {held} before its panel was drawn on {CityTime.Local(selected):d}");
            Assert.True(lab.ReportedOn is null || lab.ReportedOn >= held, $"{lab.Title}: reported before it was held");
            Assert.True(lab.RegisterDeletedAt is null || lab.RegisterDeletedAt > lab.LettersCreatedAt, $"{lab.Title}: extract deleted before the letters");
            Assert.False(held.DayOfWeek == DayOfWeek.Sunday || PublicHolidays.IsHoliday(held), $"{lab.Title}: held on {held} ({PublicHolidays.Name(held)})");
        }

        // Meetings and the consultations of papers on working days: no Sunday, no 25 December, no other public holiday.
        var meetingDays = (await db.Meetings.AsNoTracking().Where(m => m.IsDemo).Select(m => new { m.Title, m.Start }).ToListAsync())
            .Select(m => (m.Title, Day: DateOnly.FromDateTime(CityTime.Local(m.Start))))
            .Concat((await db.Consultations.AsNoTracking().Where(c => c.Paper.IsDemo).Select(c => new { c.Paper.Name, c.Date }).ToListAsync()).Select(c => (Title: c.Name, Day: c.Date)))
            .ToList();
        Assert.True(meetingDays.Count >= 6, "the demo has meetings and consultations");
        Assert.All(meetingDays, m =>
        {
            Assert.False(m.Day is { Month: 12, Day: 25 }, $"{m.Title} on 25 December");
            Assert.False(m.Day.DayOfWeek is DayOfWeek.Sunday or DayOfWeek.Saturday, $"{m.Title} on a {m.Day.DayOfWeek}, {m.Day}");
            Assert.False(PublicHolidays.IsHoliday(m.Day), $"{m.Title} on {PublicHolidays.Name(m.Day)}, {m.Day}");
        });
    }

    [Fact]
    public void The_holidays_of_North_Rhine_Westphalia_are_known()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), PublicHolidays.EasterSunday(2026));
        Assert.Equal(new DateOnly(2027, 3, 28), PublicHolidays.EasterSunday(2027));
        Assert.Equal(new DateOnly(2024, 3, 31), PublicHolidays.EasterSunday(2024));
        Assert.Equal("Karfreitag", PublicHolidays.Name(new DateOnly(2027, 3, 26)));
        Assert.Equal("Christi Himmelfahrt", PublicHolidays.Name(new DateOnly(2027, 5, 6)));
        Assert.Equal("Fronleichnam", PublicHolidays.Name(new DateOnly(2026, 6, 4)));
        Assert.Equal("1. Weihnachtstag", PublicHolidays.Name(new DateOnly(2026, 12, 25)));
        Assert.Null(PublicHolidays.Name(new DateOnly(2026, 12, 23)));
        Assert.Equal(new DateOnly(2026, 12, 28), PublicHolidays.WorkingDayFrom(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 12, 23), PublicHolidays.WorkingDayFrom(new DateOnly(2026, 12, 27), forward: false));
    }
}
