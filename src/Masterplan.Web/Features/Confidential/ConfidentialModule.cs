using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Confidential;

/// <summary>Settings under <c>Confidential:*</c>.</summary>
public sealed class ConfidentialOptions
{
    /// <summary>PBKDF2-HMAC-SHA256 rounds of a new mailbox secret's hash (stored with the hash, so it can grow).</summary>
    public int SecretIterations { get; set; } = 600_000;

    /// <summary>Wrong secrets in a row after which a mailbox stays shut for <see cref="BlockMinutes"/>.</summary>
    public int MaxFailedOpens { get; set; } = 5;

    /// <summary>Wrong secrets or unknown numbers from one address within <see cref="BlockMinutes"/> before it is refused.</summary>
    public int MaxFailedOpensPerAddress { get; set; } = 20;

    public int BlockMinutes { get; set; } = 15;

    /// <summary>Minutes an opened mailbox stays open in the browser.</summary>
    public int MailboxMinutes { get; set; } = 30;

    /// <summary>Days after closing when a case's content is deleted (two years).</summary>
    public int RetentionDays { get; set; } = 730;

    /// <summary>Days after closing when a case's attachments are deleted (earlier than the rest).</summary>
    public int AttachmentRetentionDays { get; set; } = 90;

    /// <summary>Largest attachment in bytes.</summary>
    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Attachments with one submission or one message.</summary>
    public int MaxFiles { get; set; } = 3;
}

/// <summary>
/// Vertrauliche Kanäle (002 lines 36–39, 52–56, 182–186): the independent Beschwerdestelle with its anonymous mailbox, and
/// the reporting system for attacks on staff of the Ordnungsdienst, rescue services and volunteers with its Fachstelle.
/// Two units, one shape: <see cref="ConfidentialCase"/> with the unit's name. Content is encrypted field by field
/// (<see cref="FieldEncryption"/>); only the unit's role opens its cases (administrators cannot); every read is audited in
/// the unit's audit scope; the committee gets figures with small cells suppressed (<see cref="ConfidentialFigures"/>).
/// </summary>
public sealed class ConfidentialModule : IModule
{
    public const string Complaints = "complaints";
    public const string Assaults = "assaults";

    public static readonly string[] Units = [Complaints, Assaults];

    /// <summary>The Beschwerdestelle's policy: its cases only.</summary>
    public const string ComplaintsPolicy = "Confidential.Complaints";

    /// <summary>The Fachstelle's policy: the reports of attacks only.</summary>
    public const string AssaultsPolicy = "Confidential.Assaults";

    public const string Received = "received";
    public const string Acknowledged = "acknowledged";
    public const string InReview = "in-review";
    public const string Discussed = "discussed";
    public const string Outcome = "outcome";
    public const string Closed = "closed";

    public static readonly string[] Statuses = [Received, Acknowledged, InReview, Discussed, Outcome, Closed];

    public const string ContactMailbox = "mailbox";
    public const string ContactEmail = "email";
    public const string ContactPhone = "phone";

    public static readonly string[] ContactWays = [ContactMailbox, ContactEmail, ContactPhone];

    /// <summary>Authorities a complaint can be about.</summary>
    public static readonly string[] Authorities = ["ordnungsamt", "police", "other"];

    /// <summary>Kinds of attack.</summary>
    public static readonly string[] AttackKinds = ["verbal", "threat", "physical", "weapon", "other"];

    public static readonly string[] Services = ["ordnungsdienst", "rescue", "fire", "volunteer", "other"];

    public static readonly string[] ComplaintOutcomes = ["founded", "partly-founded", "unfounded", "settled", "not-examinable"];

    public static readonly string[] AssaultOutcomes = ["charges-pressed", "advised", "no-action", "referred"];

    /// <summary>Fields a person may agree to have passed on to the authority.</summary>
    public static readonly string[] ForwardFields = ["what", "when", "where", "details", "contact"];

    public const int MaxText = 8000;
    public const int MaxShort = 500;

    public static string UnitLabel(string unit) => unit == Complaints ? "Beschwerdestelle" : "Fachstelle Gewalt gegen Einsatzkräfte";

    public static string UnitPath(string unit) => unit == Complaints ? "/verwaltung/beschwerdestelle" : "/verwaltung/fachstelle-uebergriffe";

    public static string Role(string unit) => unit == Complaints ? Roles.ComplaintsOffice : Roles.AssaultReportsUnit;

    public static AuditScope Scope(string unit) => unit == Complaints ? AuditScope.ComplaintsOffice : AuditScope.AssaultReportsUnit;

    public static string[] KindsOf(string unit) => unit == Complaints ? Authorities : AttackKinds;

    public static string[] OutcomesOf(string unit) => unit == Complaints ? ComplaintOutcomes : AssaultOutcomes;

    public static string StatusLabel(string status) => status switch
    {
        Received => "eingegangen",
        Acknowledged => "Eingang bestätigt",
        InReview => "in Prüfung",
        Discussed => "mit der Behörde besprochen",
        Outcome => "Ergebnis mitgeteilt",
        _ => "Fall abgeschlossen",
    };

