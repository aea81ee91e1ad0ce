using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers.Manage;

/// <summary>Creates or edits a paper: reference, type, date, title, originator, department, draft decision, reasons, relations.</summary>
public sealed partial class EditModel(AppDbContext db) : PageModel
{
    public sealed class PaperInput
    {
        public string? Reference { get; set; }

        public string? PaperType { get; set; }

        public DateOnly? Date { get; set; }

        public string? Name { get; set; }

        public string? Originator { get; set; }

        public int? ResponsibleOrganizationId { get; set; }

        public string? DecisionProposal { get; set; }

        public string? Reasons { get; set; }

        /// <summary>The Drucksache number of the paper this one amends.</summary>
        public string? Amends { get; set; }

        /// <summary>Drucksache numbers of related papers, separated by commas, spaces or lines.</summary>
        public string? Related { get; set; }
    }

    [BindProperty]
    public PaperInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<Organization> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var paper = await db.Papers.AsNoTracking().Include(p => p.AmendsPaper).Include(p => p.Related).ThenInclude(r => r.RelatedPaper)
                .FirstOrDefaultAsync(p => p.Id == id, ct);
            if (paper is null)
            {
                return NotFound();
            }

            Input = new PaperInput
            {
                Reference = paper.Reference, PaperType = paper.PaperType, Date = paper.Date, Name = paper.Name, Originator = paper.Originator,
                ResponsibleOrganizationId = paper.ResponsibleOrganizationId, DecisionProposal = paper.DecisionProposal, Reasons = paper.Reasons,
                Amends = paper.AmendsPaper?.Reference, Related = string.Join(", ", paper.Related.Select(r => r.RelatedPaper.Reference).OfType<string>()),
            };
        }
        else
        {
            Input.PaperType = PapersModule.PaperTypes[0];
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Paper? paper = null;
        if (id is not null && (paper = await db.Papers.Include(p => p.Related).FirstOrDefaultAsync(p => p.Id == id, ct)) is null)
        {
            return NotFound();
        }

        var i = Input;
        var errors = new FieldErrors();
        var name = Clean(i.Name);
        if (name.Length == 0)
        {
            errors.Add("Name", "Bitte geben Sie den Titel der Vorlage an.");
        }
        else if (name.Length > 500)
        {
            errors.Add("Name", "Der Titel ist {0} Zeichen lang; möglich sind höchstens {1}.", name.Length, 500);
        }

        var type = Clean(i.PaperType);
        if (type.Length == 0 || type.Length > 100)
        {
            errors.Add("PaperType", "Bitte wählen Sie die Art der Vorlage.");
        }

        if (i.Date is null && !ModelState.ContainsKey("Input.Date"))
        {
            errors.Add("Date", "Bitte geben Sie das Datum der Vorlage an.");
        }

        var reference = Clean(i.Reference);
        if (reference.Length > 0 && !ReferenceFormat().IsMatch(reference))
        {
            errors.Add("Reference", "„{0}“ ist keine Drucksachennummer. Sie hat die Form 26093-22: laufende Nummer, Bindestrich, Jahr zweistellig.", reference);
        }
        else if (reference.Length > 0 && await db.Papers.AnyAsync(p => p.Reference == reference && p.Id != id, ct))
        {
            errors.Add(DuplicateReference(reference));
        }

        var originator = Clean(i.Originator);
        if (originator.Length > 500)
        {
            errors.Add("Originator", "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", originator.Length, 500);
        }

        if (i.ResponsibleOrganizationId is { } department
            && !await db.Organizations.AnyAsync(o => o.Id == department && o.Kind == OrganizationKind.Department, ct))
        {
            errors.Add("ResponsibleOrganizationId", "Bitte wählen Sie als federführende Stelle ein Amt oder Dezernat der Verwaltung.");
        }

        var proposal = CleanText(i.DecisionProposal);
        var reasons = CleanText(i.Reasons);
        foreach (var (field, text) in new[] { ("DecisionProposal", proposal), ("Reasons", reasons) })
        {
            if (text.Length > PapersModule.MaxTextLength)
            {
                errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, PapersModule.MaxTextLength);
            }
        }

        int? amendsId = null;
        var amends = Clean(i.Amends);
        if (amends.Length > 0)
        {
            amendsId = await db.Papers.Where(p => p.Reference == amends).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (amendsId is null)
            {
                errors.Add(UnknownReference("Amends", amends));
            }
            else if (amendsId == id || await AmendsAsync(amendsId.Value, id, ct))
            {
                errors.Add("Amends", "Eine Vorlage kann nicht sich selbst ändern, auch nicht über andere Vorlagen.");
            }
        }

        var relatedIds = new List<int>();
        foreach (var r in (i.Related ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            var relatedId = await db.Papers.Where(p => p.Reference == r).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (relatedId is null)
            {
                errors.Add(UnknownReference("Related", r));
            }
            else if (relatedId == id)
            {
                errors.Add("Related", "Eine Vorlage kann nicht mit sich selbst verwandt sein.");
            }
            else
            {
                relatedIds.Add(relatedId.Value);
            }
        }

        if (errors.Count > 0 || !ModelState.IsValid)
        {
            return await RefuseAsync(errors, ct);
        }

        paper ??= db.Papers.Add(new Paper { Name = name, PaperType = type }).Entity;
        (paper.Reference, paper.PaperType, paper.Date, paper.Name, paper.Originator, paper.ResponsibleOrganizationId) =
            (reference.Length == 0 ? null : reference, type, i.Date!.Value, name, originator.Length == 0 ? null : originator, i.ResponsibleOrganizationId);
        (paper.DecisionProposal, paper.Reasons, paper.AmendsPaperId) = (proposal.Length == 0 ? null : proposal, reasons.Length == 0 ? null : reasons, amendsId);
        paper.Related.RemoveAll(r => !relatedIds.Contains(r.RelatedPaperId));
        paper.Related.AddRange(relatedIds.Where(r => paper.Related.All(x => x.RelatedPaperId != r)).Select(r => new PaperRelation { RelatedPaperId = r }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone saved the same reference between the check and this save.
            db.ChangeTracker.Clear();
            return await RefuseAsync([DuplicateReference(reference)], ct);
        }

        TempData["Message"] = "Die Vorlage ist gespeichert.";
        return Redirect($"/verwaltung/vorlagen/{paper.Id}");
    }

    private async Task<IActionResult> RefuseAsync(IEnumerable<FieldError> errors, CancellationToken ct)
    {
        this.ShowErrors(errors, f => "Input." + f);
        await LoadAsync(ct);
        return Page();
    }

    private static FieldError DuplicateReference(string reference) =>
        new("Reference", "Die Drucksachennummer {0} ist schon vergeben.", reference);

    private static FieldError UnknownReference(string field, string reference) =>
        new(field, "Eine Vorlage mit der Drucksachennummer {0} gibt es nicht.", reference);

    /// <summary>Whether <paramref name="start"/> amends <paramref name="target"/>, directly or through the papers it amends.</summary>
    private async Task<bool> AmendsAsync(int start, int? target, CancellationToken ct)
    {
        if (target is null)
        {
            return false;
        }

        var seen = new HashSet<int>();
        for (int? at = start; at is { } current && seen.Add(current);)
        {
            at = await db.Papers.Where(p => p.Id == current).Select(p => p.AmendsPaperId).FirstOrDefaultAsync(ct);
            if (at == target)
            {
                return true;
            }
        }

        return false;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Departments = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>One line of text: trimmed, control characters and line breaks turned into spaces.</summary>
    internal static string Clean(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray())).Where(w => w.Length > 0));

    /// <summary>A text of several lines: trimmed, line breaks kept as \n, other control characters dropped.</summary>
    internal static string CleanText(string? value) =>
        new string((value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();

    [GeneratedRegex(@"^\d{1,6}-\d{2}(-[A-Z]\d{0,2})?$")]
    internal static partial Regex ReferenceFormat();
}
