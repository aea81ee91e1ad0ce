using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Grants;

/// <summary>
/// Förderprogramm: the grant programme for associations and initiatives with violence-prevention and anti-knife projects
/// (002 lines 141–150), paid from the masterplan's yearly budget (001): calls, applications, review, decision, payments,
/// proof of use, the public list of funded projects.
/// </summary>
public sealed class GrantsModule : IModule
{
    /// <summary>The Office runs calls, checks, decisions, payments and proofs of use.</summary>
    public const string Manage = "Grants.Manage";

    /// <summary>Reviewers: Office staff and members of a body.</summary>
    public const string Review = "Grants.Review";

    /// <summary>Persons of an association with a confirmed account.</summary>
    public const string Apply = "Grants.Apply";

    public const int MaxTitle = 200;
    public const int MaxShort = 2000;
    public const int MaxText = 8000;
    public const int MaxLines = 20;

    public static string StatusLabel(GrantStatus status) => status switch
    {
        GrantStatus.Draft => "Entwurf",
        GrantStatus.Submitted => "eingegangen",
        GrantStatus.Incomplete => "Nachforderung",
        GrantStatus.InReview => "in Bewertung",
        GrantStatus.Approved => "bewilligt",
        GrantStatus.Rejected => "abgelehnt",
        _ => "Projekt abgeschlossen",
    };

    public static string ProofLabel(ProofStatus status) => status switch
    {
        ProofStatus.Submitted => "wird geprüft",
        ProofStatus.Returned => "Rückfrage der Geschäftsstelle",
        _ => "angenommen",
    };

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Grants/Index"),
        PageAccess.PublicPage("/Grants/Call"),
        PageAccess.PublicPage("/Grants/Funded"),
        PageAccess.PublicPage("/Grants/Register"),
        PageAccess.PublicPage("/Grants/Confirm"),
        PageAccess.Folder("/Grants/Applicant", Apply),
        PageAccess.Folder("/Grants/Manage", Manage),
        PageAccess.Folder("/Grants/Reviewing", Review),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
    [
        RecurringJob.Create<GrantReminderJob>(GrantReminderJob.Key, new("grant-reminders-daily", "grants"), "Jobs:GrantReminders:Cron", "0 40 6 * * ?", inCityTime: true),
        RecurringJob.Create<GrantRetentionJob>(GrantRetentionJob.Key, new("grant-retention-daily", "grants"), "Jobs:GrantRetention:Cron", "0 50 3 * * ?", inCityTime: true),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.TakePart, 28, "Förderprogramm für Vereine", "/foerderung")
        {
            Description = "Vereine und Initiativen mit Projekten gegen Gewalt und gegen das Tragen von Messern können Geld beantragen. Hier stehen die offenen Aufrufe und die geförderten Projekte.",
        },
        new(NavigationArea.Account, 15, "Förderanträge meines Vereins", "/foerderung/antraege", Apply) { ForStaff = false },
        new(NavigationArea.Account, 51, "Förderprogramm verwalten", "/verwaltung/foerderung", Manage),
        new(NavigationArea.Account, 52, "Förderanträge bewerten", "/foerderung/bewertung", Review),
    ];

    public IEnumerable<string> PrivacyNotes =>
    [
        "Wenn ein Verein sich für das Förderprogramm registriert, speichern wir Name und Anschrift des Vereins, Namen und E-Mail-Adressen der Personen, die für ihn Anträge stellen, und die Angaben der Anträge. Öffentlich sind nur bewilligte Projekte (Verein, Projekt, Betrag, Stadtbezirke, Maßnahme). Abgelehnte Anträge löschen wir ein halbes Jahr nach der Entscheidung, die Kontaktdaten bewilligter Anträge ein Jahr nach dem angenommenen Verwendungsnachweis.",
    ];

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        GrantsDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GrantOptions>().BindConfiguration("Grants");
        services.AddScoped<GrantDesk>();
        services.AddScoped<GrantFigures>();
        services.AddScoped<IProgrammeSpending>(sp => sp.GetRequiredService<GrantFigures>());
        services.AddAuthorizationBuilder()
            .AddPolicy(Manage, p => p.RequireRole(Roles.Office))
            .AddPolicy(Review, p => p.RequireRole(Roles.Office, Roles.Member))
            .AddPolicy(Apply, p => p.RequireRole(Roles.Applicant));
    }

    public void MapEndpoints(WebApplication app) => GrantsEndpoints.Map(app);

    public IEnumerable<string> TranslationLabels => Enum.GetValues<GrantStatus>().Select(StatusLabel).Concat(Enum.GetValues<ProofStatus>().Select(ProofLabel));

    public IReadOnlyList<Type> PublicApi => [typeof(GrantsModule), typeof(GrantTables), typeof(GrantCall), typeof(GrantApplication), typeof(GrantStatus), typeof(FundedProject),
        typeof(GrantFigures), typeof(GrantYearFigures), typeof(GrantMeasureFigures)];
}
