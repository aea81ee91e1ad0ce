using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// Meldungen: residents report defects and unsafe places (002 lines 115–116: technical faults such as broken lifts and
/// lighting; 002 lines 106–111 and 001: Angsträume), each routed to the responsible department, processed with public
/// statuses (004 §5: what residents bring in is published and evaluated). The Open311 API is a module of its own over
/// this one's <see cref="PublicApi"/>.
/// </summary>
public sealed class ServiceRequestsModule : IModule
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string InProgress = "in-progress";
    public const string Fixed = "fixed";
    public const string Duplicate = "duplicate";
    public const string NotResponsible = "not-responsible";
    public const string Closed = "closed";

    /// <summary>Every status, in the order of the process.</summary>
    public static readonly string[] Statuses = [Open, Acknowledged, InProgress, Fixed, Duplicate, NotResponsible, Closed];

    /// <summary>Statuses that end the processing (Open311: <c>closed</c>); the retention period counts from reaching one.</summary>
    public static readonly string[] FinalStatuses = [Fixed, Duplicate, NotResponsible, Closed];

    public const string PhotoPending = "pending";
    public const string PhotoPublished = "published";
    public const string PhotoRejected = "rejected";

    public const int MaxCodeLength = 50;
    public const int MaxDescriptionLength = 4000;
    public const int MaxAddressLength = 300;
    public const int MaxNoteLength = 2000;
    public const int MaxPhotos = 3;

    public static bool IsFinal(string status) => FinalStatuses.Contains(status);

    public static string StatusLabel(string status) => status switch
    {
        Open => "offen",
        Acknowledged => "angenommen",
        InProgress => "in Bearbeitung",
        Fixed => "erledigt",
        Duplicate => "doppelt gemeldet",
        NotResponsible => "nicht zuständig, weitergeleitet",
        Closed => "abgeschlossen",
        _ => status,
    };

    public static string PhotoLabel(string moderation) => moderation switch
    {
        PhotoPublished => "veröffentlicht",
        PhotoRejected => "abgelehnt",
        _ => "wartet auf Prüfung",
    };

    public IEnumerable<string> TranslationLabels =>
        Statuses.Select(StatusLabel).Concat(new[] { PhotoPending, PhotoPublished, PhotoRejected }.Select(PhotoLabel));

    /// <summary>The Open311 module reads categories and reports through these; the reference data seeds the categories.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(ServiceCategory), typeof(ServiceRequest), typeof(ServiceRequestUpdate), typeof(ServiceRequestTables)];
}
