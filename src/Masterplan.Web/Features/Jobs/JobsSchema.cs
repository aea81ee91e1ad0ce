using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Jobs;

/// <summary>The tables of the job runs on <see cref="AppDbContext"/> (<c>db.JobRuns</c>, …).</summary>
public static class JobsTables
{
    extension(AppDbContext db)
    {
        public DbSet<JobRun> JobRuns => db.Set<JobRun>();
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> x)
    {
        x.ToTable("JobRuns");
        x.Property(r => r.Job).HasMaxLength(200);
        x.Property(r => r.FireInstanceId).HasMaxLength(200);
        x.Property(r => r.Node).HasMaxLength(200);
        x.Property(r => r.Result).HasMaxLength(1000);
        x.HasIndex(r => r.FireInstanceId).IsUnique();
    }
}
