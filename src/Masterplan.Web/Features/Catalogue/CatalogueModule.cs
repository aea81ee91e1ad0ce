using Microsoft.AspNetCore.Http.HttpResults;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>The catalogue of fields of action with its measures, indicators and milestones.</summary>
public sealed class CatalogueModule : IModule
{
    /// <summary>The Office changes the catalogue.</summary>
    public const string Edit = "Catalogue.Edit";

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Catalogue/Index"),
        PageAccess.PublicPage("/Catalogue/Changes"),
        PageAccess.PublicPage("/Catalogue/MeasureList"),
        PageAccess.PublicPage("/Catalogue/MeasureDetails"),
        PageAccess.PublicPage("/Catalogue/IndicatorList"),
        PageAccess.PublicPage("/Catalogue/IndicatorDetails"),
        PageAccess.PublicPage("/Catalogue/BodySituation"),
        PageAccess.Folder("/Catalogue/Manage", Edit),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<MilestoneReminderJob>(MilestoneReminderJob.Key, MilestoneReminderJob.Daily, "Jobs:MilestoneReminders:Cron", "0 0 7 * * ?", inCityTime: true)];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 10, "Handlungsfelder", "/handlungsfelder"),
        new(NavigationArea.Account, 60, "Handlungsfelder bearbeiten", "/verwaltung/handlungsfelder", Edit),
        new(NavigationArea.Account, 70, "Maßnahmen verwalten", "/massnahmen", Edit)
        {
            Children = [new(NavigationArea.Account, 0, "Maßnahme anlegen", "/verwaltung/massnahmen/bearbeiten"), new(NavigationArea.Account, 0, "Import aus Masterplan 1.0", "/verwaltung/massnahmen/import")],
        },
        new(NavigationArea.Account, 80, "Meilensteine: überfällig und bald fällig", "/verwaltung/meilensteine", Edit),
        new(NavigationArea.Account, 85, "Budget des Masterplans", "/verwaltung/programmbudget", Edit),
        new(NavigationArea.Account, 90, "Kennzahlen verwalten", "/kennzahlen", Edit)
        {
            Children = [new(NavigationArea.Account, 0, "Kennzahl anlegen", "/verwaltung/kennzahlen/bearbeiten")],
        },
    ];

    public IEnumerable<string> TranslationLabels => ((IEnumerable<string>)["Handlungsfelder", "Maßnahmen"]).Concat(Enum.GetValues<CatalogueChangeKind>().Select(Label).Concat(Enum.GetValues<CatalogueSourceKind>().Select(Label)).Concat(Enum.GetValues<MeasureStatus>().Select(Measures.StatusLabel)).Concat(Enum.GetValues<BodyGoalState>().Select(BodyTargets.StateLabel)));

    /// <summary>
    /// Meetings and labs link fields of action and measures; labs turn recommendations into measures; reports read the
    /// tree, the measures, their milestones and indicators.
    /// </summary>
    public IReadOnlyList<Type> PublicApi =>
    [
        typeof(CatalogueModule), typeof(FieldOfAction), typeof(CatalogueTree), typeof(CatalogueNode), typeof(NodeProgress), typeof(CatalogueChange),
        typeof(CatalogueEditor), typeof(ChangeSource), typeof(CatalogueSourceKind), typeof(ProgrammeBudget), typeof(ProgrammeYearView), typeof(ProgrammeBookingView),
        typeof(Measure), typeof(Measures), typeof(MeasureInput), typeof(MeasureStatus), typeof(MeasureStatusUpdate), typeof(Milestone),
        typeof(Indicator), typeof(Indicators), typeof(IndicatorAssessment),
        typeof(BodyTargets), typeof(BodyTargetsView), typeof(BodyGoalView), typeof(BodyGoal), typeof(BodyGoalState), typeof(BodyMilestone), typeof(BodyReport),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchSource<FieldOfActionSearch>();
        services.AddSearchSource<MeasureSearch>();
        services.AddLinkTargets<MeasureLinks>();
        services.AddScoped<CatalogueTree>();
        services.AddScoped<ProgrammeBudget>();
        services.AddScoped<CatalogueEditor>();
        services.AddScoped<Measures>();
        services.AddScoped<Indicators>();
        services.AddScoped<Milestones>();
        services.AddScoped<BodyTargets>();
        services.AddScoped<MasterplanOneImport>();
        services.AddAuthorizationBuilder().AddPolicy(Edit, p => p.RequireRole(Masterplan.Web.Features.Accounts.Roles.Office));
    }

    public void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/catalogue").WithTags("Catalogue").AllowAnonymous();
        api.MapGet("/", async Task<Results<Ok<IReadOnlyList<CatalogueNode>>, ValidationProblem>> (DateOnly? asOf, CatalogueTree tree, HttpContext http, CancellationToken ct) =>
                Shared.DateInput.Check(asOf) is { } outOfRange
                    ? Shared.OutcomeAdapters.Invalid(http, [new Shared.FieldError("AsOf", outOfRange)], "Das Datum liegt außerhalb des erlaubten Bereichs.")
                    : TypedResults.Ok(asOf is { } day ? await tree.LoadAsOfAsync(IndexModel.EndOfDay(day), ct) : await tree.LoadAsync(ct)))
            .WithSummary("The catalogue of fields of action (Handlungsfelder) as a numbered tree; with asOf=YYYY-MM-DD as it stood at the end of that day.");
        app.MapCatalogueWrites();
        app.MapMeasuresApi();
        app.MapIndicatorsApi();
    }

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        CatalogueDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public static string Label(CatalogueChangeKind kind) => kind switch
    {
        CatalogueChangeKind.Added => "neu",
        CatalogueChangeKind.Renamed => "umbenannt",
        CatalogueChangeKind.Moved => "verschoben",
        CatalogueChangeKind.Merged => "zusammengeführt",
        _ => "aufgehoben",
    };

    public static string Label(CatalogueSourceKind kind) => kind switch
    {
        CatalogueSourceKind.Document => "Dokument",
        CatalogueSourceKind.MeetingDecision => "Beschluss einer Sitzung",
        CatalogueSourceKind.LabRecommendation => "Empfehlung eines Quartierslabors",
        CatalogueSourceKind.WorkingGroup => "Arbeitsgruppe",
        CatalogueSourceKind.SteeringCircleReview => "Prüfung durch den Lenkungskreis",
        _ => "Freitext",
    };
}
