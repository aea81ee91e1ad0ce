using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Web.Tests.Features.Home;

namespace Masterplan.Web.Tests.Repository;

/// <summary>
/// The repository explains itself: a comment gives its reason in words and cites docs/domain.md or a seed document
/// and section (e.g. "004 §3"), never the number of a tracker issue, which a newcomer cannot read; and every
/// section of docs/domain.md that the code cites exists.
/// </summary>
public partial class SourceCommentsTests
{
    private static readonly string[] Folders = ["src", "tests", "bench"];

    private static readonly string[] Extensions = [".cs", ".cshtml", ".sh"];

    [Fact]
    public void No_source_file_cites_a_tracker_issue()
    {
        var root = TranslationTests.RepositoryRoot();
        var files = SourceFiles(root).ToList();
        Assert.True(files.Count > 300, $"the scan found the sources ({files.Count} files)");

        var hits = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => IssueNumber().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0,
            "Say the reason in words and cite docs/domain.md#<section> or the seed and section (e.g. 004 §3) instead of a tracker issue:\n"
            + string.Join('\n', hits));
    }

    [Fact]
    public void Every_cited_section_of_the_domain_page_exists()
    {
        var root = TranslationTests.RepositoryRoot();
        var domain = File.ReadAllLines(Path.Combine(root, "docs", "domain.md"));
        var anchors = domain.Where(l => l.StartsWith('#')).Select(l => Slug(l.TrimStart('#').Trim())).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("quartierslabore", anchors);

        var docs = new[] { "README.md", Path.Combine("docs", "architecture.md"), Path.Combine("docs", "operations.md"), Path.Combine("docs", "domain.md"), Path.Combine("bench", "RESULTS.md") }
            .Select(f => Path.Combine(root, f));
        var citations = SourceFiles(root).Concat(docs)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .SelectMany(l => DomainCitation().Matches(l.Text).Select(m => (l.File, l.Line, Anchor: m.Groups[1].Value)))
            .ToList();
        Assert.True(citations.Count > 50, $"the scan found the citations ({citations.Count})");

        var broken = citations.Where(c => !anchors.Contains(c.Anchor))
            .Select(c => $"{Path.GetRelativePath(root, c.File)}:{c.Line}: #{c.Anchor}")
            .ToList();
        Assert.True(broken.Count == 0, "Citations of a section docs/domain.md does not have:\n" + string.Join('\n', broken));
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));

    /// <summary>The anchor a Markdown heading gets: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    // "issue" followed by a number, as in a tracker reference; written so that this file does not match itself.
    [GeneratedRegex(@"\bissues?\s+#?[0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"domain\.md#([A-Za-z0-9_-]+)")]
    private static partial Regex DomainCitation();
}
