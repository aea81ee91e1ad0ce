using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>What changed in the catalogue between two days, each change with who, when, why and its source.</summary>
public sealed class ChangesModel(CatalogueTree tree, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "von")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "bis")]
    public DateOnly? To { get; set; }

    public IReadOnlyList<CatalogueChange> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A date that could not be read or lies out of range: the form shows why, nothing is listed.
            return;
        }

        From ??= DateOnly.FromDateTime(Data.ReferenceDataSeeder.CatalogueOrigin.AddHours(1).Date);
        To ??= Masterplan.Web.Shared.CityTime.Today(time);
        if (To < From)
        {
            ModelState.AddModelError("bis", "Das Ende des Zeitraums liegt vor seinem Anfang.");
            return;
        }

        Changes = await tree.ChangesAsync(IndexModel.EndOfDay(From.Value), IndexModel.EndOfDay(To.Value), ct);
    }

    public static string Label(CatalogueChangeKind kind) => kind switch
    {
        CatalogueChangeKind.Added => "neu",
        CatalogueChangeKind.Renamed => "umbenannt",
        CatalogueChangeKind.Moved => "verschoben",
        CatalogueChangeKind.Merged => "zusammengeführt",
        _ => "aufgehoben",
    };

    public static string Label(CatalogueSourceKind kind) => kind switch
    {
        CatalogueSourceKind.Document => "Dokument",
        CatalogueSourceKind.MeetingDecision => "Beschluss einer Sitzung",
        CatalogueSourceKind.LabRecommendation => "Empfehlung eines Quartierslabors",
        CatalogueSourceKind.WorkingGroup => "Arbeitsgruppe",
        CatalogueSourceKind.SteeringCircleReview => "Prüfung durch den Lenkungskreis",
        _ => "Freitext",
    };
}
