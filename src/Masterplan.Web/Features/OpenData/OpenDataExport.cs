using System.Globalization;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Microsoft.Extensions.Options;
using Quartz;

namespace Masterplan.Web.Features.OpenData;

/// <summary>Writes every dataset as CSV and JSON into a new snapshot (<see cref="OpenDataStore"/>).</summary>
public sealed class OpenDataExport(OpenDataBuilder builder, OpenDataStore store, TimeProvider time)
{
    public const string Csv = "csv";
    public const string Json = "json";

    /// <summary>One export at a time per instance: the nightly job and a first request that finds no snapshot.</summary>
    private static readonly SemaphoreSlim Running = new(1, 1);

    public OpenDataStore Store => store;

    public async Task<Snapshot> RunAsync(CancellationToken ct)
    {
        await Running.WaitAsync(ct);
        try
        {
            return await WriteAsync(ct);
        }
        finally
        {
            Running.Release();
        }
    }

    /// <summary>The newest snapshot; before the first export ran, one made now (never a 404 for a known dataset).</summary>
    public async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (store.Current() is { } current)
        {
            return current;
        }

        await Running.WaitAsync(ct);
        try
        {
            // Another request may have written it while this one waited.
            return store.Current() ?? await WriteAsync(ct);
        }
        finally
        {
            Running.Release();
        }
    }

    private Task<Snapshot> WriteAsync(CancellationToken ct) => store.WriteAsync(CityTime.Today(time), time.GetUtcNow(), Datasets(ct), ct);

    /// <summary>One dataset at a time, written straight into its files: memory holds one dataset's rows, never the files.</summary>
    private async IAsyncEnumerable<DatasetFiles> Datasets([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var definition in OpenDataSets.All)
        {
            var table = await builder.BuildAsync(definition, ct);
            yield return new DatasetFiles(definition.Slug, table.Rows.Count, table.From, table.To, [(Csv, s => ToCsv(table, s)), (Json, s => ToJson(table, s))]);
        }
    }

    public static byte[] ToCsv(DatasetTable table) => InMemory(s => ToCsv(table, s));

    public static byte[] ToJson(DatasetTable table) => InMemory(s => ToJson(table, s));

    private static byte[] InMemory(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    /// <summary>RFC 4180 with a header of the column names, UTF-8 with a BOM (<see cref="CsvTable.Write(Stream, IEnumerable{IEnumerable{string?}}, IReadOnlySet{int}?)"/>).</summary>
    public static void ToCsv(DatasetTable table, Stream stream)
    {
        var columns = table.Definition.Columns;
        var numeric = columns.Select((c, i) => (c, i)).Where(x => x.c.Kind is ColumnKind.WholeNumber or ColumnKind.DecimalNumber).Select(x => x.i).ToHashSet();
        CsvTable.Write(stream, table.Rows.Select(r => r.Select(Text)).Prepend(columns.Select(c => c.Name)), numeric);
    }

    /// <summary>An object with the dataset's name, licence and columns, and its rows as objects under <c>daten</c>.</summary>
    public static void ToJson(DatasetTable table, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("datensatz", table.Definition.Slug);
            json.WriteString("titel", table.Definition.Title);
            json.WriteString("lizenz", Dcat.Licence);
            json.WriteStartArray("spalten");
            foreach (var column in table.Definition.Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("typ", TypeName(column.Kind));
                json.WriteString("beschreibung", column.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("daten");
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(table.Definition.Columns[i].Name);
                    WriteValue(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>
    /// The value with the fewest decimal places: PostgreSQL gives a numeric column's scale (12500.50), SQLite does not
    /// (12500.5); the files must not depend on the engine.
    /// </summary>
    private static decimal Normalized(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The column's type as the Frictionless Table Schema names it.</summary>
    public static string TypeName(ColumnKind kind) => kind switch
    {
        ColumnKind.WholeNumber => "integer",
        ColumnKind.DecimalNumber => "number",
        ColumnKind.Date => "date",
        ColumnKind.DateTime => "datetime",
        ColumnKind.Boolean => "boolean",
        _ => "string",
    };

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case decimal d:
                json.WriteNumberValue(Normalized(d));
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }

    /// <summary>A value as written in the CSV: invariant numbers, ISO 8601 dates, times in UTC.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal d => Normalized(d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>Writes the open-data snapshot every night, so the files and the catalogue show the day's state.</summary>
[DisallowConcurrentExecution]
public sealed class OpenDataExportJob(AppDbContext db, TimeProvider time, OpenDataExport export) : IJob
{
    public static readonly JobKey Key = new("open-data-export", "open-data");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => JobRuns.RecordAsync(db, time, context, async ct =>
    {
        var snapshot = await export.RunAsync(ct);
        return string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Manifest.Datasets.Count} datasets, {snapshot.Manifest.Datasets.Sum(d => d.Rows)} rows, {snapshot.Manifest.Datasets.Sum(d => d.Files.Sum(f => f.Size))} bytes");
    }, cancellationToken);
}

/// <summary>Creates the store from the settings: the folder relative to the app's folder.</summary>
internal static class OpenDataStoreFactory
{
    public static OpenDataStore Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OpenDataOptions>>().Value;
        var root = Path.GetFullPath(Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Folder));
        return new OpenDataStore(root, options.KeepSnapshots);
    }
}
