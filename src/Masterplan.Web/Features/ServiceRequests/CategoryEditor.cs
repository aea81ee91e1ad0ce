using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>A category as the Office types it.</summary>
public sealed record CategoryInput(
    string? Code, string? Name, string? Description, int? DepartmentId, string? RoutingEmail, int? FieldOfActionId, int? OverdueAfterDays, bool IsActive, int? Position);

/// <summary>
/// The Office manages the categories (routing to a department, the overdue period, the field of action they feed). The
/// service code is fixed once the category exists: Open311 clients and old reports refer to it. Changes are audited
/// (<see cref="ServiceCategory"/> is audited field by field).
/// </summary>
public sealed partial class CategoryEditor(AppDbContext db)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,49}$")]
    private static partial Regex CodePattern();

    /// <summary>Creates (<paramref name="id"/> null) or changes a category; the answer is its id.</summary>
    public async Task<Outcome<int>> SaveAsync(int? id, CategoryInput input, CancellationToken ct)
    {
        ServiceCategory? category = null;
        if (id is { } existing)
        {
            category = await db.ServiceCategories.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (category is null)
            {
                return Outcome<int>.NotFound();
            }
        }

        var errors = new FieldErrors();
        var code = (input.Code ?? "").Trim();
        if (category is null)
        {
            if (!CodePattern().IsMatch(code))
            {
                errors.Add("Code", "Der Code besteht aus 2 bis 50 Kleinbuchstaben (a–z), Ziffern und Bindestrichen, z. B. „beleuchtung“.");
            }
            else if (await db.ServiceCategories.AnyAsync(c => c.Code == code, ct))
            {
                errors.Add("Code", "Den Code „{0}“ hat schon eine andere Kategorie.", code);
            }
        }

        var name = ServiceRequestDesk.Clean(input.Name, multiline: false);
        if (name.Length is 0 or > 200)
        {
            errors.Add("Name", "Bitte geben Sie einen Namen mit höchstens 200 Zeichen an.");
        }
        else if (await db.ServiceCategories.AnyAsync(c => c.Name == name && c.Id != (id ?? 0), ct))
        {
            errors.Add("Name", "Eine Kategorie „{0}“ gibt es schon.", name);
        }

        var description = ServiceRequestDesk.Clean(input.Description, multiline: true);
        if (description.Length is 0 or > 2000)
        {
            errors.Add("Description", "Bitte beschreiben Sie in höchstens 2000 Zeichen, was in diese Kategorie gehört.");
        }

        if (input.DepartmentId is not { } department || !await db.Organizations.AnyAsync(o => o.Id == department && o.Kind == OrganizationKind.Department, ct))
        {
            errors.Add("DepartmentId", "Bitte wählen Sie die zuständige Dienststelle.");
        }

        var routing = ServiceRequestDesk.Clean(input.RoutingEmail, multiline: false);
        if (routing.Length > 0 && !MailModule.IsAddress(routing))
        {
            errors.Add("RoutingEmail", "Das ist keine gültige E-Mail-Adresse. Ohne Adresse gehen neue Meldungen an die Konten der Dienststelle.");
        }

        if (input.FieldOfActionId is { } field && !await db.FieldsOfAction.AnyAsync(f => f.Id == field && !f.IsRetired, ct))
        {
            errors.Add("FieldOfActionId", "Dieses Handlungsfeld gibt es im aktuellen Katalog nicht.");
        }

        if (input.OverdueAfterDays is not (>= 1 and <= 365))
        {
            errors.Add("OverdueAfterDays", "Die Frist muss zwischen 1 und 365 Tagen liegen.");
        }

        if (input.Position is not (>= 0 and <= 1000))
        {
            errors.Add("Position", "Die Reihenfolge ist eine Zahl zwischen 0 und 1000.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (category is null)
        {
            category = new ServiceCategory { Code = code, Name = name, Description = description };
            db.ServiceCategories.Add(category);
        }

        category.Name = name;
        category.Description = description;
        category.DepartmentId = input.DepartmentId!.Value;
        category.RoutingEmail = routing.Length == 0 ? null : routing;
        category.FieldOfActionId = input.FieldOfActionId;
        category.OverdueAfterDays = input.OverdueAfterDays!.Value;
        category.IsActive = input.IsActive;
        category.Position = input.Position!.Value;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(category.Id);
    }

    /// <summary>Adds an extra question at the end of a category's questions.</summary>
    public async Task<Outcome> AddQuestionAsync(int categoryId, string? kind, string? prompt, string? options, bool required, CancellationToken ct)
    {
        if (!await db.ServiceCategories.AnyAsync(c => c.Id == categoryId, ct))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        var text = ServiceRequestDesk.Clean(prompt, multiline: false);
        var optionList = ExtraQuestions.CheckDefinition(kind, text, ServiceRequestDesk.Clean(options, multiline: true), ExtraQuestions.Kinds, errors);
        var count = await db.ServiceCategoryQuestions.CountAsync(q => q.CategoryId == categoryId, ct);
        if (count >= ServiceRequestsModule.MaxQuestions)
        {
            errors.Add("QuestionPrompt", "Eine Kategorie hat höchstens {0} Zusatzfragen.", ServiceRequestsModule.MaxQuestions);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var last = await db.ServiceCategoryQuestions.Where(q => q.CategoryId == categoryId).MaxAsync(q => (int?)q.Position, ct) ?? 0;
        db.ServiceCategoryQuestions.Add(new ServiceCategoryQuestion
        {
            CategoryId = categoryId, Position = last + 1, Kind = kind!, Prompt = text, Options = optionList, Required = required,
        });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Moves a question one place up (swaps it with the one before).</summary>
    public async Task<Outcome> MoveQuestionUpAsync(int categoryId, int questionId, CancellationToken ct)
    {
        var questions = await db.ServiceCategoryQuestions.Where(q => q.CategoryId == categoryId).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        var index = questions.FindIndex(q => q.Id == questionId);
        if (index < 0)
        {
            return Outcome.NotFound();
        }

        if (index > 0)
        {
            questions.RemoveAt(index);
            questions.Insert(index - 1, await db.ServiceCategoryQuestions.FirstAsync(q => q.Id == questionId, ct));
            for (var i = 0; i < questions.Count; i++)
            {
                questions[i].Position = i + 1;
            }

            await db.SaveChangesAsync(ct);
        }

        return Outcome.Done;
    }

    /// <summary>Removes a question nobody has answered yet; an answered one stays, because the department reads the answers.</summary>
    public async Task<Outcome> RemoveQuestionAsync(int categoryId, int questionId, CancellationToken ct)
    {
        var question = await db.ServiceCategoryQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.CategoryId == categoryId, ct);
        if (question is null)
        {
            return Outcome.NotFound();
        }

        if (await db.ServiceRequestAnswers.AnyAsync(a => a.QuestionId == questionId, ct))
        {
            return Outcome.Invalid("QuestionPrompt", "Die Frage „{0}“ ist schon beantwortet worden und bleibt deshalb, damit die Dienststelle die Antworten lesen kann.", question.Prompt);
        }

        db.ServiceCategoryQuestions.Remove(question);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