    public static string KindLabel(string kind) => kind switch
    {
        "ordnungsamt" => "Ordnungsamt / Kommunaler Ordnungsdienst",
        "police" => "Polizei",
        "verbal" => "Beleidigung oder Beschimpfung",
        "threat" => "Bedrohung",
        "physical" => "körperlicher Angriff",
        "weapon" => "Angriff mit Waffe oder Gegenstand",
        _ => "anderes",
    };

    public static string ServiceLabel(string service) => service switch
    {
        "ordnungsdienst" => "Kommunaler Ordnungsdienst",
        "rescue" => "Rettungsdienst",
        "fire" => "Feuerwehr",
        "volunteer" => "Ehrenamt",
        _ => "anderer Dienst",
    };

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        "founded" => "begründet",
        "partly-founded" => "teilweise begründet",
        "unfounded" => "nicht begründet",
        "settled" => "im Gespräch geklärt",
        "not-examinable" => "nicht prüfbar",
        "charges-pressed" => "Anzeige erstattet",
        "advised" => "beraten",
        "no-action" => "keine weiteren Schritte gewünscht",
        _ => "an eine andere Stelle verwiesen",
    };

    public static string ContactLabel(string way) => way switch
    {
        ContactMailbox => "nur über das anonyme Postfach",
        ContactEmail => "auch per E-Mail",
        _ => "auch per Telefon",
    };

    public static string ForwardFieldLabel(string field) => field switch
    {
        "what" => "was geschehen ist",
        "when" => "wann",
        "where" => "wo",
        "details" => "die weiteren Angaben",
        _ => "meine Kontaktdaten",
    };

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Confidential/Index"),
        PageAccess.PublicPage("/Confidential/Complaint"),
        PageAccess.PublicPage("/Confidential/Assault"),
        PageAccess.PublicPage("/Confidential/Receipt"),
        PageAccess.PublicPage("/Confidential/Mailbox"),
        PageAccess.PublicPage("/Confidential/Figures"),
        PageAccess.Folder("/Confidential/Complaints", ComplaintsPolicy),
        PageAccess.Folder("/Confidential/Assaults", AssaultsPolicy),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
    [
        RecurringJob.Create<ConfidentialDeadlineJob>(ConfidentialDeadlineJob.Key, new("confidential-deadlines-daily", "confidential"), "Jobs:ConfidentialDeadlines:Cron", "0 0 7 * * ?", inCityTime: true),
        RecurringJob.Create<ConfidentialRetentionJob>(ConfidentialRetentionJob.Key, new("confidential-retention-daily", "confidential"), "Jobs:ConfidentialRetention:Cron", "0 30 3 * * ?", inCityTime: true),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Account, 51, "Fälle der Beschwerdestelle", UnitPath(Complaints), ComplaintsPolicy),
        new(NavigationArea.Account, 52, "Meldungen der Fachstelle Gewalt gegen Einsatzkräfte", UnitPath(Assaults), AssaultsPolicy),
        new(NavigationArea.TakePart, 40, "Vertraulich beschweren oder einen Übergriff melden", "/vertraulich")
        {
            Description = "Die unabhängige Beschwerdestelle hört Ihnen vertraulich zu, wenn Sie sich über Ordnungsamt oder Polizei beschweren wollen. Einsatzkräfte melden hier Angriffe. Anonym, mit einem Postfach für Antworten.",
        },
    ];

    public IEnumerable<string> PrivacyNotes =>
    [
        "Beschwerden an die Beschwerdestelle und Meldungen von Übergriffen speichern wir verschlüsselt. Lesen kann sie nur die zuständige Stelle, nicht die Administration. Wir speichern keine IP-Adresse, keinen Browser und keine Uhrzeit der Einsendung, nur den Tag. Das Geheimwort Ihres Postfachs speichern wir nur als Prüfwert. Zwei Jahre nach dem Abschluss löschen wir den Inhalt, Anhänge schon nach drei Monaten.",
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConfidentialOptions>().BindConfiguration("Confidential");
        services.AddSingleton<FieldEncryption>();
        services.AddSingleton<MailboxThrottle>();
        services.AddScoped<CaseDesk>();
        services.AddScoped<ConfidentialFigures>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ComplaintsPolicy, p => p.RequireRole(Roles.ComplaintsOffice))
            .AddPolicy(AssaultsPolicy, p => p.RequireRole(Roles.AssaultReportsUnit));
    }

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) => ConfidentialDemo.SeedAsync(services, ct);

    public IEnumerable<string> TranslationLabels =>
        Units.Select(UnitLabel).Concat(Statuses.Select(StatusLabel)).Concat(Authorities.Concat(AttackKinds).Select(KindLabel)).Concat(Services.Select(ServiceLabel))
            .Concat(ComplaintOutcomes.Concat(AssaultOutcomes).Select(OutcomeLabel)).Concat(ContactWays.Select(ContactLabel)).Concat(ForwardFields.Select(ForwardFieldLabel))
            .Concat(ConfidentialFigures.TableTitles);

    /// <summary>The reports module reads the committee's figures, already suppressed; the command-line tool rotates the keys.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(ConfidentialFigures), typeof(FigureTable), typeof(FigureRow), typeof(ConfidentialKeys)];
}
