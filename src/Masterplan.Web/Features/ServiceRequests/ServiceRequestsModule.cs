using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// Meldungen: residents report defects and unsafe places (002 lines 115–116: technical faults such as broken lifts and
/// lighting; 002 lines 106–111 and 001: Angsträume), each routed to the responsible department, processed with public
/// statuses (004 §5: what residents bring in is published and evaluated). The Open311 API is a module of its own over
/// this one's <see cref="PublicApi"/>.
/// </summary>
public sealed class ServiceRequestsModule : IModule
{
    /// <summary>Department staff handle their department's reports; the Office handles all.</summary>
    public const string Handle = "ServiceRequests.Handle";

    /// <summary>The Office manages the categories and their routing.</summary>
    public const string ManageCategories = "ServiceRequests.ManageCategories";

    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string InProgress = "in-progress";
    public const string Fixed = "fixed";
    public const string Duplicate = "duplicate";
    public const string NotResponsible = "not-responsible";
    public const string Closed = "closed";

    /// <summary>Every status, in the order of the process.</summary>
    public static readonly string[] Statuses = [Open, Acknowledged, InProgress, Fixed, Duplicate, NotResponsible, Closed];

    /// <summary>Statuses that end the processing (Open311: <c>closed</c>); the retention period counts from reaching one.</summary>
    public static readonly string[] FinalStatuses = [Fixed, Duplicate, NotResponsible, Closed];

    public const string PhotoPending = "pending";
    public const string PhotoPublished = "published";
    public const string PhotoRejected = "rejected";

    public const int MaxCodeLength = 50;
    public const int MaxDescriptionLength = 4000;
    public const int MaxAddressLength = 300;
    public const int MaxNoteLength = 2000;
    public const int MaxPhotos = 3;
    public const int MaxAnswerLength = 500;

    /// <summary>A few extra questions per category: a report stays a minute's work.</summary>
    public const int MaxQuestions = 5;

