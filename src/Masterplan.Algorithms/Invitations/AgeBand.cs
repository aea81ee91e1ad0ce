namespace Masterplan.Algorithms.Invitations;

/// <summary>An age band of the stratified draw.</summary>
/// <param name="MinAge">The smallest age in the band.</param>
/// <param name="MaxAge">The largest age in the band; null for the open top band.</param>
public sealed record AgeBand(int MinAge, int? MaxAge)
{
    /// <summary><c>16-24</c>, <c>65+</c>; also the band's part of the input hash.</summary>
    public string Label => MaxAge is { } max ? $"{MinAge}-{max}" : $"{MinAge}+";

    /// <inheritdoc/>
    public override string ToString() => Label;
}
