using System.Diagnostics;
using System.Globalization;
using Masterplan.Bench.Documents;
using Masterplan.Documents;

// Renders the minutes of a meeting (40 agenda items, 60 attendees, 20 documents) and a status overview (500 measures
// in tables under 20 headings) to PDF and DOCX; prints the median of 5 runs after one warm-up.
// Usage: dotnet run -c Release --project bench/Documents -- [--runs N] [--out DIR] [--letters] [--history]
var runs = 5;
string? outDir = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs")
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--out")
        outDir = args[++i];
}

// The benchmark only measures; the AGPL choice is PDFsharp's condition for rendering at all.
PdfRenderer.UseAgplLicense();
// --letters: only the invitation letters (before and after), e.g. for a quick comparison.
var lettersOnly = args.Contains("--letters");
var minutes = BenchDocuments.Minutes(agendaItems: 40, attendees: 60, papers: 20);
var overview = BenchDocuments.Overview(measures: 500, fields: 20);

Console.WriteLine($"{"document",-32} {"format",6} {"pages",5} {"bytes",9} {"median s",9} {"min s",7} {"max s",7} {"cpu s",7} {"first s",7} {"target",7}");
if (!lettersOnly)
{
    Measure("minutes (40 TOP, 60 people)", "pdf", () => PdfRenderer.Render(minutes), 2.0);
    Measure("minutes (40 TOP, 60 people)", "docx", () => DocxRenderer.Render(minutes), null);
    Measure("overview (500 measures)", "pdf", () => PdfRenderer.Render(overview), 3.0);
    Measure("overview (500 measures)", "docx", () => DocxRenderer.Render(overview), null);
}
// Invitation letters of a citizen lab, QR codes included (made in the same request as the PDF). Since 2026-12-05 a letter is
// two DIN 5008 pages (window address, Art. 14 notice, reply slip); --history adds the one-page letter before it and QRCoder's
// 1-bit PNG (the QrCode.Png before 2026-11-23). Since 2026-12-06 (target: 3,000 letters in ≤ 5 s) the letters are made as InvitationLetters makes them now ("after": QR codes
// encoded on all cores at one pixel per module, drawn without smoothing; layout in parts on all cores, PDFsharp's parent tree
// set aside per page, content streams compressed in parallel) next to the way before ("before": 4 pixels per module, one core,
// PdfRenderer.SpeedUps off), one after the other in the same run. Both make the same pages; the ratio is before / after.
foreach (var count in new[] { 1000, 3000 })
{
    PdfRenderer.SpeedUps = false;
    var before = Measure($"letters ({count:N0}, 2 pages) before", "pdf", () => PdfRenderer.Render(BenchDocuments.Letters(count, QrCode.Png)), null);
    PdfRenderer.SpeedUps = true;
    var after = Measure($"letters ({count:N0}, 2 pages) after", "pdf", () => PdfRenderer.Render(BenchDocuments.Letters(count, QrCode.Png, pixelsPerModule: 1, pixelated: true, parallelQr: true)), count == 3000 ? 5.0 : null);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio before/after, {count:N0} letters: wall {before.Median / after.Median:F2}, CPU {before.Cpu / after.Cpu:F2}"));
}
if (args.Contains("--history"))
{
    Measure("letters (1,000 with QR, before)", "pdf", () => PdfRenderer.Render(BenchDocuments.LettersBefore(1000, QrCode.Png)), null);
    Measure("letters (1,000, 1-bit QR PNG)", "pdf", () => PdfRenderer.Render(BenchDocuments.LettersBefore(1000, OneBitQrPng)), null);
}

static byte[] OneBitQrPng(string text, int pixelsPerModule)
{
    using var generator = new QRCoder.QRCodeGenerator();
    using var data = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
    using var png = new QRCoder.PngByteQRCode(data);
    return png.GetGraphic(pixelsPerModule);
}

(double Median, double Cpu) Measure(string name, string format, Func<byte[]> render, double? target)
{
    var first = Stopwatch.StartNew();
    var bytes = render(); // warm-up: JIT, font loading; reported as "first s"
    var firstSeconds = first.Elapsed.TotalSeconds;
    var seconds = new List<double>();
    var cpu = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        // CPU time of the process next to wall time: on a shared 2-core machine other builds stretch the wall time.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        bytes = render();
        seconds.Add(watch.Elapsed.TotalSeconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }
    seconds.Sort();
    cpu.Sort();
    var median = seconds[seconds.Count / 2];
    var pages = format == "pdf" ? CountPages(bytes).ToString(CultureInfo.InvariantCulture) : "–";
    var verdict = target is { } t ? (median <= t ? $"≤ {t} ok" : $"> {t} !") : "–";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-32} {format,6} {pages,5} {bytes.Length,9} {median,9:F3} {seconds[0],7:F3} {seconds[^1],7:F3} {cpu[cpu.Count / 2],7:F3} {firstSeconds,7:F3} {verdict,7}"));
    if (outDir is not null)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllBytes(Path.Combine(outDir, $"{string.Concat(name.Split(' ', '(', ')', ',')).Replace("pages", "p", StringComparison.Ordinal)}.{format}"), bytes);
    }
    return (median, cpu[cpu.Count / 2]);
}

static int CountPages(byte[] pdf)
{
    // "/Type /Page" but not "/Type /Pages": good enough for PDFsharp's uncompressed object headers.
    var text = System.Text.Encoding.Latin1.GetString(pdf);
    return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page(?![s\w])");
}
