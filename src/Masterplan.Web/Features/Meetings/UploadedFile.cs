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

    /// <summary>The type the bytes really are, or null when none of the allowed types.</summary>
    public static FileType? Detect(byte[] data)
    {
        ReadOnlySpan<byte> d = data;
        if (d.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (d.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (d.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        return d.StartsWith("PK\u0003\u0004"u8) ? DetectZip(data) : null;
    }

    private static FileType? DetectZip(byte[] data)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == Odt.MediaType ? Odt : null;
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            return zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The German message for a file over the limit, checked before it is read.</summary>
    public static string? TooLarge(string fileName, long length, long maxBytes) =>
        length > maxBytes ? $"Die Datei „{fileName}“ ist {Megabytes(length)} groß; erlaubt sind höchstens {Megabytes(maxBytes)}." : null;

    /// <summary>Checks an upload's content against its name; returns the German message that says what is wrong, or the type.</summary>
    public static (FileType? Type, string? Error) Check(string fileName, byte[] data)
    {
        if (data.Length == 0)
        {
            return (null, $"Die Datei „{fileName}“ ist leer.");
        }

        var type = Detect(data);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (type is null)
        {
            return (null, $"Die Datei „{fileName}“ ist keine der erlaubten Dateiarten (PDF, DOCX, ODT, XLSX, PNG, JPEG).");
        }

        if (!type.Extensions.Contains(extension))
        {
            return (null, $"Die Datei „{fileName}“ ist laut Inhalt ein {type.Label}, ihre Endung „{extension}“ passt nicht dazu. Bitte benennen Sie die Datei passend um.");
        }

        return (type, null);
    }

    public static string Sha512Hex(byte[] data) => Convert.ToHexStringLower(SHA512.HashData(data));

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
}
