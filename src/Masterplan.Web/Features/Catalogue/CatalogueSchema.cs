using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>The tables of the catalogue on <see cref="AppDbContext"/> (<c>db.FieldsOfAction</c>, …).</summary>
public static class CatalogueTables
{
    extension(AppDbContext db)
    {
        public DbSet<FieldOfAction> FieldsOfAction => db.Set<FieldOfAction>();

        public DbSet<FieldOfActionVersion> FieldOfActionVersions => db.Set<FieldOfActionVersion>();

        public DbSet<Measure> Measures => db.Set<Measure>();

        public DbSet<MeasureStatusUpdate> MeasureStatusUpdates => db.Set<MeasureStatusUpdate>();

        public DbSet<Indicator> Indicators => db.Set<Indicator>();

        public DbSet<IndicatorValue> IndicatorValues => db.Set<IndicatorValue>();

        public DbSet<Milestone> Milestones => db.Set<Milestone>();

        public DbSet<ProgrammeYear> ProgrammeYears => db.Set<ProgrammeYear>();

        public DbSet<ProgrammeBooking> ProgrammeBookings => db.Set<ProgrammeBooking>();

        public DbSet<FieldReview> FieldReviews => db.Set<FieldReview>();

        public DbSet<BodyGoal> BodyGoals => db.Set<BodyGoal>();

        public DbSet<BodyMilestone> BodyMilestones => db.Set<BodyMilestone>();

        public DbSet<BodyReport> BodyReports => db.Set<BodyReport>();
    }
}

internal sealed class FieldOfActionConfiguration : IEntityTypeConfiguration<FieldOfAction>
{
    public void Configure(EntityTypeBuilder<FieldOfAction> f)
    {
        f.ToTable("FieldsOfAction");
        f.Property(x => x.Title).HasMaxLength(300);
        f.Property(x => x.GuidingSentence).HasMaxLength(500);
        f.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FieldReviewConfiguration : IEntityTypeConfiguration<FieldReview>
{
    public void Configure(EntityTypeBuilder<FieldReview> r)
    {
        r.ToTable("FieldReviews");
        r.Property(x => x.ReviewedIn).HasMaxLength(300);
        r.Property(x => x.Finding).HasMaxLength(4000);
        r.Property(x => x.RecordedBy).HasMaxLength(200);
        r.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.FieldOfActionId, x.ReviewedOn });
    }
}

internal sealed class FieldOfActionVersionConfiguration : IEntityTypeConfiguration<FieldOfActionVersion>
{
    public void Configure(EntityTypeBuilder<FieldOfActionVersion> v)
    {
        v.ToTable("FieldOfActionVersions");
        v.Property(x => x.Title).HasMaxLength(300);
        v.Property(x => x.Change).HasConversion<string>().HasMaxLength(20);
        v.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(30);
        v.Property(x => x.SourceLinkKind).HasConversion<string>().HasMaxLength(30);
        v.Property(x => x.SourceText).HasMaxLength(500);
        v.Property(x => x.Reason).HasMaxLength(1000);
        v.Property(x => x.ActorName).HasMaxLength(200);
        v.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
        v.HasIndex(x => new { x.NodeId, x.ValidFrom });
        v.HasIndex(x => x.ValidFrom);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> m)
    {
        m.ToTable("Measures");
        m.Property(x => x.Title).HasMaxLength(300);
        m.Property(x => x.Description).HasMaxLength(8000);
        m.Property(x => x.Partners).HasMaxLength(1000);
        m.Property(x => x.Place).HasMaxLength(300);
        m.Property(x => x.SourceText).HasMaxLength(500);
        m.Property(x => x.UpdatedBy).HasMaxLength(200);
        m.Property(x => x.ExternalNumber).HasMaxLength(40);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        m.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(30);
        m.Property(x => x.SourceLinkKind).HasConversion<string>().HasMaxLength(30);
        m.HasIndex(x => new { x.SourceLinkKind, x.SourceLinkId });
        m.Property(x => x.Weight).HasPrecision(9, 3);
        m.Property(x => x.PlannedBudget).HasPrecision(14, 2);
        m.Property(x => x.SpentBudget).HasPrecision(14, 2);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.ToTable(t => t.HasCheckConstraint("CK_Measures_Progress", "\"Progress\" >= 0 AND \"Progress\" <= 100"));
        m.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
        m.HasIndex(x => x.FieldOfActionId);
        m.HasIndex(x => x.Status);
    }
}

internal sealed class MeasureDistrictConfiguration : IEntityTypeConfiguration<MeasureDistrict>
{
    public void Configure(EntityTypeBuilder<MeasureDistrict> d)
    {
        d.HasKey(x => new { x.MeasureId, x.DistrictId });
        d.HasOne<Measure>().WithMany(x => x.Districts).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        d.HasIndex(x => x.DistrictId);
    }
}

