using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Papers;

/// <summary>The tables of the papers module on <see cref="AppDbContext"/> (<c>db.Papers</c>, …).</summary>
public static class PapersTables
{
    extension(AppDbContext db)
    {
        public DbSet<Paper> Papers => db.Set<Paper>();

        public DbSet<Consultation> Consultations => db.Set<Consultation>();
    }
}

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> p)
    {
        p.ToTable("Papers");
        p.Property(x => x.Reference).HasMaxLength(50);
        p.Property(x => x.Name).HasMaxLength(500);
        p.Property(x => x.PaperType).HasMaxLength(100);
        p.Property(x => x.Originator).HasMaxLength(500);
        p.HasIndex(x => x.Reference);
        p.HasOne(x => x.AmendsPaper).WithMany().HasForeignKey(x => x.AmendsPaperId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne(x => x.ResponsibleOrganization).WithMany().HasForeignKey(x => x.ResponsibleOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> c)
    {
        c.ToTable("Consultations");
        c.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        c.HasOne(x => x.Paper).WithMany(x => x.Consultations).HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.PaperId, x.Position }).IsUnique();
    }
}
