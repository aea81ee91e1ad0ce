using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>The tables of the Meldungen on <see cref="AppDbContext"/> (<c>db.ServiceRequests</c>, …).</summary>
public static class ServiceRequestTables
{
    extension(AppDbContext db)
    {
        public DbSet<ServiceCategory> ServiceCategories => db.Set<ServiceCategory>();

        public DbSet<ServiceRequest> ServiceRequests => db.Set<ServiceRequest>();

        public DbSet<ServiceRequestUpdate> ServiceRequestUpdates => db.Set<ServiceRequestUpdate>();

        public DbSet<ServiceRequestPhoto> ServiceRequestPhotos => db.Set<ServiceRequestPhoto>();

        public DbSet<ServiceRequestSupport> ServiceRequestSupports => db.Set<ServiceRequestSupport>();

        public DbSet<ServiceCategoryQuestion> ServiceCategoryQuestions => db.Set<ServiceCategoryQuestion>();

        public DbSet<ServiceRequestAnswer> ServiceRequestAnswers => db.Set<ServiceRequestAnswer>();

        public DbSet<ServiceRequestAlert> ServiceRequestAlerts => db.Set<ServiceRequestAlert>();
    }
}

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> c)
    {
        c.ToTable("ServiceCategories");
        c.Property(x => x.Code).HasMaxLength(ServiceRequestsModule.MaxCodeLength);
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.Description).HasMaxLength(2000);
        c.Property(x => x.RoutingEmail).HasMaxLength(320);
        c.HasIndex(x => x.Code).IsUnique();
        c.HasOne<Organization>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<FieldOfAction>().WithMany().HasForeignKey(x => x.FieldOfActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> r)
    {
        r.ToTable("ServiceRequests");
        r.Property(x => x.ReceiptHash).HasMaxLength(64);
        r.Property(x => x.Description).HasMaxLength(ServiceRequestsModule.MaxDescriptionLength);
        r.Property(x => x.Address).HasMaxLength(ServiceRequestsModule.MaxAddressLength);
        r.Property(x => x.Status).HasMaxLength(20);
        r.Property(x => x.ForwardedTo).HasMaxLength(300);
        r.Property(x => x.ReporterName).HasMaxLength(200);
        r.Property(x => x.ReporterEmail).HasMaxLength(320);
        r.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        r.Property(x => x.HiddenReason).HasMaxLength(ServiceRequestsModule.MaxNoteLength);
        r.HasOne<ServiceCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => x.ReceiptHash).IsUnique();
        r.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        // The department queue and the public list: by category and status, newest first.
        r.HasIndex(x => new { x.CategoryId, x.Status, x.Created });
        r.HasIndex(x => new { x.DistrictId, x.Created });
        r.HasIndex(x => x.Created);
        r.HasIndex(x => x.DuplicateOfId);
        // The retention job: closed reports whose contact data is still there.
        r.HasIndex(x => new { x.PersonalDataDeletedAt, x.ClosedAt });
    }
}

internal sealed class ServiceRequestUpdateConfiguration : IEntityTypeConfiguration<ServiceRequestUpdate>
{
    public void Configure(EntityTypeBuilder<ServiceRequestUpdate> u)
    {
        u.ToTable("ServiceRequestUpdates");
        u.Property(x => x.Status).HasMaxLength(20);
        u.Property(x => x.Note).HasMaxLength(ServiceRequestsModule.MaxNoteLength);
        u.Property(x => x.ByUserId).HasMaxLength(450);
        u.Property(x => x.ByName).HasMaxLength(300);
        u.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        u.HasIndex(x => new { x.ServiceRequestId, x.At });
    }
}

internal sealed class ServiceRequestPhotoConfiguration : IEntityTypeConfiguration<ServiceRequestPhoto>
{
    public void Configure(EntityTypeBuilder<ServiceRequestPhoto> p)
    {
        p.ToTable("ServiceRequestPhotos");
        p.Property(x => x.Moderation).HasMaxLength(20);
        p.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.ServiceRequestId, x.Position }).IsUnique();
        p.HasIndex(x => x.Moderation);
    }
}

internal sealed class ServiceRequestSupportConfiguration : IEntityTypeConfiguration<ServiceRequestSupport>
{
    public void Configure(EntityTypeBuilder<ServiceRequestSupport> s)
    {
        s.ToTable("ServiceRequestSupports");
        s.Property(x => x.BrowserHash).HasMaxLength(64);
        s.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.ServiceRequestId, x.BrowserHash }).IsUnique();
    }
}

internal sealed class ServiceCategoryQuestionConfiguration : IEntityTypeConfiguration<ServiceCategoryQuestion>
{
    public void Configure(EntityTypeBuilder<ServiceCategoryQuestion> q)
    {
        q.ToTable("ServiceCategoryQuestions");
        q.Ignore(x => x.AttributeCode);
        q.Property(x => x.Kind).HasMaxLength(10);
        q.Property(x => x.Prompt).HasMaxLength(ExtraQuestions.MaxPromptLength);
        q.Property(x => x.Options).HasMaxLength(ExtraQuestions.MaxOptionsLength);
        q.HasOne<ServiceCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        q.HasIndex(x => new { x.CategoryId, x.Position });
    }
}

internal sealed class ServiceRequestAnswerConfiguration : IEntityTypeConfiguration<ServiceRequestAnswer>
{
    public void Configure(EntityTypeBuilder<ServiceRequestAnswer> a)
    {
        a.ToTable("ServiceRequestAnswers");
        a.Property(x => x.Value).HasMaxLength(ServiceRequestsModule.MaxAnswerLength);
        a.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: a question with answers is not deleted (the department still reads them).
        a.HasOne<ServiceCategoryQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.ServiceRequestId, x.QuestionId }).IsUnique();
        a.HasIndex(x => x.QuestionId);
    }
}

internal sealed class ServiceRequestAlertConfiguration : IEntityTypeConfiguration<ServiceRequestAlert>
{
    public void Configure(EntityTypeBuilder<ServiceRequestAlert> a)
    {
        a.ToTable("ServiceRequestAlerts");
        a.Property(x => x.Email).HasMaxLength(320);
        a.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        a.Property(x => x.UnsubscribeToken).HasMaxLength(64);
        a.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        a.HasIndex(x => x.UnsubscribeToken).IsUnique();
        a.HasIndex(x => new { x.Email, x.DistrictId });
    }
}
