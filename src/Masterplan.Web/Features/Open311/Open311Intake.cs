using System.Globalization;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Open311;

/// <summary>A report as an Open311 client sends it, already read from the form.</summary>
public sealed record Open311Submission(
    string ServiceCode, double Latitude, double Longitude, string? Address, int DistrictId, string? Description, string? Name, string? Email);

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
        ["Category"] = "service_code", ["Latitude"] = "lat", ["Longitude"] = "long", ["DistrictId"] = "attribute[district]", ["Address"] = "address_string",
        ["Description"] = "description", ["ReporterName"] = "first_name, last_name", ["Email"] = "email",
    };

    /// <summary>The stored report's number and receipt number, and the open reports of its kind nearby (the form shows them before sending).</summary>
    public async Task<Outcome<(int Id, string Receipt, IReadOnlyList<int> OpenNearby)>> SubmitAsync(Open311Submission s, CancellationToken ct)
    {
        var input = new ReportInput(
            s.ServiceCode, s.Description, s.Latitude.ToString("R", CultureInfo.InvariantCulture), s.Longitude.ToString("R", CultureInfo.InvariantCulture),
            s.Address, s.DistrictId, s.Name, s.Email);
        var outcome = await desk.SubmitAsync(input, [], null, ct);
        if (!outcome.Succeeded)
        {
            return Outcome<(int, string, IReadOnlyList<int>)>.Invalid(outcome.Errors.Select(e =>
                Parameters.TryGetValue(e.Field, out var parameter) ? new FieldError(parameter, "{0}: {1}", parameter, e) : e));
        }

        var (request, receipt) = outcome.Value;
        var near = await map.OpenNearAsync(request.CategoryId, request.Latitude, request.Longitude, desk.Options.DuplicateRadiusMetres, ct);
        return Outcome<(int, string, IReadOnlyList<int>)>.Ok((request.Id, receipt, [.. near.Select(n => n.Point.Id).Where(id => id != request.Id)]));
    }
}
