using System.Text.RegularExpressions;
using System.Xml.Linq;
using Masterplan.Web.Features.Home;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>German is the key; every German text shown must have its English translation.</summary>
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
            .Concat(Enum.GetValues<OrganizationKind>().Select(OrganizationsModule.KindLabel))
            .Concat(Enum.GetValues<ConsultationRole>().Select(PapersModule.RoleLabel))
            .Concat(Enum.GetValues<Masterplan.Web.Features.Catalogue.CatalogueChangeKind>().Select(Masterplan.Web.Features.Catalogue.ChangesModel.Label))
            .Concat(Enum.GetValues<Masterplan.Web.Features.Catalogue.CatalogueSourceKind>().Select(Masterplan.Web.Features.Catalogue.ChangesModel.Label))
            .Concat(Enum.GetValues<Masterplan.Web.Features.Catalogue.MeasureStatus>().Select(Masterplan.Web.Features.Catalogue.Measures.StatusLabel))
            .Concat(Enum.GetValues<Masterplan.Web.Features.Labs.LabState>().Select(Masterplan.Web.Features.Labs.LabsModule.StateLabel))
            .Concat(Enum.GetValues<Masterplan.Web.Features.Labs.RecommendationOutcome>().Select(Masterplan.Web.Features.Labs.LabsModule.OutcomeLabel))
            .Concat(Enum.GetValues<Masterplan.Web.Features.Labs.PlaceCategory>().Select(Masterplan.Web.Features.Labs.LabsModule.PlaceLabel))
            .Concat(new[] { "simple", "stratified" }.Select(Masterplan.Web.Features.Labs.LabsModule.MethodLabel))
            .Concat(new[] { "leximin", "legacy" }.Select(Masterplan.Web.Features.Labs.LabsModule.AlgorithmLabel))
            .Concat(Masterplan.Web.Features.Labs.LabsModule.Genders)
            .Concat(ApiReferenceModel.TagHeadings.Values).Concat(ApiReferenceModel.StatusTexts.Values).Concat(ApiReferenceModel.ParameterPlaces.Values)
            .Concat(ErrorModel.Texts.Values.SelectMany(t => new[] { t.Heading, t.Explanation }))
            .Concat(Masterplan.Web.Features.Accounts.Roles.Assignable.Append(Masterplan.Web.Features.Accounts.Roles.Member).Select(Masterplan.Web.Features.Accounts.Roles.Label))
            .Distinct()
            .ToList();

        Assert.True(shown.Count > 80, "the scan found the texts");
        var missing = shown.Where(k => !english.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join('\n', missing));
    }

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
}
