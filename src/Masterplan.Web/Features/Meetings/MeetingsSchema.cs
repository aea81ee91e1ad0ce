using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>The EF mapping of the meetings module, called from <see cref="Data.AppDbContext"/>.</summary>
internal static class MeetingsSchema
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Meeting>(m =>
        {
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
        });
        builder.Entity<AgendaItem>(a =>
        {
            a.Property(x => x.Number).HasMaxLength(20);
            a.Property(x => x.SortKey).HasMaxLength(60);
            a.Property(x => x.Title).HasMaxLength(500);
            a.HasOne(x => x.Meeting).WithMany(x => x.AgendaItems).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
        });
        builder.Entity<AgendaLink>(l =>
        {
            l.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            l.Property(x => x.Label).HasMaxLength(500);
            l.HasOne<AgendaItem>().WithMany(x => x.Links).HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
            l.HasIndex(x => new { x.Kind, x.TargetId });
        });
        builder.Entity<MeetingDocument>(d =>
        {
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
        });
        builder.Entity<Attendance>(a =>
        {
            a.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Membership>().WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Membership>().WithMany().HasForeignKey(x => x.RepresentsMembershipId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
        });
        builder.Entity<Vote>(v =>
        {
            v.Property(x => x.Subject).HasMaxLength(500);
            v.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RollCallVote>(r =>
        {
            r.Property(x => x.Choice).HasConversion<string>().HasMaxLength(10);
            r.HasOne<Vote>().WithMany(x => x.RollCall).HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<Membership>().WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => new { x.VoteId, x.MembershipId }).IsUnique();
        });
        builder.Entity<Recommendation>(r =>
        {
            r.Property(x => x.Title).HasMaxLength(300);
            r.Property(x => x.AddresseeKind).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.StatusReason).HasMaxLength(2000);
            r.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
            r.HasOne<Organization>().WithMany().HasForeignKey(x => x.AddresseeOrganizationId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => x.Status);
        });
        builder.Entity<RecommendationField>(f =>
        {
            f.HasKey(x => new { x.RecommendationId, x.FieldOfActionId });
            f.HasOne<Recommendation>().WithMany(x => x.Fields).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
            f.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<RecommendationUpdate>(u =>
        {
            u.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
            u.Property(x => x.Note).HasMaxLength(4000);
            u.Property(x => x.AuthorName).HasMaxLength(200);
            u.HasOne<Recommendation>().WithMany(x => x.Updates).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Minutes>(m =>
        {
            m.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            m.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => x.MeetingId).IsUnique();
            m.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ApprovedUnderAgendaItemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<MinutesVersion>(v =>
        {
            v.Property(x => x.AuthorName).HasMaxLength(200);
            v.HasOne<Minutes>().WithMany(x => x.Versions).HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
            v.HasIndex(x => new { x.MinutesId, x.Number }).IsUnique();
        });
        builder.Entity<MinutesComment>(c =>
        {
            c.Property(x => x.AuthorName).HasMaxLength(200);
            c.Property(x => x.AuthorUserId).HasMaxLength(450);
            c.Property(x => x.Text).HasMaxLength(4000);
            c.HasOne<Minutes>().WithMany(x => x.Comments).HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CalendarFeed>(f =>
        {
            f.Property(x => x.TokenHash).HasMaxLength(64);
            f.HasIndex(x => x.TokenHash).IsUnique();
            f.HasIndex(x => x.PersonId).IsUnique();
            f.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            f.Property(x => x.UserId).HasMaxLength(450);
            f.Property(x => x.StampHash).HasMaxLength(64);
            f.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
