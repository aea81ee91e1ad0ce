using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.OpenData;

/// <summary>The list of datasets with their columns, files, sizes and last changes, and the catalogue's addresses.</summary>
public sealed class IndexModel(OpenDataExport export) : PageModel
{
    public Snapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<DateOnly> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Snapshot = await export.CurrentAsync(ct);
        Days = export.Store.Days();
    }

    /// <summary>A byte size as people read it: bytes, kB or MB with one decimal in the page's language.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:N1} kB",
        _ => $"{bytes / (1024.0 * 1024):N1} MB",
    };
}
