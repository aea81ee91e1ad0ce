namespace Masterplan.Documents;

/// <summary>Face and size of a piece of text in the PDF.</summary>
internal readonly record struct TextStyle(double Size, bool Bold = false, bool Italic = false);
