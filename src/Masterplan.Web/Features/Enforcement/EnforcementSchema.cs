using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>The tables of the Ordnungsdienst's transparency records on <see cref="AppDbContext"/> (<c>db.StopReceipts</c>, …).</summary>
public static class EnforcementTables
{
    extension(AppDbContext db)
    {
        public DbSet<EnforcementOfficer> EnforcementOfficers => db.Set<EnforcementOfficer>();

        public DbSet<StopReceipt> StopReceipts => db.Set<StopReceipt>();

        public DbSet<ReceiptFeedback> ReceiptFeedbacks => db.Set<ReceiptFeedback>();

        public DbSet<ForceIncident> ForceIncidents => db.Set<ForceIncident>();

        public DbSet<EnforcementReport> EnforcementReports => db.Set<EnforcementReport>();
    }
}

internal sealed class EnforcementOfficerConfiguration : IEntityTypeConfiguration<EnforcementOfficer>
{
    public void Configure(EntityTypeBuilder<EnforcementOfficer> o)
    {
        o.ToTable("EnforcementOfficers");
        o.Property(x => x.UserId).HasMaxLength(450);
        o.Property(x => x.ServiceNumber).HasMaxLength(30);
        o.Property(x => x.Name).HasMaxLength(200);
        o.Property(x => x.Pseudonym).HasMaxLength(30);
        o.HasIndex(x => x.UserId).IsUnique();
        o.HasIndex(x => x.ServiceNumber).IsUnique();
        o.HasIndex(x => x.Pseudonym).IsUnique();
    }
}

internal sealed class StopReceiptConfiguration : IEntityTypeConfiguration<StopReceipt>
{
    public void Configure(EntityTypeBuilder<StopReceipt> r)
    {
        r.ToTable("StopReceipts");
        r.Property(x => x.CodeHash).HasMaxLength(64);
        r.Property(x => x.Address).HasMaxLength(300);
        r.Property(x => x.Kind).HasMaxLength(30);
        r.Property(x => x.LegalBasis).HasMaxLength(30);
        r.Property(x => x.Outcome).HasMaxLength(30);
        r.Property(x => x.Reason).HasMaxLength(EnforcementModule.MaxReason);
        r.HasIndex(x => x.CodeHash).IsUnique();
        // The figures read a period; the officer's form reads the officer's latest entry.
        r.HasIndex(x => x.OccurredAt);
        r.HasIndex(x => new { x.OfficerId, x.CreatedAt });
        r.HasOne<EnforcementOfficer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceiptFeedbackConfiguration : IEntityTypeConfiguration<ReceiptFeedback>
{
    public void Configure(EntityTypeBuilder<ReceiptFeedback> f)
    {
        f.ToTable("ReceiptFeedbacks");
        f.Property(x => x.Fairness).HasMaxLength(20);
        f.Property(x => x.CheckedBecause).HasMaxLength(30);
        f.Property(x => x.Text).HasMaxLength(EnforcementModule.MaxText);
        // Feedback once per receipt, also when two answers race.
        f.HasIndex(x => x.ReceiptId).IsUnique();
        f.HasOne<StopReceipt>().WithMany().HasForeignKey(x => x.ReceiptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ForceIncidentConfiguration : IEntityTypeConfiguration<ForceIncident>
{
    public void Configure(EntityTypeBuilder<ForceIncident> i)
    {
        i.ToTable("ForceIncidents");
        i.Property(x => x.Address).HasMaxLength(300);
        i.Property(x => x.Kind).HasMaxLength(30);
        i.Property(x => x.Baton).HasMaxLength(20);
        i.Property(x => x.BodycamReason).HasMaxLength(EnforcementModule.MaxReason);
        i.Property(x => x.Description).HasMaxLength(EnforcementModule.MaxText);
        i.Property(x => x.SignedOffByUserId).HasMaxLength(450);
        i.Property(x => x.SignedOffByName).HasMaxLength(200);
        i.Property(x => x.SignOffNote).HasMaxLength(EnforcementModule.MaxText);
        i.HasIndex(x => x.OccurredAt);
        // The lead's list: records not signed off, by their day.
        i.HasIndex(x => new { x.SignedOffAt, x.SignOffBy });
        i.HasOne<EnforcementOfficer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        i.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnforcementReportConfiguration : IEntityTypeConfiguration<EnforcementReport>
{
    public void Configure(EntityTypeBuilder<EnforcementReport> r)
    {
        r.ToTable("EnforcementReports");
        r.Property(x => x.Title).HasMaxLength(300);
        r.Property(x => x.Introduction).HasMaxLength(EnforcementModule.MaxSection);
        r.Property(x => x.Assessment).HasMaxLength(EnforcementModule.MaxSection);
        r.Property(x => x.NextSteps).HasMaxLength(EnforcementModule.MaxSection);
        r.Property(x => x.CreatedBy).HasMaxLength(200);
    }
}
