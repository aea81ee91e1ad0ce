using PdfSharp.Drawing;

namespace Masterplan.Documents;

/// <summary>One step of a laid-out PDF. Layout runs first so that the page count is known when footers
/// ("Seite 3 von 7") are drawn; the steps are then replayed into PDFsharp.</summary>
internal abstract record PdfOp;

/// <summary>Starts the next page; <paramref name="StartsSection"/> when an explicit <see cref="PageBreak"/> caused it.</summary>
internal sealed record NewPageOp(bool StartsSection = false) : PdfOp;

/// <summary>Opens a structure element (P, H1, Table, TD, L, LI, Caption, …).</summary>
internal sealed record BeginOp(string Tag, bool ColumnHeader = false) : PdfOp;

/// <summary>Opens a Figure with its text alternative and bounding box.</summary>
internal sealed record BeginFigureOp(string AltText, XRect Box) : PdfOp;

/// <summary>Opens an artifact: content that is not part of the document's reading order (rules, repeated headers).</summary>
internal sealed record BeginArtifactOp : PdfOp;

/// <summary>Closes the innermost element or artifact.</summary>
internal sealed record EndOp : PdfOp;

/// <summary>Opens a Link structure element with a link annotation over <paramref name="Rect"/>; the text drawn until its EndOp is the link's.</summary>
internal sealed record BeginLinkOp(string Uri, string AltText, XRect Rect) : PdfOp;

/// <summary>Draws one piece of text; <paramref name="Top"/> is the top of its line box.</summary>
internal sealed record TextOp(string Text, TextStyle Style, double X, double Top, XColor Color) : PdfOp;

/// <summary>Draws a straight line.</summary>
internal sealed record LineOp(double X1, double Y1, double X2, double Y2, double Width, XColor Color) : PdfOp;

/// <summary>Fills a rectangle.</summary>
internal sealed record FillOp(XRect Rect, XColor Color) : PdfOp;

/// <summary>Draws a PNG into a rectangle; <paramref name="Pixelated"/> turns interpolation off (see <see cref="Figure.Pixelated"/>).</summary>
internal sealed record ImageOp(byte[] Png, XRect Rect, bool Pixelated = false) : PdfOp;
