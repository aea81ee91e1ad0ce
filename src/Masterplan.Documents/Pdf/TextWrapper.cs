using System.Text;

namespace Masterplan.Documents;

/// <summary>A piece of a line in one style, starting at <see cref="X"/> relative to the line's start.</summary>
internal readonly record struct Segment(string Text, TextStyle Style, double X);

/// <summary>One wrapped line.</summary>
internal sealed record TextLine(IReadOnlyList<Segment> Segments, double Width);

/// <summary>Greedy line breaking at spaces; a word longer than the line is cut between characters so that no
/// text is ever dropped or drawn past the margin.</summary>
internal sealed class TextWrapper
{
    readonly PdfFonts _fonts;
    readonly double _maxWidth;
    readonly List<TextLine> _lines = [];
    readonly List<(StringBuilder Text, TextStyle Style, double X)> _segments = [];
    double _x;
    int _pendingSpaces;
    TextStyle _pendingSpaceStyle;

    TextWrapper(PdfFonts fonts, double maxWidth)
    {
        _fonts = fonts;
        _maxWidth = Math.Max(maxWidth, 1);
    }

    public static List<TextLine> Wrap(PdfFonts fonts, IEnumerable<(string Text, TextStyle Style)> runs, double maxWidth)
    {
        var wrapper = new TextWrapper(fonts, maxWidth);
        foreach (var (text, style) in runs)
            wrapper.Add(text, style);
        if (wrapper._segments.Count > 0)
            wrapper.FlushLine();
        return wrapper._lines;
    }

    public static List<TextLine> Wrap(PdfFonts fonts, string text, TextStyle style, double maxWidth)
        => Wrap(fonts, [(text, style)], maxWidth);

    void Add(string text, TextStyle style)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                FlushLine();
                i++;
            }
            else if (c == '\r')
            {
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (_segments.Count > 0)
                {
                    _pendingSpaces++;
                    _pendingSpaceStyle = style;
                }
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    i++;
                PlaceWord(text[start..i], style);
            }
        }
    }

    void PlaceWord(string word, TextStyle style)
    {
        var width = _fonts.Width(style, word);
        var spaceWidth = _pendingSpaces * _fonts.Width(_pendingSpaceStyle, " ");
        if (_segments.Count > 0 && _x + spaceWidth + width > _maxWidth)
        {
            FlushLine();
            spaceWidth = 0;
        }
        if (_segments.Count == 0 && width > _maxWidth)
        {
            PlaceLongWord(word, style);
            return;
        }

        var spaces = new string(' ', _pendingSpaces);
        _pendingSpaces = 0;
        if (_segments.Count > 0 && _segments[^1].Style == style)
        {
            _segments[^1].Text.Append(spaces).Append(word);
        }
        else
        {
            // The space stays in the text of the previous piece so that text extraction keeps the words apart.
            if (_segments.Count > 0)
                _segments[^1].Text.Append(spaces);
            _segments.Add((new StringBuilder(word), style, _x + spaceWidth));
        }
        _x += spaceWidth + width;
    }

    void PlaceLongWord(string word, TextStyle style)
    {
        var start = 0;
        while (start < word.Length)
        {
            var end = start + 1;
            while (end < word.Length && _fonts.Width(style, word[start..(end + 1)]) <= _maxWidth)
                end++;
            if (end < word.Length && char.IsHighSurrogate(word[end - 1]) && end - 1 > start)
                end--;
            var piece = word[start..end];
            _segments.Add((new StringBuilder(piece), style, 0));
            _x = _fonts.Width(style, piece);
            start = end;
            if (start < word.Length)
                FlushLine();
        }
        _pendingSpaces = 0;
    }

    void FlushLine()
    {
        _lines.Add(new TextLine(_segments.Select(s => new Segment(s.Text.ToString(), s.Style, s.X)).ToList(), _x));
        _segments.Clear();
        _x = 0;
        _pendingSpaces = 0;
    }
}
