namespace Masterplan.Web.Features.Catalogue;

/// <summary>
/// The Lenkungskreis' review of a field of action, which 001 §I asks for "unter dem Blickwinkel von Diversität, Integration
/// und Inklusion": which of the three perspectives it checked and what it found. A review may change nothing; a change that
/// follows is a catalogue change of its own with the source "Prüfung durch den Lenkungskreis".
/// </summary>
public sealed class FieldReview : Masterplan.Web.Features.Audit.IAudited
{
    public int Id { get; set; }

    public int FieldOfActionId { get; set; }

    public DateOnly ReviewedOn { get; set; }

    /// <summary>Where the review happened, e.g. "Lenkungskreis, Sitzung vom 12.11.2026, TOP 3".</summary>
    public required string ReviewedIn { get; set; }

    public bool Diversity { get; set; }

    public bool Integration { get; set; }

    public bool Inclusion { get; set; }

    /// <summary>What the review found under these perspectives.</summary>
    public required string Finding { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
