using System.Diagnostics;
using System.Globalization;
using Masterplan.Algorithms.Sortition;
using Masterplan.Algorithms.Tests.Sortition;

namespace Masterplan.Bench.Sortition;

/// <summary>
/// LEXIMIN on the generated registration pools: solve time (wall and CPU), stages and panels, then the
/// independent check (<see cref="LeximinCertificate"/>) of the result.
/// </summary>
internal static class GeneratedBench
{
    private sealed class TraceProgress : IProgress<LeximinProgress>
    {
        public void Report(LeximinProgress value) => Console.Error.WriteLine(value);
    }

    public static int Run(string[] args)
    {
        var check = !args.Contains("--no-check");
        var writeAt = Array.IndexOf(args, "--write");
        var writeDir = writeAt >= 0 && writeAt + 1 < args.Length ? args[writeAt + 1] : null;
        var limitAt = Array.IndexOf(args, "--time-limit");
        var methodAt = Array.IndexOf(args, "--method");
        var method = methodAt >= 0 ? Enum.Parse<LeximinMethod>(args[methodAt + 1], ignoreCase: true) : LeximinMethod.RelaxationFirst;
        var settings = new LeximinSettings { TimeLimit = limitAt >= 0 ? TimeSpan.FromSeconds(double.Parse(args[limitAt + 1], CultureInfo.InvariantCulture)) : null, Method = method };
        var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (writeAt < 0 || i != writeAt + 1) && (limitAt < 0 || i != limitAt + 1) && (methodAt < 0 || i != methodAt + 1)).ToHashSet(StringComparer.Ordinal);
        var selected = GeneratedPools.Instances.Where(i => names.Count == 0 || names.Contains(i.Name)).ToArray();

        // Warm up the native solvers so that loading them is not charged to the first instance.
        _ = LeximinSolver.Solve(GeneratedPools.Create(1, 60, 3, 6));
        Console.WriteLine($"method {method}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"instance",-16} {"n",5} {"cats",4} {"k",4} {"types",5} {"levels",6} {"min p",9} {"seconds",8} {"cpu s",7} {"panels",7} {"comps",6} {"solves",6} {"check",6} {"max rise",9} {"spread",8} {"check s",8}");
        foreach (var (name, seed, n, categories, k) in selected)
        {
            var problem = GeneratedPools.Create(seed, n, categories, k);
            if (writeDir is not null)
            {
                GeneratedPools.Write(problem, Path.Combine(writeDir, name));
            }

            var types = problem.Pool.Select(r => string.Join('|', problem.Categories.Select(c => r.Features[c]))).Distinct().Count();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            PanelDistribution distribution;
            try
            {
                distribution = LeximinSolver.Solve(problem, settings, Environment.GetEnvironmentVariable("LEXIMIN_TRACE") == "1" ? new TraceProgress() : null);
            }
            catch (LeximinLimitException e)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-16} {n,5} {categories,4} {k,4} {types,5}  stopped: {e.Message} (cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s)"));
                continue;
            }

            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var levels = distribution.Probabilities.Select(p => Math.Round(p, 7)).Distinct().Count();
            var verdict = "-";
            var rise = double.NaN;
            var spread = double.NaN;
            var checkSeconds = 0.0;
            if (check)
            {
                var checkWatch = Stopwatch.StartNew();
                var report = LeximinCertificate.Check(problem, distribution.Panels, distribution.Probabilities);
                checkSeconds = checkWatch.Elapsed.TotalSeconds;
                verdict = report.IsLeximin(1e-6) ? "ok" : "FAILED";
                rise = report.LargestRise;
                spread = report.LargestSpreadWithinGroup;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-16} {n,5} {categories,4} {k,4} {types,5} {levels,6} {distribution.Probabilities.Min(),9:F6} {watch.Elapsed.TotalSeconds,8:F2} {cpu.TotalSeconds,7:F2} {distribution.Panels.Count,7} {distribution.Compositions,6} {distribution.SolverCalls,6} {verdict,6} {rise,9:E1} {spread,8:E1} {checkSeconds,8:F1}"));
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
