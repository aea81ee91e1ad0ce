using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Reports;

public sealed class ReportsModule : IModule
{
    /// <summary>Reports hold non-public measures: the Office prepares them (members get them as meeting documents).</summary>
    public const string Prepare = "Reports.Prepare";

    /// <summary>
    /// Reading and approving half-year reports: the Office and members of bodies; approving needs, on top, a current
    /// membership in the Lenkungskreis (<see cref="HalfYearDesk.IsSteeringMemberAsync"/>).
    /// </summary>
    public const string Review = "Reports.Review";

    /// <summary>The longest text section of a report, in characters.</summary>
    public const int MaxSection = 20000;

    /// <summary>The longest outcome or lessons text of a measure in the final report.</summary>
    public const int MaxEntryText = 4000;

    public IReadOnlyList<PageAccess> Pages =>
    [
        new PageAccess("/Reports/Overview", false, Prepare),
        PageAccess.Folder("/Reports/HalfYear", Prepare),
        PageAccess.Folder("/Reports/Final", Prepare),
        PageAccess.Folder("/Reports/Review", Review),
    ];

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Account, 50, "Übersicht der Handlungsfelder mit Sachständen", "/verwaltung/statusuebersicht", Prepare),
        new(NavigationArea.Account, 51, "Halbjahresberichte an den Ausschuss", "/verwaltung/berichte/halbjahr", Prepare)
        {
            Children = [new(NavigationArea.Account, 52, "Schlussbericht Masterplan 1.0", "/verwaltung/berichte/schlussbericht", Prepare)],
        },
        new(NavigationArea.Account, 53, "Halbjahresberichte zur Freigabe", "/verwaltung/berichte/freigabe", Review),
    ];

    public IEnumerable<string> TranslationLabels => Enum.GetValues<HalfYearStatus>().Select(StatusLabel);

    public static string StatusLabel(HalfYearStatus status) => status switch
    {
        HalfYearStatus.Draft => "Entwurf",
        HalfYearStatus.InReview => "beim Lenkungskreis zur Freigabe",
        HalfYearStatus.Approved => "freigegeben",
        _ => "als Mitteilung gesendet",
    };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StatusOverview>();
        services.AddScoped<HalfYearCompiler>();
        services.AddScoped<HalfYearDesk>();
        services.AddScoped<FinalReport>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Prepare, p => p.RequireRole(Roles.Office))
            .AddPolicy(Review, p => p.RequireRole(Roles.Office, Roles.Member));
    }
}
