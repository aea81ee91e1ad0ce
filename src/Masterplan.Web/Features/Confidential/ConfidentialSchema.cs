using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Confidential;

/// <summary>The tables of the confidential units on <see cref="AppDbContext"/> (<c>db.ConfidentialCases</c>, …).</summary>
public static class ConfidentialTables
{
    extension(AppDbContext db)
    {
        public DbSet<ConfidentialCase> ConfidentialCases => db.Set<ConfidentialCase>();

        public DbSet<ConfidentialMessage> ConfidentialMessages => db.Set<ConfidentialMessage>();

        public DbSet<ConfidentialNote> ConfidentialNotes => db.Set<ConfidentialNote>();

        public DbSet<ConfidentialFile> ConfidentialFiles => db.Set<ConfidentialFile>();
    }
}

internal sealed class ConfidentialCaseConfiguration : IEntityTypeConfiguration<ConfidentialCase>
{
    public void Configure(EntityTypeBuilder<ConfidentialCase> c)
    {
        c.ToTable("ConfidentialCases");
        c.Property(x => x.Unit).HasMaxLength(20);
        c.Property(x => x.Number).HasMaxLength(30);
        c.Property(x => x.SecretHash).HasMaxLength(200);
        c.Property(x => x.KeyId).HasMaxLength(50);
        c.Property(x => x.Status).HasMaxLength(20);
        c.Property(x => x.Kind).HasMaxLength(30);
        c.Property(x => x.Service).HasMaxLength(30);
        c.Property(x => x.OutcomeCategory).HasMaxLength(30);
        c.Property(x => x.ContactWay).HasMaxLength(20);
        c.Property(x => x.ForwardConsent).HasMaxLength(100);
        c.HasIndex(x => x.Number).IsUnique();
        // The unit's list: its open cases by deadline.
        c.HasIndex(x => new { x.Unit, x.Status, x.ReceivedOn });
        c.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Messages).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Notes).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConfidentialMessageConfiguration : IEntityTypeConfiguration<ConfidentialMessage>
{
    public void Configure(EntityTypeBuilder<ConfidentialMessage> m)
    {
        m.ToTable("ConfidentialMessages");
        m.Property(x => x.AuthorName).HasMaxLength(200);
        m.HasIndex(x => x.CaseId);
    }
}

internal sealed class ConfidentialNoteConfiguration : IEntityTypeConfiguration<ConfidentialNote>
{
    public void Configure(EntityTypeBuilder<ConfidentialNote> n)
    {
        n.ToTable("ConfidentialNotes");
        n.Property(x => x.AuthorName).HasMaxLength(200);
        n.HasIndex(x => x.CaseId);
    }
}

internal sealed class ConfidentialFileConfiguration : IEntityTypeConfiguration<ConfidentialFile>
{
    public void Configure(EntityTypeBuilder<ConfidentialFile> f)
    {
        f.ToTable("ConfidentialFiles");
        f.Property(x => x.MediaType).HasMaxLength(50);
        f.HasIndex(x => x.CaseId);
        f.HasOne<ConfidentialMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
