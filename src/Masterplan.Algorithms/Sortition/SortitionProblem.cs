using System.Globalization;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// A panel selection problem: a pool of respondents, quotas per category value, and the panel size k.
/// A panel is a set of exactly k respondents that meets every quota.
/// </summary>
/// <remarks>
/// The constructor checks that the input is well formed and throws <see cref="SortitionInputException"/>
/// listing every problem: empty pool, duplicate or empty ids, k not in 1..n, duplicate quotas, a negative
/// minimum or a minimum above its maximum, a respondent without a value in a quota category, a respondent's
/// value without a quota. Whether a panel exists at all (minimums adding up to more than k, maximums that
/// cannot reach k, …) is a separate question answered by <see cref="QuotaRelaxation.Explain"/>, because it
/// comes with a proposed relaxation. Terminology follows Flanigan, Gölz, Gupta, Hennig, Procaccia,
/// "Fair algorithms for selecting citizens' assemblies", Nature 596 (2021) 548–552.
/// </remarks>
public sealed class SortitionProblem
{
    /// <summary>Creates and validates a problem.</summary>
    /// <param name="pool">The respondents; ids must be unique.</param>
    /// <param name="quotas">One quota per (category, value); every respondent's value must have one.</param>
    /// <param name="panelSize">The panel size k, between 1 and the pool size.</param>
    /// <exception cref="SortitionInputException">The input is not well formed; every problem is listed.</exception>
    public SortitionProblem(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(quotas);
        Pool = [.. pool];
        Quotas = [.. quotas];
        PanelSize = panelSize;

        var errors = new List<SortitionInputError>();
        void Add(SortitionInputCode code, string message, params object[] arguments) => errors.Add(new SortitionInputError(code, message, arguments));

        if (Pool.Count == 0)
        {
            Add(SortitionInputCode.EmptyPool, "The pool of respondents is empty.");
        }

        if (panelSize < 1)
        {
            Add(SortitionInputCode.PanelTooSmall, $"The panel size must be at least 1, got {panelSize}.", panelSize);
        }
        else if (panelSize > Pool.Count)
        {
            Add(SortitionInputCode.PanelLargerThanPool, $"The panel size {panelSize} is larger than the pool of {Pool.Count} respondents.", panelSize, Pool.Count);
        }

        if (Quotas.Count == 0)
        {
            Add(SortitionInputCode.NoQuotas, "There are no quotas; give at least one category with its values.");
        }

        var categories = new List<string>();
        var valueIndex = new Dictionary<(string Category, string Value), int>();
        for (var q = 0; q < Quotas.Count; q++)
        {
            var quota = Quotas[q];
            if (quota is null || string.IsNullOrWhiteSpace(quota.Category) || string.IsNullOrWhiteSpace(quota.Value))
            {
                Add(SortitionInputCode.QuotaWithoutName, $"Quota {q + 1} has no category or no value.", q + 1);
                continue;
            }

            if (!valueIndex.TryAdd((quota.Category, quota.Value), q))
            {
                Add(SortitionInputCode.DuplicateQuota, $"The quota for {quota.Category} = {quota.Value} is given twice.", quota.Category, quota.Value);
                continue;
            }

            if (!categories.Contains(quota.Category))
            {
                categories.Add(quota.Category);
            }

            if (quota.Min < 0)
            {
                Add(SortitionInputCode.NegativeMinimum, $"The minimum of {quota.Category} = {quota.Value} is negative ({quota.Min}).", quota.Category, quota.Value, quota.Min);
            }

            if (quota.Min > quota.Max)
            {
                Add(SortitionInputCode.MinimumAboveMaximum, $"The minimum of {quota.Category} = {quota.Value} ({quota.Min}) is above its maximum ({quota.Max}).", quota.Category, quota.Value, quota.Min, quota.Max);
            }
        }

        Categories = categories;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var personQuota = new int[Pool.Count][];
        const int maxRespondentErrors = 20;
        var respondentErrors = 0;
        void AddRespondentError(SortitionInputCode code, string message, params object[] arguments)
        {
            if (respondentErrors++ < maxRespondentErrors)
            {
                Add(code, message, arguments);
            }
        }

        for (var i = 0; i < Pool.Count; i++)
        {
            var person = Pool[i];
            personQuota[i] = new int[categories.Count];
            if (person is null || string.IsNullOrWhiteSpace(person.Id))
            {
                AddRespondentError(SortitionInputCode.RespondentWithoutId, $"Respondent {(i + 1).ToString(CultureInfo.InvariantCulture)} has no id.", i + 1);
                continue;
            }

            if (!ids.Add(person.Id))
            {
                AddRespondentError(SortitionInputCode.DuplicateRespondent, $"The respondent id '{person.Id}' occurs more than once.", person.Id);
            }

            for (var c = 0; c < categories.Count; c++)
            {
                if (person.Features is null || !person.Features.TryGetValue(categories[c], out var value) || string.IsNullOrWhiteSpace(value))
                {
                    AddRespondentError(SortitionInputCode.MissingValue, $"Respondent '{person.Id}' has no value for the category '{categories[c]}'.", person.Id, categories[c]);
                }
                else if (!valueIndex.TryGetValue((categories[c], value), out personQuota[i][c]))
                {
                    var values = string.Join(", ", Quotas.Where(x => x?.Category == categories[c]).Select(x => x.Value));
                    AddRespondentError(SortitionInputCode.UnknownValue, $"Respondent '{person.Id}' has {categories[c]} = '{value}', which is not among the quota values of '{categories[c]}' ({values}).", person.Id, categories[c], value, values);
                }
            }
        }

        if (respondentErrors > maxRespondentErrors)
        {
            Add(SortitionInputCode.MoreRespondentProblems, $"… and {respondentErrors - maxRespondentErrors} more problems with respondents.", respondentErrors - maxRespondentErrors);
        }

        if (errors.Count > 0)
        {
            throw new SortitionInputException(errors);
        }

        PersonQuotas = personQuota;
        QuotaCategory = [.. Quotas.Select(q => categories.IndexOf(q.Category))];
        Available = new int[Quotas.Count];
        foreach (var row in personQuota)
        {
            foreach (var q in row)
            {
                Available[q]++;
            }
        }
    }

