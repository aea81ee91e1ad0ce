namespace Masterplan.Algorithms.Invitations;

/// <summary>How invitees are drawn from a register extract.</summary>
public enum SamplingMethod
{
    /// <summary>Simple random sampling: every resident has the same chance, N of them are drawn.</summary>
    Simple,

    /// <summary>Stratified sampling proportional to sub-district × age band × gender (see <see cref="InviteeDraw"/>).</summary>
    Stratified,
}
