using System.Globalization;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Open311;

/// <summary>Settings under <c>Open311:*</c>: what the discovery document says about the provider.</summary>
public sealed class Open311Options
{
    /// <summary>The one jurisdiction this endpoint serves; a request naming another gets 404, one naming none is served.</summary>
    public string JurisdictionId { get; set; } = "dortmund.de";

    public string Contact { get; set; } = "Geschäftsstelle Masterplan Kommunale Sicherheit, masterplan-sicherheit@stadtdo.de";

    public string KeyService { get; set; } = "Einen Schlüssel zum Senden von Meldungen vergibt die Administration der Plattform auf Anfrage an masterplan-sicherheit@stadtdo.de.";
}

/// <summary>
/// The Open311 GeoReport v2 resources under <c>/open311/v2/</c>: discovery, services, service definitions, requests (list,
/// one, create) and tokens, each as <c>.xml</c> and <c>.json</c>. Reports are read and written only through the
/// Meldungen module's public API, so what is public and how a report is checked is decided there once.
/// </summary>
internal sealed partial class Open311Api(
    AppDbContext db, TimeProvider time, IOptions<Open311Options> options, IOptions<MailOptions> mail, IStringLocalizer<SharedResource> t, Features.Geo.Locations locations,
    Open311Cache cache, ServiceRequestDesk desk)
{
    public const string Prefix = "/open311/v2";

    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>The spec's default and largest answer: the last 90 days, at most 1000 reports.</summary>
    public const int MaxPageSize = 1000;

    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(90);

    /// <summary>The arguments of the request list the spec names.</summary>
    private static readonly HashSet<string> ListParameters = new(StringComparer.Ordinal)
    {
        "service_request_id", "service_code", "start_date", "end_date", "status", "page", "page_size", "jurisdiction_id",
    };

    /// <summary>The service definition's question for the district, for as long as the platform cannot find it from the point.</summary>
    public const string DistrictAttribute = "district";

    private string Base => mail.Value.BaseUrl + Prefix;

    public static Open311Format? ParseFormat(string? format) => format switch
    {
        "xml" => Open311Format.Xml,
        "json" => Open311Format.Json,
        _ => null,
    };

    /// <summary>The format of a path whose route did not match: JSON when it asks for it, XML (the required format) otherwise.</summary>
    public static Open311Format FormatOfPath(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    /// <summary>The spec's error list: each message its own entry, the HTTP status as the code.</summary>
    public static Open311Result Errors(Open311Format format, int status, IStringLocalizer t, IEnumerable<FieldError> errors) =>
        new("errors", new Open311Node.List("error", [.. errors.Select(e => Open311Node.Of(("code", status), ("description", e.Localize(t))))]), format, status);

    public Open311Result Error(Open311Format format, int status, string key, params object[] args) => Errors(format, status, t, [new FieldError("", key, args)]);

    /// <summary>The answer for an unknown format or jurisdiction, or null when the request may go on.</summary>
    private Open311Result? Refuse(string format, HttpContext http, out Open311Format parsed) =>
        Refuse(format, http.Request.Query["jurisdiction_id"].ToString(), out parsed);

    public Open311Result? Refuse(string format, string jurisdiction, out Open311Format parsed)
    {
        parsed = ParseFormat(format) ?? Open311Format.Xml;
        if (ParseFormat(format) is null)
        {
            return Error(Open311Format.Xml, StatusCodes.Status400BadRequest, "Unbekanntes Format „{0}“: die Schnittstelle antwortet als .xml oder .json.", Shorten(format));
        }

        return jurisdiction.Length > 0 && !string.Equals(jurisdiction, options.Value.JurisdictionId, StringComparison.OrdinalIgnoreCase)
            ? Error(parsed, StatusCodes.Status404NotFound, "Die Zuständigkeit „{0}“ gibt es hier nicht; diese Schnittstelle bedient nur {1}.", Shorten(jurisdiction), options.Value.JurisdictionId)
            : null;
    }

    public static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    public async Task<IResult> DiscoveryAsync(string format, HttpContext http, CancellationToken ct)
    {
        if (Refuse(format, http, out var f) is { } refused)
        {
            return refused;
        }

        var changeset = await ChangesetAsync(ct);
        var endpoint = Open311Node.Of(
            ("specification", Specification), ("url", Base), ("changeset", changeset), ("type", "production"),
            ("formats", new Open311Node.List("format", [new Open311Node.Value("text/xml"), new Open311Node.Value("application/json")])));
        return new Open311Result("discovery", Open311Node.Of(
            ("changeset", changeset), ("contact", options.Value.Contact), ("key_service", options.Value.KeyService),
            ("endpoints", new Open311Node.List("endpoint", [endpoint]))), f);
    }

    /// <summary>When the list of services last changed: the latest audit entry of a category (every change of one is audited).</summary>
    private async Task<string> ChangesetAsync(CancellationToken ct)
    {
        var latest = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(ServiceCategory)).OrderByDescending(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
        return Open311Result.Time(latest ?? DateTimeOffset.UnixEpoch);
    }

    public async Task<IResult> ServicesAsync(string format, HttpContext http, CancellationToken ct)
    {
        if (Refuse(format, http, out var f) is { } refused)
        {
            return refused;
        }

        // The categories that take reports, as every report is checked against them (the Meldungen' catalogue snapshot).
        var categories = (await desk.CatalogueAsync(ct)).ActiveByCode.Values
            .OrderBy(c => c.Category.Position).ThenBy(c => c.Category.Name, StringComparer.Ordinal);
        return new Open311Result("services", new Open311Node.List("service", [.. categories.Select(c => Open311Node.Of(
            ("service_code", c.Category.Code), ("service_name", c.Category.Name), ("description", c.Category.Description), ("metadata", true), ("type", "realtime"),
            ("keywords", null), ("group", c.Department)))]), f);
    }

    public async Task<IResult> ServiceDefinitionAsync(string serviceCode, string format, HttpContext http, CancellationToken ct)
    {
        if (Refuse(format, http, out var f) is { } refused)
        {
            return refused;
        }

        var catalogue = await desk.CatalogueAsync(ct);
        if (catalogue.ActiveByCode.GetValueOrDefault(serviceCode) is not { } category)
        {
            return Error(f, StatusCodes.Status404NotFound, "Den Dienst „{0}“ gibt es nicht; die Liste steht unter services.xml.", Shorten(serviceCode));
        }

        var attributes = new List<Open311Node>();
        var order = 1;

        // The district is a question only while no boundaries are imported; with them it comes from the point.
        if (!await locations.HasBoundariesAsync(ct))
        {
            var districts = catalogue.Districts.Values.OrderBy(d => d.Position).ThenBy(d => d.Id);
            attributes.Add(Open311Node.Of(
                ("variable", true), ("code", DistrictAttribute), ("datatype", "singlevaluelist"), ("required", true),
                ("datatype_description", t["Die Nummer eines der zwölf Stadtbezirke aus der Liste."].Value), ("order", order++),
                ("description", t["In welchem Stadtbezirk liegt der Ort?"].Value),
                ("values", new Open311Node.List("value", [.. districts.Select(d => Open311Node.Of(("key", d.Id.ToString(CultureInfo.InvariantCulture)), ("name", d.Name)))]))));
        }

        // The category's extra questions: a choice or yes/no as a single-value list, free text as a string.
        foreach (var q in category.Questions)
        {
            var list = q.Kind != ExtraQuestions.FreeText;
            attributes.Add(Open311Node.Of(
                ("variable", true), ("code", q.AttributeCode), ("datatype", list ? "singlevaluelist" : "string"), ("required", q.Required),
                ("datatype_description", list ? t["Einer der Schlüssel aus der Liste."].Value : t["Ein kurzer Text, höchstens {0} Zeichen.", ServiceRequestsModule.MaxAnswerLength].Value),
                ("order", order++), ("description", q.Prompt),
                ("values", list
                    ? new Open311Node.List("value", [.. ExtraQuestions.AllowedAnswers(q).Select(v => Open311Node.Of(("key", v), ("name", q.Kind == ExtraQuestions.YesNo ? t[ExtraQuestions.AnswerLabel(q.Kind, v)].Value : v)))])
                    : null)));
        }

        return new Open311Result("service_definition", Open311Node.Of(("service_code", serviceCode), ("attributes", new Open311Node.List("attribute", attributes))), f);
    }

    public async Task<IResult> RequestAsync(string id, string format, HttpContext http, CancellationToken ct)
    {
        if (Refuse(format, http, out var f) is { } refused)
        {
            return refused;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Error(f, StatusCodes.Status404NotFound, "Die Meldung {0} gibt es nicht.", Shorten(id));
        }

        var rows = await PublicServiceRequests.Query(db).Where(r => r.Id == number).ToListAsync(ct);
        return rows.Count == 0
            ? Error(f, StatusCodes.Status404NotFound, "Die Meldung {0} gibt es nicht.", number)
            : new Open311Result("service_requests", new Open311Node.List("request", await RequestsOfAsync(rows, ct)), f);
    }

    public async Task<IResult> TokenAsync(string token, string format, HttpContext http, CancellationToken ct)
    {
        if (Refuse(format, http, out var f) is { } refused)
        {
            return refused;
        }

        var hash = HashedCodes.HashOfTyped(token);
        var id = hash is null ? null : await db.ServiceRequests.Where(r => r.ReceiptHash == hash && r.IsPublic).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return id is null
            ? Error(f, StatusCodes.Status404NotFound, "Zu dieser Eingangsnummer gibt es keine öffentliche Meldung.")
            : new Open311Result("service_requests", new Open311Node.List("request", [Open311Node.Of(
                ("service_request_id", id.Value.ToString(CultureInfo.InvariantCulture)), ("token", token))]), f);
    }

    public async Task<IResult> RequestsAsync(string format, HttpContext http, CancellationToken ct)
    {
        if (Refuse(format, http, out var f) is { } refused)
        {
            return refused;
        }

        // The same list for every client until a report, category or department changes (Open311Cache). The key holds the
        // minute, because without dates the list is "the last 90 days" from now; and the language of the status notes.
        var now = time.GetUtcNow();
        // Only queries of the spec's parameters are kept, so made-up ones cannot fill the cache.
        var key = $"{format}|{CultureInfo.CurrentUICulture.Name}|{now.UtcTicks / TimeSpan.TicksPerMinute}|{http.Request.QueryString}";
        var scope = http.Request.Query.Keys.All(ListParameters.Contains) ? await cache.OpenAsync(db, ct) : default;
        if (scope.TryGet(key, out var cached))
        {
            if (scope.TryGet(key + "|next", out var next))
            {
                http.Response.Headers.Link = System.Text.Encoding.UTF8.GetString(next);
            }

            return new Open311Cache.Answer(f, cached);
        }

        var query = http.Request.Query;
        var errors = new FieldErrors();
        var page = PositiveNumber(query, "page", 1, int.MaxValue / MaxPageSize, errors);
        var pageSize = PositiveNumber(query, "page_size", MaxPageSize, MaxPageSize, errors);
        var reports = PublicServiceRequests.Query(db);

        var ids = List(query, "service_request_id");
        if (ids.Count > 0)
        {
            // The spec: a list of ids overrides every other argument.
            var numbers = new List<int>();
            foreach (var id in ids)
            {
                if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    numbers.Add(n);
                }
                else
                {
                    errors.Add("service_request_id", "service_request_id: „{0}“ ist keine Nummer einer Meldung.", Shorten(id));
                }
            }

            if (numbers.Count > MaxPageSize)
            {
                errors.Add("service_request_id", "service_request_id: höchstens {0} Nummern auf einmal.", MaxPageSize);
            }

            reports = reports.Where(r => numbers.Contains(r.Id));
        }
        else
        {
            var codes = List(query, "service_code");
            if (codes.Count > 0)
            {
                var known = await db.ServiceCategories.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
                foreach (var unknown in codes.Except(known, StringComparer.Ordinal))
                {
                    errors.Add("service_code", "service_code: den Dienst „{0}“ gibt es nicht.", Shorten(unknown));
                }

                reports = reports.Where(r => codes.Contains(r.CategoryCode));
            }

            var statuses = List(query, "status");
            foreach (var unknown in statuses.Except(["open", "closed"], StringComparer.Ordinal))
            {
                errors.Add("status", "status: „{0}“ gibt es nicht; erlaubt sind open und closed.", Shorten(unknown));
            }

            if (statuses.Contains("open") != statuses.Contains("closed"))
            {
                var final = ServiceRequestsModule.FinalStatuses;
                reports = statuses.Contains("closed") ? reports.Where(r => final.Contains(r.Status)) : reports.Where(r => !final.Contains(r.Status));
            }

            var start = Date(query, "start_date", errors, endOfDay: false);
            var end = Date(query, "end_date", errors, endOfDay: true);
            if (errors.Count == 0)
            {
                var (from, to) = (start, end) switch
                {
                    (null, null) => (now - DefaultSpan, now),
                    ({ } s, null) => (s, s + DefaultSpan),
                    (null, { } e) => (e - DefaultSpan, e),
                    ({ } s, { } e) => (s, e),
                };
                if (to < from)
                {
                    errors.Add("end_date", "end_date liegt vor start_date.");
                }
                else if (to - from > DefaultSpan + TimeSpan.FromDays(1))
                {
                    errors.Add("end_date", "Zwischen start_date und end_date dürfen höchstens 90 Tage liegen.");
                }

                reports = reports.Where(r => r.Created >= from && r.Created <= to);
            }
        }

        if (errors.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest, t, errors);
        }

        var rows = await reports.OrderByDescending(r => r.Created).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(ct);
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var next = QueryLinks.With(query, "page", (page + 1).ToString(CultureInfo.InvariantCulture));
            http.Response.Headers.Link = $"<{Base}/requests.{format}{next}>; rel=\"next\"";
            scope.Put(key + "|next", System.Text.Encoding.UTF8.GetBytes(http.Response.Headers.Link.ToString()));
        }

        var bytes = new Open311Result("service_requests", new Open311Node.List("request", await RequestsOfAsync(rows, ct)), f).Render();
        scope.Put(key, bytes);
        return new Open311Cache.Answer(f, bytes);
    }

    /// <summary>
    /// Creates a report (form-encoded, as the spec says) for a client with a valid API key; answers with the report's number
    /// only after the commit. The reporter's name and address, if sent, are stored for the department and never returned.
    /// </summary>
    public async Task<IResult> CreateAsync(string format, HttpContext http, Open311Keys keys, Open311Intake intake, CancellationToken ct)
    {
        if (ParseFormat(format) is null)
        {
            return Refuse(format, "", out _)!;
        }

        var f = ParseFormat(format)!.Value;
        if (!http.Request.HasFormContentType)
        {
            return Error(f, StatusCodes.Status400BadRequest, "Bitte senden Sie die Meldung als Formular (application/x-www-form-urlencoded).");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error(f, StatusCodes.Status400BadRequest, "Das Formular lässt sich nicht lesen.");
        }

        if (Refuse(format, form["jurisdiction_id"].ToString(), out _) is { } refused)
        {
            return refused;
        }

        var key = form["api_key"].ToString();
        if (key.Length == 0)
        {
            return Error(f, StatusCodes.Status403Forbidden, "Zum Senden einer Meldung fehlt der Parameter api_key.");
        }

        if (await keys.UseAsync(key, ct) is null)
        {
            return Error(f, StatusCodes.Status403Forbidden, "Dieser api_key ist ungültig oder wurde widerrufen.");
        }

        var code = form["service_code"].ToString().Trim();
        if (code.Length == 0)
        {
            return Error(f, StatusCodes.Status400BadRequest, "Der Parameter service_code fehlt.");
        }

        if ((await desk.CatalogueAsync(ct)).ActiveByCode.GetValueOrDefault(code) is not { } category)
        {
            return Error(f, StatusCodes.Status404NotFound, "Den Dienst „{0}“ gibt es nicht; die Liste steht unter services.xml.", Shorten(code));
        }

        var errors = new FieldErrors();
        var lat = Coordinate(form, "lat", errors);
        var lon = Coordinate(form, "long", errors);
        var address = form["address_string"].ToString();
        if (lat is null && lon is null && !errors.Has("lat") && !errors.Has("long") && address.Trim().Length == 0)
        {
            errors.Add("lat", form["address_id"].ToString().Length > 0
                ? "Bitte geben Sie lat und long oder address_string an: address_id kennt die Plattform nicht."
                : "Bitte geben Sie den Ort mit lat und long oder als address_string an.");
        }
        else if ((lat is null) != (lon is null) && !errors.Has("lat") && !errors.Has("long"))
        {
            errors.Add(lat is null ? "lat" : "long", "lat und long gehören zusammen: bitte beide angeben.");
        }

        var districtText = form[$"attribute[{DistrictAttribute}]"].ToString().Trim();
        int? district = null;
        if (districtText.Length > 0)
        {
            if (int.TryParse(districtText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                district = parsed;
            }
            else
            {
                errors.Add("attribute[district]", "Diesen Stadtbezirk gibt es nicht.");
            }
        }

        // Answers to the category's extra questions come as attribute[frage-12]; the desk checks them like the form's.
        var answers = new Dictionary<int, string?>();
        foreach (var question in category.Questions)
        {
            answers[question.Id] = form[$"attribute[{ServiceRequestsModule.AttributeCode(question.Id)}]"].ToString();
        }

        if (errors.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest, t, errors);
        }

        var name = string.Join(' ', new[] { form["first_name"].ToString().Trim(), form["last_name"].ToString().Trim() }.Where(n => n.Length > 0));
        var outcome = await intake.SubmitAsync(new Open311Submission(
            category.Category.Code, lat, lon, address.Trim().Length == 0 ? null : address, district, form["description"].ToString(), name, form["email"].ToString()) { Answers = answers }, ct);
        if (!outcome.Succeeded)
        {
            return Errors(f, StatusCodes.Status400BadRequest, t, outcome.Errors);
        }

        var (id, receipt, nearby) = outcome.Value;
        var notice = t["Eingangsnummer {0}. Zuständig ist {1}.", receipt, category.Department].Value;
        if (nearby.Count > 0)
        {
            notice += " " + t["In der Nähe ist dasselbe schon offen gemeldet: {0}.", string.Join(", ", nearby.Select(n => n.ToString(CultureInfo.InvariantCulture)))].Value;
        }

        if (form["media_url"].ToString().Trim().Length > 0)
        {
            notice += " " + t["Fotos über media_url werden nicht übernommen."].Value;
        }

        return new Open311Result("service_requests", new Open311Node.List("request", [Open311Node.Of(
            ("service_request_id", id.ToString(CultureInfo.InvariantCulture)), ("service_notice", notice))]), f);
    }

    /// <summary>A WGS 84 coordinate as the spec sends it: a decimal number with a point.</summary>
    private static double? Coordinate(IFormCollection form, string name, FieldErrors errors)
    {
        var text = form[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(name, "{0}: „{1}“ ist keine Zahl (Grad mit Dezimalpunkt, etwa 51.5136).", name, Shorten(text));
        return null;
    }

    /// <summary>A comma-separated argument that may also be repeated; empty parts are dropped.</summary>
    private static List<string> List(IQueryCollection query, string name) =>
        [.. query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];

    private static int PositiveNumber(IQueryCollection query, string name, int fallback, int max, FieldErrors errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        errors.Add(name, "{0} muss eine ganze Zahl von 1 bis {1} sein.", name, max);
        return fallback;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex W3cDate();

    /// <summary>
    /// A date-time in the W3C form the spec names, with its offset (<c>2026-05-01T08:00:00+02:00</c>, <c>…Z</c>), or a bare
    /// day, which is read in Dortmund's time (from its start for start_date, to its end for end_date).
    /// </summary>
    private static DateTimeOffset? Date(IQueryCollection query, string name, FieldErrors errors, bool endOfDay)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (W3cDate().IsMatch(text))
        {
            if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && DateInput.InRange(day))
            {
                return endOfDay ? CityTime.ToUtc(day.AddDays(1), TimeOnly.MinValue).AddTicks(-1) : CityTime.ToUtc(day, TimeOnly.MinValue);
            }

            if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
                && DateInput.InRange(DateOnly.FromDateTime(moment.UtcDateTime)))
            {
                return moment.ToUniversalTime();
            }
        }

        errors.Add(name, "{0}: „{1}“ ist kein Zeitpunkt im Format 2026-05-01T08:00:00+02:00 (mit Zeitzone) zwischen 1900 und 2200.", name, Shorten(text));
        return null;
    }

    /// <summary>
    /// Public reports as Open311 shows them: what <see cref="PublicServiceRequests"/> gives anyone, the date a report would
    /// be overdue as the expected date, and the first published photo as the media URL.
    /// </summary>
    private async Task<List<Open311Node>> RequestsOfAsync(List<PublicServiceRequest> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var photos = ids.Count == 0 ? [] : (await db.ServiceRequestPhotos
            .Where(p => ids.Contains(p.ServiceRequestId) && p.Moderation == ServiceRequestsModule.PhotoPublished)
            .Select(p => new { p.ServiceRequestId, p.Id, p.Position }).ToListAsync(ct))
            .GroupBy(p => p.ServiceRequestId).ToDictionary(g => g.Key, g => g.MinBy(p => p.Position)!.Id);
        var overdueAfter = await db.ServiceCategories.ToDictionaryAsync(c => c.Code, c => c.OverdueAfterDays, ct);
        return [.. rows.Select(r => Request(r, overdueAfter.GetValueOrDefault(r.CategoryCode), photos.TryGetValue(r.Id, out var photo) ? photo : null))];
    }

    private Open311Node.Fields Request(PublicServiceRequest r, int overdueAfterDays, int? photo)
    {
        var closed = r.IsClosed;
        return Open311Node.Of(
            ("service_request_id", r.Id.ToString(CultureInfo.InvariantCulture)),
            ("status", closed ? "closed" : "open"),
            ("status_notes", StatusNotes(r)),
            ("service_name", r.CategoryName),
            ("service_code", r.CategoryCode),
            ("description", r.Description),
            ("agency_responsible", r.DepartmentName),
            ("requested_datetime", Open311Result.Time(r.Created)),
            ("updated_datetime", Open311Result.Time(closed ? r.ClosedAt ?? r.Modified : r.Modified)),
            ("expected_datetime", closed ? null : Open311Result.Time(r.Created.AddDays(overdueAfterDays))),
            ("address", string.IsNullOrWhiteSpace(r.Address) ? null : r.Address),
            ("lat", r.Latitude),
            ("long", r.Longitude),
            ("media_url", photo is { } p ? mail.Value.Link($"/meldungen/{r.Id}/fotos/{p}") : null));
    }

    /// <summary>The detailed status in words (the duplicate's number, to whom it went) and the department's public note.</summary>
    private string StatusNotes(PublicServiceRequest r)
    {
        var status = t[ServiceRequestsModule.StatusLabel(r.Status)].Value;
        if (r.Status == ServiceRequestsModule.Duplicate && r.DuplicateOfId is { } of)
        {
            status = t["{0} (wie Meldung {1})", status, of].Value;
        }
        else if (r.Status == ServiceRequestsModule.NotResponsible && !string.IsNullOrWhiteSpace(r.ForwardedTo))
        {
            status = t["{0}: an {1}", status, r.ForwardedTo].Value;
        }

        return string.IsNullOrWhiteSpace(r.StatusNote) ? status : $"{status}. {r.StatusNote}";
    }
}
