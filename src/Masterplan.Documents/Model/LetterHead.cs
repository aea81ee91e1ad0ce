namespace Masterplan.Documents;

/// <summary>The two layouts of a business letter in DIN 5008: form A (short letterhead, 27 mm) and form B (tall letterhead, 45 mm).</summary>
public enum LetterForm
{
    /// <summary>Letterhead 27 mm; address field from 27 mm below the top edge.</summary>
    A,

    /// <summary>Letterhead 45 mm; address field from 45 mm below the top edge (the more common form).</summary>
    B,
}

/// <summary>
/// The head of a letter laid out for a window envelope (DIN 5008 / DIN 676): the letterhead above, the address field
/// (85 × 45 mm, 20 mm from the left edge, 27 mm (form A) or 45 mm (form B) from the top) with the return address in its top
/// 5 mm, the recipient in its lower 27.3 mm (at most six lines), and the information block (contact, date) beside it at
/// 125 mm. It always starts a page; the text of the letter follows below the address field. Fold and hole marks are drawn
/// at the margin.
/// </summary>
/// <param name="Form">Form A or B.</param>
/// <param name="Letterhead">The sender's letterhead, first line large (e.g. "Stadt Dortmund", then the office).</param>
/// <param name="ReturnAddress">The one-line return address (Rücksendeangabe), e.g. "Stadt Dortmund · Friedensplatz 1 · 44135 Dortmund".</param>
/// <param name="Recipient">The recipient's lines (name, street, postcode and town), at most six.</param>
/// <param name="Info">The information block's label/value pairs (contact person, phone, e-mail, date).</param>
public sealed record LetterHead(LetterForm Form, IReadOnlyList<string> Letterhead, string ReturnAddress, IReadOnlyList<string> Recipient,
    IReadOnlyList<KeyValuePair<string, string>> Info) : Block
{
    /// <summary>Lines the address zone holds (27.3 mm at 4.55 mm a line).</summary>
    public const int MaxRecipientLines = 6;

    /// <summary>The sender's letterhead, first line large.</summary>
    public IReadOnlyList<string> Letterhead { get; init => field = Guard.NotNull(value, nameof(Letterhead)); } = Guard.NotNull(Letterhead, nameof(Letterhead));

    /// <summary>The one-line return address.</summary>
    public string ReturnAddress { get; init => field = Guard.NotNull(value, nameof(ReturnAddress)); } = Guard.NotNull(ReturnAddress, nameof(ReturnAddress));

    /// <summary>The recipient's lines, at most <see cref="MaxRecipientLines"/>.</summary>
    public IReadOnlyList<string> Recipient { get; init => field = CheckRecipient(value, nameof(Recipient)); } = CheckRecipient(Recipient, nameof(Recipient));

    /// <summary>The information block's label/value pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Info { get; init => field = Guard.NotNull(value, nameof(Info)); } = Guard.NotNull(Info, nameof(Info));

    /// <summary>Top of the address field in millimetres from the page's top edge (DIN 5008: 27 mm for form A, 45 mm for form B).</summary>
    public double AddressFieldTopMm => Form == LetterForm.A ? 27 : 45;

    static IReadOnlyList<string> CheckRecipient(IReadOnlyList<string>? lines, string name)
    {
        Guard.NotNull(lines, name);
        return lines!.Count is > 0 and <= MaxRecipientLines
            ? lines
            : throw new ArgumentException($"A window envelope shows 1 to {MaxRecipientLines} address lines.", name);
    }
}
