using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>Settings under <c>ProtectivePlaces:*</c>.</summary>
public sealed class ProtectivePlaceOptions
{
    /// <summary>A venue stays listed this many months after approval or its last re-confirmation (002 lines 126–130).</summary>
    public int ReconfirmMonths { get; set; } = 12;

    /// <summary>The re-confirmation link is mailed this many days before the listing ends.</summary>
    public int ReminderDays { get; set; } = 30;

    /// <summary>Days the e-mail confirmation link of a sign-up is valid.</summary>
    public int ConfirmLinkDays { get; set; } = 7;

    /// <summary>Days a lapsed or declined venue's contact data is kept (to answer questions), then deleted.</summary>
    public int ContactRetentionDays { get; set; } = 90;
}

/// <summary>
/// Schutzorte: one public, accessible list and map of places where people find help now — the Dortmund Guides' base that
/// is a Schutzraum at night (002 lines 117–122), help points at large city events with counselling services and the
/// police (002 lines 123–125), "Luisa ist hier" and "Wo geht's hier nach Panama?" venues with campaign material for private
/// bars, clubs and cultural venues (002 lines 126–130), counselling services (002 lines 131–133) — and the venues' sign-up.
/// </summary>
public sealed class ProtectivePlacesModule : IModule
{
    /// <summary>The Office keeps places, hours, events, venues and material orders.</summary>
    public const string Manage = "ProtectivePlaces.Manage";

    public const string GuidesBase = "guides-base";
    public const string EventHelpPoint = "event-help";
    public const string VenueKind = "venue";
    public const string Counselling = "counselling";
    public const string Police = "police";
    public const string Other = "other";

    public static readonly string[] Kinds = [GuidesBase, EventHelpPoint, VenueKind, Counselling, Police, Other];

    public static readonly string[] VenueKinds = ["bar", "club", "culture", "other"];

    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Declined = "declined";
    public const string Lapsed = "lapsed";
    public const string Left = "left";

    public static readonly string[] VenueStatuses = [Pending, Approved, Declined, Lapsed, Left];

    public const int MaxNameLength = 200;
    public const int MaxHelpLength = 2000;
    public const int MaxMaterial = 500;

    public static string KindLabel(string kind) => kind switch
    {
        GuidesBase => "Anlaufstelle der Dortmund Guides",
        EventHelpPoint => "Anlaufstelle bei einer Großveranstaltung",
        VenueKind => "„Luisa ist hier“ / „Wo geht's hier nach Panama?“",
        Counselling => "Beratungsstelle",
        Police => "Polizeiwache",
        _ => "anderer Ort",
    };

    public static string VenueKindLabel(string kind) => kind switch
    {
        "bar" => "Bar oder Kneipe",
        "club" => "Club",
        "culture" => "Kultureinrichtung",
        _ => "anderer Ort",
    };

    public static string VenueStatusLabel(string status) => status switch
    {
        Pending => "wartet auf Prüfung",
        Approved => "freigegeben",
        Declined => "abgelehnt",
        Lapsed => "nicht bestätigt, ausgeblendet",
        _ => "ausgeschieden",
    };

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/ProtectivePlaces/Index"),
        PageAccess.PublicPage("/ProtectivePlaces/Details"),
        PageAccess.PublicPage("/ProtectivePlaces/Print"),
        PageAccess.PublicPage("/ProtectivePlaces/SignUp"),
        PageAccess.PublicPage("/ProtectivePlaces/Received"),
        PageAccess.PublicPage("/ProtectivePlaces/Confirm"),
        PageAccess.PublicPage("/ProtectivePlaces/Reconfirm"),
        PageAccess.Folder("/ProtectivePlaces/Manage", Manage),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<VenueReconfirmationJob>(VenueReconfirmationJob.Key, new("venue-reconfirmation-daily", "protective-places"), "Jobs:VenueReconfirmation:Cron", "0 15 6 * * ?", inCityTime: true)];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 58, "Schutzorte", "/schutzorte"),
        new(NavigationArea.Account, 49, "Schutzorte verwalten", "/verwaltung/schutzorte", Manage),
        new(NavigationArea.TakePart, 27, "Ihr Lokal als Schutzort", "/schutzorte/mitmachen")
        {
            Description = "Bars, Clubs und Kultureinrichtungen machen bei „Luisa ist hier“ und „Wo geht's hier nach Panama?“ mit: Melden Sie Ihr Haus an und bestellen Sie Plakate und Aufkleber.",
        },
    ];

    public IEnumerable<string> PrivacyNotes =>
    [
        "Wenn ein Lokal sich als Schutzort anmeldet, speichern wir den Namen und die E-Mail-Adresse der Ansprechperson und wer geschult wurde. Das sieht nur die Geschäftsstelle; öffentlich sind nur Name, Adresse und Angebot des Lokals. Wir löschen die Kontaktdaten, wenn das Lokal ausscheidet, und drei Monate nachdem es abgelehnt oder nicht mehr bestätigt wurde.",
    ];

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        ProtectivePlacesDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectivePlaceOptions>().BindConfiguration("ProtectivePlaces");
        services.AddSingleton(PlaceSnapshots.Version);
        services.AddSingleton<PlaceSnapshots>();
        services.AddScoped<PlaceFinder>();
        services.AddScoped<PlaceEditor>();
        services.AddScoped<VenueDesk>();
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Roles.Office));
    }

    public void MapEndpoints(WebApplication app) => ProtectivePlacesEndpoints.Map(app);

    public IEnumerable<string> TranslationLabels =>
        Kinds.Select(KindLabel).Concat(VenueKinds.Select(VenueKindLabel)).Concat(VenueStatuses.Select(VenueStatusLabel))
            .Concat(OpeningHours.Week.Select(OpeningHours.DayName));

    public IReadOnlyList<Type> PublicApi => [typeof(ProtectivePlacesModule), typeof(ProtectivePlaceTables), typeof(ProtectivePlace), typeof(PlaceEvent)];
}
