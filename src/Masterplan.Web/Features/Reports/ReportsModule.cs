using Masterplan.Web.Features.Accounts;

namespace Masterplan.Web.Features.Reports;

public static class ReportsModule
{
    /// <summary>Reports hold non-public measures: the Office prepares them (members get them as meeting documents).</summary>
    public const string Prepare = "Reports.Prepare";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<StatusOverview>();
        services.AddAuthorizationBuilder().AddPolicy(Prepare, p => p.RequireRole(Roles.Office));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Reports", Prepare));
        return services;
    }
}
