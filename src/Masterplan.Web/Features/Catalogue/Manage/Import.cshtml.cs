using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>The Office imports the measures of masterplan 1.0 from CSV (docs/domain.md#masterplan-one); line-numbered errors, all or nothing.</summary>
public sealed class ImportModel(MasterplanOneImport import) : PageModel
{
    public IReadOnlyList<CsvError> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public bool IsPublic { get; set; } = true;

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors = [new CsvError(0, "Bitte wählen Sie eine CSV-Datei aus.")];
            return Page();
        }

        if (file.Length > 5 * 1024 * 1024)
        {
            Errors = [new CsvError(0, "Die Datei „{0}“ ist {1} KB groß; höchstens 5 MB sind erlaubt.", Path.GetFileName(file.FileName), file.Length / 1024)];
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (imported, errors) = await import.ImportAsync(buffer.ToArray(), IsPublic, ct);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        Message = $"{imported} Maßnahmen aus Masterplan 1.0 sind importiert.";
        return RedirectToPage();
    }
}
