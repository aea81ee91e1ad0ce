using System.Text.Json;
using Masterplan.Cli;
using Masterplan.Cli.Sortition;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Cli;

/// <summary>Panel selection from the command line (docs/domain.md#two-stage-draw): <c>masterplan sortition select</c> on the public instances in ../shared/sortition-data.</summary>
public class SortitionSelectCommandTests
{
    private static string Instance(string name) => Path.Combine(Path.GetDirectoryName(SeedDocuments.Directory)!, "sortition-data", name);

    private static async Task<JsonDocument> SelectAsync(string respondents, string categories, int panel, string seed, string algorithm = "leximin")
    {
        var output = Path.Combine(Path.GetTempPath(), $"sortition-{Guid.NewGuid():N}.json");
        var error = new StringWriter();
        var code = await new SortitionSelectCommand().RunAsync(
            new CommandArguments(["--respondents", respondents, "--categories", categories, "--panel", panel.ToString(System.Globalization.CultureInfo.InvariantCulture), "--algorithm", algorithm, "--seed", seed, "--out", output]),
            TextWriter.Null, error);
        Assert.True(code == 0, error.ToString());
        var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        File.Delete(output);
        return doc;
    }

    [Fact]
    public async Task Leximin_on_the_replication_instance_reaches_the_published_minimum_and_replays_from_its_seed()
    {
        var dir = Instance("example_small_20");
        using var first = await SelectAsync(Path.Combine(dir, "respondents.csv"), Path.Combine(dir, "categories.csv"), 20, "17 4 33 8");
        using var again = await SelectAsync(Path.Combine(dir, "respondents.csv"), Path.Combine(dir, "categories.csv"), 20, "17 4 33 8");

        var root = first.RootElement;
        Assert.Equal(0.100, root.GetProperty("statistics").GetProperty("minimumProbability").GetDouble(), 4); // published: 10.0 %
        Assert.Equal(200, root.GetProperty("probabilities").GetArrayLength());
        Assert.Equal(20.0, root.GetProperty("probabilities").EnumerateArray().Sum(p => p.GetProperty("probability").GetDouble()), 6);
        var panel = root.GetProperty("panel").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(20, panel.Distinct().Count());
        Assert.Equal(panel, again.RootElement.GetProperty("panel").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(root.GetProperty("inputSha256").GetString(), again.RootElement.GetProperty("inputSha256").GetString());
    }

    [Fact]
    public async Task The_Sortition_Foundation_format_is_read_and_its_minimum_is_one_eleventh()
    {
        var dir = Instance("sf_fixture_150_22");

        using var result = await SelectAsync(Path.Combine(dir, "candidates.csv"), Path.Combine(dir, "features.csv"), 22, "fixture");

        Assert.Equal("SortitionFoundation", result.RootElement.GetProperty("format").GetString());
        Assert.Equal(1.0 / 11, result.RootElement.GetProperty("statistics").GetProperty("minimumProbability").GetDouble(), 4); // published 0.0909
    }
}
