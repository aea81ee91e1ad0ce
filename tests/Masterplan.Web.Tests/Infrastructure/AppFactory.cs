using Masterplan.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>The real app in-process over HTTP, on one test database.</summary>
public sealed class AppFactory(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private bool _ownsDatabase;

    /// <summary>
    /// The audit key of every test app: one file for the whole run, so the template database and its copies are
    /// sealed with the same key (and nothing is written into the source tree).
    /// </summary>
    public static readonly string AuditKeyFile = Path.Combine(Path.GetTempPath(), "masterplan-tests", "audit-chain.key");

    /// <summary>The key file of <c>FieldEncryption</c> for every test app (created by the first encryption).</summary>
    public static readonly string FieldKeyFile = Path.Combine(Path.GetTempPath(), "masterplan-tests", "field-encryption.keys");

    /// <summary>
    /// The clock every test app runs on: 23.11.2026, 09:00:00.1234567 in Dortmund. Sub-millisecond ticks,
    /// because SQLite keeps times to 100 µs only, and a clock on whole seconds hides every place that forgets it.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567))
    {
        // The city's time zone, so "today" on pages is Dortmund's today.
        AutoAdvanceAmount = TimeSpan.Zero,
    };

    public TestDatabase Database => database;

    /// <summary>What the app logged, through the filters of its configuration.</summary>
    public LogCapture Logs { get; } = new();

    // The server starts while the reference data still loads (PlatformHost); wait, since we look into the database at once.
    protected override IHost CreateHost(IHostBuilder builder) => Masterplan.Web.Shared.DatabaseReady.WaitUntilPrepared(base.CreateHost(builder));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Masterplan", database.ConnectionString);
        builder.UseSetting("Audit:ChainKeyFile", AuditKeyFile);
        // The confidential units' key-encryption keys: one file for the run too, outside the source tree.
        builder.UseSetting("FieldEncryption:KeyFile", FieldKeyFile);
        // Checkpoints only where a test asks for them: moving the clock would otherwise fire the hourly job.
        builder.UseSetting("Jobs:AuditCheckpoint:Cron", "");
        // No map tiles from outside in tests (a test that needs a tile host sets one).
        builder.UseSetting("Map:TileUrl", "");
        // Open-data snapshots belong to this app's database: a folder of its own, outside the source tree.
        builder.UseSetting("OpenData:Folder", Path.Combine(Path.GetTempPath(), "masterplan-tests", "opendata-" + Guid.NewGuid().ToString("N")));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(s =>
        {
            Clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        });
    }

    /// <summary>A scope for looking into the database the app uses.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Sends what the mail outbox holds now: mail queued with a change leaves after its commit, in the background.</summary>
    public Task<int> SendQueuedMailAsync() => Services.GetRequiredService<Masterplan.Web.Shared.Mail.MailOutbox>().SendDueAsync();

    /// <summary>The app started on a fresh database of its own, which goes away with the app.</summary>
    public static async Task<AppFactory> StartAsync(
        DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new AppFactory(await TestDatabase.CreateAsync(provider), settings, services) { _ownsDatabase = true };
        await app.StartServerAsync();
        return app;
    }

    /// <summary>
    /// Starts the host off xunit's synchronization context: the factory starts it synchronously, and a test
    /// thread blocked on that start must not be the thread its continuations wait for (two cores, two threads).
    /// </summary>
    public Task StartServerAsync() => Task.Run(() => _ = Server);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }
}
