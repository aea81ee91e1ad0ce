using System.Globalization;
using Masterplan.Documents;

namespace Masterplan.Web.Features.Papers;

/// <summary>A paper as a document (tagged PDF): its facts, draft decision, reasons and Beratungsfolge, in German.</summary>
public static class PaperDocument
{
    public static Document Build(Paper paper, IReadOnlyList<ConsultationView> consultations, DateOnly asOf)
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Art", paper.PaperType),
            new("Datum", paper.Date.ToString("dd.MM.yyyy", de)),
        };
        if (paper.Reference is not null)
        {
            facts.Insert(0, new("Drucksache", paper.Reference));
        }

        if (paper.ResponsibleOrganization is not null)
        {
            facts.Add(new("Federführende Stelle", paper.ResponsibleOrganization.Name));
        }

        if (paper.Originator is not null)
        {
            facts.Add(new("Eingebracht von", paper.Originator));
        }

        if (paper.AmendsPaper is not null)
        {
            facts.Add(new("Ändert", PaperLabel(paper.AmendsPaper)));
        }

        var blocks = new List<Block> { new Heading(1, paper.Name), new KeyValueList(facts) };
        foreach (var (title, text) in new[] { ("Beschlussvorschlag", paper.DecisionProposal), ("Begründung", paper.Reasons) })
        {
            if (text is not null)
            {
                blocks.Add(new Heading(2, title));
                blocks.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => new Paragraph(line)));
            }
        }

        if (consultations.Count > 0)
        {
            blocks.Add(new Heading(2, "Beratungsfolge"));
            blocks.Add(new Table($"Beratungsfolge, Stand {asOf.ToString("dd.MM.yyyy", de)}", ["Nr.", "Gremium", "Termin", "Zuständigkeit", "Ergebnis"],
                consultations.Select(c => (IReadOnlyList<string>)
                [
                    c.Position.ToString(de), c.OrganizationName, c.Date.ToString("dd.MM.yyyy", de),
                    PapersModule.RoleLabel(c.Role) + (c.Authoritative ? " (federführend)" : ""),
                    c.Result is { } r ? $"{PapersModule.ResultLabel(r)} am {c.ResultDate?.ToString("dd.MM.yyyy", de)}" : "",
                ]).ToList()));
        }

        return new Document(paper.Reference is null ? paper.Name : $"Drucksache {paper.Reference}: {paper.Name}", blocks);
    }

    private static string PaperLabel(Paper paper) => paper.Reference is null ? paper.Name : $"Drucksache {paper.Reference}: {paper.Name}";
}
