namespace Masterplan.Algorithms.Invitations;

/// <summary>The gender entry of the population register (Melderegister), §3 BMG with §22 PStG.</summary>
public enum RegisterGender
{
    /// <summary>männlich, code <c>m</c>.</summary>
    Male,

    /// <summary>weiblich, code <c>w</c>.</summary>
    Female,

    /// <summary>divers, code <c>d</c>.</summary>
    Diverse,

    /// <summary>ohne Angabe (entry left open under §22 (3) PStG), code <c>x</c>.</summary>
    Unspecified,
}
