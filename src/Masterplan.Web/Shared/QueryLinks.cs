namespace Masterplan.Web.Shared;

/// <summary>Links to the same list with one parameter changed (a next page, a view switch), keeping every other filter.</summary>
public static class QueryLinks
{
    /// <summary>The query of <paramref name="query"/> with <paramref name="key"/> set to <paramref name="value"/> (left out when null).</summary>
    public static QueryString With(IQueryCollection query, string key, string? value) =>
        QueryString.Create(query.Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Concat(value is null ? [] : [KeyValuePair.Create(key, (string?)value)]));
}
