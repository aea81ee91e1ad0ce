using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>The EF mapping of the catalogue's measures, called from <see cref="Data.AppDbContext"/>.</summary>
internal static class CatalogueSchema
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Measure>(m =>
        {
            m.Property(x => x.Title).HasMaxLength(300);
            m.Property(x => x.Description).HasMaxLength(8000);
            m.Property(x => x.Partners).HasMaxLength(1000);
            m.Property(x => x.Place).HasMaxLength(300);
            m.Property(x => x.SourceText).HasMaxLength(500);
            m.Property(x => x.UpdatedBy).HasMaxLength(200);
            m.Property(x => x.ExternalNumber).HasMaxLength(40);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(30);
            m.Property(x => x.Weight).HasPrecision(9, 3);
            m.Property(x => x.PlannedBudget).HasPrecision(14, 2);
            m.Property(x => x.SpentBudget).HasPrecision(14, 2);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.ToTable(t => t.HasCheckConstraint("CK_Measures_Progress", "\"Progress\" >= 0 AND \"Progress\" <= 100"));
            m.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => x.FieldOfActionId);
            m.HasIndex(x => x.Status);
        });
        builder.Entity<MeasureDistrict>(d =>
        {
            d.HasKey(x => new { x.MeasureId, x.DistrictId });
            d.HasOne<Measure>().WithMany(x => x.Districts).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
            d.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
            d.HasIndex(x => x.DistrictId);
        });
        builder.Entity<MeasureUnit>(u =>
        {
            u.HasKey(x => new { x.MeasureId, x.OrganizationId });
            u.HasOne<Measure>().WithMany(x => x.Units).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
            u.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<MeasureStatusUpdate>(u =>
        {
            u.Property(x => x.Text).HasMaxLength(4000);
            u.Property(x => x.AuthorName).HasMaxLength(200);
            u.Property(x => x.NewStatus).HasConversion<string>().HasMaxLength(20);
            u.HasOne<Measure>().WithMany(x => x.Updates).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
            u.HasIndex(x => new { x.MeasureId, x.Date });
        });
        builder.Entity<Indicator>(i =>
        {
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
            i.HasIndex(x => x.MeasureId);
        });
        builder.Entity<IndicatorValue>(v =>
        {
            v.Property(x => x.Value).HasPrecision(18, 4);
            v.Property(x => x.Note).HasMaxLength(500);
            v.HasOne<Indicator>().WithMany(x => x.Values).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            v.HasIndex(x => new { x.IndicatorId, x.Date }).IsUnique();
        });
        builder.Entity<Milestone>(m =>
        {
            m.Property(x => x.Title).HasMaxLength(300);
            m.HasOne<Measure>().WithMany(x => x.Milestones).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => new { x.DoneDate, x.DueDate });
            m.HasIndex(x => x.MeasureId);
        });
    }
}
