namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// Respondents grouped by their profile (the same value in every quota category). Quotas see only how many
/// members of each type a panel has, so panels can be searched as type compositions instead of person sets.
/// </summary>
internal sealed class RespondentTypes
{
    public RespondentTypes(SortitionProblem problem)
    {
        var byProfile = new Dictionary<string, int>(StringComparer.Ordinal);
        var quotas = new List<int[]>();
        var members = new List<List<int>>();
        for (var i = 0; i < problem.Pool.Count; i++)
        {
            var row = problem.PersonQuotas[i];
            var key = string.Join(',', row);
            if (!byProfile.TryGetValue(key, out var t))
            {
                t = quotas.Count;
                byProfile[key] = t;
                quotas.Add(row);
                members.Add([]);
            }

            members[t].Add(i);
        }

        QuotasOfType = [.. quotas];
        Members = [.. members.Select(m => m.ToArray())];
        Size = [.. Members.Select(m => m.Length)];
        TypeOfPerson = new int[problem.Pool.Count];
        for (var t = 0; t < Members.Length; t++)
        {
            foreach (var i in Members[t])
            {
                TypeOfPerson[i] = t;
            }
        }
    }

    /// <summary>Number of types.</summary>
    public int Count => Size.Length;

    /// <summary>For each type, the quotas (one per category) that count its members.</summary>
    public int[][] QuotasOfType { get; }

    /// <summary>For each type, its members as pool indices in pool order.</summary>
    public int[][] Members { get; }

    /// <summary>For each type, its number of members.</summary>
    public int[] Size { get; }

    /// <summary>For each pool index, its type.</summary>
    public int[] TypeOfPerson { get; }
}
