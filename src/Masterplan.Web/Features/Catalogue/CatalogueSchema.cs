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
    }
}
