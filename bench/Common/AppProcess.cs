using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Masterplan.Bench;

/// <summary>
/// The app as a real process (the built Masterplan.Web.dll under <c>dotnet</c>, Production environment, on PostgreSQL), so
/// it can be killed with SIGKILL (<see cref="Process.Kill()"/> sends SIGKILL on Linux: no shutdown code runs, open
/// connections and transactions are cut).
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, StreamWriter log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    public TimeSpan StartedIn { get; private set; }

    public static async Task<AppProcess> StartAsync(string dll, string connectionString, string logFile)
    {
        var port = FreePort();
        var contentRoot = ContentRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Masterplan"] = connectionString;
        start.Environment["Accounts__FormPostsPerMinute"] = "1000000";
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"==== {DateTimeOffset.UtcNow:O} dotnet {string.Join(' ', start.ArgumentList)}");
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {process.ExitCode} during its start; see {logFile}");
            }

            try
            {
                if ((await probe.GetAsync(app.BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    app.StartedIn = watch.Elapsed;
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"the app did not answer /health within 120 s; see {logFile}");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>SIGKILL, then wait until the process is gone.</summary>
    public void Kill9()
    {
        _process.Kill();
        _process.WaitForExit();
        Write(_log, $"==== {DateTimeOffset.UtcNow:O} killed with SIGKILL");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill9();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    /// <summary>The web project's folder (appsettings.json), as <see cref="BenchApp"/> finds it.</summary>
    public static string ContentRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "src", "Masterplan.Web", "appsettings.json")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("src/Masterplan.Web not found above " + AppContext.BaseDirectory), "src", "Masterplan.Web");
    }

    /// <summary>The app's own build output next to its project (Release, as the bench is built).</summary>
    public static string DefaultDll() => Path.Combine(ContentRoot(), "bin", "Release", "net10.0", "Masterplan.Web.dll");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
