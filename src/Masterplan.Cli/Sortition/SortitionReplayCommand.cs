using System.Globalization;
using System.Text.Json;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Labs.Manage;
using Masterplan.Web.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Sortition;

/// <summary>
/// <c>masterplan sortition replay</c>: recomputes a recorded draw from its inputs and seed and says whether it
/// matches — the invitees of stage 1 (<c>sortition invite</c>) or a panel (<c>sortition select</c>).
/// </summary>
internal sealed class SortitionReplayCommand : ICommand
{
    private const string Usage = $"""
        masterplan sortition replay --register FILE --invitees N [--stratify] --seed TEXT --reference-date YYYY-MM-DD (--expect-hash SHA256 | --expect invitees.json)
        masterplan sortition replay --respondents FILE --categories FILE --expect result.json [--panel K] [--algorithm NAME] [--seed TEXT] [--expect-hash SHA256]
        masterplan sortition replay --lab ID [--provider NAME] [--connection TEXT]
        masterplan sortition replay --file draw.json

        Public file (--file): the download "Ziehung selbst nachprüfen" of a lab's lottery page (format
        masterplan-lab-draw/1), or the seat lot of the Vollversammlung's page (masterplan-seat-lot/1: the seats are
        allocated again by Hare-Niemeyer, the tie and the lot's winners compared). Needs no database and no settings. Stage 1: splits the invitees over the published
        strata again with the seed and recomputes the input hash; stage 2: selects the panel again from the published
        pool with the seed and compares panel, reserve list and every probability (within 1e-6) with the published
        outcome. Prints MATCH or every difference (stage, pseudonym, published and recomputed value). Exit code 0
        match, 1 difference, 2 when the file cannot be read.

        Recomputes a recorded draw and compares it with the record. Exit code 0 when everything matches, 1 when
        anything differs (each difference is printed) or the input is invalid, 2 on wrong usage.

        Invitees (stage 1): recomputes the input hash and the invitees. --expect-hash compares the hash alone;
        --expect also compares the invitees (line, name, address, birth year) with the file written by
        'sortition invite'; the registration codes are random secrets and are not compared.
        {RegisterDrawInput.OptionsHelp}
          --expect-hash SHA256    the recorded input hash
          --expect FILE           the recorded invitees.json

        Lab (both stages from the database): recomputes the invitees from the stored register extract and the
        panel, reserve and probabilities from the stored registrations, with the stored seeds, and compares them
        with the stored results. Database settings as for 'masterplan migrate'.

        Panel (stage 2): recomputes the input hash, the panel, the reserve list and every selection probability
        (within 1e-6) and compares them with a result.json of 'sortition select'. Panel size, algorithm and seed
        default to the ones recorded in the file; when given, they must match it. --format, --reserve and
        --legacy-runs as for 'sortition select' (reserve and LEGACY runs default to the recorded ones).
        """;

    private const double ProbabilityTolerance = 1e-6;

    public string Name => "sortition replay";

