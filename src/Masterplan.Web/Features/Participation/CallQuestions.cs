using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>The Office adds and removes a call's extra questions (free text or a choice of options).</summary>
public sealed class CallQuestions(AppDbContext db)
{
    public async Task<Outcome> AddAsync(int callId, string? kind, string? prompt, string? options, bool required, CancellationToken ct)
    {
        if (!await db.InputCalls.AnyAsync(c => c.Id == callId, ct))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        var text = Contributions.Clean(prompt, multiline: false);
        var optionList = ExtraQuestions.CheckDefinition(kind, text, Contributions.Clean(options, multiline: true), ParticipationModule.QuestionKinds, errors);
        var count = await db.InputCallQuestions.CountAsync(q => q.InputCallId == callId, ct);
        if (count >= ParticipationModule.MaxQuestions)
        {
            errors.Add("QuestionPrompt", "Eine Beteiligung hat höchstens {0} Zusatzfragen.", ParticipationModule.MaxQuestions);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var last = await db.InputCallQuestions.Where(q => q.InputCallId == callId).MaxAsync(q => (int?)q.Position, ct) ?? 0;
        db.InputCallQuestions.Add(new InputCallQuestion
        {
            InputCallId = callId, Position = last + 1, Kind = kind!, Prompt = text, Required = required,
            Options = optionList,
        });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Removes a question nobody has answered yet; an answered one stays, because the evaluation counts it.</summary>
    public async Task<Outcome> RemoveAsync(int callId, int questionId, CancellationToken ct)
    {
        var question = await db.InputCallQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.InputCallId == callId, ct);
        if (question is null)
        {
            return Outcome.NotFound();
        }

        if (await db.ContributionAnswers.AnyAsync(a => a.QuestionId == questionId, ct))
        {
            return Outcome.Invalid("", "Die Frage „{0}“ ist schon beantwortet worden und bleibt deshalb; die Auswertung zählt die Antworten.", question.Prompt);
        }

        db.InputCallQuestions.Remove(question);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
