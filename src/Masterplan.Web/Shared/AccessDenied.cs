using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Masterplan.Web.Shared;

/// <summary>
/// What a refused page needed: the roles of the policies on its endpoint, kept in the request's items so that the error page
/// re-executed for the 403 can name them ("Diese Seite ist für die Rolle „Geschäftsstelle“").
/// </summary>
public static class AccessDenied
{
    private const string Key = "mp-required-roles";

    /// <summary>Notes the roles the current endpoint's policies require, as <paramref name="label"/> names them.</summary>
    public static async Task NoteRequiredRolesAsync(HttpContext http, Func<string, string> label)
    {
        var provider = http.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var roles = new List<string>();
        foreach (var data in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
        {
            if (data.Roles is { Length: > 0 } listed)
            {
                roles.AddRange(listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            if (data.Policy is { } name && await provider.GetPolicyAsync(name) is { } policy)
            {
                roles.AddRange(policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
            }
        }

        http.Items[Key] = roles.Distinct().Select(label).Distinct().ToList();
    }

    /// <summary>The role names noted for this request (empty when the page needs something other than a role).</summary>
    public static IReadOnlyList<string> RequiredRoles(HttpContext http) => http.Items[Key] as List<string> ?? [];
}
