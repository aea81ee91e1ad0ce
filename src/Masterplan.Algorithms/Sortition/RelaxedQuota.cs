namespace Masterplan.Algorithms.Sortition;

/// <summary>A quota that must be relaxed to make a panel possible, with the proposed new bounds.</summary>
/// <param name="Quota">The quota as given.</param>
/// <param name="RelaxedMin">The proposed minimum (≤ the given one).</param>
/// <param name="RelaxedMax">The proposed maximum (≥ the given one).</param>
public sealed record RelaxedQuota(Quota Quota, int RelaxedMin, int RelaxedMax)
{
    /// <summary>By how many places the quota is relaxed in total (lowered minimum plus raised maximum).</summary>
    public int Amount => Quota.Min - RelaxedMin + (RelaxedMax - Quota.Max);

    /// <summary>Whether the proposal stays within the quota's <c>min_flex</c>/<c>max_flex</c> (true when none are given).</summary>
    public bool WithinFlex => (Quota.MinFlex is null || RelaxedMin >= Quota.MinFlex) && (Quota.MaxFlex is null || RelaxedMax <= Quota.MaxFlex);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Quota.Category} = {Quota.Value}: {Quota.Min}..{Quota.Max} → {RelaxedMin}..{RelaxedMax}{(WithinFlex ? string.Empty : " (beyond the flexible bounds)")}";
}
