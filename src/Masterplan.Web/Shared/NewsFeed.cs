namespace Masterplan.Web.Shared;

/// <summary>
/// What happened lately that anybody may see (a paper sent, minutes approved, a lab's results reported), for the start
/// page's "Aktuelles". Derived from the modules' own data, so no news is written twice and none goes stale; a module
/// registers a source with <see cref="NewsFeed.AddNewsSource{T}"/> and reads only its own public data.
/// </summary>
public interface INewsSource
{
    Task<IReadOnlyList<NewsItem>> LatestAsync(int take, CancellationToken ct);
}

/// <summary>One piece of news; <see cref="What"/> is a German label ("Neue Vorlage"), translated like every text.</summary>
public sealed record NewsItem(DateOnly Date, string What, string Title, string Url);

public static class NewsFeed
{
    /// <summary>The <see cref="DataVersion"/> of everything the start page shows, so that it can keep what it read.</summary>
    public const string VersionName = "start-page";

    /// <param name="shows">The entity types the source reads: a change of one moves <see cref="VersionName"/>.</param>
    public static IServiceCollection AddNewsSource<T>(this IServiceCollection services, params Type[] shows)
        where T : class, INewsSource
    {
        services.AddSingleton(new DataVersion(VersionName, shows.ToHashSet()));
        return services.AddScoped<INewsSource, T>();
    }

    /// <summary>The newest items of all sources, newest first.</summary>
    public static async Task<IReadOnlyList<NewsItem>> LatestAsync(IEnumerable<INewsSource> sources, int take, CancellationToken ct)
    {
        var all = new List<NewsItem>();
        foreach (var source in sources)
        {
            all.AddRange(await source.LatestAsync(take, ct)); // one DbContext: one query at a time
        }

        return [.. all.OrderByDescending(n => n.Date).ThenBy(n => n.Title, StringComparer.Ordinal).Take(take)];
    }
}
