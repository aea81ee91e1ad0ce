using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Labs.Manage;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// The public file of a lab's draw (format <see cref="PublicDraw.Format"/>, docs/architecture.md "Labs"): everything needed to replay
/// both stages without the database, and nothing personal. Stage 1 gives the strata counts, never the register; stage 2 gives the
/// pool by respondent number with only the quota categories' values, and the published outcome.
/// </summary>
public sealed record PublicDrawFile
{
    /// <summary>The format and its version; a reader refuses another.</summary>
    public string Format { get; init; } = PublicDraw.Format;

    public string? About { get; init; }

    public PublicDrawLab? Lab { get; init; }

    public PublicInviteeStage? Invitees { get; init; }

    public PublicPanelStage? Panel { get; init; }
}

public sealed record PublicDrawLab(int Id, string Title, string District, string Page);

/// <summary>Stage 1: who got an invitation letter, as counts per stratum.</summary>
public sealed record PublicInviteeStage
{
    /// <summary>simple or stratified.</summary>
    public required string Method { get; init; }

    public required string Seed { get; init; }

    /// <summary>The public act the seed came from, as the Office recorded it; null when it recorded none apart from the seed.</summary>
    public string? SeedAct { get; init; }

    public DateTimeOffset DrawnAt { get; init; }

    public DateOnly ReferenceDate { get; init; }

    /// <summary>Residents in the register extract.</summary>
    public int RegisterRows { get; init; }

    /// <summary>How many were invited (N).</summary>
    public int Invited { get; init; }

    /// <summary>The recorded <see cref="InviteeDraw.InputHash(RegisterExtract, int, SamplingMethod, DateOnly)"/>.</summary>
    public required string InputSha256 { get; init; }

    /// <summary>The extract's <see cref="RegisterExtract.RowsSha256"/>: with it the input hash is recomputed from the counts.</summary>
    public string? RowsSha256 { get; init; }

    /// <summary>Every non-empty stratum in the draw's canonical order (stratified only).</summary>
    public IReadOnlyList<PublicStratum>? Strata { get; init; }

    /// <summary>Why something is missing, in plain words.</summary>
    public string? Note { get; init; }
}

/// <summary>One stratum: area, age band, gender (m, w, d, x), how many residents of the extract are in it and how many were invited.</summary>
public sealed record PublicStratum(string District, string? SubDistrict, string AgeBand, string Gender, int Population, int Invited)
{
    [JsonIgnore]
    public string Label => $"{District}{(SubDistrict is null ? "" : " / " + SubDistrict)}, {AgeBand}, {Gender}";
}

/// <summary>Stage 2: who of the registered people is on the panel.</summary>
public sealed record PublicPanelStage
{
    /// <summary>leximin or legacy.</summary>
    public required string Algorithm { get; init; }

    /// <summary><see cref="PanelSelection.ResultVersion"/> at draw time.</summary>
    public int? AlgorithmVersion { get; init; }

    public required string Seed { get; init; }

    public string? SeedAct { get; init; }

    public DateTimeOffset SelectedAt { get; init; }

    public int PanelSize { get; init; }

    public required IReadOnlyList<PublicQuota> Quotas { get; init; }

    /// <summary>The recorded input hash (<see cref="PanelDrawing.SelectionInputHash"/> over all the lab's categories).</summary>
    public required string InputSha256 { get; init; }

    /// <summary>The same hash over the published pool; equal to <see cref="InputSha256"/> when every category has quotas.</summary>
    public string? PoolSha256 { get; init; }

    /// <summary>Every registered person by respondent number with the values of the quota categories only; null when not kept.</summary>
    public IReadOnlyList<PublicRespondent>? Pool { get; init; }

    public string? Note { get; init; }

    /// <summary>The published outcome per respondent number.</summary>
    public required IReadOnlyList<PublicOutcome> Outcome { get; init; }
}

public sealed record PublicQuota(string Category, string Value, int Min, int Max);

public sealed record PublicRespondent(string Id, SortedDictionary<string, string> Values);

public sealed record PublicOutcome(string Id, double Probability, bool OnPanel, int? ReserveRank);

/// <summary>Writes, freezes and replays the public draw file.</summary>
public static class PublicDraw
{
    public const string Format = "masterplan-lab-draw/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string About = "Öffentliche Daten einer Losziehung zum Nachprüfen: masterplan sortition replay --file DATEI. " +
        "Keine Namen, Adressen oder Kontaktdaten; Stufe 1 nur als Zahlen je Schicht, Stufe 2 nur mit Nummern und den Merkmalen der Quoten.";

