using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Grants;

/// <summary>The tables of the grant programme on <see cref="AppDbContext"/> (<c>db.GrantCalls</c>, …).</summary>
public static class GrantTables
{
    extension(AppDbContext db)
    {
        public DbSet<GrantCall> GrantCalls => db.Set<GrantCall>();

        public DbSet<GrantCriterion> GrantCriteria => db.Set<GrantCriterion>();

        public DbSet<GrantYearBudget> GrantYearBudgets => db.Set<GrantYearBudget>();

        public DbSet<Association> Associations => db.Set<Association>();

        public DbSet<AssociationMember> AssociationMembers => db.Set<AssociationMember>();

        public DbSet<GrantApplication> GrantApplications => db.Set<GrantApplication>();

        public DbSet<GrantBudgetLine> GrantBudgetLines => db.Set<GrantBudgetLine>();

        public DbSet<GrantFile> GrantFiles => db.Set<GrantFile>();

        public DbSet<GrantReview> GrantReviews => db.Set<GrantReview>();

        public DbSet<GrantScore> GrantScores => db.Set<GrantScore>();

        public DbSet<GrantPayment> GrantPayments => db.Set<GrantPayment>();

        public DbSet<ProofOfUse> ProofsOfUse => db.Set<ProofOfUse>();
    }
}

internal sealed class GrantCallConfiguration : IEntityTypeConfiguration<GrantCall>
{
    public void Configure(EntityTypeBuilder<GrantCall> c)
    {
        c.ToTable("GrantCalls");
        c.Property(x => x.Title).HasMaxLength(GrantsModule.MaxTitle);
        c.Property(x => x.Purpose).HasMaxLength(GrantsModule.MaxText);
        c.Property(x => x.Eligibility).HasMaxLength(GrantsModule.MaxText);
        c.Property(x => x.RequiredDocuments).HasMaxLength(GrantsModule.MaxText);
        c.HasOne<Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.PublishedAt, x.Deadline });
    }
}

internal sealed class GrantCriterionConfiguration : IEntityTypeConfiguration<GrantCriterion>
{
    public void Configure(EntityTypeBuilder<GrantCriterion> c)
    {
        c.ToTable("GrantCriteria");
        c.Property(x => x.Name).HasMaxLength(GrantsModule.MaxTitle);
        c.HasIndex(x => new { x.CallId, x.Position }).IsUnique();
    }
}

internal sealed class GrantYearBudgetConfiguration : IEntityTypeConfiguration<GrantYearBudget>
{
    public void Configure(EntityTypeBuilder<GrantYearBudget> b)
    {
        b.ToTable("GrantYearBudgets");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> a)
    {
        a.ToTable("GrantAssociations");
        a.Property(x => x.Name).HasMaxLength(GrantsModule.MaxTitle);
        a.Property(x => x.Address).HasMaxLength(500);
        a.Property(x => x.InviteCodeHash).HasMaxLength(64);
        a.HasIndex(x => x.InviteCodeHash).IsUnique();
    }
}

internal sealed class AssociationMemberConfiguration : IEntityTypeConfiguration<AssociationMember>
{
    public void Configure(EntityTypeBuilder<AssociationMember> m)
    {
        m.ToTable("GrantAssociationMembers");
        m.Property(x => x.Email).HasMaxLength(320);
        m.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        m.Ignore(x => x.OptInEmail);
        m.HasOne<Association>().WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.UserId).IsUnique();
        m.HasIndex(x => x.AssociationId);
        m.HasIndex(x => x.ConfirmTokenHash).IsUnique();
    }
}

internal sealed class GrantApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> a)
    {
        a.ToTable("GrantApplications");
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.ProjectTitle).HasMaxLength(GrantsModule.MaxTitle);
        a.Property(x => x.Description).HasMaxLength(GrantsModule.MaxText);
        a.Property(x => x.TargetGroup).HasMaxLength(GrantsModule.MaxShort);
        a.Property(x => x.ContactName).HasMaxLength(200);
        a.Property(x => x.ContactEmail).HasMaxLength(320);
        a.Property(x => x.ContactPhone).HasMaxLength(40);
        a.Property(x => x.ReceiptNumber).HasMaxLength(20);
        a.Property(x => x.MissingNote).HasMaxLength(GrantsModule.MaxShort);
        a.Property(x => x.DecisionReason).HasMaxLength(GrantsModule.MaxShort);
        a.HasOne<GrantCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<Association>().WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.DecisionAgendaItemId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.CallId, x.Status });
        // One application per association and call: a double click on "start" finds the first.
        a.HasIndex(x => new { x.AssociationId, x.CallId }).IsUnique();
        a.HasIndex(x => x.ReceiptNumber).IsUnique();
        a.HasIndex(x => new { x.Status, x.ProofDueOn });
    }
}

internal sealed class GrantBudgetLineConfiguration : IEntityTypeConfiguration<GrantBudgetLine>
{
    public void Configure(EntityTypeBuilder<GrantBudgetLine> l)
    {
        l.ToTable("GrantBudgetLines");
        l.Property(x => x.Label).HasMaxLength(GrantsModule.MaxTitle);
        l.HasIndex(x => new { x.ApplicationId, x.Position }).IsUnique();
    }
}

internal sealed class GrantFileConfiguration : IEntityTypeConfiguration<GrantFile>
{
    public void Configure(EntityTypeBuilder<GrantFile> f)
    {
        f.ToTable("GrantFiles");
        f.Property(x => x.Title).HasMaxLength(GrantsModule.MaxTitle);
        f.Property(x => x.FileName).HasMaxLength(255);
        f.Property(x => x.MediaType).HasMaxLength(100);
        f.Property(x => x.Sha512).HasMaxLength(128);
        f.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        f.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class GrantReviewConfiguration : IEntityTypeConfiguration<GrantReview>
{
    public void Configure(EntityTypeBuilder<GrantReview> r)
    {
        r.ToTable("GrantReviews");
        r.Property(x => x.Note).HasMaxLength(GrantsModule.MaxShort);
        r.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        r.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.ApplicationId, x.ReviewerId }).IsUnique();
        r.HasIndex(x => x.ReviewerId);
    }
}

internal sealed class GrantScoreConfiguration : IEntityTypeConfiguration<GrantScore>
{
    public void Configure(EntityTypeBuilder<GrantScore> s)
    {
        s.ToTable("GrantScores");
        s.HasOne<GrantCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        s.HasIndex(x => new { x.ReviewId, x.CriterionId }).IsUnique();
        s.HasIndex(x => x.CriterionId);
    }
}

internal sealed class GrantPaymentConfiguration : IEntityTypeConfiguration<GrantPayment>
{
    public void Configure(EntityTypeBuilder<GrantPayment> p)
    {
        p.ToTable("GrantPayments");
        p.Property(x => x.Note).HasMaxLength(GrantsModule.MaxShort);
        p.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class ProofOfUseConfiguration : IEntityTypeConfiguration<ProofOfUse>
{
    public void Configure(EntityTypeBuilder<ProofOfUse> p)
    {
        p.ToTable("GrantProofsOfUse");
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.Activities).HasMaxLength(GrantsModule.MaxText);
        p.Property(x => x.OfficeNote).HasMaxLength(GrantsModule.MaxShort);
        p.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => x.ApplicationId).IsUnique();
    }
}
