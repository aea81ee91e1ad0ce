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

        public DbSet<BackgroundTask> BackgroundTasks => db.Set<BackgroundTask>();
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

internal sealed class BackgroundTaskConfiguration : IEntityTypeConfiguration<BackgroundTask>
{
    public void Configure(EntityTypeBuilder<BackgroundTask> x)
    {
        x.ToTable("BackgroundTasks");
        x.Property(t => t.Kind).HasMaxLength(100);
        x.Property(t => t.Lane).HasMaxLength(100);
        // One queued or running task per lane (0 and 1 are BackgroundTaskState.Queued and Running; the same SQL on both engines).
        x.HasIndex(t => t.Lane).IsUnique().HasFilter($"\"State\" IN ({(int)BackgroundTaskState.Queued}, {(int)BackgroundTaskState.Running})");
        x.Property(t => t.Policy).HasMaxLength(100);
        x.Property(t => t.Title).HasMaxLength(200);
        x.Property(t => t.ReturnUrl).HasMaxLength(500);
        x.Property(t => t.Stage).HasMaxLength(500);
        x.Property(t => t.Unit).HasMaxLength(100);
        x.Property(t => t.Culture).HasMaxLength(20);
        x.Property(t => t.ResultUrl).HasMaxLength(500);
        x.Property(t => t.ResultFileName).HasMaxLength(200);
        x.Property(t => t.ResultContentType).HasMaxLength(100);
        x.Property(t => t.StartedBy).HasMaxLength(450);
        x.Property(t => t.Node).HasMaxLength(200);
        x.Ignore(t => t.IsFinished);
        x.HasIndex(t => t.State);
    }
}
