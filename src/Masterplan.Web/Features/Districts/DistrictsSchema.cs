using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Districts;

/// <summary>The tables of the districts module on <see cref="AppDbContext"/> (<c>db.Districts</c>, …).</summary>
public static class DistrictsTables
{
    extension(AppDbContext db)
    {
        public DbSet<District> Districts => db.Set<District>();
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> d)
    {
        d.ToTable("Districts");
        d.Property(x => x.Name).HasMaxLength(100);
    }
}
