using System.Globalization;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Open311;

/// <summary>
/// A report as an Open311 client sends it, already read from the form: a point (lat/long) or, without one, an address that
/// the address list resolves; the district only while no boundaries are imported.
/// </summary>
public sealed record Open311Submission(
    string ServiceCode, double? Latitude, double? Longitude, string? Address, int? DistrictId, string? Description, string? Name, string? Email)
{
    /// <summary>The values of the category's extra questions (<c>attribute[frage-12]</c>) by question id.</summary>
    public IReadOnlyDictionary<int, string?> Answers { get; init; } = new Dictionary<int, string?>();
}

/// <summary>
/// Hands a report sent through Open311 to the Meldungen module's <see cref="ServiceRequestDesk"/>, the service the web form
/// uses, so that every check, the receipt number, the department's mail and the reporter's double opt-in are one code
/// path; the answer comes after the commit. Its messages are named after the Open311 parameter they concern.
/// </summary>
public sealed class Open311Intake(ServiceRequestDesk desk, ServiceRequestMap map)
{
    /// <summary>The form's field → the Open311 parameter.</summary>
    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["Category"] = "service_code", ["Place.Latitude"] = "lat", ["Place.Longitude"] = "long", ["Place.DistrictId"] = "attribute[district]",
        ["Place.Address"] = "address_string", ["Place.Choice"] = "address_string",
        ["Description"] = "description", ["ReporterName"] = "first_name, last_name", ["Email"] = "email",
    };

    /// <summary>The Open311 parameter of a form field: the table above, or <c>attribute[frage-12]</c> for the answer field <c>Answer12</c>.</summary>
    private static string? Parameter(string field) =>
        Parameters.TryGetValue(field, out var parameter) ? parameter
        : field.StartsWith("Answer", StringComparison.Ordinal) && int.TryParse(field.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? $"attribute[{ServiceRequestsModule.AttributeCode(id)}]"
            : null;

    /// <summary>The stored report's number and receipt number, and the open reports of its kind nearby (the form shows them before sending).</summary>
    public async Task<Outcome<(int Id, string Receipt, IReadOnlyList<int> OpenNearby)>> SubmitAsync(Open311Submission s, CancellationToken ct)
    {
        // With a point the address is only a note stored with it; without one the address list decides the point, through
        // the same check as the web form's typed address.
        var hasPoint = s.Latitude is not null && s.Longitude is not null;
        var place = new LocationInput
        {
            Address = hasPoint ? null : s.Address,
            Latitude = s.Latitude?.ToString("R", CultureInfo.InvariantCulture),
            Longitude = s.Longitude?.ToString("R", CultureInfo.InvariantCulture),
            DistrictId = s.DistrictId,
        };
        var input = new ReportInput(s.ServiceCode, s.Description, place, s.Name, s.Email) { PlaceNote = hasPoint ? s.Address : null, Answers = s.Answers };
        var outcome = await desk.SubmitAsync(input, [], null, ct);
        if (!outcome.Succeeded)
        {
            return Outcome<(int, string, IReadOnlyList<int>)>.Invalid(outcome.Errors.Select(e =>
                Parameter(e.Field) is { } parameter ? new FieldError(parameter, "{0}: {1}", parameter, e) : e));
        }

        var (request, receipt) = outcome.Value;
        var near = await map.OpenNearAsync(request.CategoryId, request.Latitude, request.Longitude, desk.Options.DuplicateRadiusMetres, ct);
        return Outcome<(int, string, IReadOnlyList<int>)>.Ok((request.Id, receipt, [.. near.Select(n => n.Point.Id).Where(id => id != request.Id)]));
    }
}
