using System.Collections.Concurrent;
using System.Diagnostics;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Masterplan.Bench;

/// <summary>
/// The real app (Program.cs, Production environment) on Kestrel on a loopback port, in this process, so the
/// benchmark can seed through the app's own AppDbContext. The only addition is <see cref="Probe"/>: one
/// middleware in front of the whole pipeline that records how long the app itself took per request.
/// </summary>
internal sealed class BenchApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    // The server starts while the reference data still loads (PlatformHost); wait, since we look into the database at once.
    protected override IHost CreateHost(IHostBuilder builder) => Masterplan.Web.Shared.DatabaseReady.WaitUntilPrepared(base.CreateHost(builder));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Masterplan", connectionString);

        // The app logs as configured (appsettings.json), only to stderr, so stdout is the report.
        builder.UseSetting("Logging:Console:LogToStandardErrorThreshold", "Trace");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, Probe>());
    }

    public string Start()
    {
        // Content root = the web project's folder (appsettings.json, wwwroot), as with `dotnet run` there; the factory's
        // own guess (next to the .slnx) does not fit a console project under bench/.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "src", "Masterplan.Web", "appsettings.json")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MASTERPLAN_WEB",
            Path.Combine(root?.FullName ?? throw new InvalidOperationException("src/Masterplan.Web not found above " + AppContext.BaseDirectory), "src", "Masterplan.Web"));
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}

/// <summary>
/// In-app time per request (from the first middleware until the pipeline returned, i.e. the page is rendered
/// and handed to Kestrel) and the SQL commands EF Core ran for it (from EF's DiagnosticListener events).
/// </summary>
internal sealed class Probe : IStartupFilter
{
    private static readonly AsyncLocal<RequestRecord?> Current = new();

    public static readonly ConcurrentQueue<RequestRecord> Records = new();

    /// <summary>When true, the SQL text of each command is kept too (for the profile, not for timing runs).</summary>
    public static volatile bool KeepSql;

    /// <summary>When true, MVC's diagnostic events mark where the time goes (page handler, view rendering).</summary>
    public static volatile bool Phases;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var record = new RequestRecord(context.Request.Path + context.Request.QueryString);
            Current.Value = record;
            var start = Stopwatch.GetTimestamp();
            record.Started = start;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                record.InApp = Stopwatch.GetElapsedTime(start);
                record.Status = context.Response.StatusCode;
                Current.Value = null;
                Records.Enqueue(record);
            }
        });
        next(app);
    };

    public static RequestRecord? CurrentRecord => Current.Value;

    /// <summary>Books EF's commands on <paramref name="record"/> outside a request (the in-process PDF runs); null stops.</summary>
    public static void Track(RequestRecord? record) => Current.Value = record;

    public static List<RequestRecord> Drain()
    {
        var list = new List<RequestRecord>();
        while (Records.TryDequeue(out var r))
        {
            list.Add(r);
        }

        return list;
    }

    /// <summary>Subscribes to EF Core's diagnostic events (process-wide) and books each command on the current request.</summary>
    public static IDisposable ListenToEf() => DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(new EventObserver(), name => name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name || name == CoreEventId.QueryCompilationStarting.Name);
            }
            else if (value.Name == "Microsoft.AspNetCore")
            {
                // Only the MVC events below (not hosting's per-request activity), and only while Phases is on.
                value.Subscribe(new PhaseObserver(), name => Phases && name.StartsWith("Microsoft.AspNetCore.Mvc.", StringComparison.Ordinal));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CoreEventId.QueryCompilationStarting.Name && Current.Value is { } compiling)
            {
                lock (compiling)
                {
                    compiling.Compilations++;
                }
            }
            else if (value.Value is CommandExecutedEventData data && Current.Value is { } record)
            {
                lock (record)
                {
                    record.Commands++;
                    record.DbTime += data.Duration;
                    if (KeepSql)
                    {
                        record.Sql.Add(new SqlRecord(data.Duration, data.Command.CommandText, data.Command));
                    }
                }
            }
            else if (value.Value is DataReaderDisposingEventData reader && Current.Value is { } reading)
            {
                // Rows the app read from the reader of a query (EF counts them as it reads).
                lock (reading)
                {
                    reading.Rows += reader.ReadCount;
                    if (reading.Sql.LastOrDefault(s => ReferenceEquals(s.Command, reader.Command)) is { } sql)
                    {
                        sql.Rows += reader.ReadCount;
                    }
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

/// <summary>Timestamps of MVC's diagnostic events on the current request: action, page handler, views (page, layout, partials).</summary>
internal sealed class PhaseObserver : IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Probe.CurrentRecord is not { } record)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        switch (value.Key)
        {
            case "Microsoft.AspNetCore.Mvc.BeforeAction": record.ActionStart = now; break;
            case "Microsoft.AspNetCore.Mvc.AfterAction": record.ActionEnd = now; break;
            case "Microsoft.AspNetCore.Mvc.BeforeHandlerMethod": record.HandlerStart = now; break;
            case "Microsoft.AspNetCore.Mvc.AfterHandlerMethod": record.HandlerEnd = now; break;
            case "Microsoft.AspNetCore.Mvc.Razor.BeforeViewPage": record.ViewStart = record.ViewStart == 0 ? now : record.ViewStart; break;
            case "Microsoft.AspNetCore.Mvc.Razor.AfterViewPage": record.ViewEnd = now; break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

internal sealed class RequestRecord(string path)
{
    public long Started { get; set; }

    public long ActionStart { get; set; }

    public long HandlerStart { get; set; }

    public long HandlerEnd { get; set; }

    public long ViewStart { get; set; }

    public long ViewEnd { get; set; }

    public long ActionEnd { get; set; }

    public int Compilations { get; set; }

    public string Path { get; } = path;

    public TimeSpan InApp { get; set; }

    public int Status { get; set; }

    public int Commands { get; set; }

    public TimeSpan DbTime { get; set; }

    public int Rows { get; set; }

    public List<SqlRecord> Sql { get; } = [];
}

internal sealed class SqlRecord(TimeSpan duration, string sql, System.Data.Common.DbCommand command)
{
    public TimeSpan Duration { get; } = duration;

    public string Sql { get; } = sql;

    public System.Data.Common.DbCommand Command { get; } = command;

    /// <summary>The parameters' names and values when the command ran (EF clears the command afterwards), for EXPLAIN.</summary>
    public IReadOnlyList<(string Name, object? Value)> Parameters { get; } =
        [.. command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value))];

    public int Rows { get; set; }
}
