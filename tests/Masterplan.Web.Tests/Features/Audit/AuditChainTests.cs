using Masterplan.Cli;
using Masterplan.Cli.Audit;
using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Masterplan.Web.Tests.Features.Audit;

/// <summary>
/// <c>masterplan audit verify</c> on real databases of both engines: intact where nobody tampered, and each way
/// someone with write access to the database can tamper (one field, a recomputed chain, a cut end) detected.
/// </summary>
public class AuditChainTests
{
    [Theory, Engines]
    public async Task A_fresh_database_verifies_intact_with_every_seal(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);

        var (code, output) = await VerifyAsync(app);

        Assert.Equal(0, code);
        Assert.Matches(@"^Audit log intact: \d+ entries, every seal matches\.$", output);
        await using var scope = app.Scope();
        var times = await Data(scope).AuditEntries.Select(e => e.At).ToListAsync();
        // Seeded on a clock at 08:00:00.1234567: kept (and hashed) as 08:00:00.1234 on both engines.
        Assert.Contains(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_000), times);
        Assert.All(times, t => Assert.Equal(0, t.UtcTicks % AuditChain.TimeResolutionTicks));
    }

    [Theory, Engines]
    public async Task Demo_data_and_many_writes_on_a_sub_millisecond_clock_verify_intact(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        await using (var scope = app.Scope())
        {
            var data = Data(scope);
            var steering = await data.Organizations.SingleAsync(o => o.SeedKey == "org:lenkungskreis");
            for (var i = 0; i < 30; i++)
            {
                app.Clock.Advance(TimeSpan.FromTicks(3_217)); // 0.3217 ms: never on a step of either engine
                steering.Purpose = $"Fassung {i}";
                data.Audit("test.note", reason: $"Notiz {i}");
                await data.SaveChangesAsync();
            }

            Assert.True(await data.Persons.AnyAsync(p => p.IsDemo));
        }

        var (code, output) = await VerifyAsync(app);

        Assert.Equal(0, code);
        Assert.EndsWith("every seal matches.", output);
    }

    [Theory, Engines]
    public async Task A_demo_database_made_by_the_command_line_on_the_real_clock_verifies_intact(DatabaseProvider engine)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(engine);
        string[] connection = ["--provider", engine.ToString(), "--connection", db.ConnectionString];
        Assert.Equal(0, await new MigrateCommand().RunAsync(new CommandArguments(connection), TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, await new SeedCommand().RunAsync(new CommandArguments([.. connection, "--demo"]), TextWriter.Null, TextWriter.Null));

        // The command line finds the key where it created it (data/ in its folder), as the app does.
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new AuditVerifyCommand().RunAsync(new CommandArguments(connection), output, error);

        Assert.Equal("", error.ToString());
        Assert.Equal(0, code);
        Assert.Matches(@"^Audit log intact: \d+ entries, every seal matches\.$", output.ToString().Trim());
    }

    [Theory, Engines]
    public async Task Without_the_key_the_plain_chain_is_checked_and_the_skipped_seals_are_named(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();

        var result = await AuditChain.VerifyAsync(Data(scope));

        Assert.True(result.Intact);
        Assert.False(result.SealsChecked);
        Assert.EndsWith("; seals not checked (no audit key: set Audit:ChainKey or Audit:ChainKeyFile, or pass --key-file).", result.Message);
    }

    [Theory, Engines]
    public async Task One_field_changed_with_sql_is_named(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var data = Data(scope);
        var victim = await data.AuditEntries.OrderBy(a => a.Id).Skip(3).Select(a => a.Id).FirstAsync();
        await DisableGuardsAsync(data, engine);

        await data.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Reason\" = 'nachträglich' WHERE \"Id\" = {victim}");

        var (code, output) = await VerifyAsync(app);
        Assert.Equal(1, code);
        Assert.Equal($"Audit log broken at entry {victim}: its content was changed after it was written.", output);
    }

    [Theory, Engines]
    public async Task A_recomputed_chain_is_caught_by_the_seal_and_without_the_key_by_the_checkpoint(DatabaseProvider engine)
    {
        var checkpoints = CheckpointFile();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Audit:CheckpointFile"] = checkpoints });
        await using var scope = app.Scope();
        var data = Data(scope);
        var first = await CheckpointAsync(app);
        await WriteNotesAsync(app, data, 5);
        var second = await CheckpointAsync(app);
        Assert.Equal(first.Count + 6, second.Count); // five notes and the first checkpoint's own entry
        Assert.Equal(2, File.ReadAllLines(checkpoints).Length);
        Assert.Equal(2, await data.AuditEntries.CountAsync(e => e.Action == AuditCheckpointJob.Action));

        // Someone who can write the database, but has no key, changes a note and recomputes the chain from there.
        var victim = await data.AuditEntries.Where(e => e.Id > first.EntryId && e.Action == "test.note").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        await DisableGuardsAsync(data, engine);
        var previous = await data.AuditEntries.Where(e => e.Id < victim).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstAsync();
        foreach (var entry in await data.AuditEntries.AsNoTracking().Where(e => e.Id >= victim).OrderBy(e => e.Id).ToListAsync())
        {
            if (entry.Id == victim)
            {
                entry.Reason = "etwas ganz anderes";
            }

            entry.PreviousHash = previous;
            entry.Hash = AuditChain.Compute(entry);
            previous = entry.Hash;
            await data.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"Reason\" = {entry.Reason}, \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Id\" = {entry.Id}");
        }

        var plain = await AuditChain.VerifyAsync(Data(scope));
        Assert.True(plain.Intact); // the plain chain alone cannot tell

        var (code, output) = await VerifyAsync(app, "--checkpoint", checkpoints);
        Assert.Equal(1, code);
        Assert.Equal($"Audit log broken at entry {victim}: its seal does not match (the entry was changed and the chain recomputed, or it was sealed with another key).", output);

        // Where the key was taken along with the database, the checkpoint written outside still tells.
        var withoutKey = await AuditChain.VerifyAsync(Data(scope), key: null, ReadCheckpoints(checkpoints));
        Assert.False(withoutKey.Intact);
        Assert.Equal(
            $"Audit log broken at entry {second.EntryId}: its hash differs from the checkpoint of {second.Stamp}: the chain was rewritten after entry {first.EntryId} (checkpoint of {first.Stamp}, which still matches).",
            withoutKey.Message);
    }

    [Theory, Engines]
    public async Task A_cut_end_is_caught_by_the_checkpoint(DatabaseProvider engine)
    {
        var checkpoints = CheckpointFile();
        await using var app = await AppFactory.StartAsync(engine, new Dictionary<string, string?> { ["Audit:CheckpointFile"] = checkpoints });
        await using var scope = app.Scope();
        var data = Data(scope);
        await WriteNotesAsync(app, data, 4);
        var checkpoint = await CheckpointAsync(app);
        await WriteNotesAsync(app, data, 2);

        // The last three checkpointed entries and everything after them go.
        await DisableGuardsAsync(data, engine);
        var keep = await data.AuditEntries.Where(e => e.Id <= checkpoint.EntryId).OrderByDescending(e => e.Id).Skip(3).Select(e => e.Id).FirstAsync();
        await data.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" > {keep}");

        var (plainCode, plain) = await VerifyAsync(app);
        Assert.Equal(0, plainCode); // what is left is a chain in itself
        Assert.StartsWith("Audit log intact:", plain);

        var (code, output) = await VerifyAsync(app, "--checkpoint", checkpoints);
        Assert.Equal(1, code);
        Assert.Equal(
            $"Audit log cut: the checkpoint of {checkpoint.Stamp} counted {checkpoint.Count} entries up to entry {checkpoint.EntryId}, but the log ends at entry {keep} after {checkpoint.Count - 3} entries (entries were deleted from its end).",
            output);
    }

    [Fact]
    public async Task An_edited_checkpoint_line_is_refused_with_the_key_and_a_broken_one_names_its_line()
    {
        var checkpoints = CheckpointFile();
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Audit:CheckpointFile"] = checkpoints });
        var checkpoint = await CheckpointAsync(app);
        Assert.Equal(0, (await VerifyAsync(app, "--checkpoint", checkpoints)).Code);

        // A line that someone "corrected" to match a shortened log.
        await File.WriteAllTextAsync(checkpoints, (checkpoint with { Count = checkpoint.Count - 1 }).ToLine() + "\n");
        var (code, output) = await VerifyAsync(app, "--checkpoint", checkpoints);
        Assert.Equal(1, code);
        Assert.Equal($"Checkpoint of {checkpoint.Stamp} (entry {checkpoint.EntryId}) does not carry the audit key's seal: the checkpoint was edited, or written with another key.", output);

        await File.WriteAllTextAsync(checkpoints, "# checkpoints\n\n2026-11-23 count=1 entry=1 hash=AB\n");
        var error = await Assert.ThrowsAsync<CommandLineException>(() => VerifyAsync(app, "--checkpoint", checkpoints));
        Assert.Equal($"Checkpoint file {checkpoints}, line 3: '2026-11-23' is not a time like 2026-11-23T08:07:00.0000000Z.", error.Message);
    }

    [Fact]
    public async Task Quartz_runs_the_checkpoint_job_which_writes_file_log_entry_and_run_record()
    {
        var checkpoints = CheckpointFile();
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Audit:CheckpointFile"] = checkpoints });
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(AuditCheckpointJob.Key);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JobRun? run = null;
        while (run?.FinishedAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var scope = app.Scope();
            run = await Data(scope).JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Job == AuditCheckpointJob.Key.ToString());
        }

        Assert.NotNull(run?.FinishedAt);
        var line = Assert.Single(File.ReadAllLines(checkpoints));
        Assert.Equal(line, run!.Result);
        Assert.Equal(0, (await VerifyAsync(app, "--checkpoint", checkpoints)).Code);
    }

    [Fact]
    public async Task The_first_start_creates_a_key_file_only_its_owner_can_read_and_a_wrong_key_stops_the_start()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), "masterplan-tests", $"key-{Guid.NewGuid():N}", "audit-chain.key");
        await using (await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Audit:ChainKeyFile"] = keyFile }))
        {
            Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(keyFile).Trim()).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Audit:ChainKey"] = "zu-kurz" });
        });
        Assert.Contains("Audit:ChainKey must hold at least 32 random bytes in base64", error.ToString(), StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
    }

    private static AppDbContext Data(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();

    private static string CheckpointFile() => Path.Combine(Path.GetTempPath(), "masterplan-tests", $"checkpoints-{Guid.NewGuid():N}.log");

    private static List<AuditCheckpoint> ReadCheckpoints(string file) => File.ReadAllLines(file).Select(AuditCheckpoint.Parse).ToList();

    /// <summary><c>masterplan audit verify</c> with the app's database and key; exit code and the one line it printed.</summary>
    private static async Task<(int Code, string Output)> VerifyAsync(AppFactory app, params string[] options)
    {
        var output = new StringWriter();
        var code = await new AuditVerifyCommand().RunAsync(
            new CommandArguments(["--provider", app.Database.Provider.ToString(), "--connection", app.Database.ConnectionString, "--key-file", AppFactory.AuditKeyFile, .. options]),
            output, output);
        return (code, output.ToString().Trim());
    }

    private static async Task<AuditCheckpoint> CheckpointAsync(AppFactory app)
    {
        await using var scope = app.Scope();
        var checkpoint = await ActivatorUtilities.CreateInstance<AuditCheckpointJob>(scope.ServiceProvider).WriteAsync(CancellationToken.None);
        return Assert.IsType<AuditCheckpoint>(checkpoint);
    }

    private static async Task WriteNotesAsync(AppFactory app, AppDbContext data, int count)
    {
        for (var i = 0; i < count; i++)
        {
            app.Clock.Advance(TimeSpan.FromTicks(4_321));
            data.Audit("test.note", reason: $"Notiz {i}");
            await data.SaveChangesAsync();
        }
    }

    /// <summary>What someone with the database's owner rights can do first: switch off the append-only triggers.</summary>
    private static async Task DisableGuardsAsync(AppDbContext data, DatabaseProvider engine)
    {
        if (engine == DatabaseProvider.Sqlite)
        {
            await data.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update");
            await data.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_delete");
        }
        else
        {
            await data.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        }
    }
}
