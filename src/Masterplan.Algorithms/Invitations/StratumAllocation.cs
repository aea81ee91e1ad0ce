namespace Masterplan.Algorithms.Invitations;

/// <summary>One stratum of a stratified draw: who is in it and how many of them are invited.</summary>
/// <param name="District">The district.</param>
/// <param name="SubDistrict">The sub-district, or null when the extract has none (then the district is the area).</param>
/// <param name="AgeBand">The age band.</param>
/// <param name="Gender">The gender.</param>
/// <param name="Population">How many residents of the extract are in the stratum.</param>
/// <param name="ExactShare">The proportional share N × population / extract size, before rounding.</param>
/// <param name="Invited">How many are invited: the share rounded down or up (largest remainder).</param>
public sealed record StratumAllocation(string District, string? SubDistrict, AgeBand AgeBand, RegisterGender Gender, int Population, double ExactShare, int Invited);
