using System.Diagnostics;
using System.Globalization;
using Masterplan.Algorithms.Sortition;

// Runs LEXIMIN on the shared instances and compares the minimum selection probability with the published one.
// Usage: dotnet run -c Release --project bench/Sortition -- [DATA_DIR] [instance ...] [--method RelaxationFirst|LocalSearchFirst|Plain]
// Generated registration pools (5–7 categories, up to 2,000/100) with an independent LEXIMIN check:
//   ... -- generated [--no-check] [--time-limit SECONDS] [--method RelaxationFirst|LocalSearchFirst|Plain] [--write DIR] [instance ...]
// Stage 1 (register extract import and invitee draw): ... -- stage1 generate FILE [ROWS] | stage1 run FILE [INVITEES]
if (args is ["stage1", ..])
{
    return Masterplan.Bench.Sortition.Stage1Bench.Run(args[1..]);
}

if (args is ["generated", ..])
{
    return Masterplan.Bench.Sortition.GeneratedBench.Run(args[1..]);
}

var dataDir = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/sortition-data"));
(string Name, string Respondents, string Categories, int K, double Published, double Limit)[] instances =
[
    ("example_small_20", "respondents.csv", "categories.csv", 20, 0.100, 2),
    ("sf_fixture_150_22", "candidates.csv", "features.csv", 22, 0.0909, 2),
    ("example_large_200", "respondents.csv", "categories.csv", 200, 0.100, 120),
];
var methodAt = Array.IndexOf(args, "--method");
var method = methodAt >= 0 ? Enum.Parse<LeximinMethod>(args[methodAt + 1], ignoreCase: true) : LeximinMethod.RelaxationFirst;
var names = args.Skip(1).Where((a, i) => a != "--method" && (methodAt < 0 || i + 1 != methodAt + 1)).ToArray();
var selected = names.Length > 0 ? instances.Where(i => names.Contains(i.Name)).ToArray() : instances;

// Warm up the native solvers once so that library loading is not charged to the first instance.
_ = LeximinSolver.Solve(new SortitionProblem(
    [new Respondent("a", new Dictionary<string, string> { ["c"] = "x" }), new Respondent("b", new Dictionary<string, string> { ["c"] = "y" })],
    [new Quota("c", "x", 0, 1), new Quota("c", "y", 0, 1)], 1));

Console.WriteLine($"method {method}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"{"instance",-20} {"n",5} {"k",4} {"types",5} {"min p",9} {"published",9} {"|diff|",8} {"panels",7} {"comps",5} {"solves",6} {"valid",5} {"seconds",8} {"cpu s",7} {"limit",5} {"check",6} {"max rise",9} {"LEGACY min (1000 runs)",22}");
foreach (var (name, respondentsFile, categoriesFile, k, published, limit) in selected)
{
    var data = SortitionFileReader.Read(Path.Combine(dataDir, name, respondentsFile), Path.Combine(dataDir, name, categoriesFile));
    var problem = data.ToProblem(k);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var distribution = LeximinSolver.Solve(problem, new LeximinSettings { Method = method }, null);
    watch.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var min = distribution.Probabilities.Min();
    var valid = distribution.Panels.All(p => problem.IsValidPanel(p.Members));
    var certificate = Masterplan.Algorithms.Tests.Sortition.LeximinCertificate.Check(problem, distribution.Panels, distribution.Probabilities);
    var check = certificate.IsLeximin(1e-6) ? "ok" : "FAILED";
    var legacy = LegacySolver.Estimate(problem, new Masterplan.Algorithms.Random.SeededRandom("bench"), 1_000).Probabilities.Min();
    var types = problem.Pool.Select(r => string.Join('|', problem.Categories.Select(c => r.Features[c]))).Distinct().Count();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {problem.Pool.Count,5} {k,4} {types,5} {min,9:F6} {published,9:F4} {Math.Abs(min - published),8:F6} {distribution.Panels.Count,7} {distribution.Compositions,5} {distribution.SolverCalls,6} {valid,5} {watch.Elapsed.TotalSeconds,8:F3} {cpu.TotalSeconds,7:F3} {limit,5} {check,6} {certificate.LargestRise,9:E1} {legacy,22:F4}"));
}

return 0;