    /// <summary>The respondents, in the order given.</summary>
    public IReadOnlyList<Respondent> Pool { get; }

    /// <summary>The quotas, in the order given.</summary>
    public IReadOnlyList<Quota> Quotas { get; }

    /// <summary>The panel size k.</summary>
    public int PanelSize { get; }

    /// <summary>The quota categories in the order of their first quota.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>For respondent i (pool order) and category c, the index of the quota that counts them.</summary>
    internal int[][] PersonQuotas { get; }

    /// <summary>For quota q, the index of its category in <see cref="Categories"/>.</summary>
    internal int[] QuotaCategory { get; }

    /// <summary>For quota q, how many respondents have its value.</summary>
    internal int[] Available { get; }

    /// <summary>Whether <paramref name="panel"/> (respondent ids) has exactly k distinct pool members and meets every quota.</summary>
    public bool IsValidPanel(IEnumerable<string> panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var index = IndexById();
        var seen = new HashSet<int>();
        var counts = new int[Quotas.Count];
        foreach (var id in panel)
        {
            if (!index.TryGetValue(id, out var i) || !seen.Add(i))
            {
                return false;
            }

            foreach (var q in PersonQuotas[i])
            {
                counts[q]++;
            }
        }

        return seen.Count == PanelSize && Enumerable.Range(0, Quotas.Count).All(q => counts[q] >= Quotas[q].Min && counts[q] <= Quotas[q].Max);
    }

    /// <summary>Maps every respondent id to its position in <see cref="Pool"/>.</summary>
    internal Dictionary<string, int> IndexById()
    {
        var index = new Dictionary<string, int>(Pool.Count, StringComparer.Ordinal);
        for (var i = 0; i < Pool.Count; i++)
        {
            index[Pool[i].Id] = i;
        }

        return index;
    }
}
