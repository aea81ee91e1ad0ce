using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>
/// A module is one folder: code outside <c>Features/&lt;X&gt;</c> uses only the types module X declares as its public
/// API (<c>IModule.PublicApi</c>), and the pieces that serve every module name none of them.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly string Web = Path.Combine(TranslationTests.RepositoryRoot(), "src", "Masterplan.Web");

    private static readonly Dictionary<string, IModule> Modules = Program.Modules.ToDictionary(m => ModuleOf(m.GetType())!, m => m);

    /// <summary>Each module's types by name (generic arity dropped).</summary>
    private static readonly Dictionary<string, Dictionary<string, Type>> Types = typeof(Program).Assembly.GetTypes()
        .Where(t => !t.IsNested && ModuleOf(t) is { } m && Modules.ContainsKey(m) && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
        .GroupBy(t => ModuleOf(t)!)
        .ToDictionary(g => g.Key, g => g.GroupBy(NameOf).ToDictionary(n => n.Key, n => n.First()));

    [Fact]
    public void Code_outside_a_module_uses_only_its_declared_public_api()
    {
        var violations = SourceFiles().SelectMany(f => Violations(Path.GetRelativePath(Web, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();
        Assert.True(violations.Count == 0,
            "Declare these types in the module's PublicApi, or move the code into the module's folder:\n" + string.Join('\n', violations.Order()));
    }

    [Fact]
    public void The_check_sees_imported_and_qualified_names_but_not_a_module_s_own()
    {
        Assert.Equal(new[] { "Features/Meetings/Draft.cs uses Labs.Registration" },
            Violations("Features/Meetings/Draft.cs", "using Masterplan.Web.Features.Labs;\nclass Draft(Registration registration, IndexModel page);"));
        Assert.Equal(new[] { "Data/Draft.cs uses Labs.LabReplay" }, Violations("Data/Draft.cs", "var r = new Masterplan.Web.Features.Labs.LabReplay(db, d);"));
        Assert.Empty(Violations("Features/Labs/Draft.cs", "using Masterplan.Web.Features.Labs;\nclass Draft(Registration registration);"));
        Assert.Empty(Violations("Features/Meetings/Draft.cs", "using Masterplan.Web.Features.Catalogue;\nclass Draft(Measures measures, IndexModel page);"));
    }

    [Theory]
    [InlineData("Data/AppDbContext.cs", "Accounts Audit")] // the Identity user; the audit chain written with every change
    [InlineData("Data/DemoDataSeeder.cs", "")]
    [InlineData("Features/Jobs/JobsModule.cs", "")]
    [InlineData("Shared/PlatformShell.cs", "")]
    [InlineData("Shared/PlatformHost.cs", "")]
    [InlineData("../../tests/Masterplan.Web.Tests/Features/Home/TranslationTests.cs", "")]
    public void What_serves_every_module_names_none(string file, string expected)
    {
        var text = File.ReadAllText(Path.Combine(Web, file));
        var own = FolderModule(file);
        var named = Modules.Keys.Where(m => m != own)
            .Where(m => Regex.IsMatch(text, $@"Masterplan\.Web\.Features\.{m}\b|\b{Modules[m].GetType().Name}\b"));
        Assert.Equal(expected, string.Join(' ', named.Order()));
    }

    /// <summary>Types of other modules that a file names outside their public API.</summary>
    private static List<string> Violations(string file, string text)
    {
        var own = FolderModule(file);
        var ownNames = own is not null && Types.TryGetValue(own, out var o) ? o.Keys.ToHashSet() : [];
        var violations = new List<string>();
        foreach (var (module, named) in Types.Where(t => t.Key != own))
        {
            var used = Regex.Matches(text, $@"Features\.{module}\.(\w+)").Select(m => m.Groups[1].Value).ToHashSet();
            if (Regex.IsMatch(text, $@"^\s*@?using\s+Masterplan\.Web\.Features\.{module}\s*;?\s*$", RegexOptions.Multiline))
            {
                // An imported name binds to the file's own module first.
                used.UnionWith(named.Keys.Where(n => !ownNames.Contains(n) && Regex.IsMatch(text, $@"(?<![\w.]){n}\b")));
            }

            var allowed = Modules[module].PublicApi.Append(Modules[module].GetType()).ToHashSet();
            violations.AddRange(used.Where(n => named.TryGetValue(n, out var type) && !allowed.Contains(type)).Select(n => $"{file} uses {module}.{n}"));
        }

        return violations;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Regex.IsMatch(Path.GetRelativePath(Web, f).Replace('\\', '/'), "^(bin|obj)/|^Data/(Migrations|CompiledModels)/"));

    /// <summary>The module folder a file (relative to src/Masterplan.Web) is in, or null outside <c>Features/&lt;X&gt;</c>.</summary>
    private static string? FolderModule(string file)
    {
        var parts = file.Split('/');
        return parts.Length > 2 && parts[0] == "Features" ? parts[1] : null;
    }

    private static string? ModuleOf(Type type) =>
        type.Namespace?.StartsWith("Masterplan.Web.Features.", StringComparison.Ordinal) == true ? type.Namespace.Split('.')[3] : null;

    private static string NameOf(Type type) => type.Name.Split('`')[0];
}
