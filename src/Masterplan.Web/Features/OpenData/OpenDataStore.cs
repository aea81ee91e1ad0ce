using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Masterplan.Web.Features.OpenData;

/// <summary>Settings of the open-data export (<c>OpenData:…</c>).</summary>
public sealed class OpenDataOptions
{
    /// <summary>Where the nightly snapshots are written, relative to the app's folder. Instances behind one address share it.</summary>
    public string Folder { get; set; } = "data/opendata";

    /// <summary>How many daily snapshots are kept for <c>?stand=</c>.</summary>
    public int KeepSnapshots { get; set; } = 31;

    /// <summary>
    /// The publisher's id in GovData's list of data providers (dcatde:contributorID). The operator must check it
    /// against GovData's list before harvesting starts.
    /// </summary>
    public string ContributorId { get; set; } = "http://dcat-ap.de/def/contributors/stadtDortmund";
}

/// <summary>One file of a snapshot: its format, byte size, SHA-256 and when its content last changed.</summary>
public sealed record DistributionFile(string Format, long Size, string Sha256, DateTimeOffset Modified);

/// <summary>A dataset as the export hands it to the store: its figures and, per format, what writes its file.</summary>
public sealed record DatasetFiles(string Slug, int Rows, DateOnly? From, DateOnly? To, IReadOnlyList<(string Format, Action<Stream> Write)> Files);

/// <summary>One dataset in a snapshot: its rows, the days its content covers, and its two files.</summary>
public sealed record SnapshotDataset(string Slug, int Rows, DateOnly? From, DateOnly? To, DateTimeOffset Issued, IReadOnlyList<DistributionFile> Files)
{
    public DistributionFile? File(string format) => Files.FirstOrDefault(f => f.Format == format);
}

/// <summary>What an export wrote: the day (Dortmund time), when it ran, and every dataset.</summary>
public sealed record SnapshotManifest(DateOnly Day, DateTimeOffset ExportedAt, IReadOnlyList<SnapshotDataset> Datasets)
{
    public SnapshotDataset? Dataset(string slug) => Datasets.FirstOrDefault(d => d.Slug == slug);
}

/// <summary>A snapshot on disk.</summary>
public sealed record Snapshot(string Folder, SnapshotManifest Manifest)
{
    public string PathOf(string slug, string format) => Path.Combine(Folder, slug + "." + format);
}

/// <summary>
/// The exported files: one folder per day (<c>yyyy-MM-dd</c>) with every dataset as CSV and JSON and a
/// <c>manifest.json</c> with sizes, SHA-256 and modified times, written last. A day's export is written to a temporary
/// folder and then moved into place, so a reader sees the old snapshot or the new one, never half of one. Files instead of
/// a table: the export runs nightly, is read as whole files (which the web server sends with ranges and conditional
/// requests), and needs no schema change; several instances share the folder.
/// </summary>
public sealed class OpenDataStore(string root, int keep)
{
    public const string ManifestFile = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Root { get; } = root;

    private static string DayName(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The days that have a complete snapshot, newest first.</summary>
    public IReadOnlyList<DateOnly> Days()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(Root)
            .Where(d => File.Exists(Path.Combine(d, ManifestFile)))
            .Select(d => DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
            .OfType<DateOnly>()
            .OrderDescending()];
    }

    /// <summary>The newest snapshot, or null before the first export.</summary>
    public Snapshot? Current() => Days() is [var newest, ..] ? Find(newest) : null;

    /// <summary>The snapshot of a day, or null when there is none.</summary>
    public Snapshot? Find(DateOnly day)
    {
        var folder = Path.Combine(Root, DayName(day));
        try
        {
            var manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllBytes(Path.Combine(folder, ManifestFile)), Json);
            return manifest is null ? null : new Snapshot(folder, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing (never written, or replaced this instant) or unreadable: as if there were none.
            return null;
        }
    }

    /// <summary>
    /// Writes a day's snapshot, each file straight from its dataset (<see cref="DatasetFiles"/>). A file whose bytes equal
    /// the previous snapshot's keeps that snapshot's modified time, so a harvester sees a change only when the data changed.
    /// </summary>
    public async Task<Snapshot> WriteAsync(DateOnly day, DateTimeOffset now, IAsyncEnumerable<DatasetFiles> datasets, CancellationToken ct)
    {
        var previous = Current()?.Manifest;
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $".{DayName(day)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        var entries = new List<SnapshotDataset>();
        try
        {
            await foreach (var (slug, rows, from, to, files) in datasets.WithCancellation(ct))
            {
                var before = previous?.Dataset(slug);
                var written = new List<DistributionFile>();
                foreach (var (format, write) in files)
                {
                    var path = Path.Combine(temporary, slug + "." + format);
                    await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                    {
                        write(file);
                    }

                    // Read back for its hash: the file is in the page cache, and the writer needs no hashing stream.
                    await using var content = File.OpenRead(path);
                    var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
                    var old = before?.File(format);
                    written.Add(new DistributionFile(format, content.Length, hash, old is not null && old.Sha256 == hash ? old.Modified : now));
                }

                entries.Add(new SnapshotDataset(slug, rows, from, to, before?.Issued ?? now, written));
            }
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }

        var manifest = new SnapshotManifest(day, now, entries);
        File.WriteAllBytes(Path.Combine(temporary, ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        var target = Path.Combine(Root, DayName(day));
        if (Directory.Exists(target))
        {
            var old = Path.Combine(Root, $".{DayName(day)}.{Guid.NewGuid():N}.old");
            Directory.Move(target, old);
            Directory.Move(temporary, target);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(temporary, target);
        }

        foreach (var stale in Days().Skip(Math.Max(1, keep)))
        {
            Directory.Delete(Path.Combine(Root, DayName(stale)), recursive: true);
        }

        return new Snapshot(target, manifest);
    }
}
