using System.Globalization;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Labs.Manage;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>
/// What the algorithm library reports as a code with arguments (input problems, LEXIMIN's limits, the relaxation of quotas)
/// reaches the draw page as a resource key: every code has its German key and an English text.
/// </summary>
public class AlgorithmMessageTests
{
    [Fact]
    public async Task Every_problem_code_of_the_library_has_a_German_key_with_an_English_text()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var t = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        // Real problems from the library: a duplicate quota, a minimum above its maximum, a value without a quota.
        var pool = new[] { new Respondent("R1", new Dictionary<string, string> { ["Geschlecht"] = "divers" }) };
        var input = Assert.Throws<SortitionInputException>(() => new SortitionProblem(pool,
            [new Quota("Geschlecht", "weiblich", 3, 1), new Quota("Geschlecht", "weiblich", 0, 1)], 2));
        Assert.Equal([SortitionInputCode.PanelLargerThanPool, SortitionInputCode.DuplicateQuota, SortitionInputCode.MinimumAboveMaximum, SortitionInputCode.UnknownValue],
            input.Problems.Select(p => p.Code).Order());

        var messages = input.Problems.Select(PanelDrawing.InputMessage)
            .Concat(Enum.GetValues<SortitionInputCode>().Select(c => PanelDrawing.InputMessage(new SortitionInputError(c, "", ["R1", "Geschlecht", "divers", "weiblich"]))))
            .Concat(Enum.GetValues<LeximinLimit>().Select(l => PanelDrawing.LimitMessage(l, new LabsOptions { LeximinTimeLimit = TimeSpan.FromMinutes(5) })))
            .Append(new FieldError("", "{0} = {1}: {2} bis {3} → {4} bis {5}", "Geschlecht", "männlich", 3, 3, 0, 3))
            .ToList();

        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.All(messages, m => Assert.False(t[m.Key].ResourceNotFound, $"no English for: {m.Key}"));
            Assert.Equal("For Geschlecht = weiblich the minimum 3 is above the maximum 1.",
                messages.Single(m => m.Key.StartsWith("Für {0} = {1} liegt", StringComparison.Ordinal) && Equals(m.Args[2], 3)).Localize(t));
            Assert.Equal("LEXIMIN stopped at its time limit of 300 s, before the fairest lottery was found. Nobody was drawn and nothing was stored. Please use fewer characteristics in the quotas or LEGACY, or have the limit (Labs:LeximinTimeLimit) raised.",
                PanelDrawing.LimitMessage(LeximinLimit.TimeLimit, new LabsOptions { LeximinTimeLimit = TimeSpan.FromMinutes(5) }).Localize(t));
            Assert.Equal("Geschlecht = männlich: 3 to 3 → 0 to 3", messages[^1].Localize(t));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
