using System.Globalization;
using System.Security.Claims;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants;

/// <summary>A funded project as open data.</summary>
public sealed record FundedProjectDto(int Id, int Year, string Call, string Association, string Project, decimal Amount, IReadOnlyList<string> Districts, string? Measure, int? MeasureId);

/// <summary>An open call as open data.</summary>
public sealed record GrantCallDto(int Id, string Title, string Purpose, string Eligibility, int Year, decimal Budget, decimal MaxPerProject, DateTimeOffset Deadline, int? MeasureId,
    IReadOnlyList<string> RequiredDocuments, IReadOnlyList<GrantCriterionDto> Criteria);

public sealed record GrantCriterionDto(int Id, string Name, int Weight);

/// <summary>An application as the Office's list shows it.</summary>
public sealed record GrantApplicationDto(int Id, string? ReceiptNumber, string Status, string Association, string ProjectTitle, decimal Requested, decimal? Granted, DateTimeOffset? SubmittedAt, string? MissingNote);

/// <summary>
/// The grant programme's API: open data (open calls, funded projects as JSON and CSV), the Office's work (calls, budgets,
/// completeness, ranking, decisions, payments, proof of use) and the reviewers' (list, conflicts, scores); the decision
/// letter and the files for the Office and the applicant's own association.
/// </summary>
internal static class GrantsEndpoints
{
    public static void Map(WebApplication app)
    {
        var open = app.MapGroup("/api/v1/grants").WithTags("Grants").AllowAnonymous();
        open.MapGet("/calls", async (GrantDesk desk, CancellationToken ct) =>
                TypedResults.Ok((await desk.OpenCallsAsync(ct)).Select(c => ToDto(c, [])).ToList()))
            .WithSummary("Open calls of the grant programme (Förderaufrufe), soonest deadline first.");
        open.MapGet("/funded", async (GrantDesk desk, CancellationToken ct) =>
                TypedResults.Ok((await desk.FundedAsync(ct)).Select(f => new FundedProjectDto(f.Id, f.Year, f.Call, f.Association, f.Project, f.AmountCents / 100m, f.Districts, f.Measure, f.MeasureId)).ToList()))
            .WithSummary("Funded projects (association, project, amount in euros, districts, measure); nothing of rejected applications.");
        app.MapGet("/foerderung/gefoerderte-projekte.csv", async (GrantDesk desk, CancellationToken ct) =>
            {
                var rows = (await desk.FundedAsync(ct)).Select(f => (IEnumerable<string?>)
                [
                    f.Year.ToString(CultureInfo.InvariantCulture), f.Call, f.Association, f.Project, (f.AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    string.Join(", ", f.Districts), f.Measure ?? "",
                ]);
                return TypedResults.File(CsvTable.Write(rows.Prepend(["Jahr", "Aufruf", "Verein", "Projekt", "Betrag_EUR", "Stadtbezirke", "Massnahme"])), "text/csv; charset=utf-8", "gefoerderte-projekte.csv");
            })
            .AllowAnonymous().ExcludeFromDescription();

        var office = app.MapGroup("/api/v1/grants").WithTags("Grants").RequireAuthorization(GrantsModule.Manage).DisableAntiforgery();
        office.MapPost("/calls", async (CallInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.SaveCallAsync(null, input, ct), "Der Förderaufruf ist nicht gültig.", id => TypedResults.Created($"/foerderung/aufrufe/{id}", new { id })))
            .WithSummary("Creates a call (not yet public); the deadline is read in Dortmund time.");
        office.MapPut("/calls/{id:int}", async (int id, CallInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.SaveCallAsync(id, input, ct), "Der Förderaufruf ist nicht gültig."))
            .WithSummary("Changes a call.");
        office.MapPost("/calls/{id:int}/publish", async (int id, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.PublishAsync(id, ct), "Der Förderaufruf kann nicht veröffentlicht werden."))
            .WithSummary("Publishes a call: from then on it is on the public page and open for applications until its deadline.");
        office.MapGet("/calls/{id:int}/applications", async (int id, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.GrantApplications.AsNoTracking().Where(a => a.CallId == id && a.Status != GrantStatus.Draft).OrderBy(a => a.Id)
                    .Select(a => new GrantApplicationDto(a.Id, a.ReceiptNumber, a.Status.ToString(), db.Set<Association>().Where(x => x.Id == a.AssociationId).Select(x => x.Name).First(),
                        a.ProjectTitle, a.RequestedCents / 100m, a.GrantedCents / 100m, a.SubmittedAt, a.MissingNote)).ToListAsync(ct)))
            .WithSummary("The sent applications of a call (drafts stay with the association).");
        office.MapGet("/calls/{id:int}/ranking", async (int id, GrantDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.RankingAsync(id, ct)))
            .WithSummary("Complete applications by weighted score, with the running sum of the requested amounts and whether each fits into the call's budget.");
        office.MapPost("/applications/{id:int}/completeness", async (int id, CompletenessInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.CheckCompletenessAsync(id, input, ct), "Die Prüfung auf Vollständigkeit ist nicht gültig."))
            .WithSummary("Marks an application complete (on to review) or asks for more (Nachforderung, shown to the applicant).");
        office.MapPost("/applications/{id:int}/decision", async (int id, DecisionInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.DecideAsync(id, input, ct), "Die Entscheidung ist nicht gültig."))
            .WithSummary("Records the body's decision with its agenda item; a grant is committed against the year's budget.");
        office.MapPost("/applications/{id:int}/payments", async (int id, PaymentInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.RecordPaymentAsync(id, input, ct), "Die Zahlung ist nicht gültig."))
            .WithSummary("Records an instalment (never more in total than granted) or money paid back (isReturn).");
        office.MapPost("/applications/{id:int}/proof/decision", async (int id, ProofDecisionInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.DecideProofAsync(id, input, ct), "Die Prüfung des Verwendungsnachweises ist nicht gültig."))
            .WithSummary("Accepts a proof of use (the project is closed) or asks back with a note.");
        office.MapGet("/budgets/{year:int}", async (int year, GrantDesk desk, CancellationToken ct) =>
            {
                var (amount, committed, left) = await desk.YearBudgetAsync(year, ct);
                return TypedResults.Ok(new { year, amount = amount / 100m, committed = committed / 100m, left = left / 100m });
            })
            .WithSummary("The year's budget of the programme, what decisions committed and what is left.");
        office.MapPut("/budgets/{year:int}", async (int year, BudgetInput input, GrantDesk desk, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.SetYearBudgetAsync(year, input, ct), "Das Budget ist nicht gültig."))
            .WithSummary("Sets the year's budget (not below what is committed).");

        var review = app.MapGroup("/api/v1/grants").WithTags("Grants").RequireAuthorization(GrantsModule.Review).DisableAntiforgery();
        review.MapGet("/calls/{id:int}/reviews", async (int id, GrantDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await desk.ReviewListAsync(id, UserId(user), ct)))
            .WithSummary("The reviewer's list: complete applications of the call with the reviewer's scores; those with a declared conflict are left out.");
        review.MapPost("/applications/{id:int}/conflict", async (int id, ConflictInput input, GrantDesk desk, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.DeclareConflictAsync(id, UserId(user), input, ct), "Die Erklärung ist nicht gültig."))
            .WithSummary("Declares a conflict of interest: the application is hidden from this reviewer from then on.");
        review.MapPost("/applications/{id:int}/scores", async (int id, ScoresInput input, GrantDesk desk, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Answer(http, await desk.ScoreAsync(id, UserId(user), input, ct), "Die Bewertung ist nicht gültig."))
            .WithSummary("Scores each criterion of the call from 0 to 10.");

        var own = app.MapGroup("/foerderung/antraege/{id:int}").RequireAuthorization().ExcludeFromDescription();
        own.MapGet("/bescheid.pdf", async (int id, GrantDesk desk, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        {
            if (!await MayReadAsync(id, user, desk, db, ct) || await desk.LetterAsync(id, ct) is not { } letter)
            {
                return Results.NotFound();
            }

            var receipt = await db.GrantApplications.Where(a => a.Id == id).Select(a => a.ReceiptNumber).FirstAsync(ct);
            return Results.File(PdfRenderer.Render(letter), "application/pdf", $"bescheid-{receipt}.pdf");
        });
        own.MapGet("/dateien/{fileId:int}", async (int id, int fileId, GrantDesk desk, ClaimsPrincipal user, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var file = await db.GrantFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == id, ct);
            // Reviewers read the documents of the applications they may score (not after declaring a conflict).
            if (file is null || !(await MayReadAsync(id, user, desk, db, ct)
                || (user.IsInRole(Roles.Member) && await desk.MayReviewAsync(id, UserId(user), ct))))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Data, file.MediaType, file.FileName);
        });
    }

    /// <summary>The Office, or a person of the application's own association; everyone else gets 404 (the application is not theirs to know of).</summary>
    private static async Task<bool> MayReadAsync(int id, ClaimsPrincipal user, GrantDesk desk, AppDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Office))
        {
            return true;
        }

        var association = await desk.AssociationOfAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return association is { } a && await db.GrantApplications.AnyAsync(x => x.Id == id && x.AssociationId == a, ct);
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static IResult Answer(HttpContext http, Outcome outcome, string titleKey, Func<int, IResult>? created = null) => outcome switch
    {
        { Succeeded: true } when created is not null && outcome is Outcome<int> { Value: var id } => created(id),
        { Succeeded: true } => TypedResults.NoContent(),
        { IsNotFound: true } => TypedResults.NotFound(),
        _ => OutcomeAdapters.Invalid(http, outcome, titleKey),
    };

    public static GrantCallDto ToDto(GrantCall c, IReadOnlyList<GrantCriterion> criteria) => new(
        c.Id, c.Title, c.Purpose, c.Eligibility, c.Year, c.BudgetCents / 100m, c.MaxPerProjectCents / 100m, c.Deadline, c.MeasureId,
        c.RequiredDocuments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), [.. criteria.Select(x => new GrantCriterionDto(x.Id, x.Name, x.Weight))]);
}
