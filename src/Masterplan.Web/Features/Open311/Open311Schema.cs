using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Open311;

/// <summary>The tables of the Open311 module on <see cref="AppDbContext"/> (<c>db.Open311Clients</c>).</summary>
public static class Open311Tables
{
    extension(AppDbContext db)
    {
        public DbSet<Open311Client> Open311Clients => db.Set<Open311Client>();
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> c)
    {
        c.ToTable("Open311Clients");
        c.Property(x => x.Name).HasMaxLength(Open311Keys.MaxNameLength);
        c.Property(x => x.Contact).HasMaxLength(Open311Keys.MaxContactLength);
        c.Property(x => x.KeyHash).HasMaxLength(64);
        c.Property(x => x.KeyPrefix).HasMaxLength(8);
        c.Property(x => x.IssuedBy).HasMaxLength(300);
        c.Property(x => x.RevokedBy).HasMaxLength(300);
        c.HasIndex(x => x.KeyHash).IsUnique();
    }
}
