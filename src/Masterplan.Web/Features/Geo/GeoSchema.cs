using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Geo;

/// <summary>The tables of the geo module on <see cref="AppDbContext"/> (<c>db.GazetteerAddresses</c>, <c>db.DistrictBoundaries</c>).</summary>
public static class GeoTables
{
    extension(AppDbContext db)
    {
        public DbSet<GazetteerAddress> GazetteerAddresses => db.Set<GazetteerAddress>();

        public DbSet<DistrictBoundary> DistrictBoundaries => db.Set<DistrictBoundary>();
    }
}

internal sealed class GazetteerAddressConfiguration : IEntityTypeConfiguration<GazetteerAddress>
{
    public void Configure(EntityTypeBuilder<GazetteerAddress> a)
    {
        a.ToTable("GazetteerAddresses");
        a.Property(x => x.Street).HasMaxLength(100);
        a.Property(x => x.HouseNumber).HasMaxLength(20);
        a.Property(x => x.Postcode).HasMaxLength(5);
        a.Property(x => x.StreetKey).HasMaxLength(100);
        a.Property(x => x.HouseKey).HasMaxLength(20);
        a.Ignore(x => x.Label);

        // Exact lookups compare both keys; suggestions take a range of street keys ("starts with"): one index serves both.
        a.HasIndex(x => new { x.StreetKey, x.HouseKey });
    }
}

internal sealed class DistrictBoundaryConfiguration : IEntityTypeConfiguration<DistrictBoundary>
{
    public void Configure(EntityTypeBuilder<DistrictBoundary> b)
    {
        b.ToTable("DistrictBoundaries");
        b.HasIndex(x => x.DistrictId).IsUnique();
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}
