namespace Masterplan.Algorithms.Invitations;

/// <summary>The outcome of <see cref="InviteeDraw.Draw"/>; everything needed to record and replay the draw.</summary>
/// <param name="Seed">The public seed.</param>
/// <param name="Method">Simple or stratified.</param>
/// <param name="ReferenceDate">The date ages were computed for.</param>
/// <param name="InputSha256">The hash of the inputs (<see cref="InviteeDraw.InputHash(RegisterExtract, int, SamplingMethod, DateOnly)"/>), lower-case hex.</param>
/// <param name="Invitees">The drawn residents as positions in the extract, ascending (file order).</param>
/// <param name="Strata">For a stratified draw, every non-empty stratum in canonical order; empty for a simple draw.</param>
public sealed record InviteeDrawResult(
    string Seed,
    SamplingMethod Method,
    DateOnly ReferenceDate,
    string InputSha256,
    IReadOnlyList<int> Invitees,
    IReadOnlyList<StratumAllocation> Strata);
