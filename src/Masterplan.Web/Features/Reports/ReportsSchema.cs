using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Reports;

/// <summary>The reports' tables on <see cref="AppDbContext"/> (<c>db.HalfYearReports</c>, …).</summary>
public static class ReportTables
{
    extension(AppDbContext db)
    {
        public DbSet<HalfYearReport> HalfYearReports => db.Set<HalfYearReport>();

        public DbSet<HalfYearReportEdition> HalfYearReportEditions => db.Set<HalfYearReportEdition>();

        public DbSet<FinalReportEntry> FinalReportEntries => db.Set<FinalReportEntry>();
    }
}

internal sealed class HalfYearReportConfiguration : IEntityTypeConfiguration<HalfYearReport>
{
    public void Configure(EntityTypeBuilder<HalfYearReport> r)
    {
        r.ToTable("HalfYearReports");
        r.Property(x => x.Title).HasMaxLength(300);
        r.Property(x => x.Introduction).HasMaxLength(ReportsModule.MaxSection);
        r.Property(x => x.Assessment).HasMaxLength(ReportsModule.MaxSection);
        r.Property(x => x.Outlook).HasMaxLength(ReportsModule.MaxSection);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.SubmittedById).HasMaxLength(450);
        r.Property(x => x.ApprovedById).HasMaxLength(450);
        r.Property(x => x.ApprovedByName).HasMaxLength(200);
        r.Property(x => x.CreatedBy).HasMaxLength(200);
        r.Property(x => x.Revision).IsConcurrencyToken();
        r.HasMany(x => x.Editions).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HalfYearReportEditionConfiguration : IEntityTypeConfiguration<HalfYearReportEdition>
{
    public void Configure(EntityTypeBuilder<HalfYearReportEdition> e)
    {
        e.ToTable("HalfYearReportEditions");
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Introduction).HasMaxLength(ReportsModule.MaxSection);
        e.Property(x => x.Assessment).HasMaxLength(ReportsModule.MaxSection);
        e.Property(x => x.Outlook).HasMaxLength(ReportsModule.MaxSection);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.ApprovedByName).HasMaxLength(200);
        e.HasIndex(x => new { x.ReportId, x.Version }).IsUnique();
    }
}

internal sealed class FinalReportEntryConfiguration : IEntityTypeConfiguration<FinalReportEntry>
{
    public void Configure(EntityTypeBuilder<FinalReportEntry> f)
    {
        f.ToTable("FinalReportEntries");
        f.HasKey(x => x.MeasureId);
        f.Property(x => x.MeasureId).ValueGeneratedNever();
        f.Property(x => x.Outcome).HasMaxLength(ReportsModule.MaxEntryText);
        f.Property(x => x.Lessons).HasMaxLength(ReportsModule.MaxEntryText);
        f.Property(x => x.UpdatedBy).HasMaxLength(200);
        f.HasOne<Catalogue.Measure>().WithOne().HasForeignKey<FinalReportEntry>(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        f.HasMany(x => x.Successors).WithOne().HasForeignKey(s => s.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FinalReportSuccessorConfiguration : IEntityTypeConfiguration<FinalReportSuccessor>
{
    public void Configure(EntityTypeBuilder<FinalReportSuccessor> s)
    {
        s.ToTable("FinalReportSuccessors");
        s.HasKey(x => new { x.MeasureId, x.SuccessorId });
        s.HasOne<Catalogue.Measure>().WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
