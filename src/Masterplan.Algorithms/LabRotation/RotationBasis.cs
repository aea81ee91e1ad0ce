namespace Masterplan.Algorithms.LabRotation;

/// <summary>Why a district was chosen for a quarter.</summary>
public enum RotationBasis
{
    /// <summary>The district never had a lab (004 §5: these come first).</summary>
    NoLabYet,

    /// <summary>Every district had a lab; this one's last lab is the oldest.</summary>
    OldestLastLab,

    /// <summary>The Office fixed the district with a recorded reason.</summary>
    Override,
}
