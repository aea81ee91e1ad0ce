using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Masterplan.Algorithms.Invitations;
using Masterplan.Cli;
using Masterplan.Cli.Sortition;
using Masterplan.Web.Tests.Infrastructure;

namespace Masterplan.Web.Tests.Cli;

/// <summary>Replaying a draw (docs/domain.md#draw-transparency): <c>masterplan sortition invite</c> and <c>masterplan sortition replay</c>.</summary>
public sealed class SortitionReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("masterplan-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Instance(string name) => Path.Combine(Path.GetDirectoryName(SeedDocuments.Directory)!, "sortition-data", name);

    private static async Task<(int Code, string Output, string Error)> RunAsync(ICommand command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await command.RunAsync(new CommandArguments(args), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Register(int rows, Func<int, string>? row = null)
    {
        var path = Path.Combine(_dir, $"auszug-{Guid.NewGuid():N}.csv");
        string[] districts = ["Eving", "Hörde", "Mengede", "Brackel"];
        row ??= i => string.Create(CultureInfo.InvariantCulture, $"Person {i};Weg {i}, 44{i % 1000:D3} Dortmund;{1930 + (i % 80)};{"mwwm"[i % 4]};{districts[i % 4]};{districts[i % 4]} {i % 3}");
        File.WriteAllLines(path, ["name;anschrift;geburtsjahr;geschlecht;stadtbezirk;statistischer_bezirk", .. Enumerable.Range(0, rows).Select(row)]);
        return path;
    }

    private static string[] DrawArgs(string register, string seed = "17 4 33 8", int invitees = 40) =>
        ["--register", register, "--invitees", invitees.ToString(CultureInfo.InvariantCulture), "--stratify", "--seed", seed, "--reference-date", "2026-11-23"];

    [Fact]
    public async Task An_invitation_draw_replays_from_its_inputs_and_seed_and_a_changed_input_is_named()
    {
        var register = Register(500);
        var invitees = Path.Combine(_dir, "invitees.json");
        var invite = await RunAsync(new SortitionInviteCommand(), [.. DrawArgs(register), "--out", invitees]);
        Assert.True(invite.Code == 0, invite.Error);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(invitees));
        var hash = doc.RootElement.GetProperty("inputSha256").GetString()!;
        var codes = doc.RootElement.GetProperty("invitations").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
        Assert.Equal(40, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(InvitationCode.TryNormalize(c, out _)));

        var replay = await RunAsync(new SortitionReplayCommand(), [.. DrawArgs(register), "--expect-hash", hash, "--expect", invitees]);
        Assert.True(replay.Code == 0, replay.Output + replay.Error);
        Assert.Contains("MATCH", replay.Output, StringComparison.Ordinal);

        // One birth year changed in the extract: the hash differs, and so may the invitees.
        var changed = Register(500, i => i == 7 ? "Person 7;Weg 7, 44007 Dortmund;1990;w;Mengede;Mengede 1" : string.Create(CultureInfo.InvariantCulture, $"Person {i};Weg {i}, 44{i % 1000:D3} Dortmund;{1930 + (i % 80)};{"mwwm"[i % 4]};{new[] { "Eving", "Hörde", "Mengede", "Brackel" }[i % 4]};{new[] { "Eving", "Hörde", "Mengede", "Brackel" }[i % 4]} {i % 3}"));
        var mismatch = await RunAsync(new SortitionReplayCommand(), [.. DrawArgs(changed), "--expect-hash", hash]);
        Assert.Equal(1, mismatch.Code);
        Assert.Contains("MISMATCH", mismatch.Output, StringComparison.Ordinal);
        Assert.Contains($"--expect-hash says {hash}", mismatch.Output, StringComparison.Ordinal);

        var otherSeed = await RunAsync(new SortitionReplayCommand(), [.. DrawArgs(register, seed: "17 4 33 9"), "--expect", invitees]);
        Assert.Equal(1, otherSeed.Code);
        Assert.Contains("The recorded seed is '17 4 33 8', the replay used '17 4 33 9'.", otherSeed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_register_with_errors_imports_nothing_and_lists_every_line()
    {
        var register = Path.Combine(_dir, "fehler.csv");
        await File.WriteAllTextAsync(register, "name;anschrift;geburtsjahr;geschlecht;stadtbezirk\nAnna;Weg 1;1980;w;Eving\nBernd;Weg 2;2031;m;Eving\nAnna;Weg 1;1980;w;Eving\n");
        var outPath = Path.Combine(_dir, "invitees.json");

        var result = await RunAsync(new SortitionInviteCommand(), [.. DrawArgs(register, invitees: 1), "--out", outPath]);

        Assert.Equal(1, result.Code);
        Assert.Contains("fehler.csv, line 3: The birth year 2031 lies after the reference date 2026-11-23.", result.Error, StringComparison.Ordinal);
        Assert.Contains("fehler.csv, line 4: The same person as on line 2", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("leximin")]
    [InlineData("legacy")]
    public async Task A_panel_replays_from_result_json_and_a_changed_panel_is_reported(string algorithm)
    {
        var dir = Instance("example_small_20");
        string[] inputs = ["--respondents", Path.Combine(dir, "respondents.csv"), "--categories", Path.Combine(dir, "categories.csv")];
        var result = Path.Combine(_dir, "result.json");
        var select = await RunAsync(new SortitionSelectCommand(), [.. inputs, "--panel", "20", "--algorithm", algorithm, "--legacy-runs", "100", "--seed", "17 4 33 8", "--out", result]);
        Assert.True(select.Code == 0, select.Error);

        var replay = await RunAsync(new SortitionReplayCommand(), [.. inputs, "--expect", result]);
        Assert.True(replay.Code == 0, replay.Output + replay.Error);
        Assert.Contains("MATCH", replay.Output, StringComparison.Ordinal);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(result))!;
        var panel = json["panel"]!.AsArray();
        var outsider = json["probabilities"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).First(id => panel.All(m => m!.GetValue<string>() != id));
        panel[0] = outsider;
        await File.WriteAllTextAsync(result, json.ToJsonString());
        var tampered = await RunAsync(new SortitionReplayCommand(), [.. inputs, "--expect", result]);
        Assert.Equal(1, tampered.Code);
        Assert.Contains("1 recorded but not recomputed", tampered.Output, StringComparison.Ordinal);
    }
}
