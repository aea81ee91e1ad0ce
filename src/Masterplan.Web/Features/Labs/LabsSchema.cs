using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>The EF mapping of the Quartierslabore, called from <see cref="Data.AppDbContext"/>.</summary>
internal static class LabsSchema
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<NeighbourhoodLab>(l =>
        {
            l.Ignore(x => x.QuarterLabel);
            l.Property(x => x.Title).HasMaxLength(300);
            l.Property(x => x.District).HasMaxLength(100);
            l.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
            l.Property(x => x.PlanBasis).HasMaxLength(300);
            l.Property(x => x.OverrideReason).HasMaxLength(1000);
            l.Property(x => x.ConceptPolitics).HasMaxLength(4000);
            l.Property(x => x.ConceptDigitalInput).HasMaxLength(4000);
            l.Property(x => x.ConceptParticipation).HasMaxLength(4000);
            l.Property(x => x.ConceptApprovedBy).HasMaxLength(300);
            l.Property(x => x.Categories).HasMaxLength(2000);
            l.Property(x => x.ResultsSummary).HasMaxLength(8000);
            l.Property(x => x.ReportedTo).HasMaxLength(500);
            l.HasIndex(x => new { x.Year, x.Quarter }).IsUnique(); // 001 "Handlungsfeld 4": one lab per quarter
        });
        builder.Entity<RegisterEntry>(r =>
        {
            r.Property(x => x.Name).HasMaxLength(300);
            r.Property(x => x.Address).HasMaxLength(500);
            r.Property(x => x.Gender).HasMaxLength(1);
            r.Property(x => x.District).HasMaxLength(100);
            r.Property(x => x.SubDistrict).HasMaxLength(200);
            r.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.LabId, x.RowIndex }).IsUnique();
        });
        builder.Entity<InviteeDrawRecord>(d =>
        {
            d.Property(x => x.Seed).HasMaxLength(500);
            d.Property(x => x.Method).HasMaxLength(20);
            d.Property(x => x.InputHash).HasMaxLength(64);
            d.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => x.LabId).IsUnique();
        });
        builder.Entity<LabInvitation>(i =>
        {
            i.Property(x => x.CodeHash).HasMaxLength(64);
            i.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
            i.HasIndex(x => x.CodeHash).IsUnique();
            i.HasIndex(x => new { x.LabId, x.RowIndex }).IsUnique();
        });
        builder.Entity<LabRegistration>(r =>
        {
            r.Ignore(x => x.RespondentId);
            r.Property(x => x.AgeBand).HasMaxLength(20);
            r.Property(x => x.Gender).HasMaxLength(30);
            r.Property(x => x.Answers).HasMaxLength(2000);
            r.Property(x => x.Availability).HasMaxLength(1000);
            r.Property(x => x.AccessibilityNeeds).HasMaxLength(1000);
            r.Property(x => x.Contact).HasMaxLength(320);
            r.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<LabInvitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => x.InvitationId).IsUnique();
        });
        builder.Entity<PanelSelectionRecord>(s =>
        {
            s.Property(x => x.Algorithm).HasMaxLength(20);
            s.Property(x => x.Seed).HasMaxLength(500);
            s.Property(x => x.Quotas).HasMaxLength(8000);
            s.Property(x => x.InputHash).HasMaxLength(64);
            s.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => x.LabId).IsUnique();
        });
        builder.Entity<PanelOutcome>(o =>
        {
            o.Ignore(x => x.Participates);
            o.Property(x => x.RespondentId).HasMaxLength(20);
            o.Property(x => x.ReplacesRespondentId).HasMaxLength(20);
            o.HasOne<PanelSelectionRecord>().WithMany(x => x.Outcomes).HasForeignKey(x => x.SelectionId).OnDelete(DeleteBehavior.Cascade);
            o.HasIndex(x => new { x.SelectionId, x.RespondentId }).IsUnique();
        });
        builder.Entity<LabRecommendation>(r =>
        {
            r.Property(x => x.Text).HasMaxLength(4000);
            r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.ForwardedTo).HasMaxLength(300);
            r.Property(x => x.DeclineReason).HasMaxLength(2000);
            r.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<Catalogue.FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Catalogue.FieldOfAction>().WithMany().HasForeignKey(x => x.NewFieldOfActionId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Catalogue.Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<LabPlace>(p =>
        {
            p.Property(x => x.Category).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.Comment).HasMaxLength(1000);
            p.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
