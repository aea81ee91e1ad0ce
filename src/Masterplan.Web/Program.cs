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
    // Start-up on two cores (cold start ≤ 3 s, docs/domain.md#performance-targets): one migrates the database and loads the reference data;
    // the other maps and builds the endpoints and, once the schema exists, creates the job scheduler and loads
    // the data-protection key ring. The server starts when both are done.
    var schema = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var database = Task.Run(() => DatabaseSetup.PrepareDatabaseAsync(
        app.Services, migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true), seed: true, schemaReady: schema));
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
    app.BuildEndpoints();
    if (await Task.WhenAny(schema.Task, database) == schema.Task)
    {
        await app.CreateSchedulerAsync();
        app.LoadKeyRing(); // on SQLite, a first key waits for the reference data's write transaction
    }

    await database;
}
catch (StartupException e)
{
    // One line that says what to fix; no stack trace (docs/domain.md#operations).
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public for the in-process test host.</summary>
public partial class Program;
