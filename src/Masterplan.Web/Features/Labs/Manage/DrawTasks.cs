using System.Globalization;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>
/// The three long steps of the draw page, run in the background (<see cref="BackgroundTasks"/>): the register upload,
/// the letters and the panel draw. The page checks the input first and answers bad input on its form; the work repeats
/// the checks (the lab may have moved on meanwhile) and commits in one transaction or stores nothing.
/// </summary>
public static class DrawTasks
{
    public const string Import = "lab.register-import";
    public const string Letters = "lab.letters";
    public const string Panel = "lab.panel-draw";

    public const string ImportTitle = "Melderegister-Auszug importieren";
    public const string LettersTitle = "Einladungsschreiben erzeugen";
    public const string PanelTitle = "Teilnehmende auslosen";

    /// <summary>Texts the works show from code, for the translation test.</summary>
    public static IEnumerable<string> Texts =>
    [
        ImportTitle, LettersTitle, PanelTitle, "Zeilen", "Schreiben", "Stufen", "Prozent", "Der Auszug wird geprüft und gespeichert.", "Die Einladungsschreiben werden erzeugt.",
        "LEXIMIN: Stufe {0} von höchstens {1}, bisher {2} mögliche Gruppen.", "Die Teilnehmenden werden ausgelost.",
        "LEXIMIN: Die Chancen stehen fest. Die Verlosung wird zusammengestellt, bisher aus {0} möglichen Gruppen.",
    ];

    public static void AddDrawTasks(this IServiceCollection services)
    {
        services.AddKeyedScoped<IBackgroundWork, ImportWork>(Import);
        services.AddKeyedScoped<IBackgroundWork, LettersWork>(Letters);
        services.AddKeyedScoped<IBackgroundWork, PanelWork>(Panel);
    }

    /// <summary>The steps of one lab's draw build on each other: one at a time.</summary>
    internal static string Lane(int labId) => string.Create(CultureInfo.InvariantCulture, $"lab-draw-{labId}");

    internal static string DrawPage(int labId) => string.Create(CultureInfo.InvariantCulture, $"/verwaltung/quartierslabore/{labId}/losverfahren");

    internal sealed record ImportForm(string FileName, DateOnly? ReferenceDate, int Rows);

    internal sealed record LettersForm(DateOnly? Date, TimeOnly? Start, TimeOnly? End, string? Place, DateOnly? Deadline);

    internal sealed record PanelForm(int? PanelSize, string? Quotas, string? Algorithm, string? Seed, string? SeedAct);

    private sealed class ImportWork(RegisterImport import) : IBackgroundWork
    {
        public async Task<BackgroundOutcome> RunAsync(BackgroundWorkContext task, CancellationToken ct)
        {
            var input = task.Read<ImportForm>();
            var labId = task.SubjectId!.Value;
            task.Report(new FieldError("", "Der Auszug wird geprüft und gespeichert."), 0, input.Rows, "Zeilen");
            await using var csv = new MemoryStream(task.Input ?? [], writable: false);
            var result = await import.ImportAsync(labId, csv, input.FileName, input.ReferenceDate, ct, new Share(task, input.Rows));
            return result.Errors.Count > 0 ? BackgroundOutcome.Failed(result.Errors) : BackgroundOutcome.Page(DrawPage(labId) + "?gespeichert=1");
        }
    }

    private sealed class LettersWork(InvitationLetters letters, TimeProvider time) : IBackgroundWork
    {
        public async Task<BackgroundOutcome> RunAsync(BackgroundWorkContext task, CancellationToken ct)
        {
            var input = task.Read<LettersForm>();
            var labId = task.SubjectId!.Value;
            task.Report(new FieldError("", "Die Einladungsschreiben werden erzeugt."), 0, 100, "Prozent");
            var (pdf, result) = await letters.LettersAsync(labId, new LetterDetails(input.Date, input.Start, input.End, input.Place, input.Deadline), ct, new Share(task, 100));
            return pdf is null
                ? BackgroundOutcome.Failed(result.Errors)
                : BackgroundOutcome.Download(pdf, string.Create(CultureInfo.InvariantCulture, $"einladungen-quartierslabor-{labId}-{CityTime.Today(time):yyyy-MM-dd}.pdf"), "application/pdf", DrawPage(labId));
        }
    }

    private sealed class PanelWork(PanelDrawing panel) : IBackgroundWork
    {
        public async Task<BackgroundOutcome> RunAsync(BackgroundWorkContext task, CancellationToken ct)
        {
            var input = task.Read<PanelForm>();
            var labId = task.SubjectId!.Value;
            task.Report(new FieldError("", "Die Teilnehmenden werden ausgelost."));
            var progress = new LeximinStages(task);
            // The solver is synchronous: it runs on a pool thread so the heartbeat keeps going, and stops at the token.
            var (result, relaxation) = await Task.Run(() => panel.SelectAsync(labId, input.PanelSize, input.Quotas, input.Algorithm, input.Seed, input.SeedAct, ct, progress), ct);
            return result.Errors.Count > 0 ? BackgroundOutcome.Failed([.. result.Errors, .. relaxation]) : BackgroundOutcome.Page(DrawPage(labId) + "?gespeichert=1");
        }
    }

    // A fraction done (0 to 1) as the current stage's count of its total.
    private sealed class Share(BackgroundWorkContext task, long total) : IProgress<double>
    {
        public void Report(double value) => task.Report((long)Math.Round(Math.Clamp(value, 0, 1) * total));
    }

    // LEXIMIN's stages as the task's progress: stage k of at most n, and the panels found so far; in the relaxation-first
    // method's last step, which takes most of the time on big pools, the share of the lottery assembled.
    private sealed class LeximinStages(BackgroundWorkContext task) : IProgress<LeximinProgress>
    {
        public void Report(LeximinProgress value)
        {
            if (value.LotteryShare is { } share)
            {
                task.Report(new FieldError("", "LEXIMIN: Die Chancen stehen fest. Die Verlosung wird zusammengestellt, bisher aus {0} möglichen Gruppen.", value.Panels), (long)Math.Floor(share * 100), 100, "Prozent");
                return;
            }

            task.Report(new FieldError("", "LEXIMIN: Stufe {0} von höchstens {1}, bisher {2} mögliche Gruppen.", value.Stage, value.MaxStages, value.Panels), value.Stage, value.MaxStages, "Stufen");
        }
    }
}
