using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Labs.Manage;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Labs;

/// <summary>Settings of the Quartierslabore (<c>Labs:*</c>).</summary>
public sealed class LabsOptions
{
    /// <summary>Days after the invitation run until the register extract is deleted (a configurable grace period, docs/domain.md#personal-data).</summary>
    public int RegisterGraceDays { get; set; } = 14;

    /// <summary>Days after the lab was reported until registrations (answers, contact) are deleted (docs/domain.md#personal-data).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>The public address of the site, for the registration link printed on the letters.</summary>
    public string PublicBaseUrl { get; set; } = "https://masterplan.dortmund.de";

    /// <summary>The layout of the invitation letters for window envelopes: DIN 5008 form A (address field 27 mm from the top) or B (45 mm) (<c>Labs:LetterForm</c>).</summary>
    public Masterplan.Documents.LetterForm LetterForm { get; set; } = Masterplan.Documents.LetterForm.B;

    /// <summary>The contact person named in the letters: a <c>Contact:People</c> entry by its name (a function, not a person), whose phone and e-mail are printed (<c>Labs:LetterContact</c>).</summary>
    public string LetterContact { get; set; } = "Team Quartierslabore";

    /// <summary>How to reach the city's data protection officer, printed in the letters' Art. 14 DSGVO information (<c>Labs:DataProtectionOfficer</c>).</summary>
    public string DataProtectionOfficer { get; set; } = "Behördliche Datenschutzbeauftragte der Stadt Dortmund, Friedensplatz 1, 44135 Dortmund, datenschutz@stadtdo.de";

    /// <summary>The most pricing rounds LEXIMIN may take for a panel before it stops with a message (<c>Labs:LeximinMaxRounds</c>).</summary>
    public int LeximinMaxRounds { get; set; } = 20_000;

    /// <summary>The longest LEXIMIN may compute a panel before it stops with a message; none by default (<c>Labs:LeximinTimeLimit</c>, e.g. 00:05:00).</summary>
    public TimeSpan? LeximinTimeLimit { get; set; }
}

