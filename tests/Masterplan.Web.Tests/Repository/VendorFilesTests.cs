using Masterplan.Web.Tests.Features.Home;

namespace Masterplan.Web.Tests.Repository;

/// <summary>
/// The front-end packages (Leaflet and its plug-ins) come from npm, but their files are committed under
/// <c>wwwroot/lib</c> so that the platform runs on a machine without npm. These tests keep the copies honest: each
/// file listed in <c>vendor-files.txt</c> is there, nothing else is, and — wherever <c>npm ci</c> has run (CI does) —
/// each copy equals the file in <c>node_modules</c> byte for byte, so a version change in package.json without
/// <c>update-vendor.sh</c> fails.
/// </summary>
public sealed class VendorFilesTests
{
    private static readonly string Web = Path.Combine(TranslationTests.RepositoryRoot(), "src", "Masterplan.Web");

    private static List<(string Package, string Source, string Target)> Manifest() =>
        File.ReadLines(Path.Combine(Web, "vendor-files.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], p[1], p[2]))
            .ToList();

    private static string Committed(string package, string target) => Path.Combine(Web, "wwwroot", "lib", package, target);

    [Fact]
    public void Every_listed_file_is_committed_and_nothing_unlisted_lies_in_wwwroot_lib()
    {
        var manifest = Manifest();
        Assert.Contains(manifest, m => m is ("leaflet", "dist/leaflet.js", _));
        Assert.All(manifest, m => Assert.True(File.Exists(Committed(m.Package, m.Target)), $"missing: wwwroot/lib/{m.Package}/{m.Target}"));

        var listed = manifest.Select(m => Path.GetFullPath(Committed(m.Package, m.Target))).ToHashSet();
        var extra = Directory.GetFiles(Path.Combine(Web, "wwwroot", "lib"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFullPath).Where(f => !listed.Contains(f)).ToList();
        Assert.True(extra.Count == 0, "not in vendor-files.txt: " + string.Join(", ", extra));
    }

    [Fact]
    public void The_committed_copies_equal_the_npm_files_byte_for_byte()
    {
        var modules = Path.Combine(Web, "node_modules");
        if (!Directory.Exists(modules))
        {
            return; // no npm here: the copies are what runs; CI (npm ci in .ci/run) compares them.
        }

        var differ = Manifest()
            .Where(m => !File.Exists(Path.Combine(modules, m.Package, m.Source))
                || !File.ReadAllBytes(Path.Combine(modules, m.Package, m.Source)).AsSpan().SequenceEqual(File.ReadAllBytes(Committed(m.Package, m.Target))))
            .Select(m => $"{m.Package}/{m.Source}")
            .ToList();
        Assert.True(differ.Count == 0, "wwwroot/lib differs from node_modules (run src/Masterplan.Web/update-vendor.sh): " + string.Join(", ", differ));
    }

    [Fact]
    public void The_installed_versions_are_the_ones_package_json_names()
    {
        var modules = Path.Combine(Web, "node_modules");
        if (!Directory.Exists(modules))
        {
            return;
        }

        using var wanted = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Web, "package.json")));
        foreach (var dependency in wanted.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            using var installed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(modules, dependency.Name, "package.json")));
            Assert.Equal(dependency.Value.GetString(), installed.RootElement.GetProperty("version").GetString());
        }
    }
}
