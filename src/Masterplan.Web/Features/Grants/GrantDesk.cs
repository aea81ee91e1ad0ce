using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Grants;

/// <summary>Settings under <c>Grants:*</c>.</summary>
public sealed class GrantOptions
{
    /// <summary>The masterplan's budget of a year without its own entry (001: 50,000 € a year).</summary>
    public decimal DefaultYearBudget { get; set; } = 50_000m;

    /// <summary>Days the e-mail confirmation link of a registration is valid.</summary>
    public int ConfirmLinkDays { get; set; } = 7;

    /// <summary>Largest file an applicant may upload.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The reminder of a proof of use is mailed this many days before it is due (and weekly once overdue).</summary>
    public int ReminderDays { get; set; } = 14;

    /// <summary>Days after the proof of use was accepted until the applicant's contact data are deleted.</summary>
    public int ContactRetentionDays { get; set; } = 365;

    /// <summary>Days after the decision until a rejected application is deleted.</summary>
    public int RejectedRetentionDays { get; set; } = 180;
}

/// <summary>
/// Every rule of the grant programme, for the pages and the API alike: calls, registration of associations, applications,
/// the completeness check, reviews with conflicts of interest, ranking, decisions against the year's budget, payments and
/// the proof of use. Each change is checked whole and stored in one save, or not at all.
/// </summary>
public sealed partial class GrantDesk(
    AppDbContext db, UserManager<AppUser> users, TimeProvider time, IOptions<MailOptions> mailOptions, IOptions<GrantOptions> options) : IConfirmLinks
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public GrantOptions Options => options.Value;

    /// <summary>"12.500,00 €".</summary>
    public static string Euro(long cents) => (cents / 100m).ToString("#,##0.00", German) + " €";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // ---- Calls ----

    /// <summary>Creates a call (not yet public) or changes one; the Office publishes it separately.</summary>
    public async Task<Outcome<int>> SaveCallAsync(int? id, CallInput input, CancellationToken ct)
    {
        GrantCall? call = null;
        if (id is { } existing)
        {
            call = await db.GrantCalls.Include(c => c.Criteria).FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (call is null)
            {
                return Outcome<int>.NotFound();
            }
        }

        var errors = new FieldErrors();
        var title = Blank(input.Title);
        if (title is null || title.Length > GrantsModule.MaxTitle)
        {
            errors.Add("Title", "Bitte geben Sie einen Titel an (höchstens {0} Zeichen).", GrantsModule.MaxTitle);
        }

        var purpose = Blank(input.Purpose);
        if (purpose is null || purpose.Length > GrantsModule.MaxText)
        {
            errors.Add("Purpose", "Bitte beschreiben Sie den Zweck der Förderung (höchstens {0} Zeichen).", GrantsModule.MaxText);
        }

        var eligibility = Blank(input.Eligibility);
        if (eligibility is null || eligibility.Length > GrantsModule.MaxText)
        {
            errors.Add("Eligibility", "Bitte sagen Sie, wer einen Antrag stellen darf (höchstens {0} Zeichen).", GrantsModule.MaxText);
        }

        if (input.Year is not (>= 2020 and <= 2100))
        {
            errors.Add("Year", "Bitte geben Sie das Haushaltsjahr an (2020 bis 2100).");
        }

        var budget = EuroAmount.Check(errors, "Budget", input.Budget, "Das Budget des Aufrufs");
        var max = EuroAmount.Check(errors, "MaxPerProject", input.MaxPerProject, "Der Höchstbetrag je Projekt");
        if (budget is { } b && max is { } m && m > b)
        {
            errors.Add("MaxPerProject", "Der Höchstbetrag je Projekt ({0}) ist höher als das Budget des Aufrufs ({1}).", Euro(m), Euro(b));
        }

        DateTimeOffset? deadline = null;
        if (input.DeadlineDate is not { } date)
        {
            errors.Add("DeadlineDate", "Bitte geben Sie die Frist an.");
        }
        else
        {
            deadline = CityTime.ToUtc(date, input.DeadlineTime ?? new TimeOnly(23, 59));
            if (deadline <= time.GetUtcNow() && (call is null || call.Deadline != deadline))
            {
                errors.Add("DeadlineDate", "Die Frist ({0:dd.MM.yyyy HH:mm} Uhr) liegt in der Vergangenheit.", CityTime.Local(deadline.Value));
            }
        }

        if (input.MeasureId is { } measureId && !await db.Set<Measure>().AnyAsync(x => x.Id == measureId, ct))
        {
            errors.Add("MeasureId", "Die Maßnahme {0} gibt es nicht im Katalog.", measureId);
        }

        var documents = input.RequiredDocuments?.Trim() ?? "";
        if (documents.Length > GrantsModule.MaxText)
        {
            errors.Add("RequiredDocuments", "Die Liste der Unterlagen ist zu lang (höchstens {0} Zeichen).", GrantsModule.MaxText);
        }

        var criteria = input.Criteria.Where(c => Blank(c.Name) is not null || c.Weight is not null).ToList();
        if (criteria.Count is 0 or > 10)
        {
            errors.Add("Criteria", "Bitte nennen Sie ein bis zehn Kriterien mit Gewicht.");
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            if (Blank(criteria[i].Name) is not { Length: <= GrantsModule.MaxTitle })
            {
                errors.Add($"Criteria[{i}].Name", "Kriterium {0}: Bitte geben Sie einen Namen an (höchstens {1} Zeichen).", i + 1, GrantsModule.MaxTitle);
            }

            if (criteria[i].Weight is not (>= 1 and <= 100))
            {
                errors.Add($"Criteria[{i}].Weight", "Kriterium {0}: Das Gewicht muss eine ganze Zahl von 1 bis 100 sein.", i + 1);
            }
        }

        if (call is not null && criteria.Count != call.Criteria.Count && await db.GrantApplications.AnyAsync(a => a.CallId == call.Id && a.Status != GrantStatus.Draft, ct))
        {
            errors.Add("Criteria", "Es sind schon Anträge eingegangen; die Zahl der Kriterien kann nicht mehr geändert werden.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (call is null)
        {
            call = new GrantCall { Title = title!, Purpose = purpose!, Eligibility = eligibility!, CreatedAt = time.GetUtcNow() };
            db.GrantCalls.Add(call);
        }

        call.Title = title!;
        call.Purpose = purpose!;
        call.Eligibility = eligibility!;
        call.Year = input.Year!.Value;
        call.BudgetCents = budget!.Value;
        call.MaxPerProjectCents = max!.Value;
        call.Deadline = deadline!.Value;
        call.MeasureId = input.MeasureId;
        call.RequiredDocuments = documents;
        var ordered = call.Criteria.OrderBy(c => c.Position).ToList();
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = i < ordered.Count ? ordered[i] : null;
            if (criterion is null)
            {
                call.Criteria.Add(new GrantCriterion { Position = i + 1, Name = Blank(criteria[i].Name)!, Weight = criteria[i].Weight!.Value });
            }
            else
            {
                criterion.Name = Blank(criteria[i].Name)!;
                criterion.Weight = criteria[i].Weight!.Value;
            }
        }

        foreach (var gone in ordered.Skip(criteria.Count))
        {
            call.Criteria.Remove(gone);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(call.Id);
    }

    public async Task<Outcome> PublishAsync(int id, CancellationToken ct)
    {
        var call = await db.GrantCalls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return Outcome.NotFound();
        }

        if (call.PublishedAt is null)
        {
            if (call.Deadline <= time.GetUtcNow())
            {
                return Outcome.Invalid("DeadlineDate", "Die Frist ist schon abgelaufen; bitte setzen Sie erst eine neue Frist.");
            }

            call.PublishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return Outcome.Done;
    }

    /// <summary>Published calls whose deadline has not passed, soonest deadline first.</summary>
    public Task<List<GrantCall>> OpenCallsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.GrantCalls.AsNoTracking().Where(c => c.PublishedAt != null && c.Deadline > now).OrderBy(c => c.Deadline).ToListAsync(ct);
    }

    /// <summary>A published call with its criteria; null when there is none or it is not published.</summary>
    public Task<GrantCall?> PublicCallAsync(int id, CancellationToken ct) =>
        db.GrantCalls.AsNoTracking().Include(c => c.Criteria.OrderBy(x => x.Position)).FirstOrDefaultAsync(c => c.Id == id && c.PublishedAt != null, ct);

    public bool IsOpen(GrantCall call) => call.PublishedAt is not null && call.Deadline > time.GetUtcNow();

    // ---- Year budget ----

    /// <summary>The year's money, what decisions committed (granted minus returned) and what is left.</summary>
    public async Task<(long Amount, long Committed, long Left)> YearBudgetAsync(int year, CancellationToken ct)
    {
        var amount = await db.GrantYearBudgets.Where(b => b.Year == year).Select(b => (long?)b.AmountCents).FirstOrDefaultAsync(ct)
            ?? EuroAmount.Cents(options.Value.DefaultYearBudget) ?? 0;
        var granted = await db.GrantApplications
            .Where(a => (a.Status == GrantStatus.Approved || a.Status == GrantStatus.Closed) && db.Set<GrantCall>().Any(c => c.Id == a.CallId && c.Year == year))
            .SumAsync(a => a.GrantedCents ?? 0, ct);
        var returned = await db.GrantPayments
            .Where(p => p.IsReturn && db.Set<GrantApplication>().Any(a => a.Id == p.ApplicationId && db.Set<GrantCall>().Any(c => c.Id == a.CallId && c.Year == year)))
            .SumAsync(p => p.AmountCents, ct);
        var committed = granted - returned;
        return (amount, committed, amount - committed);
    }

    public async Task<Outcome> SetYearBudgetAsync(int year, BudgetInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (year is < 2020 or > 2100)
        {
            errors.Add("Year", "Bitte geben Sie das Haushaltsjahr an (2020 bis 2100).");
        }

        var amount = EuroAmount.Check(errors, "Amount", input.Amount, "Das Budget des Jahres", zeroAllowed: true);
        if (errors.Count > 0)
        {
            return errors;
        }

        var (_, committed, _) = await YearBudgetAsync(year, ct);
        if (amount < committed)
        {
            return Outcome.Invalid("Amount", "Für {0} sind schon {1} bewilligt; das Budget kann nicht kleiner sein.", year, Euro(committed));
        }

        var row = await db.GrantYearBudgets.FirstOrDefaultAsync(b => b.Year == year, ct);
        if (row is null)
        {
            db.GrantYearBudgets.Add(new GrantYearBudget { Year = year, AmountCents = amount!.Value });
        }
        else
        {
            row.AmountCents = amount!.Value;
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    // Stored with the next save, in its transaction, and sent after the commit (Shared/Mail/MailOutbox).
    private void Queue(string to, string subject, string body) => db.QueueMail(MailModule.Create(mailOptions.Value, to, subject, body), "Förderprogramm");

    /// <summary>Queues a mail to every confirmed person of an association, with the next save.</summary>
    private async Task QueueForAssociationAsync(int associationId, string subject, string body, CancellationToken ct)
    {
        var to = await db.AssociationMembers.Where(m => m.AssociationId == associationId && m.EmailConfirmedAt != null && m.Email != null).Select(m => m.Email!).ToListAsync(ct);
        foreach (var address in to)
        {
            Queue(address, subject, body);
        }
    }
}
