using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
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

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<FieldOfAction> FieldsOfAction => Set<FieldOfAction>();

    public DbSet<FieldOfActionVersion> FieldOfActionVersions => Set<FieldOfActionVersion>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<MeasureStatusUpdate> MeasureStatusUpdates => Set<MeasureStatusUpdate>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<SeatLot> SeatLots => Set<SeatLot>();

    public DbSet<RulesOfProcedure> RulesOfProcedure => Set<RulesOfProcedure>();

    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<AgendaLink> AgendaLinks => Set<AgendaLink>();

    public DbSet<MeetingDocument> MeetingDocuments => Set<MeetingDocument>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<RollCallVote> RollCallVotes => Set<RollCallVote>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationUpdate> RecommendationUpdates => Set<RecommendationUpdate>();

    public DbSet<Minutes> Minutes => Set<Minutes>();

    public DbSet<MinutesVersion> MinutesVersions => Set<MinutesVersion>();

    public DbSet<MinutesComment> MinutesComments => Set<MinutesComment>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Masterplan.Web.Features.Jobs.JobRun> JobRuns => Set<Masterplan.Web.Features.Jobs.JobRun>();

    public DbSet<Masterplan.Web.Features.Labs.NeighbourhoodLab> Labs => Set<Masterplan.Web.Features.Labs.NeighbourhoodLab>();

    public DbSet<Masterplan.Web.Features.Labs.RegisterEntry> RegisterEntries => Set<Masterplan.Web.Features.Labs.RegisterEntry>();

    public DbSet<Masterplan.Web.Features.Labs.InviteeDrawRecord> InviteeDraws => Set<Masterplan.Web.Features.Labs.InviteeDrawRecord>();

    public DbSet<Masterplan.Web.Features.Labs.LabInvitation> LabInvitations => Set<Masterplan.Web.Features.Labs.LabInvitation>();

    public DbSet<Masterplan.Web.Features.Labs.LabRegistration> LabRegistrations => Set<Masterplan.Web.Features.Labs.LabRegistration>();

    public DbSet<Masterplan.Web.Features.Labs.PanelSelectionRecord> PanelSelections => Set<Masterplan.Web.Features.Labs.PanelSelectionRecord>();

    public DbSet<Masterplan.Web.Features.Labs.PanelOutcome> PanelOutcomes => Set<Masterplan.Web.Features.Labs.PanelOutcome>();

    public DbSet<Masterplan.Web.Features.Labs.LabRecommendation> LabRecommendations => Set<Masterplan.Web.Features.Labs.LabRecommendation>();

    public DbSet<Masterplan.Web.Features.Labs.LabPlace> LabPlaces => Set<Masterplan.Web.Features.Labs.LabPlace>();

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

        var previous = await AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
        var key = (ApplicationServices()?.GetService(typeof(AuditKey)) as AuditKey)?.GetOrCreate();
        foreach (var entry in _pendingAudit)
        {
            // The hash covers the time exactly as the database will give it back.
            entry.At = AuditChain.Truncate(entry.At);
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.Compute(entry);
            entry.Seal = key is null ? null : AuditKey.Seal(key, entry.Hash);
            previous = entry.Hash;
            AuditEntries.Add(entry);
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
        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            u.HasOne<Organization>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });


        // Every seeded table finds its rows by seed key.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ISeeded).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).HasIndex(nameof(ISeeded.SeedKey)).IsUnique();
            builder.Entity(entity.ClrType).Property(nameof(ISeeded.SeedKey)).HasMaxLength(200);
            builder.Entity(entity.ClrType).Property(nameof(ISeeded.SeedHash)).HasMaxLength(64);
        }

        builder.Entity<Organization>(o =>
        {
            o.Property(x => x.Name).HasMaxLength(300);
            o.Property(x => x.ShortName).HasMaxLength(100);
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            o.Property(x => x.Classification).HasMaxLength(100);
            o.Property(x => x.FormedBy).HasMaxLength(500);
            o.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
            o.HasIndex(x => x.Kind);
        });
        builder.Entity<Person>(p =>
        {
            p.Property(x => x.GivenName).HasMaxLength(200);
            p.Property(x => x.FamilyName).HasMaxLength(200);
            p.Property(x => x.Title).HasMaxLength(100);
            p.Property(x => x.Email).HasMaxLength(320);
            p.Ignore(x => x.DisplayName);
        });
        builder.Entity<Membership>(m =>
        {
            m.Property(x => x.VotingRight).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.Role).HasMaxLength(200);
            m.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            m.HasOne(x => x.OnBehalfOf).WithMany().HasForeignKey(x => x.OnBehalfOfId).OnDelete(DeleteBehavior.Restrict);
            m.HasOne(x => x.DeputyFor).WithMany().HasForeignKey(x => x.DeputyForId).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => new { x.OrganizationId, x.StartDate, x.EndDate });
        });
        builder.Entity<District>(d => d.Property(x => x.Name).HasMaxLength(100));
        builder.Entity<RulesOfProcedure>(r =>
        {
            r.Property(x => x.AdoptedBy).HasMaxLength(500);
            r.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => new { x.OrganizationId, x.Version }).IsUnique();
        });
        builder.Entity<SeatLot>(l =>
        {
            l.Property(x => x.Signature).HasMaxLength(2000);
            l.Property(x => x.TiedParties).HasMaxLength(2000);
            l.Property(x => x.Winners).HasMaxLength(2000);
            l.Property(x => x.Seed).HasMaxLength(200);
            l.Property(x => x.DrawnBy).HasMaxLength(200);
            l.HasIndex(x => x.Signature);
        });
        builder.Entity<FieldOfAction>(f =>
        {
            f.Property(x => x.Title).HasMaxLength(300);
            f.Property(x => x.GuidingSentence).HasMaxLength(500);
            f.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<FieldOfActionVersion>(v =>
        {
            v.Property(x => x.Title).HasMaxLength(300);
            v.Property(x => x.Change).HasConversion<string>().HasMaxLength(20);
            v.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(30);
            v.Property(x => x.SourceText).HasMaxLength(500);
            v.Property(x => x.Reason).HasMaxLength(1000);
            v.Property(x => x.ActorName).HasMaxLength(200);
            v.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
            v.HasIndex(x => new { x.NodeId, x.ValidFrom });
            v.HasIndex(x => x.ValidFrom);
        });
        builder.Entity<Paper>(p =>
        {
            p.Property(x => x.Reference).HasMaxLength(50);
            p.Property(x => x.Name).HasMaxLength(500);
            p.Property(x => x.PaperType).HasMaxLength(100);
            p.Property(x => x.Originator).HasMaxLength(500);
            p.HasIndex(x => x.Reference);
            p.HasOne(x => x.AmendsPaper).WithMany().HasForeignKey(x => x.AmendsPaperId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne(x => x.ResponsibleOrganization).WithMany().HasForeignKey(x => x.ResponsibleOrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Consultation>(c =>
        {
            c.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            c.HasOne(x => x.Paper).WithMany(x => x.Consultations).HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.PaperId, x.Position }).IsUnique();
        });
        builder.Entity<UserSession>(x =>
        {
            x.Property(s => s.Id).HasMaxLength(64);
            x.Property(s => s.UserId).HasMaxLength(450);
            x.HasIndex(s => s.UserId);
            x.HasIndex(s => s.ExpiresAt);
        });
        builder.Entity<Invitation>(x =>
        {
            x.Property(i => i.TokenHash).HasMaxLength(64);
            x.HasIndex(i => i.TokenHash).IsUnique();
            x.Property(i => i.Email).HasMaxLength(320);
            x.Property(i => i.DisplayName).HasMaxLength(200);
            x.Property(i => i.Roles).HasMaxLength(300);
            x.Ignore(i => i.RoleList);
        });
        builder.Entity<LoginThrottle>(x =>
        {
            x.Property(t => t.Key).HasMaxLength(64);
            x.HasIndex(t => t.Key).IsUnique();
        });
        builder.Entity<AuditEntry>(x =>
        {
            x.ToTable("AuditEntries");
            x.Property(a => a.Action).HasMaxLength(100);
            x.Property(a => a.ActorName).HasMaxLength(200);
            x.Property(a => a.ActorUserId).HasMaxLength(450);
            x.Property(a => a.EntityType).HasMaxLength(100);
            x.Property(a => a.EntityId).HasMaxLength(100);
            x.Property(a => a.Scope).HasConversion<string>().HasMaxLength(30);
            x.Property(a => a.PreviousHash).HasMaxLength(64);
            x.Property(a => a.Hash).HasMaxLength(64);
            x.Property(a => a.Seal).HasMaxLength(64);
            x.HasIndex(a => a.At);
            x.HasIndex(a => new { a.EntityType, a.EntityId });
            x.HasIndex(a => a.Action);
        });
        builder.Entity<Masterplan.Web.Features.Jobs.JobRun>(x =>
        {
            x.Property(r => r.Job).HasMaxLength(200);
            x.Property(r => r.FireInstanceId).HasMaxLength(200);
            x.Property(r => r.Node).HasMaxLength(200);
            x.Property(r => r.Result).HasMaxLength(1000);
            x.HasIndex(r => r.FireInstanceId).IsUnique();
        });
        MeetingsSchema.Configure(builder);
        CatalogueSchema.Configure(builder);
        Masterplan.Web.Features.Labs.LabsSchema.Configure(builder);
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