    public string Summary => "Replay a recorded draw (invitees or panel) from its inputs and seed; exit 1 if it differs";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        if (args.Has("help"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (args.Has("file"))
        {
            return await ReplayFileAsync(args.Required("file"), output, error);
        }

        if (args.Has("lab"))
        {
            return await ReplayLabAsync(args, output, error);
        }

        return (args.Has("register"), args.Has("respondents")) switch
        {
            (true, false) => await ReplayInviteesAsync(args, output, error),
            (false, true) => await ReplayPanelAsync(args, output, error),
            _ => throw new CommandLineException("Give either --register (replay invitees) or --respondents and --categories (replay a panel). Run 'masterplan sortition replay --help'."),
        };
    }

    private static async Task<int> ReplayInviteesAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var input = RegisterDrawInput.FromArguments(args);
        var expectHash = args.Optional("expect-hash");
        var expectPath = args.Optional("expect");
        if (expectHash is null && expectPath is null)
        {
            throw new CommandLineException("Give --expect-hash SHA256 or --expect invitees.json (or both).");
        }

        JsonDocument? expected = null;
        if (expectPath is not null)
        {
            expected = await ReadJsonAsync(expectPath, error);
            if (expected is null)
            {
                return 1;
            }
        }

        using (expected)
        {
            if (await input.DrawAsync(error) is not { } drawn)
            {
                return 1;
            }

            var (extract, result) = drawn;
            var differences = new List<string>();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Recomputed: {RegisterDrawInput.MethodName(result.Method)} draw of {result.Invitees.Count} from {extract.Count} residents, seed '{result.Seed}', reference date {result.ReferenceDate:yyyy-MM-dd}, input SHA-256 {result.InputSha256}."));
            CompareHash(result.InputSha256, expectHash, "--expect-hash", differences);
            if (expected is not null)
            {
                var root = expected.RootElement;
                if (String(root, "kind") != "invitations")
                {
                    await error.WriteLineAsync($"{expectPath} is not the output of 'sortition invite' (no \"kind\": \"invitations\").");
                    return 1;
                }

                CompareHash(result.InputSha256, String(root, "inputSha256"), expectPath!, differences);
                CompareValue("seed", String(root, "seed"), result.Seed, differences);
                CompareValue("method", String(root, "method"), RegisterDrawInput.MethodName(result.Method), differences);
                CompareValue("reference date", String(root, "referenceDate"), result.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), differences);
                CompareValue("rows SHA-256 of the extract", String(root, "rowsSha256"), extract.RowsSha256, differences);

                static string Key(int line, string? name, string? address, int year) => string.Create(CultureInfo.InvariantCulture, $"line {line}: {name}, {address}, {year}");
                var recorded = root.TryGetProperty("invitations", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(e => Key(Int(e, "line"), String(e, "name"), String(e, "address"), Int(e, "birthYear"))).ToList()
                    : [];
                var recomputed = result.Invitees.Select(i => Key(extract.LineOf(i), extract.NameOf(i), extract.AddressOf(i), extract.BirthYearOf(i))).ToList();
                CompareLists("invitee", recorded, recomputed, differences);
                if (differences.Count == 0)
                {
                    await output.WriteLineAsync($"The {recomputed.Count} invitees are the same as in {expectPath}.");
                }
            }

            return await VerdictAsync(differences, output);
        }
    }

