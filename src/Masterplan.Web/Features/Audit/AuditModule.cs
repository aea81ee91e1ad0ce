using System.Security.Claims;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Audit;

/// <summary>The audit log viewer's permission (issue 3 §6).</summary>
public static class AuditModule
{
    public const string View = "Audit.View";

    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(View, p => p.RequireRole(Roles.Administrator, Roles.Office, Roles.ComplaintsOffice, Roles.AssaultReportsUnit));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Audit", View));
        return services;
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