    private sealed record FrozenInvitees(string RowsSha256, IReadOnlyList<PublicStratum> Strata);

    private sealed record FrozenPool(int AlgorithmVersion, string PoolSha256, IReadOnlyList<PublicRespondent> Pool);

    /// <summary>Stage 1's public input at draw time: the rows hash and the strata counts (none for a simple draw).</summary>
    public static string FreezeInvitees(RegisterExtract extract, InviteeDrawResult result) =>
        JsonSerializer.Serialize(new FrozenInvitees(extract.RowsSha256,
            [.. result.Strata.Select(s => new PublicStratum(s.District, s.SubDistrict, s.AgeBand.Label, GenderCode(s.Gender), s.Population, s.Invited))]), Json);

    /// <summary>Stage 2's public input at draw time: the pool reduced to the quota categories, with its hash.</summary>
    public static string FreezePool(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize, string algorithm)
    {
        var categories = quotas.Select(q => q.Category).ToHashSet(StringComparer.Ordinal);
        var published = pool.Select(r => new PublicRespondent(r.Id,
            new SortedDictionary<string, string>(r.Features.Where(f => categories.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal))).ToList();
        return JsonSerializer.Serialize(new FrozenPool(PanelSelection.ResultVersion, PanelDrawing.SelectionInputHash(ToRespondents(published), quotas, panelSize, algorithm), published), Json);
    }

    /// <summary>The pool kept at draw time, or null for a draw made before it was kept.</summary>
    public static IReadOnlyList<Respondent>? FrozenRespondents(string? publicInput) =>
        publicInput is null ? null : ToRespondents(JsonSerializer.Deserialize<FrozenPool>(publicInput, Json)!.Pool);

    /// <summary>The public file of a lab's draw, or null when nothing was drawn yet.</summary>
    public static async Task<PublicDrawFile?> BuildAsync(AppDbContext db, int labId, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == labId, ct);
        var draw = lab is null ? null : await db.InviteeDraws.AsNoTracking().FirstOrDefaultAsync(d => d.LabId == labId, ct);
        if (lab is null || draw is null)
        {
            return null;
        }

        var frozen = draw.PublicInput is null ? null : JsonSerializer.Deserialize<FrozenInvitees>(draw.PublicInput, Json);
        var invitees = new PublicInviteeStage
        {
            Method = draw.Method, Seed = draw.Seed, SeedAct = draw.SeedAct, DrawnAt = draw.DrawnAt, ReferenceDate = draw.ReferenceDate, RegisterRows = draw.Rows,
            Invited = draw.Count, InputSha256 = draw.InputHash, RowsSha256 = frozen?.RowsSha256, Strata = draw.Method == "stratified" ? frozen?.Strata : null,
            Note = frozen is null ? "Die Schichten wurden bei dieser Ziehung nicht festgehalten." :
                draw.Method == "stratified" ? null : "Einfache Zufallsstichprobe: ohne das Melderegister lassen sich nur die Zahlen und die Prüfsumme nachprüfen.",
        };

        PublicPanelStage? panel = null;
        var selection = await db.PanelSelections.AsNoTracking().FirstOrDefaultAsync(s => s.LabId == labId, ct);
        if (selection is not null)
        {
            var pool = selection.PublicInput is null ? null : JsonSerializer.Deserialize<FrozenPool>(selection.PublicInput, Json);
            var outcomes = await db.PanelOutcomes.AsNoTracking().Where(o => o.SelectionId == selection.Id).OrderBy(o => o.Id)
                .Select(o => new PublicOutcome(o.RespondentId, o.Probability, o.OnPanel, o.ReserveRank)).ToListAsync(ct);
            panel = new PublicPanelStage
            {
                Algorithm = selection.Algorithm, AlgorithmVersion = pool?.AlgorithmVersion, Seed = selection.Seed, SeedAct = selection.SeedAct, SelectedAt = selection.SelectedAt,
                PanelSize = selection.PanelSize, Quotas = [.. LabQuotas.Parse(selection.Quotas).Quotas.Select(q => new PublicQuota(q.Category, q.Value, q.Min, q.Max))],
                InputSha256 = selection.InputHash, PoolSha256 = pool?.PoolSha256, Pool = pool?.Pool,
                Note = pool is null ? "Der Pool wurde bei dieser Auslosung nicht festgehalten; die Anmeldungen sind oder werden gelöscht, nachrechnen lässt sich nur mit ihnen." : null,
                Outcome = outcomes,
            };
        }

        return new PublicDrawFile
        {
            About = About,
            Lab = new PublicDrawLab(lab.Id, lab.Title, lab.District, $"/quartierslabore/{lab.Id}/losverfahren"),
            Invitees = invitees,
            Panel = panel,
        };
    }