public sealed class LabsModule : IModule
{
    /// <summary>The Office plans labs, imports register extracts, draws, selects panels and records results.</summary>
    public const string Manage = "Labs.Manage";

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.Folder("/Labs/Manage", Manage),
        PageAccess.PublicPage("/Labs/Index"),
        PageAccess.PublicPage("/Labs/Details"),
        PageAccess.PublicPage("/Labs/Transparency"),
        PageAccess.PublicPage("/Labs/Register"),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<LabDataDeletionJob>(LabDataDeletionJob.Key, new("lab-data-deletion-hourly", "labs"), "Jobs:LabDataDeletion:Cron", "0 37 * * * ?")];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Main, 50, "Quartierslabore", "/quartierslabore"),
        new(NavigationArea.Account, 40, "Quartierslabore verwalten", "/verwaltung/quartierslabore", Manage),
        new(NavigationArea.TakePart, 10, "Mit dem Brief zum Quartierslabor anmelden", "/quartierslabore/anmeldung")
        {
            Description = "Sie haben einen Brief der Stadt mit einem Code bekommen? Dann sind Sie ausgelost und können sich hier für das Quartierslabor in Ihrem Stadtbezirk anmelden.",
        },
    ];

    public IEnumerable<string> TranslationLabels => ((IEnumerable<string>)["Quartierslabore", "Ergebnisse eines Quartierslabors berichtet", .. DrawTasks.Texts]).Concat(Enum.GetValues<LabState>().Select(StateLabel)
            .Concat(Enum.GetValues<RecommendationOutcome>().Select(OutcomeLabel))
            .Concat(Enum.GetValues<PlaceCategory>().Select(PlaceLabel))
            .Concat(new[] { "simple", "stratified" }.Select(MethodLabel))
            .Concat(new[] { "leximin", "legacy" }.Select(AlgorithmLabel))
            .Concat(new[] { "leximin", "legacy" }.Select(AlgorithmPlainLabel))
            .Concat(Genders));

    /// <summary>
    /// Participation links a contribution to the recommendation that took it up, and shows the lab it came from; Meldungen
    /// check points against Dortmund's bounding box in <see cref="LabResults"/>.
    /// </summary>
    public IReadOnlyList<Type> PublicApi => [typeof(NeighbourhoodLab), typeof(LabRecommendation), typeof(PublicLabPlaces), typeof(PublicLabPlace), typeof(PlaceCategory)];

    public Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        LabDemo.SeedAsync(services, ct);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchSource<LabSearch>();
        services.AddNewsSource<LabSearch>(typeof(NeighbourhoodLab));
        services.AddOptions<LabsOptions>().BindConfiguration("Labs");
        services.AddScoped<LabWorkflow>();
        services.AddScoped<RegisterImport>();
        services.AddScoped<InviteeDrawing>();
        services.AddScoped<InvitationLetters>();
        services.AddScoped<Registration>();
        services.AddScoped<PanelDrawing>();
        services.AddScoped<Replacement>();
        services.AddScoped<LabResults>();
        services.AddDrawTasks();
        services.AddScoped<LabReplay>();
        services.AddAuthorizationBuilder().AddPolicy(Manage, p => p.RequireRole(Roles.Office));
    }

    public void MapEndpoints(WebApplication app) =>
        app.MapGet("/quartierslabore/{id:int}/losverfahren/ziehung.json", DrawFileAsync).ExcludeFromDescription().AllowAnonymous();

    /// <summary>The public file to replay a lab's draw (<see cref="PublicDraw"/>); 404 until stage 1 is drawn.</summary>
    private static async Task<IResult> DrawFileAsync(int id, AppDbContext db, CancellationToken ct) =>
        await PublicDraw.BuildAsync(db, id, ct) is { } file
            ? Results.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(file, PublicDraw.Json), "application/json", $"quartierslabor-{id}-ziehung.json")
            : Results.NotFound();

    public static string StateLabel(LabState state) => state switch
    {
        LabState.Planned => "geplant",
        LabState.ConceptApproved => "Konzept beschlossen",
        LabState.InvitationsSent => "Einladungen versandt",
        LabState.RegistrationOpen => "Anmeldung offen",
        LabState.PanelSelected => "Teilnehmende ausgelost",
        LabState.Held => "durchgeführt",
        LabState.ResultsDocumented => "Ergebnisse dokumentiert",
        _ => "berichtet",
    };

    public static string OutcomeLabel(RecommendationOutcome outcome) => outcome switch
    {
        RecommendationOutcome.Open => "noch offen",
        RecommendationOutcome.NewMeasure => "als neue Maßnahme in den Katalog übernommen",
        RecommendationOutcome.NewFieldOfAction => "als neues Handlungsfeld in den Katalog übernommen",
        RecommendationOutcome.Forwarded => "weitergeleitet",
        _ => "abgelehnt",
    };

    public static string PlaceLabel(PlaceCategory category) => category == PlaceCategory.Safe ? "sicherer Ort" : "unsicherer Ort";

    public static string MethodLabel(string method) => method == "stratified" ? "geschichtete Zufallsstichprobe" : "einfache Zufallsstichprobe";

    public static string AlgorithmLabel(string algorithm) => algorithm == "legacy" ? "LEGACY (gieriges Verfahren)" : "LEXIMIN (größtmögliche Fairness)";

    /// <summary>The method of stage 2 for the public page, without the algorithms' names.</summary>
    public static string AlgorithmPlainLabel(string algorithm) => algorithm == "legacy"
        ? "schrittweises Verfahren zum Vergleich: Plätze nacheinander nach den Vorgaben vergeben, ohne die Chancen auszugleichen"
        : "größtmögliche Fairness: die kleinste Chance einer angemeldeten Person so groß wie möglich (Flanigan und andere, Nature 2021)";

    /// <summary>The fixed quota categories every registration answers.</summary>
    public const string AgeCategory = "Altersgruppe";

    public const string GenderCategory = "Geschlecht";

    public const string NoAnswer = "keine Angabe";

    /// <summary>What a registration stores for gender: codes, shown in the reader's language.</summary>
    public static readonly string[] GenderCodes = ["female", "male", "diverse", "unspecified"];

    /// <summary>The German words for the gender codes: the labels on the form and the values the quota lines use.</summary>
    public static readonly string[] Genders = [.. GenderCodes.Select(GenderLabel)];

    public static string GenderLabel(string code) => code switch
    {
        "female" => "weiblich",
        "male" => "männlich",
        "diverse" => "divers",
        "unspecified" => NoAnswer,
        _ => code,
    };

    /// <summary>The code for a posted gender: a code, or its German word (forms and clients from before the codes).</summary>
    public static string? ParseGender(string? text) =>
        text is null ? null : GenderCodes.FirstOrDefault(c => c == text || GenderLabel(c) == text);

    /// <summary>The age bands from 16 on (the youngest invited, see AgeBands).</summary>
    public static IReadOnlyList<string> AgeBandLabels { get; } =
        [.. Masterplan.Algorithms.Invitations.AgeBands.All.Where(b => b.MinAge >= 16).Select(b => b.Label)];
}
