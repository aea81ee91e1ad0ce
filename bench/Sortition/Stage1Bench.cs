using System.Diagnostics;
using System.Globalization;
using System.Text;
using Masterplan.Algorithms;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.Random;

namespace Masterplan.Bench.Sortition;

/// <summary>
/// Stage 1 of the Quartierslabore draw (docs/domain.md#two-stage-draw): a synthetic register extract of Dortmund and the time and
/// memory to import it and draw the invitees.
/// </summary>
internal static class Stage1Bench
{
    private static readonly DateOnly Reference = new(2026, 11, 23);

    // Residents per district: Dortmunder Statistik, 31.12.2023 (reference-data.json); Mengede has no figure
    // there, 39,000 is an estimate. Scaled to the requested number of rows.
    private static readonly (string District, int Residents, string[] SubDistricts)[] Districts =
    [
        ("Innenstadt-West", 54215, ["City-West", "Westfalenhalle", "Dorstfelder Brücke", "Dorstfeld", "Tremonia"]),
        ("Innenstadt-Nord", 61065, ["Hafen", "Nordmarkt", "Borsigplatz"]),
        ("Innenstadt-Ost", 58520, ["City-Ost", "Westfalendamm", "Ruhrallee", "Kaiserbrunnen", "Gartenstadt"]),
        ("Eving", 39405, ["Eving", "Kemminghausen", "Brechten", "Holthausen", "Lindenhorst"]),
        ("Scharnhorst", 47185, ["Derne", "Hostedde", "Kirchderne", "Kurl-Husen", "Lanstrop", "Grevel", "Scharnhorst-Ost", "Alt-Scharnhorst"]),
        ("Brackel", 56141, ["Asseln", "Brackel", "Wambel", "Wickede", "Neuasseln"]),
        ("Aplerbeck", 55685, ["Aplerbeck", "Berghofen", "Schüren", "Sölde", "Sölderholz", "Lichtendorf"]),
        ("Hörde", 57315, ["Hörde", "Benninghofen", "Hacheney", "Holzen", "Syburg", "Wellinghofen", "Wichlinghofen"]),
        ("Hombruch", 57380, ["Barop", "Bittermark", "Brünninghausen", "Eichlinghofen", "Hombruch", "Kirchhörde", "Lücklemberg", "Menglinghausen", "Persebeck", "Renninghausen"]),
        ("Lütgendortmund", 48530, ["Bövinghausen", "Kirchlinde", "Lütgendortmund", "Marten", "Oespel", "Westrich"]),
        ("Huckarde", 36565, ["Huckarde", "Deusen", "Jungferntal", "Rahm", "Wischlingen"]),
        ("Mengede", 39000, ["Mengede", "Bodelschwingh", "Nette", "Oestrich", "Schwieringhausen", "Westerfilde"]),
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Maria", "Sophie", "Emma", "Lea", "Hannah", "Mia", "Laura", "Julia", "Sarah", "Ursula", "Renate", "Gisela", "Brigitte", "Jürgen",
        "Peter", "Michael", "Thomas", "Andreas", "Stefan", "Lukas", "Jonas", "Leon", "Paul", "Finn", "Klaus", "Wolfgang", "Günter", "Hans", "Uwe",
        "Mehmet", "Ayşe", "Fatma", "Mustafa", "Emre", "Elif", "Zeynep", "Ali", "Yusuf", "Can", "Piotr", "Katarzyna", "Agnieszka", "Tomasz", "Olena",
        "Dmytro", "Nikola", "Ana", "Ioana", "Andrei", "Giulia", "Marco", "Björn", "Jörg", "Bärbel", "Käthe", "Sören", "Özlem", "Gülşen", "Mohammed",
    ];