    /// <summary>
    /// Replays both stages from the file alone, with the same comparisons as <see cref="LabReplay"/>: stage 1 splits N over the strata
    /// with the seed again and recomputes the input hash; stage 2 selects again from the pool and compares panel, reserve list and every
    /// probability with the published outcome.
    /// </summary>
    public static ReplayReport Replay(PublicDrawFile file, SelectionOptions options, CancellationToken ct)
    {
        var checkedItems = new List<string>();
        var differences = new List<string>();
        if (file.Invitees is not { } stage1)
        {
            checkedItems.Add("Stufe 1: nicht in der Datei.");
        }
        else
        {
            var method = stage1.Method == "stratified" ? SamplingMethod.Stratified : SamplingMethod.Simple;
            if (stage1.RowsSha256 is { } rows)
            {
                var hash = InviteeDraw.InputHash(rows, stage1.RegisterRows, stage1.Invited, method, stage1.ReferenceDate);
                if (hash != stage1.InputSha256)
                {
                    differences.Add($"Stufe 1: die Prüfsumme der Eingaben ist nachgerechnet {hash}, veröffentlicht {stage1.InputSha256}.");
                }
            }

            if (method == SamplingMethod.Stratified && stage1.Strata is { } strata)
            {
                if (strata.Sum(s => s.Population) != stage1.RegisterRows || strata.Sum(s => s.Invited) != stage1.Invited)
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Stufe 1: die Schichten ergeben {strata.Sum(s => s.Population)} Personen und {strata.Sum(s => s.Invited)} Eingeladene, veröffentlicht sind {stage1.RegisterRows} und {stage1.Invited}."));
                }

                LabReplay.CompareAllocation([.. strata.Select(s => (s.Label, s.Population, s.Invited))], stage1.Invited, stage1.Seed, differences);
                checkedItems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Stufe 1: {stage1.Invited} Eingeladene auf {strata.Count} Schichten aus {stage1.RegisterRows} Personen nachgerechnet, Seed „{stage1.Seed}“."));
            }
            else
            {
                checkedItems.Add($"Stufe 1: {stage1.Note ?? "keine Schichten in der Datei."} Seed „{stage1.Seed}“.");
            }
        }

        if (file.Panel is not { } stage2)
        {
            checkedItems.Add("Stufe 2: noch nicht ausgelost.");
        }
        else if (stage2.Pool is not { } published)
        {
            checkedItems.Add($"Stufe 2: {stage2.Note ?? "kein Pool in der Datei."}");
        }
        else
        {
            var pool = ToRespondents(published);
            var quotas = stage2.Quotas.Select(q => new Quota(q.Category, q.Value, q.Min, q.Max)).ToList();
            var hash = PanelDrawing.SelectionInputHash(pool, quotas, stage2.PanelSize, stage2.Algorithm);
            if (stage2.PoolSha256 is { } poolHash && hash != poolHash)
            {
                differences.Add($"Stufe 2: die Prüfsumme des Pools ist nachgerechnet {hash}, veröffentlicht {poolHash}: Pool, Quoten, Größe oder Verfahren wurden verändert.");
            }

            if (stage2.AlgorithmVersion is { } version && version != PanelSelection.ResultVersion)
            {
                checkedItems.Add(string.Create(CultureInfo.InvariantCulture, $"Stufe 2: gelost mit Version {version} des Verfahrens, nachgerechnet mit Version {PanelSelection.ResultVersion}."));
            }

            var recorded = stage2.Outcome.Select(o => new RecordedOutcome(o.Id, o.Probability, o.OnPanel, o.ReserveRank)).ToList();
            if (LabReplay.ComparePanel(pool, quotas, stage2.PanelSize, stage2.Algorithm, stage2.Seed, recorded, options, differences, ct) is { } result)
            {
                checkedItems.Add($"Stufe 2: {stage2.Algorithm.ToUpperInvariant()}, Panel von {result.Panel.Count} aus {pool.Count}, Seed „{stage2.Seed}“, {result.Probabilities.Count} Wahrscheinlichkeiten nachgerechnet.");
            }
        }

        return new ReplayReport(checkedItems, differences);
    }

    private static List<Respondent> ToRespondents(IReadOnlyList<PublicRespondent> pool) =>
        [.. pool.Select(r => new Respondent(r.Id, r.Values))];

    private static string GenderCode(RegisterGender gender) => gender switch
    {
        RegisterGender.Male => "m",
        RegisterGender.Female => "w",
        RegisterGender.Diverse => "d",
        _ => "x",
    };
}
