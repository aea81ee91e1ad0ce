using Masterplan.Web.Shared;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// The file types a meeting may carry, recognised from their content (docs/domain.md#meetings: never trust the name).
/// </summary>
public static class UploadedFile
{
    public sealed record FileType(string Label, string MediaType, string[] Extensions);

    public static readonly FileType Pdf = new("PDF-Dokument", "application/pdf", [".pdf"]);
    public static readonly FileType Docx = new("Word-Dokument (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileType Xlsx = new("Excel-Tabelle (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileType Odt = new("OpenDocument-Text (ODT)", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly FileType Png = new("PNG-Bild", "image/png", [".png"]);
    public static readonly FileType Jpeg = new("JPEG-Bild", "image/jpeg", [".jpg", ".jpeg"]);

    public static readonly FileType[] Allowed = [Pdf, Docx, Xlsx, Odt, Png, Jpeg];

    /// <summary>Most entries an Office document may have; real ones have tens to a few hundred.</summary>
    public const int MaxZipEntries = 5_000;

    /// <summary>Most bytes all entries of an Office document may inflate to, as their headers declare.</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;

    /// <summary>Most bytes read from the ODT <c>mimetype</c> entry; its content is one short media type.</summary>
    private const int MimetypeBytes = 100;

    /// <summary>The type the bytes really are, or null when none of the allowed types.</summary>
    public static FileType? Detect(byte[] data) => Sniff(data).Type;

    /// <summary>The type, or whether the bytes are a zip archive that would inflate beyond the limits (a "zip bomb").</summary>
    private static (FileType? Type, bool Bomb) Sniff(byte[] data)
    {
        ReadOnlySpan<byte> d = data;
        if (d.StartsWith("%PDF-"u8))
        {
            return (Pdf, false);
        }

        if (d.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, false);
        }

        if (d.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (Jpeg, false);
        }

        return d.StartsWith("PK\u0003\u0004"u8) ? SniffZip(data) : (null, false);
    }

    /// <summary>
    /// Looks into an Office archive without unpacking it: the number of entries is checked in the end record
    /// before the directory is read, the declared sizes are summed, and of the ODT <c>mimetype</c> entry at most
    /// a few bytes are inflated, whatever its header claims.
    /// </summary>
    private static (FileType? Type, bool Bomb) SniffZip(byte[] data)
    {
        if (DeclaredEntries(data) is not { } count)
        {
            return (null, false);
        }

        if (count > MaxZipEntries)
        {
            return (null, true);
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                inflated += entry.Length;
                if (entry.Length < 0 || inflated > MaxInflatedBytes)
                {
                    return (null, true);
                }
            }

            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                return (mimetype.Length <= MimetypeBytes && ReadAtMost(mimetype, MimetypeBytes).Trim() == Odt.MediaType ? Odt : null, false);
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return (null, false);
            }

            return (zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : null, false);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return (null, false);
        }
    }

    /// <summary>The first bytes of an entry as text; the rest is never inflated.</summary>
    private static string ReadAtMost(ZipArchiveEntry entry, int max)
    {
        using var stream = entry.Open();
        var buffer = new byte[max];
        var total = 0;
        int read;
        while (total < max && (read = stream.Read(buffer, total, max - total)) > 0)
        {
            total += read;
        }

        return System.Text.Encoding.ASCII.GetString(buffer, 0, total);
    }

    /// <summary>
    /// The entry count from the zip's end-of-central-directory record (APPNOTE 4.3.16), read before .NET builds an
    /// object per entry; null when there is no such record. The ZIP64 marker counts as too many: no Office
    /// document needs 65,535 entries.
    /// </summary>
    private static int? DeclaredEntries(ReadOnlySpan<byte> data)
    {
        const int recordLength = 22;
        var lowest = Math.Max(0, data.Length - recordLength - ushort.MaxValue);
        for (var at = data.Length - recordLength; at >= lowest; at--)
        {
            if (data[at..].StartsWith("PK\u0005\u0006"u8))
            {
                var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 10)..]);
                return count == ushort.MaxValue ? int.MaxValue : count;
            }
        }

        return null;
    }

    /// <summary>The message for a file over the limit, checked before it is read.</summary>
    public static FieldError? TooLarge(string fileName, long length, long maxBytes) =>
        length > maxBytes ? new("file", "Die Datei „{0}“ ist {1:0.#} MB groß; erlaubt sind höchstens {2:0.#} MB.", fileName, Megabytes(length), Megabytes(maxBytes)) : null;

    /// <summary>Checks an upload's content against its name; returns the message that says what is wrong, or the type.</summary>
    public static (FileType? Type, FieldError? Error) Check(string fileName, byte[] data)
    {
        if (data.Length == 0)
        {
            return (null, new("file", "Die Datei „{0}“ ist leer.", fileName));
        }

        var (type, bomb) = Sniff(data);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bomb)
        {
            return (null, new("file", "Die Datei „{0}“ ist ein gepacktes Archiv, das entpackt mehr als {1:0.#} MB oder mehr als {2} Teile hätte. So große Office-Dokumente nimmt die Plattform nicht an; bitte speichern Sie das Dokument neu oder als PDF.", fileName, Megabytes(MaxInflatedBytes), MaxZipEntries));
        }

        if (type is null)
        {
            return (null, new("file", "Die Datei „{0}“ ist keine der erlaubten Dateiarten (PDF, DOCX, ODT, XLSX, PNG, JPEG).", fileName));
        }

        if (!type.Extensions.Contains(extension))
        {
            return (null, new("file", "Die Datei „{0}“ ist laut Inhalt ein {1}, ihre Endung „{2}“ passt nicht dazu. Bitte benennen Sie die Datei passend um.", fileName, type.Label, extension));
        }

        return (type, null);
    }

    public static string Sha512Hex(byte[] data) => Convert.ToHexStringLower(SHA512.HashData(data));

    private static double Megabytes(long bytes) => bytes / 1024d / 1024d;
}
