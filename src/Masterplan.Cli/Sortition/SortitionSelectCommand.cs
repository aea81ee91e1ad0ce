using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Masterplan.Algorithms.Random;
using Masterplan.Algorithms.Sortition;

namespace Masterplan.Cli.Sortition;

/// <summary>
/// <c>masterplan sortition select</c>: selects a panel from a pool of respondents with LEXIMIN or LEGACY and
/// writes probabilities, panel, reserve and distribution as JSON.
/// </summary>
internal sealed class SortitionSelectCommand : ICommand
{
    private const string Usage = """
        masterplan sortition select --respondents FILE --categories FILE --panel K [options]

        Selects a panel of K respondents that meets the quotas, by a lottery that is as fair as possible
        (LEXIMIN, Flanigan et al., Nature 596, 2021) or by the older greedy method (LEGACY, for comparison).

          --respondents FILE   respondents.csv (replication format) or candidates.csv (Sortition Foundation)
          --categories FILE    categories.csv (category,feature,min,max) or features.csv (feature,value,min,max[,min_flex,max_flex])
          --panel K            panel size
          --algorithm NAME     leximin (default) or legacy
          --seed TEXT          the public seed for the draw; a random one is made and printed if missing
          --out FILE           where to write the JSON result (default: standard output)
          --format NAME        auto (default), replication or sortition-foundation
          --reserve N          length of the reserve list (default: K)
          --legacy-runs N      runs that estimate LEGACY's probabilities (default: 1000)
          --time-limit SECONDS stop LEXIMIN after this long, with a message (default: no limit)
          --max-rounds N       stop LEXIMIN after N pricing rounds, with a message (default: 20000)
          --quiet              no progress on standard error

        LEXIMIN reports its progress on standard error (stage k of at most n, panels found so far);
        Ctrl+C stops it.

        Exit codes: 0 success, 1 invalid input or infeasible quotas (with an explanation), 2 wrong usage.
        """;

    public string Name => "sortition select";

    public string Summary => "Select a panel by lot with quotas (LEXIMIN or LEGACY), write JSON";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        if (args.Has("help"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var respondentsPath = args.Required("respondents");
        var categoriesPath = args.Required("categories");
        var k = args.RequiredInt("panel");
        var algorithm = (args.Optional("algorithm") ?? "leximin").ToLowerInvariant() switch
        {
            "leximin" => SortitionAlgorithm.Leximin,
            "legacy" => SortitionAlgorithm.Legacy,
            var other => throw new CommandLineException($"Option --algorithm must be leximin or legacy, got '{other}'."),
        };
        var format = (args.Optional("format") ?? "auto").ToLowerInvariant() switch
        {
            "auto" => SortitionFileFormat.Auto,
            "replication" => SortitionFileFormat.Replication,
            "sortition-foundation" or "sf" => SortitionFileFormat.SortitionFoundation,
            var other => throw new CommandLineException($"Option --format must be auto, replication or sortition-foundation, got '{other}'."),
        };
        var options = new SelectionOptions
        {
            ReserveSize = args.Has("reserve") ? args.RequiredInt("reserve") : null,
            LegacyRuns = args.Has("legacy-runs") ? Math.Max(1, args.RequiredInt("legacy-runs")) : 1_000,
            Leximin = new LeximinSettings
            {
                TimeLimit = args.Has("time-limit") ? TimeSpan.FromSeconds(Positive(args.RequiredInt("time-limit"), "time-limit")) : null,
                MaxRounds = args.Has("max-rounds") ? Positive(args.RequiredInt("max-rounds"), "max-rounds") : 20_000,
            },
        };
        var seedGiven = args.Optional("seed");
        var seed = string.IsNullOrWhiteSpace(seedGiven) ? SeededRandom.NewSeed() : seedGiven;
        var outPath = args.Optional("out");
        foreach (var path in new[] { respondentsPath, categoriesPath })
        {
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"File not found: {path}");
                return 1;
            }
        }

