using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>What changed in the catalogue between two days, each change with who, when, why and its source.</summary>
public sealed class ChangesModel(CatalogueTree tree, TimeProvider time, Masterplan.Web.Shared.Links links) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "von")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "bis")]
    public DateOnly? To { get; set; }

    public IReadOnlyList<CatalogueChange> Changes { get; private set; } = [];

    /// <summary>The linked sources of the changes that the viewer may see.</summary>
    public IReadOnlyDictionary<Masterplan.Web.Shared.LinkRef, Masterplan.Web.Shared.LinkTarget> SourceLinks { get; private set; } = new Dictionary<Masterplan.Web.Shared.LinkRef, Masterplan.Web.Shared.LinkTarget>();

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
        SourceLinks = await links.ResolveAsync(Changes.Select(c => c.SourceLink).OfType<Masterplan.Web.Shared.LinkRef>(), User, ct);
    }
}
