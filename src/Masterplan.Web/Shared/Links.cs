using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Masterplan.Web.Shared;

/// <summary>What a link between modules can point at: where free text named a paper, an agenda item, a recommendation or a measure.</summary>
public enum LinkKind
{
    Paper = 1,
    AgendaItem = 2,
    Recommendation = 3,
    Measure = 4,
}

/// <summary>A link stored as kind and id, without a foreign key, so that modules stay apart (like agenda links).</summary>
public readonly record struct LinkRef(LinkKind Kind, int Id);

/// <summary>A link as a page shows it: a German label (a title or number, never a person) and the address.</summary>
public sealed record LinkTarget(LinkRef Ref, string Label, string Url);

/// <summary>
/// One module's targets of <see cref="Links"/>: it reads the address of one of its pages back into a link, and finds
/// the targets a viewer may see. A module registers it as a scoped <see cref="ILinkTargets"/>.
/// </summary>
public interface ILinkTargets
{
    /// <summary>The link behind a path on this site and its fragment ("/vorlagen/12", "/sitzungen/3#top-9"), or the paper's reference; null if not one of this module's.</summary>
    LinkRef? Parse(string path, string fragment);

    /// <summary>The targets among <paramref name="ids"/> of <paramref name="kind"/> that exist and that <paramref name="viewer"/> may see (null: every one that exists).</summary>
    Task<IReadOnlyDictionary<int, LinkTarget>> FindAsync(LinkKind kind, IReadOnlyCollection<int> ids, ClaimsPrincipal? viewer, CancellationToken ct);

    /// <summary>A paper's reference such as "26093-22" and the like: an id when the module knows the text, otherwise null.</summary>
    Task<LinkRef?> FindByTextAsync(string text, CancellationToken ct) => Task.FromResult<LinkRef?>(null);
}

/// <summary>
/// Links between modules where the Office used to type a source as free text (docs/architecture.md#links): the Office
/// pastes the address of the page it means, and pages show the target's current title as a link to it, or nothing
/// when the viewer may not see it.
/// </summary>
public sealed class Links(IEnumerable<ILinkTargets> modules)
{
    /// <summary>
    /// Reads what the Office typed into a link of one of the <paramref name="allowed"/> kinds: the address of its page (with or
    /// without this site's host) or a paper's reference. Empty input is no link; anything else that names no existing target
    /// is refused on <paramref name="field"/> with a German message.
    /// </summary>
    public async Task<Outcome<LinkRef?>> ParseAsync(string field, string? input, IReadOnlyCollection<LinkKind> allowed, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Outcome<LinkRef?>.Ok(null);
        }

        var text = input.Trim();
        if (text.Length > 500)
        {
            return Outcome<LinkRef?>.Invalid(field, "Die Verknüpfung darf höchstens {0} Zeichen lang sein.", 500);
        }

        var found = Read(text);
        foreach (var module in modules)
        {
            found ??= await module.FindByTextAsync(text, ct);
        }

        if (found is not { } link)
        {
            return Outcome<LinkRef?>.Invalid(field, "„{0}“ ist keine Adresse einer Vorlage, eines Tagesordnungspunkts, einer Empfehlung oder einer Maßnahme auf dieser Plattform. Kopieren Sie die Adresse der Seite, zum Beispiel …/vorlagen/12.", text);
        }

        if (!allowed.Contains(link.Kind))
        {
            return Outcome<LinkRef?>.Invalid(field, "Hier lässt sich nur verknüpfen: {0}.", string.Join(", ", allowed.Select(Label)));
        }

        if ((await ResolveAsync([link], null, ct)).Count == 0)
        {
            return Outcome<LinkRef?>.Invalid(field, "{0} mit der Nummer {1} gibt es nicht.", Label(link.Kind), link.Id);
        }

        return Outcome<LinkRef?>.Ok(link);
    }

    /// <summary>The targets of <paramref name="links"/> that exist and <paramref name="viewer"/> may see (null: staff who write links); the others are left out.</summary>
    public async Task<IReadOnlyDictionary<LinkRef, LinkTarget>> ResolveAsync(IEnumerable<LinkRef> links, ClaimsPrincipal? viewer, CancellationToken ct)
    {
        var result = new Dictionary<LinkRef, LinkTarget>();
        foreach (var kind in links.Distinct().GroupBy(l => l.Kind))
        {
            var ids = kind.Select(l => l.Id).ToList();
            foreach (var module in modules)
            {
                foreach (var (id, target) in await module.FindAsync(kind.Key, ids, viewer, ct))
                {
                    result[new LinkRef(kind.Key, id)] = target;
                }
            }
        }

        return result;
    }

    /// <summary>The German name of a kind, for messages and headings.</summary>
    public static string Label(LinkKind kind) => kind switch
    {
        LinkKind.Paper => "Vorlage",
        LinkKind.AgendaItem => "Tagesordnungspunkt",
        LinkKind.Recommendation => "Empfehlung",
        LinkKind.Measure => "Maßnahme",
        _ => kind.ToString(),
    };

    private LinkRef? Read(string text)
    {
        string path, fragment;
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            (path, fragment) = (absolute.AbsolutePath, absolute.Fragment.TrimStart('#'));
        }
        else if (text.StartsWith('/') && Uri.TryCreate("http://site" + text, UriKind.Absolute, out var local))
        {
            (path, fragment) = (local.AbsolutePath, local.Fragment.TrimStart('#'));
        }
        else
        {
            return null;
        }

        path = path.TrimEnd('/');
        foreach (var module in modules)
        {
            if (module.Parse(path, fragment) is { } link)
            {
                return link;
            }
        }

        return null;
    }
}

public static class LinksServices
{
    public static IServiceCollection AddLinkTargets<T>(this IServiceCollection services)
        where T : class, ILinkTargets
    {
        services.AddScoped<ILinkTargets, T>();
        services.TryAddScoped<Links>();
        return services;
    }
}
