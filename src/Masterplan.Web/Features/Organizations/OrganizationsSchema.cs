using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Organizations;

/// <summary>The tables of the organizations module on <see cref="AppDbContext"/> (<c>db.Bodies</c>, …).</summary>
public static class OrganizationsTables
{
    extension(AppDbContext db)
    {
        public DbSet<Body> Bodies => db.Set<Body>();

        public DbSet<Organization> Organizations => db.Set<Organization>();

        public DbSet<Person> Persons => db.Set<Person>();

        public DbSet<Membership> Memberships => db.Set<Membership>();

        public DbSet<SeatLot> SeatLots => db.Set<SeatLot>();

        public DbSet<RulesOfProcedure> RulesOfProcedure => db.Set<RulesOfProcedure>();
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> o)
    {
        o.ToTable("Organizations");
        o.Property(x => x.Name).HasMaxLength(300);
        o.Property(x => x.ShortName).HasMaxLength(100);
        o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        o.Property(x => x.Classification).HasMaxLength(100);
        o.Property(x => x.FormedBy).HasMaxLength(500);
        o.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        o.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        o.HasIndex(x => x.Kind);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> p)
    {
        p.ToTable("Persons");
        p.Property(x => x.GivenName).HasMaxLength(200);
        p.Property(x => x.FamilyName).HasMaxLength(200);
        p.Property(x => x.Title).HasMaxLength(100);
        p.Property(x => x.Email).HasMaxLength(320);
        p.Ignore(x => x.DisplayName);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> m)
    {
        m.ToTable("Memberships");
        m.Property(x => x.VotingRight).HasConversion<string>().HasMaxLength(20);
        m.Property(x => x.Role).HasMaxLength(200);
        m.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        m.HasOne(x => x.OnBehalfOf).WithMany().HasForeignKey(x => x.OnBehalfOfId).OnDelete(DeleteBehavior.Restrict);
        m.HasOne(x => x.DeputyFor).WithMany().HasForeignKey(x => x.DeputyForId).OnDelete(DeleteBehavior.Restrict);
        m.HasIndex(x => new { x.OrganizationId, x.StartDate, x.EndDate });
    }
}

internal sealed class RulesOfProcedureConfiguration : IEntityTypeConfiguration<RulesOfProcedure>
{
    public void Configure(EntityTypeBuilder<RulesOfProcedure> r)
    {
        r.Property(x => x.AdoptedBy).HasMaxLength(500);
        r.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.OrganizationId, x.Version }).IsUnique();
    }
}

internal sealed class SeatLotConfiguration : IEntityTypeConfiguration<SeatLot>
{
    public void Configure(EntityTypeBuilder<SeatLot> l)
    {
        l.ToTable("SeatLots");
        l.Property(x => x.Signature).HasMaxLength(2000);
        l.Property(x => x.TiedParties).HasMaxLength(2000);
        l.Property(x => x.Winners).HasMaxLength(2000);
        l.Property(x => x.Seed).HasMaxLength(200);
        l.Property(x => x.SeedAct).HasMaxLength(1000);
        l.Property(x => x.DrawnBy).HasMaxLength(200);
        l.HasIndex(x => x.Signature);
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> x)
    {
        x.ToTable("Bodies");
    }
}
