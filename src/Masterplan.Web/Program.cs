using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Enforcement;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Features.Home;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.OParl;
using Masterplan.Web.Features.Open311;
using Masterplan.Web.Features.OpenData;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;

return await PlatformHost.RunAsync(args, Program.Modules);

/// <summary>Entry point; public for the in-process test host.</summary>
public partial class Program
{
    /// <summary>
    /// Every module of the platform; a new module is one more line. They register in this order, and add their demo
    /// data in it (a module may use the demo data of those above it). See docs/architecture.md, "Adding a module".
    /// </summary>
    public static IReadOnlyList<IModule> Modules { get; } =
    [
        new HomeModule(),
        new AccountsModule(),
        new AuditModule(),
        new JobsModule(),
        new OrganizationsModule(),
        new CatalogueModule(),
        new DistrictsModule(),
        new GeoModule(),
        new MeetingsModule(),
        new PapersModule(),
        new ReportsModule(),
        new LabsModule(),
        new ParticipationModule(),
        new ServiceRequestsModule(),
        new ProtectivePlacesModule(),
        new ConfidentialModule(),
        new EnforcementModule(),
        new GrantsModule(),
        new OParlModule(),
        new Open311Module(),
        new OpenDataModule(),
    ];
}
