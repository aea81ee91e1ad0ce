using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Masterplan.Web.Data;

/// <summary>
/// The one schema of the platform. Each provider has a subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Data Protection keys, shared by every instance (docs/domain.md#operations).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

    /// <summary>Deleted and depublished <see cref="ITimestamped"/> rows (see <see cref="StampAsync"/>).</summary>
    public DbSet<Tombstone> Tombstones => Set<Tombstone>();

    private readonly List<AuditEntry> _pendingAudit = [];

    // Mail queued in a transaction that has not committed yet (MailOutbox): the outbox is woken by the commit.
    private bool _mailQueued;

    // The versions a caller's transaction moves, at its commit (CommitHooks): a version's row stays locked from its move
    // to the commit, and every other writer of the same data waits for it.
    private readonly SortedSet<string> _versionsAtCommit = new(StringComparer.Ordinal);

    /// <summary>Whether this transaction moved a version: counted in <see cref="LocalVersionMoves"/> once it commits.</summary>
    private bool _versionsMoved;

    /// <summary>Audit entries not saved by the request that made them never reach the next user of this pooled context.</summary>
    public override void Dispose()
    {
        ForgetPending();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        ForgetPending();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    /// <summary>
    /// Records an event in the audit log; it is written with the next SaveChanges, in the same transaction.
    /// Changes of <see cref="IAudited"/> entities are recorded without calling this.
    /// </summary>
    public void Audit(string action, string? entityType = null, string? entityId = null, object? changes = null, string? reason = null, AuditScope scope = AuditScope.General)
    {
        var (actorId, actorName) = CurrentActor();
        _pendingAudit.Add(new AuditEntry
        {
            At = Now(), ActorUserId = actorId, ActorName = actorName, Action = action, EntityType = entityType, EntityId = entityId,
            Changes = changes is null ? null : JsonSerializer.Serialize(changes), Reason = reason, Scope = scope, PreviousHash = "", Hash = "",
        });
    }

    /// <summary>Why the current change is made; goes into the audit entries of this SaveChanges.</summary>
    public string? AuditReason { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var snapshots = ChangeTracker.Entries().Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            // A new row is described after the save: before it, its key and its references to other new rows are EF's temporary values.
            .Select(e => (Entry: e, e.State, Changes: e.State == EntityState.Added ? null : Describe(e, e.State))).ToList();
        await StampAsync(cancellationToken);
        var versions = ChangedVersions();
        _mailQueued |= ChangeTracker.Entries<OutboxMail>().Any(e => e.State == EntityState.Added);
        if (snapshots.Count == 0 && _pendingAudit.Count == 0 && versions.Count == 0)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            CommittedUnlessInTransaction();
            return saved;
        }

        // The change, its audit entries and the versions it moves commit together or not at all.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        if (own is null)
        {
            _versionsAtCommit.UnionWith(versions);
            versions = [];
        }
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var (entry, state, changes) in snapshots)
            {
                var type = entry.Metadata.ClrType.Name;
                var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
                Audit($"{char.ToLowerInvariant(type[0])}{type[1..]}.{state switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" }}",
                    type, key, changes ?? Describe(entry, state), AuditReason);
            }

            if (_pendingAudit.Count > 0)
            {
                await AppendAuditAsync(cancellationToken);
            }

            // Last, because a version's row stays locked until the commit. So every transaction takes the audit chain's lock
            // before any version's, and versions in one order: no two can wait for each other.
            foreach (var name in versions)
            {
                await MoveVersionAsync(name, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken); // CommitHooks wakes the outbox
            }

            return written;
        }
        finally
        {
            _pendingAudit.Clear();
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>What a caller's transaction does right before it commits: it moves the versions its saves changed.</summary>
    internal async Task CommittingAsync(CancellationToken ct)
    {
        foreach (var name in _versionsAtCommit)
        {
            await MoveVersionAsync(name, ct);
        }

        _versionsAtCommit.Clear();
    }

    /// <summary>What follows a commit: queued mail leaves (called by <see cref="CommitHooks"/> for a caller's transaction).</summary>
    internal void Committed()
    {
        if (_versionsMoved)
        {
            _versionsMoved = false;
            LocalVersionMoves.Committed();
        }

        if (_mailQueued)
        {
            _mailQueued = false;
            App.Outbox?.Wake();
        }
    }

    /// <summary>A transaction rolled back: what it queued is gone.</summary>
    internal void RolledBack()
    {
        _mailQueued = false;
        _versionsMoved = false;
        _versionsAtCommit.Clear();
    }

    private void ForgetPending()
    {
        _pendingAudit.Clear();
        RolledBack();
    }

    private void CommittedUnlessInTransaction()
    {
        if (Database.CurrentTransaction is null)
        {
            Committed();
        }
    }

    /// <summary>
    /// The current number of a <see cref="DataVersion"/> (one small command), or null while nothing it covers has been
    /// written through this context. It is moved in the transaction of the change, so rows read after it are at least as new.
    /// </summary>
    public Task<int?> DataVersionAsync(string name, CancellationToken ct) =>
        ReferenceDataVersions.Where(v => v.Name == name).Select(v => (int?)v.Version).FirstOrDefaultAsync(ct);

    /// <summary>The registered <see cref="DataVersion"/>s that the pending changes (tombstones included) move.</summary>
    private List<string> ChangedVersions()
    {
        var list = App.Versions;
        if (list.Count == 0)
        {
            return [];
        }

        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity is Tombstone t ? t.EntityType : e.Metadata.ClrType.Name).ToHashSet(StringComparer.Ordinal);
        return [.. list.Where(v => v.Types.Any(t => changed.Contains(t.Name))).Select(v => v.Name).Distinct()];
    }

    /// <summary>Adds one to a <see cref="DataVersion"/>'s row (creating it at 1), in one command that cannot lose a concurrent change.</summary>
    private async Task MoveVersionAsync(string name, CancellationToken ct)
    {
        _versionsMoved = true;
        // The time as the column stores it (SQLite keeps DateTimeOffset as a number).
        var mapping = Model.FindEntityType(typeof(ReferenceDataVersion))!.FindProperty(nameof(ReferenceDataVersion.AppliedAt))!.GetTypeMapping();
        var at = mapping.Converter?.ConvertToProvider(Now()) ?? Now();
        await Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "ReferenceDataVersions" ("Name", "Version", "AppliedAt") VALUES ({0}, 1, {1})
            ON CONFLICT ("Name") DO UPDATE SET "Version" = "ReferenceDataVersions"."Version" + 1, "AppliedAt" = excluded."AppliedAt"
            """,
            [name, at], ct);
    }

    /// <summary>
    /// Sets <see cref="ITimestamped.Created"/> and <see cref="ITimestamped.Modified"/>, moves the modification time of the
    /// rows a changed part is shown in, and keeps the tombstones: one for every deleted row that was public and every row
    /// that stopped being public, none any more for a row that became public again.
    /// </summary>
    private async Task StampAsync(CancellationToken ct)
    {
        var all = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var changed = ChangeTracker.Entries<ITimestamped>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0 && !all.Any(e => e.Entity is IShownIn))
        {
            return;
        }

        // Only a part that is or was visible changes what its parents show.
        var parents = new Queue<(Type, int)>();
        foreach (var part in all.Where(e => e.Entity is IShownIn))
        {
            var shown = PublicFlag(part) is not { } own || (bool)own.OriginalValue! || (bool)own.CurrentValue!;
            if (shown && await ShownOnlyInPublicAsync(part.Entity, ct))
            {
                foreach (var parent in ((IShownIn)part.Entity).ShownIn())
                {
                    parents.Enqueue(parent);
                }
            }
        }

        var now = Now();
        var buried = new List<EntityEntry<ITimestamped>>();
        foreach (var entry in changed)
        {
            var entity = entry.Entity;
            var flag = PublicFlag(entry);
            switch (entry.State)
            {
                case EntityState.Added:
                    entity.Created = entity.Created == default ? now : entity.Created;
                    entity.Modified = entity.Modified == default ? entity.Created : entity.Modified;
                    break;
                case EntityState.Modified:
                    entry.Property(e => e.Created).IsModified = false;
                    entity.Modified = now;
                    if (flag is { } f && (bool)f.OriginalValue! != (bool)f.CurrentValue!)
                    {
                        if ((bool)f.CurrentValue!)
                        {
                            var (type, key) = (entry.Metadata.ClrType.Name, Key(entry));
                            Tombstones.RemoveRange(await Tombstones.Where(t => t.EntityType == type && t.EntityId == key).ToListAsync(ct));
                            if (await ShownOnlyInPublicAsync(entity, ct))
                            {
                                await RaisePartsAsync(entry, parents, ct);
                            }
                        }
                        else
                        {
                            buried.Add(entry);
                        }
                    }

                    break;
                default:
                    if (flag is null || (bool)flag.OriginalValue!)
                    {
                        buried.Add(entry);
                    }

                    break;
            }
        }

        foreach (var entry in buried)
        {
            if (await ShownOnlyInPublicAsync(entry.Entity, ct))
            {
                Bury(entry, now);
                await BuryPartsAsync(entry, parents, now, ct);
            }
        }

        var touched = new HashSet<(Type, int)>();
        while (parents.TryDequeue(out var next))
        {
            if (touched.Add(next) && await FindAsync(next.Item1, [next.Item2], ct) is { } parent && Entry(parent).State is not EntityState.Deleted and not EntityState.Added)
            {
                if (parent is ITimestamped stamped)
                {
                    stamped.Modified = now;
                }

                foreach (var further in (parent as IShownIn)?.ShownIn() ?? [])
                {
                    parents.Enqueue(further);
                }
            }
        }
    }

    /// <summary>
    /// Whether every row this one is shown in is public: a public agenda item of a non-public meeting, or a membership of
    /// a person who did not consent, never was visible, so its deletion must not reveal it either.
    /// </summary>
    private async Task<bool> ShownOnlyInPublicAsync(object entity, CancellationToken ct)
    {
        foreach (var (type, id) in (entity as IShownIn)?.ShownIn() ?? [])
        {
            if (await FindAsync(type, [id], ct) is { } parent && PublicFlag(Entry(parent)) is { } flag
                && !(bool)(Entry(parent).State == EntityState.Deleted ? flag.OriginalValue : flag.CurrentValue)!)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rows visible only through this one (<see cref="PublicParts"/>), loaded and tracked.</summary>
    private async Task<List<ITimestamped>> PartsAsync(EntityEntry<ITimestamped> owner, CancellationToken ct)
    {
        var parts = new List<ITimestamped>();
        var registered = App.Parts;
        foreach (var registration in registered.Where(r => r.Owner == owner.Metadata.ClrType))
        {
            parts.AddRange(await registration.Load(this, Key(owner), ct));
        }

        return parts;
    }

    /// <summary>
    /// A row that stops being visible takes the rows visible only through it along: each leaves a tombstone (unless it has
    /// one already), and the other rows that show them (an organization listing a membership) move.
    /// </summary>
    private async Task BuryPartsAsync(EntityEntry<ITimestamped> owner, Queue<(Type, int)> parents, DateTimeOffset now, CancellationToken ct)
    {
        var parts = await PartsAsync(owner, ct);
        foreach (var part in parts)
        {
            var entry = Entry(part);
            var (type, key) = (entry.Metadata.ClrType.Name, Key(entry));
            var known = Tombstones.Local.Any(t => t.EntityType == type && t.EntityId == key)
                || await Tombstones.AnyAsync(t => t.EntityType == type && t.EntityId == key, ct);
            if (!known)
            {
                Bury(entry, now);
            }
        }

        await TouchAsync(owner, parts, parents, ct);
    }

    /// <summary>A row that becomes visible again brings back the rows visible only through it: their tombstones go.</summary>
    private async Task RaisePartsAsync(EntityEntry<ITimestamped> owner, Queue<(Type, int)> parents, CancellationToken ct)
    {
        var parts = await PartsAsync(owner, ct);
        foreach (var group in parts.GroupBy(p => Entry(p).Metadata.ClrType.Name))
        {
            var keys = group.Select(p => Key(Entry(p))).ToList();
            Tombstones.RemoveRange(await Tombstones.Where(t => t.EntityType == group.Key && keys.Contains(t.EntityId)).ToListAsync(ct));
        }

        await TouchAsync(owner, parts, parents, ct);
    }

    /// <summary>
    /// Moves the rows that show the parts, other than the owner and the parts themselves (they change anyway), and the rows
    /// that link the owner or a part only while it is visible (<see cref="LinkedFrom"/>).
    /// </summary>
    private async Task TouchAsync(EntityEntry<ITimestamped> owner, List<ITimestamped> parts, Queue<(Type, int)> parents, CancellationToken ct)
    {
        var moving = parts.Select(p => (Entry(p).Metadata.ClrType, Key(Entry(p)))).Append((owner.Metadata.ClrType, Key(owner))).ToHashSet();
        foreach (var parent in parts.OfType<IShownIn>().SelectMany(p => p.ShownIn()).Where(p => !moving.Contains(p)))
        {
            parents.Enqueue(parent);
        }

        foreach (var (type, key) in moving)
        {
            foreach (var registration in App.Linked.Where(l => l.Target == type))
            {
                foreach (var row in await registration.Rows(this, key, ct))
                {
                    parents.Enqueue(row);
                }
            }
        }
    }

    private void Bury(EntityEntry<ITimestamped> entry, DateTimeOffset now) =>
        Tombstones.Add(new Tombstone { EntityType = entry.Metadata.ClrType.Name, EntityId = Key(entry), Created = entry.Entity.Created, Deleted = now });

    private static int Key(EntityEntry entry) => (int)entry.Property("Id").CurrentValue!;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string?> PublicFlags = new();

    private static PropertyEntry? PublicFlag(EntityEntry entry)
    {
        var name = PublicFlags.GetOrAdd(entry.Metadata.ClrType, t => t.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<PublicFlagAttribute>() is not null)?.Name);
        return name is null ? null : entry.Property(name);
    }

    private async Task AppendAuditAsync(CancellationToken ct)
    {
        if (Database.IsNpgsql())
        {
            // One writer at a time extends the chain, across all instances (SQLite's write lock does this by itself).
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727002)", ct);
        }

        var previous = await Set<AuditEntry>().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
        var key = App.AuditKey?.GetOrCreate();
        foreach (var entry in _pendingAudit)
        {
            // The hash covers the time exactly as the database will give it back.
            entry.At = AuditChain.Truncate(entry.At);
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.Compute(entry);
            entry.Seal = key is null ? null : AuditKey.Seal(key, entry.Hash);
            previous = entry.Hash;
            Set<AuditEntry>().Add(entry);
        }

        _pendingAudit.Clear();
        await base.SaveChangesAsync(true, ct);
    }

    private static Dictionary<string, object?[]> Describe(EntityEntry entry, EntityState state)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var info = property.Metadata.PropertyInfo;
            if (property.Metadata.IsShadowProperty() || info is null || property.Metadata.Name is nameof(ISeeded.SeedHash)
                || (entry.Entity is ITimestamped && property.Metadata.Name is nameof(ITimestamped.Created) or nameof(ITimestamped.Modified)))
            {
                continue;
            }

            var hidden = info.GetCustomAttribute<NotAuditedAttribute>() is not null;
            var before = state == EntityState.Added ? null : property.OriginalValue;
            var after = state == EntityState.Deleted ? null : property.CurrentValue;
            if (state == EntityState.Modified && Equals(before, after))
            {
                continue;
            }

            changes[property.Metadata.Name] = hidden ? ["…", "…"] : [before, after];
        }

        return changes;
    }

    /// <summary>The name recorded for the person making the current change ("System" outside a request).</summary>
    public string CurrentActorName() => CurrentActor().Name;

    private (string? Id, string Name) CurrentActor()
    {
        var user = App.HttpContext?.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true
            ? (user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue("name") ?? user.Identity.Name ?? "?")
            : (null, user is null ? "System" : "Anonym");
    }

    internal DateTimeOffset Now() =>
        AuditChain.Truncate(App.Time.GetUtcNow());

    // The app's services this context reads on every save, looked up once: a pooled context serves one app all its life,
    // and resolving them per save took a lock that concurrent requests queued on.
    private AppServices? _app;

    private AppServices App => _app ??= AppServices.From(ApplicationServices());

    private sealed record AppServices(
        IReadOnlyList<DataVersion> Versions, IReadOnlyList<PublicParts> Parts, IReadOnlyList<LinkedFrom> Linked, AuditKey? AuditKey, IHttpContextAccessor? HttpContext, TimeProvider Time, MailOutbox? Outbox)
    {
        public static AppServices From(IServiceProvider? services) => new(
            [.. services?.GetService(typeof(IEnumerable<DataVersion>)) as IEnumerable<DataVersion> ?? []],
            [.. services?.GetService(typeof(IEnumerable<PublicParts>)) as IEnumerable<PublicParts> ?? []],
            [.. services?.GetService(typeof(IEnumerable<LinkedFrom>)) as IEnumerable<LinkedFrom> ?? []],
            services?.GetService(typeof(AuditKey)) as AuditKey,
            services?.GetService(typeof(IHttpContextAccessor)) as IHttpContextAccessor,
            services?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System,
            services?.GetService(typeof(MailOutbox)) as MailOutbox);
    }

    private IServiceProvider? ApplicationServices() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Each module keeps its mapping in its folder (IEntityTypeConfiguration classes). This runs only at design
        // time and in the tests: at run time EF loads the compiled model (Data/CompiledModels).
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Every seeded table finds its rows by seed key.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ISeeded).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).HasIndex(nameof(ISeeded.SeedKey)).IsUnique();
            builder.Entity(entity.ClrType).Property(nameof(ISeeded.SeedKey)).HasMaxLength(200);
            builder.Entity(entity.ClrType).Property(nameof(ISeeded.SeedHash)).HasMaxLength(64);
        }

        // Open-data clients update their copies with modified_since (OParl): every timestamped table answers that from
        // an index instead of reading all its rows (ten years of agenda items are 20,000 rows for a week's 300 changes).
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ITimestamped).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).HasIndex(nameof(ITimestamped.Modified));
        }

        builder.Entity<Tombstone>(t =>
        {
            t.Property(x => x.EntityType).HasMaxLength(50);
            t.HasIndex(x => new { x.EntityType, x.EntityId }).IsUnique();
            t.HasIndex(x => new { x.EntityType, x.Deleted });
        });

        builder.Entity<ReferenceDataVersion>(v =>
        {
            v.HasKey(x => x.Name);
            v.Property(x => x.Name).HasMaxLength(50);
        });
    }
}

/// <summary>
/// Which version of a seed set was last applied (see <see cref="ReferenceDataSeeder"/>); also the counters of the
/// <see cref="DataVersion"/>s (named apart from the seed sets), moved by every change of what they cover.
/// </summary>
public sealed class ReferenceDataVersion
{
    public required string Name { get; set; }

    public int Version { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>Tells the context when a caller's own transaction commits or rolls back (<see cref="AppDbContext.Committed"/>).</summary>
internal sealed class CommitHooks : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public static readonly CommitHooks Instance = new();

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult TransactionCommitting(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
    {
        (eventData.Context as AppDbContext)?.CommittingAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> TransactionCommittingAsync(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await db.CommittingAsync(cancellationToken);
        }

        return result;
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.Committed();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.Committed();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.RolledBack();

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.RolledBack();
        return Task.CompletedTask;
    }
}