    private static readonly string[] FamilyNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter",
        "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
        "Krause", "Meier", "Lehmann", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Kowalski", "Nowak", "Wiśniewski", "Kovalenko",
        "Popescu", "Rossi", "Ivanović", "Große-Wilde", "Dückers", "Brüggemann", "Többen", "Schulte-Vieting", "Kötter", "Pohlmann",
    ];

    private static readonly string[] Streets =
    [
        "Hauptstraße", "Bahnhofstraße", "Kirchstraße", "Schulstraße", "Gartenstraße", "Mühlenweg", "Lindenallee", "Am Markt", "Hellweg",
        "Burgweg", "Rosenstraße", "Wiesenweg", "Im Grund", "Zechenstraße", "Hüttenweg", "Kampstraße", "Brückstraße", "Ostwall", "Südring",
        "Westfalenstraße", "Emscherallee", "Am Hang", "Feldstraße", "Birkenweg", "Eichenweg", "Buchenstraße", "Hoher Wall", "Ruhrstraße",
        "Heideweg", "Kolonie", "Auf dem Brauck", "Hörder Straße", "Flughafenstraße", "Grüne Straße", "Sonnenstraße",
    ];

    /// <summary><c>stage1 generate FILE [ROWS]</c> or <c>stage1 run FILE [INVITEES]</c>.</summary>
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["generate", var file, ..]:
                var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 600_000;
                var watch = Stopwatch.StartNew();
                Generate(file, rows);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows written to {file} ({new FileInfo(file).Length / 1e6:F1} MB) in {watch.Elapsed.TotalSeconds:F1} s"));
                return 0;
            case ["run", var file, ..]:
                return Measure(file, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000);
            default:
                Console.Error.WriteLine("usage: stage1 generate FILE [ROWS] | stage1 run FILE [INVITEES]");
                return 2;
        }
    }

    /// <summary>A deterministic extract: the same file for the same number of rows, byte for byte.</summary>
    private static void Generate(string path, int rows)
    {
        var random = new SeededRandom("masterplan bench stage 1");
        var total = Districts.Sum(d => d.Residents);
        var subWeights = Districts.Select(d => d.SubDistricts.Select(_ => 1 + random.NextInt(4)).ToArray()).ToArray();
        var seen = new HashSet<(string, string, int)>();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("name;anschrift;geburtsjahr;geschlecht;stadtbezirk;statistischer_bezirk\n");
        var row = 0;
        for (var d = 0; d < Districts.Length; d++)
        {
            var (district, residents, subs) = Districts[d];

            // Largest-remainder-free scaling; the last district takes what is left so the total is exact.
            var count = d == Districts.Length - 1 ? rows - row : (int)((long)rows * residents / total);
            var postcode = 44135 + (d * 16);
            for (var i = 0; i < count; i++)
            {
                var sub = subs[Pick(random, subWeights[d])];
                string name, address;
                int year;
                do
                {
                    name = $"{FirstNames[random.NextInt(FirstNames.Length)]} {FamilyNames[random.NextInt(FamilyNames.Length)]}";
                    address = $"{Streets[random.NextInt(Streets.Length)]} {1 + random.NextInt(180)}, {postcode + random.NextInt(8)} Dortmund";
                    year = Reference.Year - Age(random);
                }
                while (!seen.Add((name, address, year)));

                // Register values: roughly half m and w, a few d and x.
                var g = random.NextInt(10_000) switch { < 4_930 => "m", < 9_990 => "w", < 9_995 => "d", _ => "x" };
                var quotedAddress = address.Contains(';', StringComparison.Ordinal) ? $"\"{address}\"" : address;
                writer.Write($"{name};{quotedAddress};{year};{g};{district};{sub}\n");
                row++;
            }
        }
    }

    /// <summary>Ages 16 and up, roughly like Dortmund's adult population: 16-24 11 %, 25-34 16 %, 35-49 22 %, 50-64 25 %, 65+ 26 %.</summary>
    private static int Age(SeededRandom random) => random.NextInt(100) switch
    {
        < 11 => 16 + random.NextInt(9),
        < 27 => 25 + random.NextInt(10),
        < 49 => 35 + random.NextInt(15),
        < 74 => 50 + random.NextInt(15),
        _ => 65 + Math.Min(random.NextInt(20) + random.NextInt(20), 40),
    };

    private static int Pick(SeededRandom random, int[] weights)
    {
        var u = random.NextInt(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static int Measure(string path, int invitees)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var extract = RegisterExtractReader.Read(path, new RegisterReadOptions { ReferenceDate = Reference, Districts = DortmundDistricts.Names });
        var read = watch.Elapsed;
        var result = InviteeDraw.Draw(extract, invitees, SamplingMethod.Stratified, Reference, "bench stage 1");
        var draw = watch.Elapsed - read;
        var codes = InvitationCode.CreateMany(invitees);
        var total = watch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var peak = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        // What stays in memory for the letters: the extract, the draw and the codes (after a full collection).
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(extract);
        GC.KeepAlive(result);
        GC.KeepAlive(codes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {extract.Count} invitees {result.Invitees.Count} strata {result.Strata.Count} read_s {read.TotalSeconds:F3} draw_s {draw.TotalSeconds:F3} codes_s {(total - read - draw).TotalSeconds:F3} total_s {total.TotalSeconds:F3} cpu_s {cpu.TotalSeconds:F3} vmhwm_kb {peak} retained_mb {retained / 1e6:F0} input_sha256 {result.InputSha256}"));
        return 0;
    }
}
