using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation.Manage;

/// <summary>Creates or edits an input call: what is asked, when, what happens with the input and what it belongs to (004 §5).</summary>
public sealed class EditModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed class CallInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Question { get; set; }

        public DateOnly? OpensOn { get; set; }

        public TimeOnly? OpensTime { get; set; }

        public DateOnly? ClosesOn { get; set; }

        public TimeOnly? ClosesTime { get; set; }

        public string? WhatHappens { get; set; }

        public DateOnly? AnswerBy { get; set; }

        public string? BelongsTo { get; set; }

        public string? Topic { get; set; }

        public string? Themes { get; set; }

        public string? ModerationMode { get; set; }

        public int? RetentionDays { get; set; }
    }

    [BindProperty]
    public CallInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<(string Value, string Group, string Label)> Targets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var call = await db.InputCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (call is null)
            {
                return NotFound();
            }

            var opens = CityTime.Local(call.OpensAt);
            var closes = CityTime.Local(call.ClosesAt);
            Input = new CallInput
            {
                Title = call.Title, Description = call.Description, Question = call.Question, OpensOn = DateOnly.FromDateTime(opens), OpensTime = TimeOnly.FromDateTime(opens),
                ClosesOn = DateOnly.FromDateTime(closes), ClosesTime = TimeOnly.FromDateTime(closes), WhatHappens = call.WhatHappens, AnswerBy = call.AnswerBy,
                BelongsTo = call.BelongsToId is { } target ? $"{call.BelongsToKind}:{target.ToString(CultureInfo.InvariantCulture)}" : call.BelongsToKind,
                Topic = call.Topic, Themes = call.Themes, ModerationMode = call.ModerationMode, RetentionDays = call.RetentionDays,
            };
        }
        else
        {
            Input.ModerationMode = ParticipationModule.PreModeration;
            Input.RetentionDays = 180;
            Input.BelongsTo = "topic";
        }

        await LoadTargetsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        InputCall? call = null;
        if (id is not null && (call = await db.InputCalls.FirstOrDefaultAsync(c => c.Id == id, ct)) is null)
        {
            return NotFound();
        }

        var i = Input;
        var errors = new FieldErrors();
        string Required(string? value, string field, string key, int max)
        {
            var text = Contributions.Clean(value, multiline: true);
            if (text.Length == 0)
            {
                errors.Add(field, key);
            }
            else if (text.Length > max)
            {
                errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, max);
            }

            return text;
        }

        var title = Required(i.Title, "Title", "Bitte geben Sie einen Titel an.", 300).Replace('\n', ' ');
        var description = Required(i.Description, "Description", "Bitte beschreiben Sie in einfacher Sprache, worum es geht.", 4000);
        var question = Required(i.Question, "Question", "Bitte schreiben Sie die Frage, die Sie den Bürgerinnen und Bürgern stellen.", 1000);
        var whatHappens = Required(i.WhatHappens, "WhatHappens", "Bitte schreiben Sie, was mit den Beiträgen geschieht und bis wann (004 §5: veröffentlicht und ausgewertet).", 4000);
        if (i.OpensOn is null || i.OpensTime is null)
        {
            errors.Add("OpensOn", "Bitte geben Sie Datum und Uhrzeit des Beginns an.");
        }

        if (i.ClosesOn is null || i.ClosesTime is null)
        {
            errors.Add("ClosesOn", "Bitte geben Sie Datum und Uhrzeit des Endes an.");
        }

        var opens = i.OpensOn is { } od && i.OpensTime is { } ot ? CityTime.ToUtc(od, ot) : (DateTimeOffset?)null;
        var closes = i.ClosesOn is { } cd && i.ClosesTime is { } qt ? CityTime.ToUtc(cd, qt) : (DateTimeOffset?)null;
        if (opens is not null && closes is not null && closes <= opens)
        {
            errors.Add("ClosesOn", "Das Ende muss nach dem Beginn liegen.");
        }

        if (i.ModerationMode is null || !ParticipationModule.ModerationModes.Contains(i.ModerationMode))
        {
            errors.Add("ModerationMode", "Bitte wählen Sie, wie moderiert wird.");
        }

        if (i.RetentionDays is not (>= 1 and <= 3650))
        {
            errors.Add("RetentionDays", "Die Aufbewahrungsfrist muss zwischen 1 und 3650 Tagen liegen.");
        }

        var themes = ParticipationModule.Lines(i.Themes);
        if (themes.Count > 30 || themes.Any(t => t.Length > 200))
        {
            errors.Add("Themes", "Es sind höchstens 30 Themen mit je höchstens 200 Zeichen möglich.");
        }

        var (kind, target) = ParseTarget(i.BelongsTo);
        var topic = Contributions.Clean(i.Topic, multiline: false);
        var targetExists = (kind, target) switch
        {
            ("lab", { } lab) => await db.Labs.AnyAsync(l => l.Id == lab, ct),
            ("field", { } field) => await db.FieldsOfAction.AnyAsync(f => f.Id == field, ct),
            ("body", { } body) => await db.Organizations.AnyAsync(o => o.Id == body, ct),
            ("topic", null) => topic.Length > 0,
            _ => false,
        };
        if (!targetExists)
        {
            errors.Add("BelongsTo", kind == "topic"
                ? "Bitte nennen Sie das Thema der Geschäftsstelle, zu dem die Beteiligung gehört."
                : "Bitte wählen Sie, wozu die Beteiligung gehört: ein Quartierslabor, ein Handlungsfeld, ein Gremium oder ein Thema der Geschäftsstelle.");
        }
        else if (topic.Length > 300)
        {
            errors.Add("Topic", "Das Thema darf höchstens 300 Zeichen lang sein.");
        }

        if (errors.Count > 0)
        {
            this.ShowErrors((IEnumerable<FieldError>)errors, f => "Input." + f);
            await LoadTargetsAsync(ct);
            return Page();
        }

        if (call is null)
        {
            call = new InputCall { Title = title, Description = description, Question = question, WhatHappens = whatHappens, BelongsToKind = kind! };
            db.InputCalls.Add(call);
        }

        call.Title = title;
        call.Description = description;
        call.Question = question;
        call.WhatHappens = whatHappens;
        call.OpensAt = opens!.Value;
        call.ClosesAt = closes!.Value;
        call.AnswerBy = i.AnswerBy;
        call.BelongsToKind = kind!;
        call.BelongsToId = target;
        call.Topic = kind == "topic" ? topic : null;
        call.Themes = themes.Count == 0 ? null : string.Join('\n', themes);
        call.ModerationMode = i.ModerationMode!;
        call.RetentionDays = i.RetentionDays!.Value;
        call.UpdatedAt = time.GetUtcNow();
        call.UpdatedBy = db.CurrentActorName();
        await db.SaveChangesAsync(ct);
        return Redirect($"/verwaltung/beteiligung/{call.Id}");
    }

    private static (string? Kind, int? Id) ParseTarget(string? value)
    {
        if (value == "topic")
        {
            return ("topic", null);
        }

        var colon = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && int.TryParse(value![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ParticipationModule.BelongsToKinds.Contains(value[..colon])
            ? (value[..colon], id)
            : (null, null);
    }

    private async Task LoadTargetsAsync(CancellationToken ct)
    {
        var labs = await db.Labs.AsNoTracking().OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).Select(l => new { l.Id, l.Title }).ToListAsync(ct);
        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.ParentId).ThenBy(f => f.Position).Select(f => new { f.Id, f.Title }).ToListAsync(ct);
        var bodies = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Targets =
        [
            ("topic", "", ParticipationModule.KindLabel("topic")),
            .. labs.Select(l => ($"lab:{l.Id}", ParticipationModule.KindLabel("lab"), l.Title)),
            .. fields.Select(f => ($"field:{f.Id}", ParticipationModule.KindLabel("field"), f.Title)),
            .. bodies.Select(b => ($"body:{b.Id}", ParticipationModule.KindLabel("body"), b.Name)),
        ];
    }
}
