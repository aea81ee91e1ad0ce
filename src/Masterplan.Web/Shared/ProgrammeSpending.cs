namespace Masterplan.Web.Shared;

/// <summary>
/// What a module committed and spent from the masterplan's yearly budget (001: order 93013101 0004), so the programme budget
/// can show what is left without knowing the module. The grant programme is one; a module registers its implementation as a
/// scoped <see cref="IProgrammeSpending"/>.
/// </summary>
public interface IProgrammeSpending
{
    Task<ProgrammeShare> ForYearAsync(int year, CancellationToken ct);
}

/// <param name="Label">What the money went to, German (translated on pages).</param>
/// <param name="CommittedCents">Bound by decisions, less what came back.</param>
/// <param name="SpentCents">Paid out, less what came back.</param>
/// <param name="Link">The page behind the figures.</param>
public sealed record ProgrammeShare(string Label, long CommittedCents, long SpentCents, string Link);
