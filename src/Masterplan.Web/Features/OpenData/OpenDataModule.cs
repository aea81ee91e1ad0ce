using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Masterplan.Web.Features.OpenData;

/// <summary>
/// Open data: every public dataset of the platform as CSV and JSON, written nightly into dated snapshots, served at
/// <c>/opendata/&lt;dataset&gt;.csv|.json</c> (<c>?stand=JJJJ-MM-TT</c> for an earlier day), described by a DCAT-AP.de
/// catalogue at <c>/opendata/catalog.jsonld</c> and <c>/opendata/catalog.rdf</c> that GovData can harvest, and listed with
/// their columns on <c>/offene-daten</c>.
/// </summary>
public sealed class OpenDataModule : IModule
{
    public IReadOnlyList<PageAccess> Pages => [PageAccess.PublicFolder("/OpenData")];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<OpenDataExportJob>(OpenDataExportJob.Key, new("open-data-export-nightly", "open-data"), "Jobs:OpenDataExport:Cron", "0 30 2 * * ?", inCityTime: true)];

    public IEnumerable<string> TranslationLabels => OpenDataSets.Texts.Concat(KindLabels.Values);

    /// <summary>How the page names the kinds of column (German, translated).</summary>
    public static readonly IReadOnlyDictionary<ColumnKind, string> KindLabels = new Dictionary<ColumnKind, string>
    {
        [ColumnKind.Text] = "Text",
        [ColumnKind.WholeNumber] = "ganze Zahl",
        [ColumnKind.DecimalNumber] = "Dezimalzahl",
        [ColumnKind.Date] = "Datum",
        [ColumnKind.DateTime] = "Zeitpunkt",
        [ColumnKind.Boolean] = "Wahrheitswert",
    };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenDataOptions>().BindConfiguration("OpenData");
        services.AddSingleton(OpenDataStoreFactory.Create);
        services.AddScoped<OpenDataBuilder>();
        services.AddScoped<OpenDataExport>();
    }

    public void MapEndpoints(WebApplication app) =>
        app.MapGroup("/opendata").WithTags("OpenData").AllowAnonymous()
            .MapGet("/{file}", ServeAsync)
            .WithSummary("Open data: a dataset as CSV or JSON (<dataset>.csv, <dataset>.json), or the DCAT-AP.de catalogue (catalog.jsonld, catalog.rdf); ?stand=yyyy-MM-dd for an earlier nightly snapshot.");

    /// <summary>The functional address for questions, from the sender address of the platform's mail.</summary>
    public static string? ContactEmail(MailOptions mail) => MailAddress.TryCreate(mail.From, out var address) ? address.Address : null;

    private static async Task<IResult> ServeAsync(string file, string? stand, HttpContext http, OpenDataExport export, IOptions<MailOptions> mail, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        // Anyone may read open data, also from a script on another site.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var dot = file.LastIndexOf('.');
        var (name, format) = dot > 0 ? (file[..dot], file[(dot + 1)..]) : (file, "");
        var dataset = OpenDataSets.Find(name);
        var known = string.Join(", ", OpenDataSets.All.Select(d => d.Slug));
        if (name != "catalog" && dataset is null)
        {
            return NotFound(http, "Den Datensatz „{0}“ gibt es nicht. Vorhanden sind: {1}.", name, known);
        }

        var formats = name == "catalog" ? new[] { "jsonld", "rdf" } : [OpenDataExport.Csv, OpenDataExport.Json];
        if (!formats.Contains(format))
        {
            return NotFound(http, "„{0}“ gibt es nicht im Format „{1}“. Vorhanden sind: {2}.", name, format, string.Join(", ", formats));
        }

        Snapshot snapshot;
        if (stand is not null)
        {
            if (!DateOnly.TryParseExact(stand, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Problem(http, StatusCodes.Status400BadRequest, "Die Anfrage ist ungültig.", "„{0}“ ist kein Datum im Format JJJJ-MM-TT.", stand);
            }

            var found = export.Store.Find(day);
            if (found is null)
            {
                var days = export.Store.Days();
                return NotFound(http, "Für den {0} gibt es keinen Stand der offenen Daten. Vorhanden sind: {1}.", stand,
                    days.Count == 0 ? "–" : string.Join(", ", days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            }

            snapshot = found;
        }
        else
        {
            snapshot = await export.CurrentAsync(ct);
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        if (dataset is null)
        {
            var graph = Dcat.Catalog(snapshot.Manifest, mail.Value.Link, ContactEmail(mail.Value), options.Value.ContributorId);
            var bytes = format == "rdf" ? Dcat.ToRdfXml(graph) : Dcat.ToJsonLd(graph);
            return TypedResults.File(bytes, format == "rdf" ? "application/rdf+xml" : "application/ld+json", lastModified: snapshot.Manifest.ExportedAt,
                entityTag: new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\""));
        }

        // The file is opened before it is sent: a handle stays valid when the same day's export replaces the folder.
        for (var attempt = 0; ; attempt++)
        {
            var entry = snapshot.Manifest.Dataset(dataset.Slug)?.File(format);
            if (entry is null)
            {
                return NotFound(http, "Der Stand vom {0} enthält den Datensatz „{1}“ noch nicht.", snapshot.Manifest.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dataset.Slug);
            }

            try
            {
                var stream = new FileStream(snapshot.PathOf(dataset.Slug, format), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return TypedResults.Stream(stream, Dcat.ContentType(format), lastModified: entry.Modified,
                    entityTag: new EntityTagHeaderValue($"\"{entry.Sha256}\""), enableRangeProcessing: true);
            }
            catch (Exception e) when (attempt == 0 && stand is null && e is FileNotFoundException or DirectoryNotFoundException)
            {
                snapshot = await export.CurrentAsync(ct);
            }
        }
    }

    private static ProblemHttpResult NotFound(HttpContext http, string key, params object[] args) =>
        Problem(http, StatusCodes.Status404NotFound, "Nicht gefunden", key, args);

    private static ProblemHttpResult Problem(HttpContext http, int status, string title, string key, params object[] args) =>
        OutcomeAdapters.Problem(http, status, title, new FieldError("", key, args));
}
