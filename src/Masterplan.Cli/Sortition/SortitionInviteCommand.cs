using System.Globalization;
using System.Text.Json;
using Masterplan.Algorithms.Invitations;

namespace Masterplan.Cli.Sortition;

/// <summary>
/// <c>masterplan sortition invite</c>: stage 1 of a Quartierslabor draw — reads a register extract, draws the
/// invitees with a public seed and gives each a registration code; writes everything the letters need as JSON.
/// </summary>
internal sealed class SortitionInviteCommand : ICommand
{
    private const string Usage = $"""
        masterplan sortition invite --register FILE --invitees N [--stratify] --seed TEXT --reference-date YYYY-MM-DD --out FILE [options]

        Draws N residents from a register extract for the invitation letters of a Quartierslabor. The same
        extract, N, method, reference date and seed always give the same invitees; 'masterplan sortition replay'
        checks that. The registration codes are NOT part of the replay: they are new random secrets every run.

        {RegisterDrawInput.OptionsHelp}
          --out FILE              where to write the JSON (personal data and codes: keep it safe, delete it with the extract)

        Exit codes: 0 success, 1 invalid register extract (every problem with its line), 2 wrong usage.
        """;

    public string Name => "sortition invite";

    public string Summary => "Draw invitees from a register extract (stage 1), with codes, write JSON";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        if (args.Has("help"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var input = RegisterDrawInput.FromArguments(args);
        var outPath = args.Required("out");
        if (await input.DrawAsync(error) is not { } drawn)
        {
            return 1;
        }

        var (extract, result) = drawn;
        var codes = InvitationCode.CreateMany(result.Invitees.Count);
        await using (var file = File.Create(outPath))
        {
            Write(file, input, extract, result, codes);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Method == SamplingMethod.Stratified ? $"Stratified draw over {result.Strata.Count} strata" : "Simple random draw")}: {result.Invitees.Count} invitees from {extract.Count} residents, seed '{result.Seed}', reference date {result.ReferenceDate:yyyy-MM-dd}, input SHA-256 {result.InputSha256}. Written to {outPath} (personal data and registration codes: keep it safe)."));
        return 0;
    }

    private static void Write(Stream stream, RegisterDrawInput input, RegisterExtract extract, InviteeDrawResult result, IReadOnlyList<string> codes)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("kind", "invitations");
        json.WriteString("method", RegisterDrawInput.MethodName(result.Method));
        json.WriteString("seed", result.Seed);
        json.WriteString("inputSha256", result.InputSha256);
        json.WriteString("rowsSha256", extract.RowsSha256);
        json.WriteString("referenceDate", result.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("register", Path.GetFileName(input.RegisterPath));
        json.WriteNumber("residents", extract.Count);
        json.WriteNumber("invitees", result.Invitees.Count);
        json.WriteStartArray("strata");
        foreach (var s in result.Strata)
        {
            json.WriteStartObject();
            json.WriteString("district", s.District);
            if (s.SubDistrict is not null)
            {
                json.WriteString("subDistrict", s.SubDistrict);
            }

            json.WriteString("ageBand", s.AgeBand.Label);
            json.WriteString("gender", RegisterDrawInput.GenderCode(s.Gender));
            json.WriteNumber("population", s.Population);
            json.WriteNumber("exactShare", Math.Round(s.ExactShare, 6));
            json.WriteNumber("invited", s.Invited);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("invitations");
        for (var k = 0; k < result.Invitees.Count; k++)
        {
            var p = extract[result.Invitees[k]];
            json.WriteStartObject();
            json.WriteNumber("line", p.Line);
            json.WriteString("code", codes[k]);
            json.WriteString("name", p.Name);
            json.WriteString("address", p.Address);
            json.WriteNumber("birthYear", p.BirthYear);
            json.WriteString("gender", RegisterDrawInput.GenderCode(p.Gender));
            json.WriteString("district", p.District);
            if (p.SubDistrict is not null)
            {
                json.WriteString("subDistrict", p.SubDistrict);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
