using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
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

    private readonly List<AuditEntry> _pendingAudit = [];

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
            .Select(e => (Entry: e, e.State, Changes: Describe(e))).ToList();
        if (snapshots.Count == 0 && _pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit entries commit together or not at all.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var (entry, state, changes) in snapshots)
            {
                var type = entry.Metadata.ClrType.Name;
                var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
                Audit($"{char.ToLowerInvariant(type[0])}{type[1..]}.{state switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" }}",
                    type, key, changes, AuditReason);
            }

            await AppendAuditAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
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

    private async Task AppendAuditAsync(CancellationToken ct)
    {
        if (Database.IsNpgsql())
        {
            // One writer at a time extends the chain, across all instances (SQLite's write lock does this by itself).
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727002)", ct);
        }

        var previous = await Set<AuditEntry>().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
        var key = (ApplicationServices()?.GetService(typeof(AuditKey)) as AuditKey)?.GetOrCreate();
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

    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var info = property.Metadata.PropertyInfo;
            if (property.Metadata.IsShadowProperty() || info is null || property.Metadata.Name is nameof(ISeeded.SeedHash))
            {
                continue;
            }

            var hidden = info.GetCustomAttribute<NotAuditedAttribute>() is not null;
            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && Equals(before, after))
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
        var user = (ApplicationServices()?.GetService(typeof(IHttpContextAccessor)) as IHttpContextAccessor)?.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true
            ? (user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue("name") ?? user.Identity.Name ?? "?")
            : (null, user is null ? "System" : "Anonym");
    }

    private DateTimeOffset Now() =>
        AuditChain.Truncate((ApplicationServices()?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow());

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

        builder.Entity<ReferenceDataVersion>(v =>
        {
            v.HasKey(x => x.Name);
            v.Property(x => x.Name).HasMaxLength(50);
        });
    }
}

/// <summary>Which version of a seed set was last applied (see <see cref="ReferenceDataSeeder"/>).</summary>
public sealed class ReferenceDataVersion
{
    public required string Name { get; set; }

    public int Version { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
