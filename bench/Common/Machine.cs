using System.Globalization;

namespace Masterplan.Bench;

/// <summary>
/// CPU accounting from /proc, so a figure taken on a shared machine says how busy the machine was meanwhile:
/// busy time of all cores minus this process, its waited-for children (wrk) and, on PostgreSQL, the throw-away
/// server's processes.
/// </summary>
internal sealed class Machine(int? postgresPid)
{
    public static readonly int Cores = Environment.ProcessorCount;

    private static readonly long Tick = 100; // USER_HZ on Linux

    public readonly record struct Sample(long Busy, long Total, long Own, long Postgres);

    public Sample Take()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Take(8).Sum();
        var idle = cpu[3] + cpu[4];
        return new Sample(total - idle, total, ProcessTicks(Environment.ProcessId, withChildren: true), postgresPid is { } pg ? TreeTicks(pg) : 0);
    }

    /// <summary>Percent of all cores used by other processes between two samples.</summary>
    public static double OthersPercent(Sample a, Sample b)
    {
        var total = b.Total - a.Total;
        var others = (b.Busy - a.Busy) - (b.Own - a.Own) - (b.Postgres - a.Postgres);
        return total <= 0 ? 0 : Math.Max(0, 100.0 * others / total);
    }

    public static double PostgresSeconds(Sample a, Sample b) => (b.Postgres - a.Postgres) / (double)Tick;

    /// <summary>CPU seconds of this process (app and client when they share it) between two samples.</summary>
    public static double OwnSeconds(Sample a, Sample b) => (b.Own - a.Own) / (double)Tick;

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((x, y) => $"{x} {y}");

    /// <summary>utime + stime (all threads); with children: plus cutime + cstime of exited, waited-for children (wrk).</summary>
    private static long ProcessTicks(int pid, bool withChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                + (withChildren ? long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : 0);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The postmaster and its children (backends, writer, …); backends that ended are not counted.</summary>
    private static long TreeTicks(int root)
    {
        long sum = ProcessTicks(root);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == root)
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText($"{dir}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == root)
                {
                    sum += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }
        }

        return sum;
    }
}
