using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>German is the key; every German text shown must have its English translation, in the views and in what each module shows from code.</summary>
public partial class TranslationTests
{
    [Fact]
    public void Every_German_text_of_the_interface_has_an_English_translation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Masterplan.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

        var shown = Directory.GetFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Program.Modules.SelectMany(m => m.TranslationLabels))
            .Concat(Program.Modules.SelectMany(m => m.PrivacyNotes))
            .Concat(Program.Modules.SelectMany(m => m.Navigation).SelectMany(e => e.Children.Prepend(e)).SelectMany(e => new[] { e.Label, e.Description ?? e.Label }))
            .Distinct()
            .ToList();

        Assert.True(shown.Count > 80, "the scan found the texts");
        var missing = shown.Where(k => !english.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join('\n', missing));
    }

    /// <summary>
    /// Every message a service, API or page handler reports (the resource key given to FieldError, Outcome, the page
    /// and problem adapters, CsvError and AddModelError, and the constants they use) has its English translation;
    /// a message built by interpolation would have no key to match, so it must be a key with {0} arguments.
    /// </summary>
    [Fact]
    public void Every_message_of_services_and_APIs_has_an_English_translation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Masterplan.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var interpolated = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(web, "Features"), "*.cs", SearchOption.AllDirectories).Concat(Directory.GetFiles(Path.Combine(web, "Shared"), "*.cs")))
        {
            var source = File.ReadAllText(file);
            foreach (var pattern in MessagePatterns)
            {
                foreach (Match m in pattern.Matches(source))
                {
                    var key = m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                    if (GermanWord().IsMatch(key))
                    {
                        keys.TryAdd(key, Path.GetFileName(file));
                    }
                }
            }

            interpolated.AddRange(InterpolatedMessage().Matches(source).Select(m => $"{Path.GetFileName(file)}: {m.Value}"));
        }

        Assert.True(keys.Count > 250, $"the scan found the messages ({keys.Count})");
        var missing = keys.Where(k => !english.TryGetValue(k.Key, out var v) || string.IsNullOrWhiteSpace(v)).Select(k => $"{k.Value}: {k.Key}").ToList();
        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join('\n', missing));
        Assert.True(interpolated.Count == 0, "Messages built by interpolation (make them a key with {0} arguments):\n" + string.Join('\n', interpolated));
    }

    private const string Key = @"""((?:[^""\\]|\\.)+)""";

    private const string Field = @"(?:\$?""[^""]*""|nameof\([^)]*\)|[\w.!\[\]]+)";

    private static readonly Regex[] MessagePatterns =
    [
        new(@"\b(?:Invalid|ShowError|FieldError|Add|AddModelError|CsvError)\(\s*" + Field + @",\s*" + Key),
        new(@"\bnew(?: FieldError)?\(\s*""[\w.\[\]]*"",\s*" + Key),
        new(@"\b(?:Invalid|Problem|StaleVersion)\(http, [^;]*?,\s*" + Key + @"\s*[,)]"),
        new(@"\b(?:Error|Invalid)\(" + Key),
        new(@"\b(?:Limit|Length|ParseAmount|Number|CheckSeed)\([^;]*,\s*" + Key + @"\)"),
        new(@"\bconst string \w+ = ""([^""]*\.)"";"),
        new(@"\b[tT]\[" + Key),
    ];

    /// <summary>The resource build treats names case-insensitively and drops the second of "Neu" and "neu", which then shows in German.</summary>
    [Fact]
    public void No_two_texts_differ_only_in_case()
    {
        var names = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Masterplan.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value);
        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Texts that differ only in case (reword one of each):\n" + string.Join('\n', clashes));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Masterplan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Masterplan.slnx not found above the test folder.");
    }

    [GeneratedRegex(@"T\[""([^""]+)""")]
    private static partial Regex LocalizedText();

    /// <summary>A text is a message when it has a German word in it (not a field name or a format alone).</summary>
    [GeneratedRegex(@"[a-zäöüß]{3,} [a-zäöüß]")]
    private static partial Regex GermanWord();

    [GeneratedRegex(@"\b(?:AddModelError\([^,]+|Invalid\((?:http, )?(?!http\b)[^,]+|(?:FieldError|CsvError|ShowError)\([^,]+|errors\.Add\([^,]+),\s*\$""")]
    private static partial Regex InterpolatedMessage();
}
