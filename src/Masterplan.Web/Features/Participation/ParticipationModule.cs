using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Participation;

/// <summary>Settings of the residents' digital input (<c>Participation:*</c>).</summary>
public sealed class ParticipationOptions
{
    /// <summary>Days a double opt-in link stays valid.</summary>
    public int ConfirmLinkDays { get; set; } = 7;
}

/// <summary>
/// Residents' digital input (Beteiligung): calls for input by the Office, contributions, moderation, official answers
/// and the chain from a contribution to what took it up. 004 §5: the input is published and evaluated; 004 §2 and
/// 001 §I: the catalogue grows from what residents bring in.
/// </summary>
public sealed class ParticipationModule : IModule
{
    /// <summary>The Office creates calls, moderates and answers.</summary>
    public const string Manage = "Participation.Manage";

    public const int MaxTextLength = 4000;

    public const int PageSize = 50;

    public const string PreModeration = "pre";
    public const string PostModeration = "post";

    public const string Pending = "pending";
    public const string Published = "published";
    public const string Rejected = "rejected";

    public const string Received = "received";
    public const string InReview = "in-review";
    public const string TakenUp = "taken-up";
    public const string NotTakenUp = "not-taken-up";
    public const string Done = "done";

    public const string TakenUpByLabRecommendation = "lab-recommendation";
    public const string TakenUpByMeasure = "measure";
    public const string TakenUpByBodyRecommendation = "body-recommendation";
    public const string TakenUpByAgendaItem = "agenda-item";

    public static readonly string[] TakenUpKinds = [TakenUpByLabRecommendation, TakenUpByBodyRecommendation, TakenUpByAgendaItem, TakenUpByMeasure];

    public const string FreeTextQuestion = ExtraQuestions.FreeText;
    public const string ChoiceQuestion = ExtraQuestions.Choice;

    public static readonly string[] QuestionKinds = [FreeTextQuestion, ChoiceQuestion];

    public const int MaxAnswerLength = 1000;

    /// <summary>At most this many extra questions per call: a contribution stays a few minutes' work.</summary>
    public const int MaxQuestions = 10;

    /// <summary>The evaluation of a published contribution, in order.</summary>
    public static readonly string[] Statuses = [Received, InReview, TakenUp, NotTakenUp, Done];

    public static readonly string[] ModerationModes = [PreModeration, PostModeration];

    /// <summary>A call that belongs to a Quartierslabor: the input of its concept's digital part (004 §5).</summary>
    public const string BelongsToLab = "lab";

    public static readonly string[] BelongsToKinds = [BelongsToLab, "field", "body", "topic"];

