using System.Diagnostics;
using System.Globalization;
using Masterplan.Bench.Documents;
using Masterplan.Documents;

// Renders the minutes of a meeting (40 agenda items, 60 attendees, 20 documents) and a status overview (500 measures
// in tables under 20 headings) to PDF and DOCX; prints the median of 5 runs after one warm-up.
// Usage: dotnet run -c Release --project bench/Documents -- [--runs N] [--out DIR]
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
var minutes = BenchDocuments.Minutes(agendaItems: 40, attendees: 60, papers: 20);
var overview = BenchDocuments.Overview(measures: 500, fields: 20);

Console.WriteLine($"{"document",-32} {"format",6} {"pages",5} {"bytes",9} {"median s",9} {"min s",7} {"max s",7} {"cpu s",7} {"first s",7} {"target",7}");
Measure("minutes (40 TOP, 60 people)", "pdf", () => PdfRenderer.Render(minutes), 2.0);
Measure("minutes (40 TOP, 60 people)", "docx", () => DocxRenderer.Render(minutes), null);
Measure("overview (500 measures)", "pdf", () => PdfRenderer.Render(overview), 3.0);
Measure("overview (500 measures)", "docx", () => DocxRenderer.Render(overview), null);
// Invitation letters of a citizen lab, QR codes included (made in the same request as the PDF), next to the same
// letters with QRCoder's own 1-bit PNG, which PdfRenderer has to re-encode with Skia (the QrCode.Png before 2026-11-23).
// Since 2026-12-05 a letter is two DIN 5008 pages (window address, Art. 14 notice, reply slip); the one-page letter before
// it is measured in the same run for the ratio.
Measure("letters (1,000 DIN 5008, 2 pages)", "pdf", () => PdfRenderer.Render(BenchDocuments.Letters(1000, QrCode.Png)), null);
Measure("letters (1,000 with QR, before)", "pdf", () => PdfRenderer.Render(BenchDocuments.LettersBefore(1000, QrCode.Png)), null);
Measure("letters (1,000, 1-bit QR PNG)", "pdf", () => PdfRenderer.Render(BenchDocuments.LettersBefore(1000, OneBitQrPng)), null);

static byte[] OneBitQrPng(string text, int pixelsPerModule)
{
    using var generator = new QRCoder.QRCodeGenerator();
    using var data = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
    using var png = new QRCoder.PngByteQRCode(data);
    return png.GetGraphic(pixelsPerModule);
}

void Measure(string name, string format, Func<byte[]> render, double? target)
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
        File.WriteAllBytes(Path.Combine(outDir, $"{name.Split(' ')[0]}.{format}"), bytes);
    }
}

static int CountPages(byte[] pdf)
{
    // "/Type /Page" but not "/Type /Pages": good enough for PDFsharp's uncompressed object headers.
    var text = System.Text.Encoding.Latin1.GetString(pdf);
    return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page(?![s\w])");
}
