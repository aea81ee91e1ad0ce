using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Labs;

/// <summary>The tables of the Quartierslabore on <see cref="AppDbContext"/> (<c>db.Labs</c>, …).</summary>
public static class LabsTables
{
    extension(AppDbContext db)
    {
        public DbSet<NeighbourhoodLab> Labs => db.Set<NeighbourhoodLab>();

        public DbSet<RegisterEntry> RegisterEntries => db.Set<RegisterEntry>();

        public DbSet<InviteeDrawRecord> InviteeDraws => db.Set<InviteeDrawRecord>();

        public DbSet<LabInvitation> LabInvitations => db.Set<LabInvitation>();

        public DbSet<LabRegistration> LabRegistrations => db.Set<LabRegistration>();

        public DbSet<PanelSelectionRecord> PanelSelections => db.Set<PanelSelectionRecord>();

        public DbSet<PanelOutcome> PanelOutcomes => db.Set<PanelOutcome>();

        public DbSet<LabRecommendation> LabRecommendations => db.Set<LabRecommendation>();

        public DbSet<LabPlace> LabPlaces => db.Set<LabPlace>();
    }
}

internal sealed class NeighbourhoodLabConfiguration : IEntityTypeConfiguration<NeighbourhoodLab>
{
    public void Configure(EntityTypeBuilder<NeighbourhoodLab> l)
    {
        l.ToTable("Labs");
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
        l.Property(x => x.HistorySource).HasMaxLength(500);
        // 001 "Handlungsfeld 4": one lab per quarter, for the labs planned here; the record of earlier ones is taken as it was.
        l.HasIndex(x => new { x.Year, x.Quarter }).IsUnique().HasFilter("\"HistorySource\" IS NULL");
    }
}

internal sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<RegisterEntry>
{
    public void Configure(EntityTypeBuilder<RegisterEntry> r)
    {
        r.ToTable("RegisterEntries");
        r.Property(x => x.Name).HasMaxLength(300);
        r.Property(x => x.Address).HasMaxLength(500);
        r.Property(x => x.Gender).HasMaxLength(1);
        r.Property(x => x.District).HasMaxLength(100);
        r.Property(x => x.SubDistrict).HasMaxLength(200);
        r.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.LabId, x.RowIndex }).IsUnique();
    }
}

internal sealed class InviteeDrawRecordConfiguration : IEntityTypeConfiguration<InviteeDrawRecord>
{
    public void Configure(EntityTypeBuilder<InviteeDrawRecord> d)
    {
        d.ToTable("InviteeDraws");
        d.Property(x => x.Seed).HasMaxLength(500);
        d.Property(x => x.SeedAct).HasMaxLength(1000);
        d.Property(x => x.Method).HasMaxLength(20);
        d.Property(x => x.InputHash).HasMaxLength(64);
        d.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => x.LabId).IsUnique();
    }
}

internal sealed class LabInvitationConfiguration : IEntityTypeConfiguration<LabInvitation>
{
    public void Configure(EntityTypeBuilder<LabInvitation> i)
    {
        i.ToTable("LabInvitations");
        i.Property(x => x.CodeHash).HasMaxLength(64);
        i.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
        i.HasIndex(x => x.CodeHash).IsUnique();
        i.HasIndex(x => new { x.LabId, x.RowIndex }).IsUnique();
    }
}

internal sealed class LabRegistrationConfiguration : IEntityTypeConfiguration<LabRegistration>
{
    public void Configure(EntityTypeBuilder<LabRegistration> r)
    {
        r.ToTable("LabRegistrations");
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
    }
}

internal sealed class PanelSelectionRecordConfiguration : IEntityTypeConfiguration<PanelSelectionRecord>
{
    public void Configure(EntityTypeBuilder<PanelSelectionRecord> s)
    {
        s.ToTable("PanelSelections");
        s.Property(x => x.Algorithm).HasMaxLength(20);
        s.Property(x => x.Seed).HasMaxLength(500);
        s.Property(x => x.SeedAct).HasMaxLength(1000);
        s.Property(x => x.Quotas).HasMaxLength(8000);
        s.Property(x => x.InputHash).HasMaxLength(64);
        s.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => x.LabId).IsUnique();
    }
}

internal sealed class PanelOutcomeConfiguration : IEntityTypeConfiguration<PanelOutcome>
{
    public void Configure(EntityTypeBuilder<PanelOutcome> o)
    {
        o.ToTable("PanelOutcomes");
        o.Ignore(x => x.Participates);
        o.Property(x => x.RespondentId).HasMaxLength(20);
        o.Property(x => x.ReplacesRespondentId).HasMaxLength(20);
        o.HasOne<PanelSelectionRecord>().WithMany(x => x.Outcomes).HasForeignKey(x => x.SelectionId).OnDelete(DeleteBehavior.Cascade);
        o.HasIndex(x => new { x.SelectionId, x.RespondentId }).IsUnique();
    }
}

internal sealed class LabRecommendationConfiguration : IEntityTypeConfiguration<LabRecommendation>
{
    public void Configure(EntityTypeBuilder<LabRecommendation> r)
    {
        r.ToTable("LabRecommendations");
        r.Property(x => x.Text).HasMaxLength(4000);
        r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        r.Property(x => x.ForwardedTo).HasMaxLength(300);
        r.Property(x => x.DeclineReason).HasMaxLength(2000);
        r.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Catalogue.FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Catalogue.FieldOfAction>().WithMany().HasForeignKey(x => x.NewFieldOfActionId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Catalogue.Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LabPlaceConfiguration : IEntityTypeConfiguration<LabPlace>
{
    public void Configure(EntityTypeBuilder<LabPlace> p)
    {
        p.ToTable("LabPlaces");
        p.Property(x => x.Category).HasConversion<string>().HasMaxLength(10);
        p.Property(x => x.Comment).HasMaxLength(1000);
        p.Property(x => x.Address).HasMaxLength(200);
        p.HasOne<NeighbourhoodLab>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Cascade);
    }
}
