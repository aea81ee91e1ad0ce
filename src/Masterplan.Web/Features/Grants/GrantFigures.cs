using Masterplan.Web.Shared;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants;

/// <summary>The programme's figures of one budget year, for reports: amounts in whole cents.</summary>
/// <param name="Applications">Sent applications (drafts stay with the associations); rejected ones count until they are deleted.</param>
/// <param name="GrantedCents">Granted to approved and closed projects.</param>
/// <param name="PaidCents">Instalments paid out.</param>
/// <param name="ReturnedCents">Unspent money paid back.</param>
public sealed record GrantYearFigures(
    int Year, long BudgetCents, int Calls, int Applications, int Approved, int Rejected, long GrantedCents, long PaidCents, long ReturnedCents,
    IReadOnlyList<GrantMeasureFigures> PerMeasure);

/// <summary>The funded projects of a year that serve one catalogue measure (null: calls without a measure).</summary>
public sealed record GrantMeasureFigures(int? MeasureId, string? Measure, int Funded, long GrantedCents, long PaidCents, long ReturnedCents);

/// <summary>Reads the programme's figures for the reports module (through <see cref="GrantsModule.PublicApi"/>).</summary>
public sealed class GrantFigures(AppDbContext db, GrantDesk desk) : IProgrammeSpending
{
    /// <summary>The grant programme's part of the masterplan's yearly budget: granted and paid, less what came back.</summary>
    async Task<ProgrammeShare> IProgrammeSpending.ForYearAsync(int year, CancellationToken ct)
    {
        var figures = await ForYearAsync(year, ct);
        return new ProgrammeShare("Förderprogramm für Vereine: bewilligte Zuwendungen", figures.GrantedCents - figures.ReturnedCents,
            figures.PaidCents - figures.ReturnedCents, "/foerderung/gefoerderte-projekte");
    }

    public async Task<GrantYearFigures> ForYearAsync(int year, CancellationToken ct)
    {
        var calls = await db.GrantCalls.AsNoTracking().Where(c => c.Year == year).Select(c => new { c.Id, c.MeasureId }).ToListAsync(ct);
        var callIds = calls.Select(c => c.Id).ToList();
        var applications = await db.GrantApplications.AsNoTracking().Where(a => callIds.Contains(a.CallId) && a.Status != GrantStatus.Draft)
            .Select(a => new { a.Id, a.CallId, a.Status, a.GrantedCents }).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var payments = await db.GrantPayments.AsNoTracking().Where(p => ids.Contains(p.ApplicationId))
            .Select(p => new { p.ApplicationId, p.IsReturn, p.AmountCents }).ToListAsync(ct);
        var paid = payments.Where(p => !p.IsReturn).GroupBy(p => p.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountCents));
        var returned = payments.Where(p => p.IsReturn).GroupBy(p => p.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountCents));
        var measureOf = calls.ToDictionary(c => c.Id, c => c.MeasureId);
        var funded = applications.Where(a => a.Status is GrantStatus.Approved or GrantStatus.Closed).ToList();
        var measureIds = calls.Where(c => c.MeasureId is not null).Select(c => c.MeasureId!.Value).Distinct().ToList();
        var titles = await db.Set<Measure>().AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var perMeasure = funded.GroupBy(a => measureOf[a.CallId])
            .Select(g => new GrantMeasureFigures(g.Key, g.Key is { } m ? titles.GetValueOrDefault(m) : null, g.Count(), g.Sum(a => a.GrantedCents ?? 0),
                g.Sum(a => paid.GetValueOrDefault(a.Id)), g.Sum(a => returned.GetValueOrDefault(a.Id))))
            .OrderByDescending(m => m.GrantedCents).ThenBy(m => m.Measure, StringComparer.Ordinal).ToList();
        var (budget, _, _) = await desk.YearBudgetAsync(year, ct);
        return new GrantYearFigures(year, budget, calls.Count, applications.Count, funded.Count, applications.Count(a => a.Status == GrantStatus.Rejected),
            funded.Sum(a => a.GrantedCents ?? 0), paid.Values.Sum(), returned.Values.Sum(), perMeasure);
    }
}
