using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Quartz;

namespace Masterplan.Web.Shared;

/// <summary>
/// What a module declares about itself, in its <c>Features/&lt;X&gt;/&lt;X&gt;Module.cs</c>. <c>Program.cs</c> lists the
/// modules once; the host, the database, the job scheduler, the navigation, the demo data and the translation test loop
/// over them and name none. The EF mapping is not here: each module's <c>IEntityTypeConfiguration</c> classes are found
/// in the assembly (see <c>AppDbContext.OnModelCreating</c>).
/// </summary>
public interface IModule
{
    /// <summary>Services, options and authorization policies.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Middleware that runs after routing and before the endpoints (sign-in, for instance).</summary>
    void UseMiddleware(WebApplication app)
    {
    }

    /// <summary>Minimal-API endpoints; Razor Pages are found by their folder.</summary>
    void MapEndpoints(WebApplication app)
    {
    }

    /// <summary>Work that needs the migrated schema and must be done before the server starts.</summary>
    Task PrepareAsync(WebApplication app) => Task.CompletedTask;

    /// <summary>Pages anyone may open, and page folders behind a policy; every other page needs a signed-in user.</summary>
    IReadOnlyList<PageAccess> Pages => [];

    /// <summary>Background jobs that run on a schedule.</summary>
    IReadOnlyList<RecurringJob> Jobs => [];

    /// <summary>Links in the main navigation and on the account page.</summary>
    IReadOnlyList<NavigationEntry> Navigation => [];

    /// <summary>
    /// Adds the module's demo data (<c>Seed:Demo</c>, <c>masterplan seed --demo</c>) unless it is there already; runs
    /// in the order of the module list, so a module can use the demo data of the modules before it.
    /// </summary>
    /// <returns>Whether anything was added.</returns>
    Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.FromResult(false);

    /// <summary>
    /// What the module keeps about people, why and for how long, in German (translated like every text): the privacy page
    /// (<c>/datenschutz</c>) lists the notes of every module.
    /// </summary>
    IEnumerable<string> PrivacyNotes => [];

    /// <summary>German texts the module shows from code (labels of states and kinds), for the translation test.</summary>
    IEnumerable<string> TranslationLabels => [];

    /// <summary>
    /// The module's types that code outside its folder may use (entities other modules refer to, services they
    /// call). <c>ModuleBoundaryTests</c> fails for any other type named outside the folder.
    /// </summary>
    IReadOnlyList<Type> PublicApi => [];
}

/// <summary>Who may open a page or a folder of pages.</summary>
/// <param name="Path">A page (<c>/Labs/Index</c>) or a folder (<c>/Labs/Manage</c>) under <c>Features</c>.</param>
/// <param name="IsFolder">Whether <paramref name="Path"/> is a folder.</param>
/// <param name="Policy">The authorization policy; <see langword="null"/> for everyone.</param>
public sealed record PageAccess(string Path, bool IsFolder, string? Policy)
{
    public static PageAccess PublicFolder(string folder) => new(folder, true, null);

    public static PageAccess PublicPage(string page) => new(page, false, null);

    public static PageAccess Folder(string folder, string policy) => new(folder, true, policy);

    internal void Apply(PageConventionCollection conventions)
    {
        switch (this)
        {
            case { Policy: null, IsFolder: true }:
                conventions.AllowAnonymousToFolder(Path);
                break;
            case { Policy: null }:
                conventions.AllowAnonymousToPage(Path);
                break;
            case { IsFolder: true }:
                conventions.AuthorizeFolder(Path, Policy);
                break;
            default:
                conventions.AuthorizePage(Path, Policy);
                break;
        }
    }
}

/// <summary>Where a navigation link is shown.</summary>
public enum NavigationArea
{
    /// <summary>The main navigation in the page header, for everyone.</summary>
    Main,

    /// <summary>The list of tasks on the account page (<c>/konto</c>), for signed-in users.</summary>
    Account,

