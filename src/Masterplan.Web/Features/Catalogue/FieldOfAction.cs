using Masterplan.Web.Data;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>
/// A node of the living catalogue (Handlungsfeld, Themenschwerpunkt at any depth; 001 §II).
/// The visible number (e.g. 3.3.1.1) is not stored: it follows from the positions along the path,
/// so moving a node renumbers it while its <see cref="Id"/> stays stable.
/// </summary>
public sealed class FieldOfAction : ISeeded, Masterplan.Web.Features.Audit.IAudited
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public FieldOfAction? Parent { get; set; }

    public List<FieldOfAction> Children { get; set; } = [];

    /// <summary>1-based position among its siblings.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }

    /// <summary>The guiding sentence of a top-level field, e.g. "Gemeinsam durch Gefahrenlagen".</summary>
    public string? GuidingSentence { get; set; }

    public string? Description { get; set; }

    public string? Source { get; set; }

    /// <summary>Retired nodes leave the current catalogue but stay in its history.</summary>
    public bool IsRetired { get; set; }

    /// <summary>When merged: the node that carries on.</summary>
    public int? MergedIntoId { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }
}
