using System.Reflection;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Masterplan.Web.Data;

/// <summary>
/// The schema on PostgreSQL (production); migrations in Data/Migrations/Postgres. Its options must include PostGIS types
/// (<c>UseNpgsql(…, o => o.UseNetTopologySuite())</c>); the context is pooled, so it cannot add them itself.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Points for the map: a PostGIS column generated from the coordinates, with a GiST index for bounding boxes.
        var points = builder.Model.GetEntityTypes()
            .SelectMany(e => e.ClrType.GetProperties().Select(p => (Entity: e, Property: p, Point: p.GetCustomAttribute<GeneratedPointAttribute>())))
            .Where(x => x.Point is not null).ToList();
        foreach (var (entity, property, point) in points)
        {
            var lat = entity.FindProperty(point!.Latitude)!.GetColumnName();
            var lon = entity.FindProperty(point.Longitude)!.GetColumnName();
            builder.Entity(entity.ClrType).Property(property.Name).HasColumnType("geometry(Point,4326)")
                .HasComputedColumnSql($"ST_SetSRID(ST_MakePoint(\"{lon}\", \"{lat}\"), 4326)", stored: true);
            builder.Entity(entity.ClrType).HasIndex(property.Name).HasMethod("gist");
        }

        if (points.Count > 0)
        {
            // The DBA creates the extension once in production (docs/operations.md); the migration only makes sure.
            builder.HasPostgresExtension("postgis");
        }
    }
}

/// <summary>Used by `dotnet ef` only.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.UseNetTopologySuite())
            .Options);
}