        SortitionData data;
        SortitionProblem problem;
        try
        {
            data = SortitionFileReader.Read(respondentsPath, categoriesPath, format);
            problem = data.ToProblem(k);
        }
        catch (SortitionFormatException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (SortitionInputException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }

        var watch = Stopwatch.StartNew();
        SelectionResult result;
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            result = PanelSelection.Select(problem, algorithm, seed, options, args.Has("quiet") ? null : new ProgressWriter(error), cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled; no panel was selected.");
            return 1;
        }
        catch (LeximinLimitException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (InfeasibleQuotasException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (InvalidOperationException e)
        {
            // LEGACY stuck on every attempt although panels exist, or a solver failure.
            await error.WriteLineAsync(e.Message);
            return 1;
        }

        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        watch.Stop();
        var inputHash = InputHash(respondentsPath, categoriesPath, k, algorithm);
        if (outPath is null)
        {
            await using var stdout = new MemoryStream();
            WriteJson(stdout, result, data, problem, inputHash, watch.Elapsed, options);
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
        }
        else
        {
            await using (var file = File.Create(outPath))
            {
                WriteJson(file, result, data, problem, inputHash, watch.Elapsed, options);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Algorithm.ToString().ToUpperInvariant()}: panel of {k} from {problem.Pool.Count} respondents, seed '{seed}'{(seedGiven is null ? " (generated)" : string.Empty)}, selection probability min {result.MinimumProbability:F4} / median {result.MedianProbability:F4} / max {result.MaximumProbability:F4}, {result.PanelCount} panels, {watch.Elapsed.TotalSeconds:F2} s. Written to {outPath}."));
        }

        return 0;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CommandLineException($"Option --{option} must be a positive whole number, got {value}.");

    /// <summary>Writes LEXIMIN's progress as one line per report, at most one every half second (and every stage end).</summary>
    private sealed class ProgressWriter(TextWriter error) : IProgress<LeximinProgress>
    {
        private int _stage;
        private TimeSpan _last = TimeSpan.MinValue;

        public void Report(LeximinProgress value)
        {
            if (value.Stage == _stage && value.Elapsed - _last < TimeSpan.FromSeconds(0.5))
            {
                return;
            }

            _stage = value.Stage;
            _last = value.Elapsed;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"LEXIMIN: stage {value.Stage} of at most {value.MaxStages}, {value.Panels} panel compositions so far, {value.FixedRespondents} of {value.Respondents} probabilities fixed{(value.LotteryShare is { } share ? $", lottery {share:P0} assembled" : "")}, {value.Elapsed.TotalSeconds:F1} s"));
        }
    }

    /// <summary>SHA-256 over both input files, the panel size and the algorithm, so that a draw can be checked against its inputs.</summary>
    internal static string InputHash(string respondentsPath, string categoriesPath, int k, SortitionAlgorithm algorithm)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(respondentsPath));
        sha.AppendData(File.ReadAllBytes(categoriesPath));
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\n{k}\n{algorithm}")));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void WriteJson(Stream stream, SelectionResult result, SortitionData data, SortitionProblem problem, string inputHash, TimeSpan elapsed, SelectionOptions options)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("algorithm", result.Algorithm.ToString().ToLowerInvariant());
        json.WriteString("seed", result.Seed);
        json.WriteString("inputSha256", inputHash);
        json.WriteString("format", data.Format.ToString());
        json.WriteNumber("poolSize", problem.Pool.Count);
        json.WriteNumber("panelSize", problem.PanelSize);

        // What 'sortition replay' needs besides the inputs and the seed to recompute the same reserve and LEGACY estimate.
        json.WriteStartObject("options");
        json.WriteNumber("reserve", options.ReserveSize ?? problem.PanelSize);
        json.WriteNumber("legacyRuns", options.LegacyRuns);
        json.WriteEndObject();
        json.WriteStartObject("statistics");
        json.WriteNumber("minimumProbability", result.MinimumProbability);
        json.WriteNumber("medianProbability", result.MedianProbability);
        json.WriteNumber("maximumProbability", result.MaximumProbability);
        json.WriteNumber("panels", result.PanelCount);
        json.WriteNumber("compositions", result.Distribution.Compositions);
        json.WriteNumber("solverCalls", result.Distribution.SolverCalls);
        json.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
        json.WriteEndObject();
        json.WriteStartArray("quotas");
        foreach (var q in problem.Quotas)
        {
            json.WriteStartObject();
            json.WriteString("category", q.Category);
            json.WriteString("value", q.Value);
            json.WriteNumber("min", q.Min);
            json.WriteNumber("max", q.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteIds(json, "panel", result.Panel);
        WriteIds(json, "reserve", result.Reserve);
        json.WriteStartArray("probabilities");
        foreach (var p in result.Probabilities)
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id);
            json.WriteNumber("probability", p.Probability);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("distribution");
        foreach (var panel in result.Distribution.Panels)
        {
            json.WriteStartObject();
            json.WriteNumber("probability", panel.Probability);
            WriteIds(json, "members", panel.Members);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<string> ids)
    {
        json.WriteStartArray(name);
        foreach (var id in ids)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
    }
}
