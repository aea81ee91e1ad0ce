using System.Diagnostics;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Tests.Data;

/// <summary>
/// A first deployment or a scale-out starts several instances at once against one database. The instances are real
/// processes, as in production: two in-process test hosts cannot be built at the same moment.
/// </summary>
public class ConcurrentStartTests
{
    [Theory, Engines]
    public async Task Two_instances_started_at_once_on_an_empty_database_both_become_healthy(DatabaseProvider engine)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(engine);
        using var a = new AppProcess(db);
        using var b = new AppProcess(db);

        var urls = await Task.WhenAll(a.UrlAsync(), b.UrlAsync());

        using var http = new HttpClient();
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "/health")).StatusCode);
        }

        await using var data = Context(db);
        // Every migration is recorded, and the roles and the reference data exist once.
        Assert.Equal(data.Database.GetMigrations(), await data.Database.GetAppliedMigrationsAsync());
        Assert.Equal(Masterplan.Web.Features.Accounts.Roles.Stored.Order(), (await data.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(12, await data.Districts.CountAsync());
        if (engine == DatabaseProvider.Postgres)
        {
            // Both joined the job cluster.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await CheckedInAsync() < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(2, await CheckedInAsync());
        }

        async Task<int> CheckedInAsync() =>
            await data.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync();
    }

    internal static AppDbContext Context(TestDatabase db) => db.Provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(db.ConnectionString, o => o.UseNetTopologySuite()).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(db.ConnectionString).Options);

    /// <summary>The app as its own process on a free loopback port; stopped (with its children) when disposed.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly DirectoryInfo _workDir = Directory.CreateTempSubdirectory("masterplan-start");
        private readonly System.Text.StringBuilder _output = new();

        public AppProcess(TestDatabase db)
        {
            var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Masterplan.Web.dll"), "--urls", "http://127.0.0.1:0"])
            {
                WorkingDirectory = _workDir.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            info.Environment["Database__Provider"] = db.Provider.ToString();
            info.Environment["ConnectionStrings__Masterplan"] = db.ConnectionString;
            info.Environment["Jobs__Housekeeping__Cron"] = "0 0 3 1 1 ? 2099";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            _process = new Process { StartInfo = info };
            _process.OutputDataReceived += (_, e) => Read(e.Data);
            _process.ErrorDataReceived += (_, e) => Read(e.Data);
            _process.Exited += (_, _) => _url.TrySetException(new InvalidOperationException($"The instance stopped:\n{Output()}"));
            _process.EnableRaisingEvents = true;
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public async Task<string> UrlAsync()
        {
            try
            {
                return await _url.Task.WaitAsync(TimeSpan.FromSeconds(120));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The instance did not start within 120 s:\n{Output()}");
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            _workDir.Delete(recursive: true);
        }

        private void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            const string listening = "Now listening on: ";
            if (line.Contains(listening, StringComparison.Ordinal))
            {
                _url.TrySetResult(line[(line.IndexOf(listening, StringComparison.Ordinal) + listening.Length)..].Trim());
            }
        }

        private string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }
}
