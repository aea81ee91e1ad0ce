using System.Globalization;

namespace Masterplan.Web.Features.Audit;

/// <summary>
/// The head of the audit log at one moment: how many entries it had, the last entry's id and hash, sealed with
/// the audit key. Kept outside the database (a file, the application log, optionally mail), so that a log that
/// was cut at its end or rewritten and re-chained no longer matches it.
/// </summary>
/// <remarks>One line of text per checkpoint: <c>2026-11-23T08:07:00.0000000Z count=871 entry=871 hash=… seal=…</c>.</remarks>
public sealed record AuditCheckpoint(DateTimeOffset At, long Count, long EntryId, string Hash, string? Seal)
{
    /// <summary>The time as written in the line, to name the checkpoint in messages.</summary>
    public string Stamp => At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>What the seal covers: the line without its seal.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Stamp} count={Count} entry={EntryId} hash={Hash}");

    public string ComputeSeal(byte[] key) => AuditKey.Seal(key, Text);

    public string ToLine() => Seal is null ? Text : $"{Text} seal={Seal}";

    /// <summary>Reads one line as <see cref="ToLine"/> writes it; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static AuditCheckpoint Parse(string line)
    {
        var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            throw new FormatException("expected 'TIME count=N entry=N hash=HEX seal=HEX'.");
        }

        if (!DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new FormatException($"'{parts[0]}' is not a time like 2026-11-23T08:07:00.0000000Z.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts[1..])
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !fields.TryAdd(part[..eq], part[(eq + 1)..]))
            {
                throw new FormatException($"'{part}' is not a single name=value.");
            }
        }

        long Number(string name) =>
            fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new FormatException($"{name}= must be a whole number above 0.");

        string Hex(string name) =>
            fields.TryGetValue(name, out var text) && text.Length == 64 && text.All(Uri.IsHexDigit)
                ? text.ToUpperInvariant()
                : throw new FormatException($"{name}= must be 64 hexadecimal digits.");

        return new AuditCheckpoint(at, Number("count"), Number("entry"), Hex("hash"), fields.ContainsKey("seal") ? Hex("seal") : null);
    }
}
