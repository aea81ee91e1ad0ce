using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;

namespace Masterplan.Web.Features.Papers;

/// <summary>A council paper (Vorlage) or motion (Antrag); OParl Paper.</summary>
public sealed class Paper : ISeeded, Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped
{
    public int Id { get; set; }

    /// <summary>Drucksache number, e.g. 26093-22; motions may have none.</summary>
    public string? Reference { get; set; }

    public required string Name { get; set; }

    /// <summary>OParl paperType, e.g. "Beschlussvorlage", "Antrag".</summary>
    public required string PaperType { get; set; }

    public DateOnly Date { get; set; }

    public int? ResponsibleOrganizationId { get; set; }

    public Organization? ResponsibleOrganization { get; set; }

    /// <summary>Who introduced it (the fractions of a joint motion, a department).</summary>
    public string? Originator { get; set; }

    /// <summary>The draft decision (Beschlussvorschlag).</summary>
    public string? DecisionProposal { get; set; }

    /// <summary>The reasons (Begründung) given for the draft decision.</summary>
    public string? Reasons { get; set; }

    /// <summary>For a motion: the paper it amends.</summary>
    public int? AmendsPaperId { get; set; }

    public Paper? AmendsPaper { get; set; }

    public List<Consultation> Consultations { get; set; } = [];

    public List<PaperFile> Files { get; set; } = [];

    /// <summary>Papers the Office named as related (OParl relatedPaper); the relation is kept once, from this paper.</summary>
    public List<PaperRelation> Related { get; set; } = [];

    public bool IsDemo { get; set; }

    public string? Source { get; set; }

    public string? SeedKey { get; set; }

    public string? SeedHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }
}

/// <summary>One paper named as related to another; shown on both papers' pages and in both papers' open data.</summary>
public sealed class PaperRelation : Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int PaperId { get; set; }

    public int RelatedPaperId { get; set; }

    public Paper RelatedPaper { get; set; } = null!;

    /// <summary>Open data shows the relation as <c>relatedPaper</c> of both papers.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() => [(typeof(Paper), PaperId), (typeof(Paper), RelatedPaperId)];
}

/// <summary>
/// A file of a paper (the paper itself, an attachment): an uploaded PDF or one generated from the paper. Open data shows it
/// as an OParl File inside its paper (<c>mainFile</c>, <c>auxiliaryFile</c>).
/// </summary>
public sealed class PaperFile : Masterplan.Web.Features.Audit.IAudited, Masterplan.Web.Shared.ITimestamped, Masterplan.Web.Shared.IShownIn
{
    public int Id { get; set; }

    public int PaperId { get; set; }

    public required string Title { get; set; }

    public required string FileName { get; set; }

    /// <summary>The media type found from the content, never from the name.</summary>
    public required string MediaType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-512 of the content, hex, so anyone can check a copy.</summary>
    public required string Sha512 { get; set; }

    /// <summary>Whether the platform generated it from the paper's own fields (a tagged PDF) rather than an upload.</summary>
    public bool IsGenerated { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public required string AddedBy { get; set; }

    /// <summary>The bytes; loaded only when the file is downloaded.</summary>
    public PaperFileContent? Content { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Open data shows a file inside its paper.</summary>
    public IEnumerable<(Type Type, int Id)> ShownIn() => [(typeof(Paper), PaperId)];
}

/// <summary>The bytes of a <see cref="PaperFile"/>, in a table of their own so lists stay light.</summary>
public sealed class PaperFileContent
{
    public int Id { get; set; }

    public required byte[] Data { get; set; }
}
