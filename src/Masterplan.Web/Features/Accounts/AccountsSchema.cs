using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Accounts;

/// <summary>The tables of the accounts on <see cref="AppDbContext"/> (<c>db.UserSessions</c>, …).</summary>
public static class AccountsTables
{
    extension(AppDbContext db)
    {
        public DbSet<UserSession> UserSessions => db.Set<UserSession>();

        public DbSet<Invitation> Invitations => db.Set<Invitation>();

        public DbSet<LoginThrottle> LoginThrottles => db.Set<LoginThrottle>();

        public DbSet<PasswordResetRequest> PasswordResetRequests => db.Set<PasswordResetRequest>();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> u)
    {
        u.Property(x => x.DisplayName).HasMaxLength(200);
        u.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One account per person: the person page and the member feed look the account up by it.
        u.HasIndex(x => x.PersonId).IsUnique();
        u.HasOne<Organization>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> x)
    {
        x.ToTable("UserSessions");
        x.Property(s => s.Id).HasMaxLength(64);
        x.Property(s => s.UserId).HasMaxLength(450);
        x.HasIndex(s => s.UserId);
        x.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> x)
    {
        x.ToTable("Invitations");
        x.Property(i => i.TokenHash).HasMaxLength(64);
        x.HasIndex(i => i.TokenHash).IsUnique();
        x.Property(i => i.Email).HasMaxLength(320);
        x.Property(i => i.DisplayName).HasMaxLength(200);
        x.Property(i => i.Roles).HasMaxLength(300);
        x.Ignore(i => i.RoleList);
    }
}

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> x)
    {
        x.ToTable("LoginThrottles");
        x.Property(t => t.Key).HasMaxLength(64);
        x.HasIndex(t => t.Key).IsUnique();
    }
}

internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> x) => x.ToTable("PasswordResetRequests");
}