    /// <summary>The published netiquette: a rejection names one of these rules (code, German text).</summary>
    public static readonly (string Code, string Text)[] NetiquetteReasons =
    [
        ("insult", "Der Beitrag beleidigt, bedroht oder verunglimpft Menschen."),
        ("discrimination", "Der Beitrag diskriminiert Menschen, etwa wegen Herkunft, Religion, Geschlecht, Behinderung oder sexueller Identität."),
        ("personal-data", "Der Beitrag enthält persönliche Daten anderer, die sich nicht unkenntlich machen lassen."),
        ("advertising", "Der Beitrag wirbt für Produkte, Dienste oder Parteien."),
        ("off-topic", "Der Beitrag gehört nicht zur Frage dieser Beteiligung."),
        ("illegal", "Der Beitrag ruft zu Straftaten auf oder ist strafbar."),
        ("duplicate", "Der Beitrag wiederholt wörtlich einen anderen Beitrag."),
    ];

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Participation/Index"),
        PageAccess.PublicPage("/Participation/Details"),
        PageAccess.PublicPage("/Participation/Submit"),
        PageAccess.PublicPage("/Participation/Receipt"),
        PageAccess.PublicPage("/Participation/Confirm"),
        PageAccess.PublicPage("/Participation/Chain"),
        PageAccess.PublicPage("/Participation/HowTo"),
        PageAccess.PublicPage("/Participation/MeasureChain"),
        PageAccess.Folder("/Participation/Manage", Manage),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<ParticipationRetentionJob>(ParticipationRetentionJob.Key, new("participation-retention-hourly", "participation"), "Jobs:ParticipationRetention:Cron", "0 41 * * * ?")];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 55, "Beteiligung", "/beteiligung"),
        new(NavigationArea.Account, 45, "Beteiligungen verwalten", "/verwaltung/beteiligung", Manage)
        {
            Children = [new(NavigationArea.Account, 0, "Beteiligung anlegen", "/verwaltung/beteiligung/bearbeiten")],
        },
        new(NavigationArea.TakePart, 20, "Ideen und Hinweise geben", "/beteiligung")
        {
            Description = "Die Stadt fragt zu bestimmten Themen nach Ihrer Meinung. Sie schreiben Ihren Beitrag, auch ohne Namen; die Stadt veröffentlicht ihn, antwortet und zeigt, was daraus geworden ist.",
        },
    ];

    public IEnumerable<string> TranslationLabels =>
        Statuses.Select(StatusLabel)
            .Concat(ModerationModes.Select(ModeLabel))
            .Concat(new[] { Pending, Published, Rejected }.Select(ModerationLabel))
            .Concat(BelongsToKinds.Select(KindLabel))
            .Concat(TakenUpKinds.Select(TakenUpLabel))
            .Concat(QuestionKinds.Select(QuestionKindLabel))
            .Concat(["Teilnehmende des Quartierslabors", "Geschäftsstelle"])
            .Concat(NetiquetteReasons.Select(r => r.Text));

    /// <summary>The catalogue names the contributions behind a measure; labs link their concept to their input calls.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(TakenUp), typeof(Contribution), typeof(InputCall)];

    public IEnumerable<string> PrivacyNotes =>
    [
        "Beiträge zur Beteiligung veröffentlichen wir mit dem Namen, den Sie angeben, sonst als „anonym“. Persönliche Daten anderer machen wir vor dem Veröffentlichen unkenntlich; das Original sieht nur die Geschäftsstelle, und es wird gelöscht, wenn die Aufbewahrungsfrist der Beteiligung endet.",
        "Eine E-Mail-Adresse speichern wir nur, wenn Sie eine Antwort auf Ihren Beitrag möchten. Wir veröffentlichen sie nie, schreiben Ihnen erst nach Ihrer Bestätigung und löschen sie, wenn die Aufbewahrungsfrist der Beteiligung endet (sie steht auf dem Formular).",
        "Wenn Sie einen Beitrag mit „Ich auch“ unterstützen, setzt die Seite ein Cookie mit einer Zufallszahl, damit jeder Beitrag pro Browser nur einmal zählt. Gespeichert wird nur ein Prüfwert dieser Zahl, nichts über Sie.",
    ];

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        ParticipationDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ParticipationOptions>().BindConfiguration("Participation");
        services.AddScoped<Contributions>();
        services.AddScoped<CallQuestions>();
        services.AddScoped<Evaluation>();
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Roles.Office));
    }

    public void MapEndpoints(WebApplication app) => ParticipationApi.Map(app);

    public static string StatusLabel(string status) => status switch
    {
        Received => "eingegangen",
        InReview => "in Prüfung",
        TakenUp => "aufgegriffen",
        NotTakenUp => "nicht aufgegriffen",
        Done => "erledigt",
        _ => status,
    };

    public static string ModeLabel(string mode) => mode == PostModeration
        ? "Nachträgliche Moderation: Beiträge erscheinen sofort und werden danach geprüft"
        : "Vorab-Moderation: Beiträge erscheinen erst nach der Prüfung";

    public static string ModerationLabel(string moderation) => moderation switch
    {
        Published => "veröffentlicht",
        Rejected => "nicht veröffentlicht",
        _ => "wartet auf Prüfung",
    };

    public static string KindLabel(string kind) => kind switch
    {
        "lab" => "Quartierslabor",
        "field" => "Handlungsfeld",
        "body" => "Gremium",
        _ => "Thema der Geschäftsstelle",
    };

    public static string TakenUpLabel(string kind) => kind switch
    {
        TakenUpByMeasure => "Maßnahme im Katalog",
        TakenUpByBodyRecommendation => "Empfehlung eines Gremiums",
        TakenUpByAgendaItem => "Tagesordnungspunkt einer Sitzung",
        _ => "Handlungsempfehlung eines Quartierslabors",
    };

    public static string QuestionKindLabel(string kind) => kind == ChoiceQuestion
        ? "Auswahl (veröffentlicht als Zählung)"
        : "Freitext (nur für die Geschäftsstelle)";

    public static string? NetiquetteText(string? code) => NetiquetteReasons.FirstOrDefault(r => r.Code == code).Text;

    /// <summary>The non-empty lines of a text, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string? text) => ExtraQuestions.Lines(text);
}
