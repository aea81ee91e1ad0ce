using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Open311;

/// <summary>
/// The request lists as written, by format, language and query, for one number of the <see cref="DataVersion"/>
/// <see cref="VersionName"/> (see <see cref="AnswerCache"/>): many clients polling the same list cost one small command each
/// instead of building a thousand reports again. Every change of a report, its status, photos, category, department or
/// district moves the version, so a new or hidden report shows at once on every instance.
/// </summary>
public sealed class Open311Cache() : AnswerCache(VersionName, 64L * 1024 * 1024)
{
    public const string VersionName = "open311";

    /// <summary>What the answers show; a change of any of these moves the version.</summary>
    public static DataVersion Version { get; } = new(VersionName, new HashSet<Type>
    {
        typeof(ServiceRequest), typeof(ServiceRequestUpdate), typeof(ServiceRequestPhoto), typeof(ServiceCategory), typeof(Organization), typeof(District),
    });

    /// <summary>A rendered 200 answer.</summary>
    public sealed class Answer(Open311Format format, byte[] bytes) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Open311Result.Write(httpContext, StatusCodes.Status200OK, format, bytes);
    }
}