internal sealed class MeasureUnitConfiguration : IEntityTypeConfiguration<MeasureUnit>
{
    public void Configure(EntityTypeBuilder<MeasureUnit> u)
    {
        u.HasKey(x => new { x.MeasureId, x.OrganizationId });
        u.HasOne<Measure>().WithMany(x => x.Units).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        u.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasureStatusUpdateConfiguration : IEntityTypeConfiguration<MeasureStatusUpdate>
{
    public void Configure(EntityTypeBuilder<MeasureStatusUpdate> u)
    {
        u.ToTable("MeasureStatusUpdates");
        u.Property(x => x.Text).HasMaxLength(4000);
        u.Property(x => x.AuthorName).HasMaxLength(200);
        u.Property(x => x.NewStatus).HasConversion<string>().HasMaxLength(20);
        u.HasOne<Measure>().WithMany(x => x.Updates).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        u.HasIndex(x => new { x.MeasureId, x.Date });
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> i)
    {
        i.ToTable("Indicators");
        i.Property(x => x.Name).HasMaxLength(300);
        i.Property(x => x.Definition).HasMaxLength(4000);
        i.Property(x => x.Unit).HasMaxLength(40);
        i.Property(x => x.DataSource).HasMaxLength(500);
        i.Property(x => x.UpdatedBy).HasMaxLength(200);
        i.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        i.Property(x => x.BaselineValue).HasPrecision(18, 4);
        i.Property(x => x.TargetValue).HasPrecision(18, 4);
        i.Property(x => x.Version).IsConcurrencyToken();
        i.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
        i.HasOne<Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.SetNull);
        i.HasIndex(x => x.FieldOfActionId);
        i.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        i.HasIndex(x => x.OrganizationId);
        i.HasIndex(x => x.MeasureId);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> v)
    {
        v.ToTable("IndicatorValues");
        v.Property(x => x.Value).HasPrecision(18, 4);
        v.Property(x => x.Note).HasMaxLength(500);
        v.HasOne<Indicator>().WithMany(x => x.Values).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        v.HasIndex(x => new { x.IndicatorId, x.Date }).IsUnique();
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> m)
    {
        m.ToTable("Milestones");
        m.Property(x => x.Title).HasMaxLength(300);
        m.HasOne<Measure>().WithMany(x => x.Milestones).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => new { x.DoneDate, x.DueDate });
        m.HasIndex(x => x.MeasureId);
    }
}

internal sealed class BodyGoalConfiguration : IEntityTypeConfiguration<BodyGoal>
{
    public void Configure(EntityTypeBuilder<BodyGoal> g)
    {
        g.ToTable("BodyGoals");
        g.Property(x => x.Title).HasMaxLength(300);
        g.Property(x => x.UpdatedBy).HasMaxLength(200);
        g.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        g.Property(x => x.TargetValue).HasPrecision(18, 4);
        g.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        g.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.SetNull);
        g.HasIndex(x => x.OrganizationId);
    }
}

internal sealed class BodyMilestoneConfiguration : IEntityTypeConfiguration<BodyMilestone>
{
    public void Configure(EntityTypeBuilder<BodyMilestone> m)
    {
        m.ToTable("BodyMilestones");
        m.Property(x => x.Title).HasMaxLength(300);
        m.HasOne<BodyGoal>().WithMany(x => x.Milestones).HasForeignKey(x => x.BodyGoalId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.BodyGoalId);
        m.HasIndex(x => new { x.DoneDate, x.DueDate });
    }
}

internal sealed class BodyReportConfiguration : IEntityTypeConfiguration<BodyReport>
{
    public void Configure(EntityTypeBuilder<BodyReport> r)
    {
        r.ToTable("BodyReports");
        r.Property(x => x.Addressee).HasConversion<string>().HasMaxLength(30);
        r.Property(x => x.Note).HasMaxLength(1000);
        r.Property(x => x.RecordedBy).HasMaxLength(200);
        r.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.OrganizationId, x.AsOf });
    }
}

internal sealed class ProgrammeYearConfiguration : IEntityTypeConfiguration<ProgrammeYear>
{
    public void Configure(EntityTypeBuilder<ProgrammeYear> y)
    {
        y.ToTable("ProgrammeYears");
        y.HasKey(x => x.Year);
        y.Property(x => x.Year).ValueGeneratedNever();
        y.Property(x => x.Order).HasMaxLength(40);
        y.Property(x => x.Account).HasMaxLength(40);
    }
}

internal sealed class ProgrammeBookingConfiguration : IEntityTypeConfiguration<ProgrammeBooking>
{
    public void Configure(EntityTypeBuilder<ProgrammeBooking> b)
    {
        b.ToTable("ProgrammeBookings");
        b.Property(x => x.Purpose).HasMaxLength(300);
        b.HasOne<Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Year);
    }
}
