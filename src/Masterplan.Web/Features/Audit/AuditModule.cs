using System.Security.Claims;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Audit;

/// <summary>The audit log viewer's permission (docs/domain.md#audit-log).</summary>
public static class AuditModule
{
    public const string View = "Audit.View";

    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(View, p => p.RequireRole(Roles.Administrator, Roles.Office, Roles.ComplaintsOffice, Roles.AssaultReportsUnit));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Audit", View));
        services.AddHostedService<AuditKeyCheck>();
        return services;
    }

    /// <summary>
    /// Loads the audit key when the app starts (and creates the key file on the first start), so that a wrong
    /// <c>Audit:ChainKey</c> or an unreadable key file stops the start instead of every later write.
    /// </summary>
    private sealed class AuditKeyCheck(AuditKey key) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            key.GetOrCreate();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// The scopes a user may read: general entries for Office and Administrator; the entries about
    /// confidential cases only for their own unit — not for administrators.
    /// </summary>
    public static IReadOnlyList<AuditScope> ReadableScopes(ClaimsPrincipal user)
    {
        var scopes = new List<AuditScope>();
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Office))
        {
            scopes.Add(AuditScope.General);
        }

        if (user.IsInRole(Roles.ComplaintsOffice))
        {
            scopes.Add(AuditScope.ComplaintsOffice);
        }

        if (user.IsInRole(Roles.AssaultReportsUnit))
        {
            scopes.Add(AuditScope.AssaultReportsUnit);
        }

        return scopes;
    }
}
