using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>Settings under <c>Enforcement:*</c>.</summary>
public sealed class EnforcementOptions
{
    /// <summary>Days after an incident within which a lead signs its use-of-force record off.</summary>
    public int SignOffDays { get; set; } = 7;

    /// <summary>Days after which the person-related free text (reasons, descriptions, feedback text) is deleted.</summary>
    public int RetentionDays { get; set; } = 180;
}

/// <summary>
/// Transparenz im Ordnungsdienst (002 lines 74–77, 82–86, 92–102): stop receipts (Kontrollquittungen) that the person can
/// read and answer anonymously with a code, use-of-force and bodycam records signed off by the lead, and the committee's
/// figures and periodic report, all as a by-product of the officers' daily entries. Officer identities (service number,
/// name) are shown only to the lead; figures use a pseudonym, and every public count hides small cells.
/// </summary>
public sealed class EnforcementModule : IModule
{
    /// <summary>Field officers: their own receipts and records.</summary>
    public const string FieldPolicy = "Enforcement.Field";

    /// <summary>The lead: every record with the officers' identities, sign-off, the committee report.</summary>
    public const string LeadPolicy = "Enforcement.Lead";

    public const int MaxReason = 200;
    public const int MaxText = 2000;
    public const int MaxSection = 20000;

    /// <summary>Kinds of measure.</summary>
    public static readonly string[] Kinds = ["identity-check", "platzverweis", "warning", "fine", "other"];

    public static readonly string[] LegalBases = ["obg-polg-12", "obg-polg-34", "owig-56", "obg-14", "ordinance", "other"];

    public static readonly string[] Outcomes = ["none", "warning-fee", "report", "police", "other"];

    public static readonly string[] BatonUses = ["none", "drawn", "threatened", "used"];

    public static readonly string[] Fairness = ["fair", "partly", "unfair"];

    public static readonly string[] CheckedBecause = ["behaviour", "place", "appearance", "dont-know", "other"];

    public static string KindLabel(string kind) => kind switch
    {
        "identity-check" => "Identitätsfeststellung",
        "platzverweis" => "Platzverweis",
        "warning" => "Ermahnung",
        "fine" => "Verwarnungs- oder Bußgeld",
        _ => "andere Maßnahme",
    };

    public static string LegalBasisLabel(string basis) => basis switch
    {
        "obg-polg-12" => "§ 24 OBG NRW mit § 12 PolG NRW (Identitätsfeststellung)",
        "obg-polg-34" => "§ 24 OBG NRW mit § 34 PolG NRW (Platzverweis)",
        "owig-56" => "§ 56 OWiG (Verwarnung)",
        "obg-14" => "§ 14 OBG NRW (Gefahrenabwehr)",
        "ordinance" => "Ordnungsbehördliche Verordnung der Stadt Dortmund",
        _ => "andere Rechtsgrundlage",
    };

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        "none" => "keine weitere Maßnahme",
        "warning-fee" => "Verwarnungsgeld",
        "report" => "Anzeige",
        "police" => "an die Polizei übergeben",
        _ => "anderes Ergebnis",
    };

    public static string BatonLabel(string use) => use switch
    {
        "none" => "kein Einsatzmehrzweckstock",
        "drawn" => "Einsatzmehrzweckstock gezogen",
        "threatened" => "Einsatz des Stocks angedroht",
        _ => "Einsatzmehrzweckstock eingesetzt",
    };

    public static string FairnessLabel(string fairness) => fairness switch
    {
        "fair" => "fair behandelt",
        "partly" => "teils fair behandelt",
        _ => "nicht fair behandelt",
    };

    public static string CheckedBecauseLabel(string why) => why switch
    {
        "behaviour" => "wegen meines Verhaltens",
        "place" => "wegen des Ortes",
        "appearance" => "wegen meines Aussehens oder meiner Herkunft",
        "dont-know" => "ich weiß es nicht",
        _ => "aus einem anderen Grund",
    };

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Enforcement/Receipt"),
        PageAccess.PublicPage("/Enforcement/Figures"),
        PageAccess.Folder("/Enforcement/Field", FieldPolicy),
        PageAccess.Folder("/Enforcement/Lead", LeadPolicy),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
    [
        RecurringJob.Create<EnforcementReminderJob>(EnforcementReminderJob.Key, new("enforcement-signoff-daily", "enforcement"), "Jobs:EnforcementSignOff:Cron", "0 15 7 * * ?", inCityTime: true),
        RecurringJob.Create<EnforcementRetentionJob>(EnforcementRetentionJob.Key, new("enforcement-retention-daily", "enforcement"), "Jobs:EnforcementRetention:Cron", "0 45 3 * * ?", inCityTime: true),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Account, 53, "Ordnungsdienst: Kontrolle oder Einsatz erfassen", "/ordnungsdienst", FieldPolicy),
        new(NavigationArea.Account, 54, "Ordnungsdienst: Einsätze prüfen und Bericht an den Ausschuss", "/verwaltung/ordnungsdienst", LeadPolicy),
    ];

    public IEnumerable<string> PrivacyNotes =>
    [
        "Kontrollquittungen des Ordnungsdienstes: Wir speichern Zeit, Ort, Art der Maßnahme, Rechtsgrundlage, Ergebnis und den Grund in wenigen Worten, aber nichts über die kontrollierte Person – keinen Namen, keine Herkunft, keine Religion. Den Code der Quittung speichern wir nur als Prüfwert. Ihre Rückmeldung ist anonym: Wir speichern nur den Tag, keine IP-Adresse. Freitexte (Grund der Kontrolle, Beschreibungen von Einsätzen, Ihre Rückmeldung) löschen wir nach der eingestellten Frist (standardmäßig 180 Tage); die Zählungen bleiben. Dienstnummer und Name der Einsatzkraft sieht nur die Leitung; in Zahlen steht ein Pseudonym.",
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnforcementOptions>().BindConfiguration("Enforcement");
        services.AddScoped<EnforcementDesk>();
        services.AddScoped<EnforcementFigures>();
        services.AddAuthorizationBuilder()
            .AddPolicy(FieldPolicy, p => p.RequireRole(Roles.FieldOfficer))
            .AddPolicy(LeadPolicy, p => p.RequireRole(Roles.EnforcementLead));
    }

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) => EnforcementDemo.SeedAsync(services, ct);

    public IEnumerable<string> TranslationLabels =>
        Kinds.Select(KindLabel).Concat(LegalBases.Select(LegalBasisLabel)).Concat(Outcomes.Select(OutcomeLabel)).Concat(BatonUses.Select(BatonLabel))
            .Concat(Fairness.Select(FairnessLabel)).Concat(CheckedBecause.Select(CheckedBecauseLabel)).Concat(EnforcementFigures.Labels);

    /// <summary>The reports module reads the figures of a period, already suppressed.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(EnforcementFigures), typeof(EnforcementFigureSet), typeof(ShareRow)];
}
