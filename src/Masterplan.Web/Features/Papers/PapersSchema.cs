using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
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

        public DbSet<PaperFile> PaperFiles => db.Set<PaperFile>();

        public DbSet<PaperFileContent> PaperFileContents => db.Set<PaperFileContent>();

        public DbSet<PaperRelation> PaperRelations => db.Set<PaperRelation>();
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
        p.Property(x => x.Reasons).HasMaxLength(PapersModule.MaxTextLength);
        p.Property(x => x.DecisionProposal).HasMaxLength(PapersModule.MaxTextLength);
        // Both engines let several rows have no reference in a unique index.
        p.HasIndex(x => x.Reference).IsUnique();
        p.HasIndex(x => x.Date);
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
        c.Property(x => x.Result).HasConversion<string>().HasMaxLength(30);
        c.HasOne<AgendaLink>().WithMany().HasForeignKey(x => x.AgendaLinkId).OnDelete(DeleteBehavior.SetNull);
        c.HasIndex(x => new { x.PaperId, x.Position }).IsUnique();
        c.HasIndex(x => x.AgendaLinkId);
        c.HasIndex(x => x.OrganizationId);
    }
}

internal sealed class PaperFileConfiguration : IEntityTypeConfiguration<PaperFile>
{
    public void Configure(EntityTypeBuilder<PaperFile> f)
    {
        f.ToTable("PaperFiles");
        f.Property(x => x.Title).HasMaxLength(300);
        f.Property(x => x.FileName).HasMaxLength(255);
        f.Property(x => x.MediaType).HasMaxLength(100);
        f.Property(x => x.Sha512).HasMaxLength(128);
        f.Property(x => x.AddedBy).HasMaxLength(200);
        f.HasOne<Paper>().WithMany(x => x.Files).HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne(x => x.Content).WithOne().HasForeignKey<PaperFileContent>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
        f.HasIndex(x => x.PaperId);
    }
}

internal sealed class PaperFileContentConfiguration : IEntityTypeConfiguration<PaperFileContent>
{
    public void Configure(EntityTypeBuilder<PaperFileContent> x) => x.ToTable("PaperFileContents");
}

internal sealed class PaperRelationConfiguration : IEntityTypeConfiguration<PaperRelation>
{
    public void Configure(EntityTypeBuilder<PaperRelation> r)
    {
        r.ToTable("PaperRelations");
        r.HasOne<Paper>().WithMany(x => x.Related).HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.RelatedPaper).WithMany().HasForeignKey(x => x.RelatedPaperId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.PaperId, x.RelatedPaperId }).IsUnique();
        r.HasIndex(x => x.RelatedPaperId);
    }
}
