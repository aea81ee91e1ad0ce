using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Features.Meetings;

/// <summary>Type sniffing of uploads looks into Office archives without unpacking them, whatever they claim.</summary>
public class UploadedFileTests
{
    private const string OdtType = "application/vnd.oasis.opendocument.text";

    /// <summary>A zip with one entry of <paramref name="size"/> bytes that start with <paramref name="head"/> and go on as spaces.</summary>
    private static byte[] Bomb(string name, string head, long size, params string[] more)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
            {
                var start = Encoding.ASCII.GetBytes(head);
                entry.Write(start);
                var spaces = new byte[1024 * 1024];
                Array.Fill(spaces, (byte)' ');
                for (var left = size - start.Length; left > 0; left -= spaces.Length)
                {
                    entry.Write(spaces, 0, (int)Math.Min(left, spaces.Length));
                }
            }

            foreach (var extra in more)
            {
                zip.CreateEntry(extra);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Runs the check and returns its message with the bytes it allocated on the way.</summary>
    private static (UploadedFile.FileType? Type, string? Error, long Allocated) Measure(string fileName, byte[] data)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (type, error) = UploadedFile.Check(fileName, data);
        return (type, error?.German, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task An_ODT_whose_mimetype_inflates_to_400_MB_gets_a_German_message_without_being_unpacked()
    {
        var bomb = Bomb("mimetype", OdtType, 400L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");

        var (type, error, allocated) = Measure("protokoll.odt", bomb);
        Assert.Null(type);
        Assert.Contains("entpackt mehr als 256 MB", error, StringComparison.Ordinal);
        Assert.True(allocated < 8 * 1024 * 1024, $"the check allocated {allocated / 1024 / 1024} MB");

        // Through the upload form: the Office reads the message, nothing is stored, no 500.
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var office = await Users.SignInAsync(app, await Users.CreateAsync(app, "office@stadtdo.de", Roles.Office));
        var body = await MeetingChainTests.CreateBodyAsync(app);
        int meeting;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var created = new Meeting
            {
                OrganizationId = body.OrganizationId, Title = "Sitzung", Start = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero), IsPublic = true, CalendarUid = $"{Guid.NewGuid():N}@test",
            };
            db.Meetings.Add(created);
            await db.SaveChangesAsync();
            meeting = created.Id;
        }

        var agenda = $"/verwaltung/sitzungen/{meeting}/tagesordnung";
        var refused = await office.PostFileAsync($"{agenda}?handler=Upload", agenda, new() { ["documentTitle"] = "Protokoll" }, "file", "protokoll.odt", bomb);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("„protokoll.odt“ ist ein gepacktes Archiv, das entpackt mehr als 256 MB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().MeetingDocuments.AnyAsync());
        }
    }

    [Fact]
    public void A_mimetype_entry_that_lies_about_its_size_is_read_only_a_few_bytes_far()
    {
        // 300 MB of spaces after the media type, while both headers claim the entry holds just the media type.
        var bomb = Bomb("mimetype", OdtType, 300L * 1024 * 1024);
        var local = bomb.AsSpan().IndexOf("PK\u0003\u0004"u8);
        var central = bomb.AsSpan().IndexOf("PK\u0001\u0002"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(bomb.AsSpan(local + 22), (uint)OdtType.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bomb.AsSpan(central + 24), (uint)OdtType.Length);

        var (_, _, allocated) = Measure("protokoll.odt", bomb);
        Assert.True(allocated < 8 * 1024 * 1024, $"the check allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void An_archive_with_more_entries_than_any_Office_document_is_refused_before_its_directory_is_read()
    {
        var names = Enumerable.Range(0, UploadedFile.MaxZipEntries + 1).Select(i => $"word/media/bild{i}.png").Append("word/document.xml").ToArray();
        var many = Bomb("[Content_Types].xml", "<Types/>", 8, names);

        var (type, error, _) = Measure("bericht.docx", many);
        Assert.Null(type);
        Assert.Contains($"mehr als {UploadedFile.MaxZipEntries} Teile", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_ODT_and_DOCX_are_still_recognised()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mimetype = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                mimetype.Write(OdtType);
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content/>");
        }

        Assert.Equal(UploadedFile.Odt, UploadedFile.Check("protokoll.odt", buffer.ToArray()).Type);
        var docx = Masterplan.Documents.DocxRenderer.Render(new Masterplan.Documents.Document("Bericht", [new Masterplan.Documents.Paragraph("Text")]));
        Assert.Equal(UploadedFile.Docx, UploadedFile.Check("bericht.docx", docx).Type);
    }
}
