using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared.Mail;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDatabase();
builder.Services.AddPlatformShell();
builder.Services.AddMail();
builder.Services.AddAccounts();
builder.Services.AddAudit();
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddCatalogue();
builder.Services.AddOrganizations();
builder.Services.AddMeetings();
builder.Services.AddReports();
builder.Services.AddLabs();

DocumentLicensing.ChoosePdfLicense(builder.Configuration);
var app = builder.Build();
try
{
    await DatabaseSetup.PrepareDatabaseAsync(app.Services, migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true), seed: true);
    app.UsePlatformShell();
    app.UseAccounts();
    app.MapAccounts();
    app.MapOrganizationsApi();
    app.MapSeatAllocationApi();
    app.MapMembershipsApi();
    app.MapCatalogueApi();
    app.MapDistrictsApi();
    app.MapPapersApi();
    app.MapMeetings();
    app.MapPlatformEndpoints();
    app.MapTelemetry();
}
catch (StartupException e)
{
    // One line that says what to fix; no stack trace (issue 2, "Bad input").
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public for the in-process test host.</summary>
public partial class Program;
