using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NpgsqlTypes;

namespace Masterplan.Web.Shared;

/// <summary>
/// One kind of public item the site search (<c>/suche</c>) finds. A module registers its sources with
/// <see cref="SiteSearch.AddSearchSource{T}"/> and queries only its own tables, and only what anybody may see.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kind in the address (<c>/suche?art=sitzungen</c>): lower-case ASCII, stable.</summary>
    string Key { get; }

    /// <summary>The heading of the group, German plural ("Sitzungen"), translated like every text.</summary>
    string Heading { get; }

    /// <summary>Position among the groups (smaller first).</summary>
    int Order { get; }

    /// <summary>The matches, best first, and how many there are.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, int skip, int take, CancellationToken ct);
}

/// <summary>One found item: a title, its public page, the date and a detail as data (a body, a reference), and a short excerpt.</summary>
public sealed record SearchHit(string Title, string Url, DateOnly? Date = null, string? Detail = null, string? Excerpt = null);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults None = new(0, []);
}

/// <summary>What someone typed, checked: the text as typed (trimmed) and its words.</summary>
public sealed record SearchQuery(string Text, IReadOnlyList<string> Terms);

public static class SiteSearch
{
    public const int MaxLength = 200;

    public const int MaxTerms = 8;

    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services)
        where T : class, ISearchSource => services.AddScoped<ISearchSource, T>();

    /// <summary>
    /// Checks a typed query: the text or a German message (translated at the page). Words are runs of letters and digits
    /// (a hyphen inside a word stays, so "26093-22" is one word); control characters count as spaces.
    /// </summary>
    public static Outcome<SearchQuery> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<SearchQuery>.Invalid("q", "Bitte geben Sie einen Suchbegriff ein.");
        }

        if (text.Length > MaxLength)
        {
            return Outcome<SearchQuery>.Invalid("q", "Der Suchbegriff ist zu lang. Bitte verwenden Sie höchstens 200 Zeichen.");
        }

        var clean = new string(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c).ToArray()).Normalize(NormalizationForm.FormC).Trim();
        var terms = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i <= clean.Length; i++)
        {
            var c = i < clean.Length ? clean[i] : ' ';
            if (char.IsLetterOrDigit(c) || (c == '-' && word.Length > 0 && i + 1 < clean.Length && char.IsLetterOrDigit(clean[i + 1])))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                var w = word.ToString();
                if (!terms.Contains(w, StringComparer.OrdinalIgnoreCase))
                {
                    terms.Add(w);
                }

                word.Clear();
            }
        }

        if (terms.Count == 0)
        {
            return Outcome<SearchQuery>.Invalid("q", "Bitte geben Sie Wörter oder eine Nummer ein; Satzzeichen allein findet nichts.");
        }

        // One-letter words find nearly everything; keep them only when nothing else was typed.
        var useful = terms.Where(t => t.Length > 1).ToList();
        return Outcome<SearchQuery>.Ok(new SearchQuery(clean, (useful.Count > 0 ? useful : terms).Take(MaxTerms).ToList()));
    }

    /// <summary>
    /// The items that match every word in one of the fields, best first. PostgreSQL: full-text search with German
    /// stemming (<c>websearch_to_tsquery('german', …)</c> over the fields, the title fields weighted higher) or every
    /// word contained in a title field (numbers, beginnings of words); ranked by <c>ts_rank</c>. SQLite: every word (or
    /// its stem without a common German ending) contained in a field, case-insensitive for ASCII and for a word's
    /// first letter; items whose title holds the first word come first.
    /// </summary>
    public static IOrderedQueryable<T> Matching<T>(this IQueryable<T> items, AppDbContext db, SearchQuery query,
        Expression<Func<T, string?>>[] titleFields, params Expression<Func<T, string?>>[] textFields)
    {
        var item = Expression.Parameter(typeof(T), "x");
        var titles = titleFields.Select(f => ReplacingExpressionVisitor.Replace(f.Parameters[0], item, f.Body)).ToList();
        var texts = textFields.Select(f => ReplacingExpressionVisitor.Replace(f.Parameters[0], item, f.Body)).ToList();
        if (db.Database.IsNpgsql())
        {
            var typed = Param(query.Text);
            Expression<Func<string, string, string, bool>> matches = (title, text, q) =>
                EF.Functions.ToTsVector("german", title).SetWeight(NpgsqlTsVector.Lexeme.Weight.A)
                    .Concat(EF.Functions.ToTsVector("german", text)).Matches(EF.Functions.WebSearchToTsQuery("german", q));
            Expression<Func<string, string, string, float>> rank = (title, text, q) =>
                EF.Functions.ToTsVector("german", title).SetWeight(NpgsqlTsVector.Lexeme.Weight.A)
                    .Concat(EF.Functions.ToTsVector("german", text)).Rank(EF.Functions.WebSearchToTsQuery("german", q));
            Expression Apply(LambdaExpression template) => new Substitute(new Dictionary<ParameterExpression, Expression>
            {
                [template.Parameters[0]] = Joined(titles), [template.Parameters[1]] = Joined(texts), [template.Parameters[2]] = typed,
            }).Visit(template.Body);
            var where = Expression.Lambda<Func<T, bool>>(Apply(matches), item);
            var order = Expression.Lambda<Func<T, float>>(Apply(rank), item);
            return items.Where(where).OrderByDescending(order);
        }

        var fields = titles.Concat(texts).ToList();
        var every = query.Terms.Select(t => AnyContains(fields, Variants(t, stem: true))).Aggregate(Expression.AndAlso);
        var first = Expression.Lambda<Func<T, bool>>(AnyContains(titles, Variants(query.Terms[0], stem: true)), item);
        return items.Where(Expression.Lambda<Func<T, bool>>(every, item)).OrderByDescending(first);
    }

    /// <summary>
    /// One page of matches and how many there are. The rows come first; the count is asked only when the page is not the
    /// first or is full, so the overview (five per kind) costs one query for a kind with few matches instead of two.
    /// </summary>
    public static async Task<(int Total, List<TRow> Rows)> PageAsync<T, TRow>(this IQueryable<T> found, int skip, int take,
        Expression<Func<T, TRow>> row, CancellationToken ct)
    {
        var rows = await found.Skip(skip).Take(take).Select(row).ToListAsync(ct);
        var total = skip == 0 && rows.Count < take ? rows.Count : await found.CountAsync(ct);
        return (total, rows);
    }

    /// <summary>About <paramref name="max"/> characters of <paramref name="text"/> around the first word of the query it holds.</summary>
    public static string? Excerpt(string? text, SearchQuery query, int max = 220)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var at = query.Terms.SelectMany(t => Variants(t, stem: true)).Select(v => text.IndexOf(v, StringComparison.CurrentCultureIgnoreCase))
            .Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - max / 3);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < at ? space + 1 : start;
        }

        return (start > 0 ? "… " : "") + Excerpts.Excerpt(text[start..], max);
    }

    /// <summary>The forms of a word that SQLite's LIKE (case-insensitive only for ASCII) must look for.</summary>
    internal static IReadOnlyList<string> Variants(string term, bool stem)
    {
        var lower = term.ToLower(CultureInfo.InvariantCulture);
        if (stem && lower.Length >= 6)
        {
            foreach (var ending in new[] { "ungen", "en", "er", "es", "e", "n", "s" })
            {
                if (lower.EndsWith(ending, StringComparison.Ordinal) && lower.Length - ending.Length >= 5)
                {
                    lower = ending == "ungen" ? lower[..^4] : lower[..^ending.Length];
                    break;
                }
            }
        }

        var forms = new List<string> { lower, char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..] };
        if (lower.Contains('ß', StringComparison.Ordinal))
        {
            forms.Add(lower.Replace("ß", "ss", StringComparison.Ordinal));
        }

        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Expression AnyContains(IReadOnlyList<Expression> fields, IReadOnlyList<string> forms)
    {
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        var functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));
        Expression? any = null;
        foreach (var field in fields)
        {
            foreach (var form in forms)
            {
                var pattern = "%" + form.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                Expression test = Expression.Call(like, functions, field, Param(pattern), Expression.Constant("\\"));
                any = any is null ? test : Expression.OrElse(any, test);
            }
        }

        return any ?? Expression.Constant(false);
    }

    /// <summary>The fields as one text for <c>to_tsvector</c>, a missing field as empty.</summary>
    private static Expression Joined(IReadOnlyList<Expression> fields)
    {
        var concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
        Expression? joined = null;
        foreach (var field in fields)
        {
            Expression part = Expression.Coalesce(field, Expression.Constant(""));
            joined = joined is null ? part : Expression.Add(Expression.Add(joined, Expression.Constant(" "), concat), part, concat);
        }

        return joined ?? Expression.Constant("");
    }

    /// <summary>A value EF sends as a parameter (a member of a captured object), not as a literal in the SQL.</summary>
    private static MemberExpression Param(string value) => Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed class Box(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : node;
    }
}
