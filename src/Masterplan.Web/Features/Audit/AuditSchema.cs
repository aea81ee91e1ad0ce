using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Audit;

/// <summary>The tables of the audit log on <see cref="AppDbContext"/> (<c>db.AuditEntries</c>, …).</summary>
public static class AuditTables
{
    extension(AppDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> x)
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
    }
}