    /// <summary>The Open311 attribute code of an extra question.</summary>
    public static string AttributeCode(int questionId) => "frage-" + questionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/ServiceRequests/Index"),
        PageAccess.PublicPage("/ServiceRequests/Details"),
        PageAccess.PublicPage("/ServiceRequests/Submit"),
        PageAccess.PublicPage("/ServiceRequests/Receipt"),
        PageAccess.PublicPage("/ServiceRequests/Confirm"),
        PageAccess.PublicPage("/ServiceRequests/UnsafePlaces"),
        PageAccess.PublicFolder("/ServiceRequests/Alerts"),
        PageAccess.Folder("/ServiceRequests/Manage", Handle),
        PageAccess.Folder("/ServiceRequests/Categories", ManageCategories),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
    [
        RecurringJob.Create<ServiceRequestRetentionJob>(ServiceRequestRetentionJob.Key, new("service-request-retention-hourly", "service-requests"), "Jobs:ServiceRequestRetention:Cron", "0 47 * * * ?"),
        RecurringJob.Create<ServiceRequestAlertJob>(ServiceRequestAlertJob.Key, new("service-request-alerts-daily", "service-requests"), "Jobs:ServiceRequestAlerts:Cron", "0 30 7 * * ?", inCityTime: true),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 57, "Meldungen", "/meldungen"),
        new(NavigationArea.Account, 47, "Meldungen bearbeiten", "/verwaltung/meldungen", Handle),
        new(NavigationArea.Account, 48, "Kategorien der Meldungen", "/verwaltung/meldungen/kategorien", ManageCategories),
        new(NavigationArea.TakePart, 25, "Mängel und unsichere Orte melden", "/meldungen/neu")
        {
            Description = "Eine Laterne ist aus, ein Aufzug steht still, ein Ort macht Ihnen Angst: Melden Sie es, auch ohne Namen. Die zuständige Dienststelle bearbeitet es, und Sie sehen öffentlich, was daraus wird.",
        },
    ];

    public IEnumerable<string> PrivacyNotes =>
    [
        "Meldungen veröffentlichen wir mit Kategorie, Beschreibung, Ort und Stand, nie mit Ihrem Namen oder Ihrer E-Mail-Adresse. Name und Adresse sieht nur die zuständige Dienststelle; wir löschen sie, wenn die Aufbewahrungsfrist nach dem Abschluss der Meldung endet.",
        "Aus Fotos zu Meldungen entfernen wir beim Hochladen alle eingebetteten Daten (etwa Standort und Kamera), indem wir das Bild neu speichern. Fotos erscheinen erst, wenn die Dienststelle sie geprüft hat; nicht veröffentlichte Fotos löschen wir mit den Kontaktdaten.",
        "Status-Nachrichten per E-Mail schicken wir erst, wenn Sie Ihre Adresse über den Link in unserer ersten E-Mail bestätigt haben.",
        "Für Benachrichtigungen über neue Meldungen speichern wir nur Ihre E-Mail-Adresse, den gewählten Stadtbezirk, ob Sie die Adresse bestätigt haben und bis wann wir Ihnen geschrieben haben. Unbestätigte Adressen löschen wir, wenn der Bestätigungslink abläuft; mit dem Link in jeder E-Mail melden Sie sich ab, dann löschen wir die Adresse sofort.",
        "Antworten auf Zusatzfragen einer Kategorie sieht nur die zuständige Dienststelle; wir veröffentlichen sie nie und löschen sie mit Ihren Kontaktdaten.",
    ];

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        ServiceRequestsDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceRequestOptions>().BindConfiguration("ServiceRequests");
        services.AddScoped<ServiceRequestDesk>();
        services.AddSingleton<ServiceCatalogue>();
        services.AddSingleton(ServiceCatalogue.Version);
        services.AddScoped<ServiceRequestMap>();
        services.AddScoped<CategoryEditor>();
        services.AddScoped<ServiceRequestAlerts>();
        services.AddAuthorizationBuilder().AddPolicy(Handle, p => p.RequireRole(Roles.Office, Roles.DepartmentStaff))
            .AddPolicy(ManageCategories, p => p.RequireRole(Roles.Office));
    }

    public void MapEndpoints(WebApplication app) => ServiceRequestsEndpoints.Map(app);

    public static bool IsFinal(string status) => FinalStatuses.Contains(status);

    public static string StatusLabel(string status) => status switch
    {
        Open => "offen",
        Acknowledged => "angenommen",
        InProgress => "in Bearbeitung",
        Fixed => "erledigt",
        Duplicate => "doppelt gemeldet",
        NotResponsible => "nicht zuständig, weitergeleitet",
        Closed => "geschlossen",
        _ => status,
    };

    public static string PhotoLabel(string moderation) => moderation switch
    {
        PhotoPublished => "veröffentlicht",
        PhotoRejected => "abgelehnt",
        _ => "wartet auf Prüfung",
    };

    public IEnumerable<string> TranslationLabels =>
        Statuses.Select(StatusLabel).Concat(new[] { PhotoPending, PhotoPublished, PhotoRejected }.Select(PhotoLabel))
            .Concat(ExtraQuestions.Kinds.Select(ExtraQuestions.KindLabel)).Concat([ExtraQuestions.AnswerLabel(ExtraQuestions.YesNo, ExtraQuestions.Yes), ExtraQuestions.AnswerLabel(ExtraQuestions.YesNo, ExtraQuestions.No)]);

    /// <summary>The Open311 module reads categories and reports through these; the reference data seeds the categories.</summary>
    public IReadOnlyList<Type> PublicApi =>
    [
        typeof(ServiceCategory), typeof(ServiceRequest), typeof(ServiceRequestUpdate), typeof(ServiceRequestTables), typeof(ServiceRequestsModule),
        typeof(PublicServiceRequest), typeof(PublicServiceRequests), typeof(ServiceRequestFilter), typeof(ServiceRequestDesk), typeof(ReportInput),
        typeof(PhotoUpload), typeof(ServiceRequestMap), typeof(BoundingBox), typeof(MapPoint), typeof(PhotoInfo), typeof(ServiceCategoryQuestion),
        typeof(ServiceRequestPhoto), typeof(CatalogueCategory), typeof(ServiceCatalogueSnapshot),
    ];
}
