using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Meetings;

/// <summary>The tables of the meetings module on <see cref="AppDbContext"/> (<c>db.Meetings</c>, …).</summary>
public static class MeetingsTables
{
    extension(AppDbContext db)
    {
        public DbSet<Meeting> Meetings => db.Set<Meeting>();

        public DbSet<AgendaItem> AgendaItems => db.Set<AgendaItem>();

        public DbSet<AgendaLink> AgendaLinks => db.Set<AgendaLink>();

        public DbSet<MeetingDocument> MeetingDocuments => db.Set<MeetingDocument>();

        public DbSet<DocumentContent> DocumentContents => db.Set<DocumentContent>();

        public DbSet<Attendance> Attendances => db.Set<Attendance>();

        public DbSet<Vote> Votes => db.Set<Vote>();

        public DbSet<RollCallVote> RollCallVotes => db.Set<RollCallVote>();

        public DbSet<Recommendation> Recommendations => db.Set<Recommendation>();

        public DbSet<RecommendationUpdate> RecommendationUpdates => db.Set<RecommendationUpdate>();

        public DbSet<RecommendationTakeUp> RecommendationTakeUps => db.Set<RecommendationTakeUp>();

        public DbSet<Minutes> Minutes => db.Set<Minutes>();

        public DbSet<MinutesVersion> MinutesVersions => db.Set<MinutesVersion>();

        public DbSet<MinutesComment> MinutesComments => db.Set<MinutesComment>();

        public DbSet<CalendarFeed> CalendarFeeds => db.Set<CalendarFeed>();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> m)
    {
        m.ToTable("Meetings");
        m.Ignore(x => x.Place);
        m.Property(x => x.Title).HasMaxLength(300);
        m.Property(x => x.Room).HasMaxLength(200);
        m.Property(x => x.Address).HasMaxLength(300);
        m.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        m.Property(x => x.CalendarUid).HasMaxLength(200);
        m.Property(x => x.CancellationReason).HasMaxLength(1000);
        m.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        m.HasIndex(x => new { x.OrganizationId, x.Start });
        m.HasIndex(x => x.Start);
        m.HasIndex(x => x.CalendarUid).IsUnique();
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> a)
    {
        a.ToTable("AgendaItems");
        a.Property(x => x.Number).HasMaxLength(20);
        a.Property(x => x.SortKey).HasMaxLength(60);
        a.Property(x => x.Title).HasMaxLength(500);
        a.HasOne(x => x.Meeting).WithMany(x => x.AgendaItems).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
    }
}

internal sealed class AgendaLinkConfiguration : IEntityTypeConfiguration<AgendaLink>
{
    public void Configure(EntityTypeBuilder<AgendaLink> l)
    {
        l.ToTable("AgendaLinks");
        l.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        l.Property(x => x.Label).HasMaxLength(500);
        l.HasOne<AgendaItem>().WithMany(x => x.Links).HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        l.HasIndex(x => new { x.Kind, x.TargetId });
    }
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> d)
    {
        d.ToTable("MeetingDocuments");
        d.Property(x => x.Title).HasMaxLength(300);
        d.Property(x => x.FileName).HasMaxLength(255);
        d.Property(x => x.MediaType).HasMaxLength(100);
        d.Property(x => x.Sha512).HasMaxLength(128);
        d.Property(x => x.UploadedBy).HasMaxLength(200);
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        d.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        d.HasOne(x => x.Content).WithOne().HasForeignKey<DocumentContent>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => x.MeetingId);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> a)
    {
        a.ToTable("Attendances");
        a.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<Membership>().WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<Membership>().WithMany().HasForeignKey(x => x.RepresentsMembershipId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> v)
    {
        v.ToTable("Votes");
        v.Property(x => x.Subject).HasMaxLength(500);
        v.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RollCallVoteConfiguration : IEntityTypeConfiguration<RollCallVote>
{
    public void Configure(EntityTypeBuilder<RollCallVote> r)
    {
        r.ToTable("RollCallVotes");
        r.Property(x => x.Choice).HasConversion<string>().HasMaxLength(10);
        r.HasOne<Vote>().WithMany(x => x.RollCall).HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Membership>().WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.VoteId, x.MembershipId }).IsUnique();
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> r)
    {
        r.ToTable("Recommendations");
        r.Property(x => x.Title).HasMaxLength(300);
        r.Property(x => x.AddresseeKind).HasConversion<string>().HasMaxLength(30);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        r.Property(x => x.StatusReason).HasMaxLength(2000);
        r.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        r.HasOne<Organization>().WithMany().HasForeignKey(x => x.AddresseeOrganizationId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => x.Status);
    }
}

internal sealed class RecommendationFieldConfiguration : IEntityTypeConfiguration<RecommendationField>
{
    public void Configure(EntityTypeBuilder<RecommendationField> f)
    {
        f.HasKey(x => new { x.RecommendationId, x.FieldOfActionId });
        f.HasOne<Recommendation>().WithMany(x => x.Fields).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationTakeUpConfiguration : IEntityTypeConfiguration<RecommendationTakeUp>
{
    public void Configure(EntityTypeBuilder<RecommendationTakeUp> t)
    {
        t.ToTable("RecommendationTakeUps");
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        t.HasOne<Recommendation>().WithMany(x => x.TakeUps).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        t.HasIndex(x => new { x.RecommendationId, x.Kind, x.TargetId }).IsUnique();
        t.HasIndex(x => new { x.Kind, x.TargetId });
    }
}

internal sealed class RecommendationUpdateConfiguration : IEntityTypeConfiguration<RecommendationUpdate>
{
    public void Configure(EntityTypeBuilder<RecommendationUpdate> u)
    {
        u.ToTable("RecommendationUpdates");
        u.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        u.Property(x => x.Note).HasMaxLength(4000);
        u.Property(x => x.AuthorName).HasMaxLength(200);
        u.HasOne<Recommendation>().WithMany(x => x.Updates).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> m)
    {
        m.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        m.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.MeetingId).IsUnique();
        m.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ApprovedUnderAgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> v)
    {
        v.ToTable("MinutesVersions");
        v.Property(x => x.AuthorName).HasMaxLength(200);
        v.HasOne<Minutes>().WithMany(x => x.Versions).HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
        v.HasIndex(x => new { x.MinutesId, x.Number }).IsUnique();
    }
}

internal sealed class MinutesCommentConfiguration : IEntityTypeConfiguration<MinutesComment>
{
    public void Configure(EntityTypeBuilder<MinutesComment> c)
    {
        c.ToTable("MinutesComments");
        c.Property(x => x.AuthorName).HasMaxLength(200);
        c.Property(x => x.AuthorUserId).HasMaxLength(450);
        c.Property(x => x.Text).HasMaxLength(4000);
        c.HasOne<Minutes>().WithMany(x => x.Comments).HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> f)
    {
        f.ToTable("CalendarFeeds");
        f.Property(x => x.TokenHash).HasMaxLength(64);
        f.HasIndex(x => x.TokenHash).IsUnique();
        f.HasIndex(x => x.PersonId).IsUnique();
        f.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        f.Property(x => x.UserId).HasMaxLength(450);
        f.Property(x => x.StampHash).HasMaxLength(64);
        f.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> x)
    {
        x.ToTable("DocumentContents");
    }
}
