using System.Security.Claims;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Audit;

/// <summary>The audit log viewer's permission (docs/domain.md#audit-log).</summary>
public sealed class AuditModule : IModule
{
    public const string View = "Audit.View";

    public IReadOnlyList<PageAccess> Pages => [PageAccess.Folder("/Audit", View)];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Account, 20, "Protokoll der Änderungen", "/verwaltung/protokoll", View)];

    /// <summary>Every module's entities mark themselves audited; the DbContext writes the chained entries and seals them with the key.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(IAudited), typeof(NotAuditedAttribute), typeof(AuditEntry), typeof(AuditScope), typeof(AuditChain), typeof(AuditKey)];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<AuditCheckpointJob>(AuditCheckpointJob.Key, new("audit-checkpoint-hourly", "audit"), "Jobs:AuditCheckpoint:Cron", "0 7 * * * ?")];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder().AddPolicy(View, p => p.RequireRole(Roles.Administrator, Roles.Office, Roles.ComplaintsOffice, Roles.AssaultReportsUnit));
        services.AddHostedService<AuditKeyCheck>();
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