    private static async Task<int> ReplayPanelAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var respondentsPath = args.Required("respondents");
        var categoriesPath = args.Required("categories");
        var expectPath = args.Required("expect");
        var expectHash = args.Optional("expect-hash");
        var format = (args.Optional("format") ?? "auto").ToLowerInvariant() switch
        {
            "auto" => SortitionFileFormat.Auto,
            "replication" => SortitionFileFormat.Replication,
            "sortition-foundation" or "sf" => SortitionFileFormat.SortitionFoundation,
            var other => throw new CommandLineException($"Option --format must be auto, replication or sortition-foundation, got '{other}'."),
        };
        foreach (var path in new[] { respondentsPath, categoriesPath })
        {
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"File not found: {path}");
                return 1;
            }
        }

        using var expected = await ReadJsonAsync(expectPath, error);
        if (expected is null)
        {
            return 1;
        }

        var root = expected.RootElement;
        var differences = new List<string>();
        var k = args.Has("panel") ? args.RequiredInt("panel") : Int(root, "panelSize");
        var algorithmText = (args.Optional("algorithm") ?? String(root, "algorithm") ?? "leximin").ToLowerInvariant();
        var algorithm = algorithmText switch
        {
            "leximin" => SortitionAlgorithm.Leximin,
            "legacy" => SortitionAlgorithm.Legacy,
            var other => throw new CommandLineException($"Option --algorithm must be leximin or legacy, got '{other}'."),
        };
        var seed = args.Optional("seed") ?? String(root, "seed");
        if (string.IsNullOrWhiteSpace(seed) || k <= 0)
        {
            await error.WriteLineAsync($"{expectPath} records no seed or panel size; give --seed and --panel.");
            return 1;
        }

        CompareValue("panel size", Int(root, "panelSize").ToString(CultureInfo.InvariantCulture), k.ToString(CultureInfo.InvariantCulture), differences);
        CompareValue("algorithm", String(root, "algorithm"), algorithmText, differences);
        CompareValue("seed", String(root, "seed"), seed, differences);
        var recordedOptions = root.TryGetProperty("options", out var o) ? o : default;
        var options = new SelectionOptions
        {
            ReserveSize = args.Has("reserve") ? args.RequiredInt("reserve")
                : recordedOptions.ValueKind == JsonValueKind.Object && recordedOptions.TryGetProperty("reserve", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32()
                : null,
            LegacyRuns = args.Has("legacy-runs") ? Math.Max(1, args.RequiredInt("legacy-runs"))
                : recordedOptions.ValueKind == JsonValueKind.Object && recordedOptions.TryGetProperty("legacyRuns", out var lr) && lr.ValueKind == JsonValueKind.Number ? lr.GetInt32()
                : 1_000,
        };

        SortitionProblem problem;
        try
        {
            problem = SortitionFileReader.Read(respondentsPath, categoriesPath, format).ToProblem(k);
        }
        catch (Exception e) when (e is SortitionFormatException or SortitionInputException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }

        var hash = SortitionSelectCommand.InputHash(respondentsPath, categoriesPath, k, algorithm);
        await output.WriteLineAsync($"Recomputing {algorithmText.ToUpperInvariant()} for a panel of {k} from {problem.Pool.Count} respondents, seed '{seed}', input SHA-256 {hash} …");
        CompareHash(hash, expectHash, "--expect-hash", differences);
        CompareHash(hash, String(root, "inputSha256"), expectPath, differences);

        SelectionResult result;
        try
        {
            result = PanelSelection.Select(problem, algorithm, seed, options);
        }
        catch (Exception e) when (e is InfeasibleQuotasException or InvalidOperationException or LeximinLimitException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }

        CompareLists("panel member", Ids(root, "panel"), [.. result.Panel], differences);
        var recordedReserve = Ids(root, "reserve");
        if (!recordedReserve.SequenceEqual(result.Reserve))
        {
            differences.Add($"The reserve list differs: recorded {Preview(recordedReserve)}, recomputed {Preview(result.Reserve)}.");
        }

        var recordedProbabilities = root.TryGetProperty("probabilities", out var ps) && ps.ValueKind == JsonValueKind.Array
            ? ps.EnumerateArray().Where(p => String(p, "id") is not null).ToDictionary(p => String(p, "id")!, p => p.TryGetProperty("probability", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN, StringComparer.Ordinal)
            : [];
        var worst = result.Probabilities
            .Select(p => (p.Id, Recorded: recordedProbabilities.TryGetValue(p.Id, out var v) ? v : double.NaN, p.Probability))
            .Select(x => (x.Id, x.Recorded, x.Probability, Difference: double.IsNaN(x.Recorded) ? double.PositiveInfinity : Math.Abs(x.Recorded - x.Probability)))
            .Where(x => x.Difference > ProbabilityTolerance)
            .OrderByDescending(x => x.Difference)
            .ToList();
        if (worst.Count > 0 || recordedProbabilities.Count != result.Probabilities.Count)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"{worst.Count} selection probabilities differ by more than {ProbabilityTolerance} (recorded {recordedProbabilities.Count}, recomputed {result.Probabilities.Count}){(worst.Count > 0 ? $"; largest: '{worst[0].Id}' recorded {worst[0].Recorded:F6}, recomputed {worst[0].Probability:F6}" : string.Empty)}."));
        }

        if (differences.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"The panel of {result.Panel.Count}, the reserve list of {result.Reserve.Count} and all {result.Probabilities.Count} selection probabilities are the same as in {expectPath}."));
        }

        return await VerdictAsync(differences, output);
    }

    private static async Task<int> ReplayLabAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var labId = args.RequiredInt("lab");
        var verdict = 1;
        var started = await Masterplan.Cli.Database.CliHost.RunAsync(args, error, async services =>
        {
            using var scope = services.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<Masterplan.Web.Features.Labs.LabReplay>().ReplayAsync(labId, CancellationToken.None);
            if (report is null)
            {
                await error.WriteLineAsync($"There is no lab with id {labId}.");
                return;
            }

            foreach (var line in report.Checked)
            {
                await output.WriteLineAsync(line);
            }

            verdict = await VerdictAsync([.. report.Differences], output);
        });
        return started == 0 ? verdict : started;
    }

    private static async Task<int> ReplayFileAsync(string path, TextWriter output, TextWriter error)
    {
        byte[] bytes;
        string? format;
        try
        {
            bytes = await File.ReadAllBytesAsync(path);
            using var document = JsonDocument.Parse(bytes);
            format = String(document.RootElement, "format");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            await error.WriteLineAsync($"Cannot read {path}: {e.Message}");
            return 2;
        }

        List<string> checkedItems;
        List<string> differences;
        try
        {
            switch (format)
            {
                case PublicDraw.Format:
                    var draw = JsonSerializer.Deserialize<PublicDrawFile>(bytes, PublicDraw.Json)!;
                    if (draw.Lab is { } lab)
                    {
                        await output.WriteLineAsync($"{lab.Title} ({lab.District}), {lab.Page}");
                    }

                    // The settings' LEXIMIN limits can only stop a computation, never change its result: the defaults serve everyone.
                    var report = PublicDraw.Replay(draw, PanelDrawing.Options(new LabsOptions()), CancellationToken.None);
                    (checkedItems, differences) = ([.. report.Checked], [.. report.Differences]);
                    break;
                case PublicSeatLot.Format:
                    (checkedItems, differences) = PublicSeatLot.Replay(PublicSeatLot.Deserialize(new MemoryStream(bytes))!);
                    break;
                default:
                    await error.WriteLineAsync($"{path} is not a draw file of format {PublicDraw.Format} or {PublicSeatLot.Format} (it says \"format\": \"{format}\"). Download it from the lab's lottery page (\"Ziehung selbst nachprüfen\") or the Vollversammlung's page.");
                    return 2;
            }
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"Cannot read {path}: a field is missing or has the wrong type ({e.Message}).");
            return 2;
        }

        foreach (var line in checkedItems)
        {
            await output.WriteLineAsync(line);
        }

        return await VerdictAsync(differences, output);
    }

    private static async Task<int> VerdictAsync(List<string> differences, TextWriter output)
    {
        if (differences.Count == 0)
        {
            await output.WriteLineAsync("MATCH: the draw replays exactly.");
            return 0;
        }

        await output.WriteLineAsync($"MISMATCH: {differences.Count} {(differences.Count == 1 ? "difference" : "differences")}:");
        foreach (var d in differences)
        {
            await output.WriteLineAsync($"  - {d}");
        }

        return 1;
    }

    private static void CompareHash(string actual, string? expected, string source, List<string> differences)
    {
        if (expected is not null && !string.Equals(expected.Trim(), actual, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"The input SHA-256 is {actual}, but {source} says {expected.Trim()}: the inputs (extract or files, N or K, method or algorithm, reference date) are not the recorded ones.");
        }
    }

    private static void CompareValue(string what, string? recorded, string actual, List<string> differences)
    {
        if (recorded is not null && recorded != actual)
        {
            differences.Add($"The recorded {what} is '{recorded}', the replay used '{actual}'.");
        }
    }

    private static void CompareLists(string what, List<string> recorded, List<string> recomputed, List<string> differences)
    {
        var missing = recorded.Except(recomputed, StringComparer.Ordinal).ToList();
        var extra = recomputed.Except(recorded, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0 || recorded.Count != recomputed.Count)
        {
            differences.Add($"{recorded.Count} {what}s recorded, {recomputed.Count} recomputed; {missing.Count} recorded but not recomputed{(missing.Count > 0 ? $" ({Preview(missing)})" : string.Empty)}, {extra.Count} recomputed but not recorded{(extra.Count > 0 ? $" ({Preview(extra)})" : string.Empty)}.");
        }
    }

    private static string Preview(IReadOnlyList<string> items) =>
        items.Count <= 5 ? string.Join("; ", items) : $"{string.Join("; ", items.Take(5))}; … {items.Count - 5} more";

    private static List<string> Ids(JsonElement root, string name) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;

    private static async Task<JsonDocument?> ReadJsonAsync(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"File not found: {path}");
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonDocument.ParseAsync(stream);
        }
        catch (JsonException e)
        {
            await error.WriteLineAsync($"{path} is not valid JSON: {e.Message}");
            return null;
        }
    }
}
