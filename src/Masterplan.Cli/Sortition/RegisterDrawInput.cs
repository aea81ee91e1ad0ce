using System.Globalization;
using Masterplan.Algorithms;
using Masterplan.Algorithms.Invitations;

namespace Masterplan.Cli.Sortition;

/// <summary>The options that <c>sortition invite</c> and <c>sortition replay</c> share for a draw of invitees.</summary>
internal sealed record RegisterDrawInput(string RegisterPath, int Invitees, SamplingMethod Method, string Seed, DateOnly ReferenceDate, IReadOnlyList<string> Districts, int MinimumAge)
{
    public const string OptionsHelp = """
          --register FILE         the register extract (CSV, UTF-8): name;anschrift;geburtsjahr;geschlecht;stadtbezirk[;statistischer_bezirk]
          --invitees N            how many residents to invite
          --stratify              stratified by sub-district (or district) × age band × gender; default: simple random sampling
          --seed TEXT             the public seed, e.g. numbers drawn in a public session
          --reference-date DATE   YYYY-MM-DD; ages are computed for its year, later birth years are errors
          --districts FILE        the allowed district names, one per line (default: the 12 Dortmund districts)
          --minimum-age N         the youngest age the extract may hold (default 16)
        """;

    public static RegisterDrawInput FromArguments(CommandArguments args)
    {
        var dateText = args.Required("reference-date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referenceDate))
        {
            throw new CommandLineException($"Option --reference-date must be a date YYYY-MM-DD, got '{dateText}'.");
        }

        var invitees = args.RequiredInt("invitees");
        if (invitees < 1)
        {
            throw new CommandLineException("Option --invitees must be at least 1.");
        }

        var districtsPath = args.Optional("districts");
        IReadOnlyList<string> districts = DortmundDistricts.Names;
        if (districtsPath is not null)
        {
            if (!File.Exists(districtsPath))
            {
                throw new CommandLineException($"File not found: {districtsPath}");
            }

            districts = [.. File.ReadLines(districtsPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
            if (districts.Count == 0)
            {
                throw new CommandLineException($"The districts file {districtsPath} names no district.");
            }
        }

        return new RegisterDrawInput(
            args.Required("register"),
            invitees,
            args.Has("stratify") ? SamplingMethod.Stratified : SamplingMethod.Simple,
            args.Required("seed"),
            referenceDate,
            districts,
            args.Has("minimum-age") ? args.RequiredInt("minimum-age") : 16);
    }

    /// <summary>Reads the extract and draws; on bad input writes the messages to <paramref name="error"/> and returns null.</summary>
    public async Task<(RegisterExtract Extract, InviteeDrawResult Result)?> DrawAsync(TextWriter error)
    {
        if (!File.Exists(RegisterPath))
        {
            await error.WriteLineAsync($"File not found: {RegisterPath}");
            return null;
        }

        RegisterExtract extract;
        try
        {
            extract = RegisterExtractReader.Read(RegisterPath, new RegisterReadOptions { ReferenceDate = ReferenceDate, Districts = Districts, MinimumAge = MinimumAge });
        }
        catch (RegisterExtractException e)
        {
            await error.WriteLineAsync($"The register extract was not imported ({e.Errors.Count + e.Omitted} {(e.Errors.Count + e.Omitted == 1 ? "problem" : "problems")}; a file with problems imports nothing):");
            await error.WriteLineAsync(e.Message);
            return null;
        }

        if (Invitees > extract.Count)
        {
            await error.WriteLineAsync($"--invitees {Invitees} is more than the {extract.Count} residents in the extract.");
            return null;
        }

        return (extract, InviteeDraw.Draw(extract, Invitees, Method, ReferenceDate, Seed));
    }

    public static string MethodName(SamplingMethod method) => method == SamplingMethod.Stratified ? "stratified" : "simple";

    public static string GenderCode(RegisterGender gender) => gender switch
    {
        RegisterGender.Male => "m",
        RegisterGender.Female => "w",
        RegisterGender.Diverse => "d",
        _ => "x",
    };
}
