using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>The tables of the Schutzorte on <see cref="AppDbContext"/> (<c>db.ProtectivePlaces</c>, …).</summary>
public static class ProtectivePlaceTables
{
    extension(AppDbContext db)
    {
        public DbSet<ProtectivePlace> ProtectivePlaces => db.Set<ProtectivePlace>();

        public DbSet<OpeningRule> OpeningRules => db.Set<OpeningRule>();

        public DbSet<OpeningException> OpeningExceptions => db.Set<OpeningException>();

        public DbSet<PlaceEvent> PlaceEvents => db.Set<PlaceEvent>();

        public DbSet<Venue> Venues => db.Set<Venue>();

        public DbSet<VenueReconfirmation> VenueReconfirmations => db.Set<VenueReconfirmation>();

        public DbSet<MaterialOrder> MaterialOrders => db.Set<MaterialOrder>();
    }
}

internal sealed class ProtectivePlaceConfiguration : IEntityTypeConfiguration<ProtectivePlace>
{
    public void Configure(EntityTypeBuilder<ProtectivePlace> p)
    {
        p.ToTable("ProtectivePlaces");
        p.Property(x => x.Name).HasMaxLength(ProtectivePlacesModule.MaxNameLength);
        p.Property(x => x.Kind).HasMaxLength(20);
        p.Property(x => x.Address).HasMaxLength(300);
        p.Property(x => x.Help).HasMaxLength(ProtectivePlacesModule.MaxHelpLength);
        p.Property(x => x.HelpEnglish).HasMaxLength(ProtectivePlacesModule.MaxHelpLength);
        p.Property(x => x.HelpEasy).HasMaxLength(ProtectivePlacesModule.MaxHelpLength);
        p.Property(x => x.Phone).HasMaxLength(40);
        p.Property(x => x.Languages).HasMaxLength(200);
        p.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<PlaceEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
        p.HasMany(x => x.Rules).WithOne().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Cascade);
        p.HasMany(x => x.Exceptions).WithOne().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Cascade);
        // "Near a point": the public places in a box of latitudes.
        p.HasIndex(x => new { x.IsPublic, x.Latitude });
        p.HasIndex(x => x.VenueId).IsUnique();
        p.HasIndex(x => x.EventId);
    }
}

internal sealed class OpeningRuleConfiguration : IEntityTypeConfiguration<OpeningRule>
{
    public void Configure(EntityTypeBuilder<OpeningRule> r)
    {
        r.ToTable("PlaceOpeningRules");
        r.HasIndex(x => new { x.PlaceId, x.Day });
    }
}

internal sealed class OpeningExceptionConfiguration : IEntityTypeConfiguration<OpeningException>
{
    public void Configure(EntityTypeBuilder<OpeningException> e)
    {
        e.ToTable("PlaceOpeningExceptions");
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasIndex(x => new { x.PlaceId, x.Date });
        e.HasIndex(x => x.Date);
    }
}

internal sealed class PlaceEventConfiguration : IEntityTypeConfiguration<PlaceEvent>
{
    public void Configure(EntityTypeBuilder<PlaceEvent> e)
    {
        e.ToTable("PlaceEvents");
        e.Property(x => x.Name).HasMaxLength(ProtectivePlacesModule.MaxNameLength);
        e.HasIndex(x => x.Ends);
    }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> v)
    {
        v.ToTable("ProtectivePlaceVenues");
        v.Property(x => x.Name).HasMaxLength(ProtectivePlacesModule.MaxNameLength);
        v.Property(x => x.VenueKind).HasMaxLength(20);
        v.Property(x => x.Address).HasMaxLength(300);
        v.Property(x => x.PublicPhone).HasMaxLength(40);
        v.Property(x => x.ContactName).HasMaxLength(200);
        v.Property(x => x.ContactEmail).HasMaxLength(320);
        v.Property(x => x.Trained).HasMaxLength(1000);
        v.Property(x => x.Status).HasMaxLength(20);
        v.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        v.Ignore(x => x.OptInEmail);
        v.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        v.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        v.HasIndex(x => new { x.Status, x.ConfirmedUntil });
    }
}

internal sealed class VenueReconfirmationConfiguration : IEntityTypeConfiguration<VenueReconfirmation>
{
    public void Configure(EntityTypeBuilder<VenueReconfirmation> r)
    {
        r.ToTable("ProtectivePlaceVenueReconfirmations");
        r.Property(x => x.Email).HasMaxLength(320);
        r.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        r.Ignore(x => x.OptInEmail);
        r.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        r.HasIndex(x => x.VenueId);
    }
}

internal sealed class MaterialOrderConfiguration : IEntityTypeConfiguration<MaterialOrder>
{
    public void Configure(EntityTypeBuilder<MaterialOrder> o)
    {
        o.ToTable("ProtectivePlaceMaterialOrders");
        o.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        o.HasIndex(x => new { x.SentAt, x.OrderedAt });
        o.HasIndex(x => x.VenueId);
    }
}
