using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Data;

/// <summary>
/// The one schema of the platform. Each provider has a subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Data Protection keys, shared by every instance (issue 3 §8).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<FieldOfAction> FieldsOfAction => Set<FieldOfAction>();

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

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
        builder.Entity<FieldOfAction>(f =>
        {
            f.Property(x => x.Title).HasMaxLength(300);
            f.Property(x => x.GuidingSentence).HasMaxLength(500);
            f.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
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