    /// <summary>What residents can do, on <c>/mitmachen</c>, each with its <see cref="NavigationEntry.Description"/>.</summary>
    TakePart,
}

/// <summary>A link a module adds to the navigation; <see cref="Label"/> is German and translated like every text.</summary>
/// <param name="Order">Position among the links of all modules in the same area (smaller first).</param>
/// <param name="Policy">Shown only to users who meet this authorization policy; <see langword="null"/> for everyone.</param>
public sealed record NavigationEntry(NavigationArea Area, int Order, string Label, string Path, string? Policy = null)
{
    /// <summary>Further links shown in brackets after this one ("Maßnahmen verwalten (Maßnahme anlegen, …)").</summary>
    public IReadOnlyList<NavigationEntry> Children { get; init; } = [];

    /// <summary>One plain sentence under the link, where the area shows one (German, translated like the label).</summary>
    public string? Description { get; init; }

    /// <summary>
    /// An <see cref="NavigationArea.Account"/> link with a <see cref="Policy"/> is staff work and goes into the header's
    /// "Verwaltung" menu; false keeps it on the account page (an association's own applications, say).
    /// </summary>
    public bool ForStaff { get; init; } = true;

    /// <summary>Whether the link belongs in the header's "Verwaltung" menu (if the user meets its policy).</summary>
    public bool InStaffMenu => Area == NavigationArea.Account && Policy is not null && ForStaff;
}

/// <summary>
/// A job that runs on a schedule. Its cron expression (Quartz syntax) can be changed with the setting
/// <see cref="CronSetting"/>; <see cref="InCityTime"/> reads it in Dortmund's time instead of UTC.
/// </summary>
public sealed record RecurringJob(Type JobType, JobKey Key, TriggerKey Trigger, string CronSetting, string DefaultCron, bool InCityTime = false)
{
    public static RecurringJob Create<TJob>(JobKey key, TriggerKey trigger, string cronSetting, string defaultCron, bool inCityTime = false)
        where TJob : IJob => new(typeof(TJob), key, trigger, cronSetting, defaultCron, inCityTime);
}

/// <summary>The modules of the platform, in the order <c>Program.cs</c> lists them; a singleton service.</summary>
public sealed class ModuleList(IReadOnlyList<IModule> all)
{
    public IReadOnlyList<IModule> All { get; } = all;

    /// <summary>The links of every module in one area, in their order.</summary>
    public IReadOnlyList<NavigationEntry> Navigation(NavigationArea area) =>
        [.. All.SelectMany(m => m.Navigation).Where(e => e.Area == area).OrderBy(e => e.Order)];

    /// <summary>
    /// The <see cref="NavigationArea.Account"/> links of <paramref name="user"/>'s request that it may open: those without a
    /// policy, and those whose policy it meets. The header's "Verwaltung" menu and the account page both ask on one request,
    /// so each policy is evaluated once per request.
    /// </summary>
    public async Task<IReadOnlyList<NavigationEntry>> AllowedAccountLinksAsync(HttpContext http)
    {
        const string Key = "mp-allowed-account-links";
        if (http.Items[Key] is IReadOnlyList<NavigationEntry> known)
            return known;
        var allowed = new List<NavigationEntry>();
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            foreach (var entry in Navigation(NavigationArea.Account))
            {
                if (entry.Policy is null || (await authorization.AuthorizeAsync(http.User, entry.Policy)).Succeeded)
                    allowed.Add(entry);
            }
        }
        http.Items[Key] = allowed;
        return allowed;
    }

    /// <summary>
    /// The list the host registered, for a module that needs the others while services are still being added
    /// (the job scheduler collects every module's jobs).
    /// </summary>
    public static ModuleList From(IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<ModuleList>().FirstOrDefault()
        ?? throw new InvalidOperationException("Register the modules with AddModules before their services.");
}
