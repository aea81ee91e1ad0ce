using Masterplan.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>An input call as open data.</summary>
public sealed record InputCallDto(
    int Id, string Title, string Description, string Question, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string WhatHappens, DateOnly? AnswerBy,
    string BelongsToKind, int? BelongsToId, string? Topic, IReadOnlyList<string> Themes, string ModerationMode, bool IsDemo);

/// <summary>A published contribution as open data: the public text only, never an address or a redacted original.</summary>
public sealed record ContributionDto(
    int Id, int InputCallId, string Text, string? District, string? Theme, string? AuthorName, DateTimeOffset SubmittedAt, DateTimeOffset? PublishedAt,
    string Status, string? Answer, string? Reason, DateTimeOffset? AnsweredAt, string? TakenUpKind, int? TakenUpId, int Supports, bool IsDemo);

/// <summary>The public read API of residents' input (everything public is also open data).</summary>
internal static class ParticipationApi
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/input-calls").WithTags("Participation").AllowAnonymous();
        api.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
            {
                var calls = await db.InputCalls.AsNoTracking().OrderByDescending(c => c.OpensAt).ToListAsync(ct);
                return TypedResults.Ok(calls.Select(c => new InputCallDto(
                    c.Id, c.Title, c.Description, c.Question, c.OpensAt, c.ClosesAt, c.WhatHappens, c.AnswerBy, c.BelongsToKind, c.BelongsToId, c.Topic, c.ThemeList,
                    c.ModerationMode, c.IsDemo)).ToList());
            })
            .WithSummary("Calls for residents' input (Beteiligungen): what is asked, the period, what happens with the input.");
        api.MapGet("/{id:int}/contributions", async Task<Results<Ok<List<ContributionDto>>, NotFound>> (
                int id, string? district, string? theme, int? page, AppDbContext db, CancellationToken ct) =>
            {
                if (!await db.InputCalls.AnyAsync(c => c.Id == id, ct))
                {
                    return TypedResults.NotFound();
                }

                var query = db.Contributions.AsNoTracking().Where(c => c.InputCallId == id && c.Moderation == ParticipationModule.Published);
                if (!string.IsNullOrWhiteSpace(district))
                {
                    query = query.Where(c => c.District == district);
                }

                if (!string.IsNullOrWhiteSpace(theme))
                {
                    query = query.Where(c => c.Theme == theme);
                }

                var skip = (Math.Clamp(page ?? 1, 1, 100_000) - 1) * ParticipationModule.PageSize;
                return TypedResults.Ok(await query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).Skip(skip).Take(ParticipationModule.PageSize)
                    .Select(c => new ContributionDto(c.Id, c.InputCallId, c.Text, c.District, c.Theme, c.AuthorName, c.SubmittedAt, c.PublishedAt, c.Status, c.Answer, c.Reason,
                        c.AnsweredAt, c.TakenUpKind, c.TakenUpId, c.SupportCount, c.IsDemo))
                    .ToListAsync(ct));
            })
            .WithSummary("The published contributions of a call, newest first, 50 per page; filter by district and theme.");
    }
}
