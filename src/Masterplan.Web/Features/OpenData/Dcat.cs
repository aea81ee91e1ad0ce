using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Masterplan.Web.Features.OpenData;

/// <summary>A value in the catalogue's RDF graph.</summary>
public abstract record RdfValue;

/// <summary>A literal, in a language or of an XML Schema datatype (<c>xsd:date</c>, …).</summary>
public sealed record RdfLiteral(string Value, string? Datatype = null, string? Language = null) : RdfValue;

/// <summary>A reference to a resource by its IRI.</summary>
public sealed record RdfIri(string Iri) : RdfValue;

/// <summary>A resource of a class with its properties (prefixed names such as <c>dct:title</c>); nested resources are written inline.</summary>
public sealed record RdfNode(string? Id, string Type, IReadOnlyList<(string Property, RdfValue Value)> Properties) : RdfValue;

/// <summary>
/// The DCAT-AP.de catalogue of the datasets (GovData harvests it): a dcat:Catalog with every dcat:Dataset and each of its
/// dcat:Distributions, from the definitions and the snapshot's sizes and times. One graph, written as JSON-LD and as
/// RDF/XML. Every dataset carries what DCAT-AP.de marks mandatory and the recommended properties: title, description,
/// publisher, contact point, contributor id, themes, keywords, temporal and spatial coverage with the political geocoding
/// of Dortmund, issued and modified, licence dl-de/by-2-0 with its attribution text, and the distributions with access
/// and download address, format, media type, byte size, licence and modified time.
/// </summary>
public static class Dcat
{
    public const string Licence = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";

    public const string Publisher = "Stadt Dortmund";

    public const string Attribution = "Stadt Dortmund, Masterplan Kommunale Sicherheit";

    /// <summary>Dortmund's Amtlicher Gemeindeschlüssel in the DCAT-AP.de geocoding vocabulary.</summary>
    public const string Municipality = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05913000";

    public const string MunicipalityLevel = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality";

    public static readonly IReadOnlyDictionary<string, string> Namespaces = new Dictionary<string, string>
    {
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["dcatde"] = "http://dcat-ap.de/def/dcatde/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["spdx"] = "http://spdx.org/rdf/terms#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    private static readonly Dictionary<string, (string FileType, string MediaType)> Formats = new()
    {
        [OpenDataExport.Csv] = ("http://publications.europa.eu/resource/authority/file-type/CSV", "http://www.iana.org/assignments/media-types/text/csv"),
        [OpenDataExport.Json] = ("http://publications.europa.eu/resource/authority/file-type/JSON", "http://www.iana.org/assignments/media-types/application/json"),
    };

    /// <summary>The media type each format is served with.</summary>
    public static string ContentType(string format) => format == OpenDataExport.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    private static RdfLiteral De(string text) => new(text, Language: "de");

    private static RdfLiteral Date(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "xsd:date");

    private static RdfLiteral Time(DateTimeOffset moment) => new(moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "xsd:dateTime");

    /// <param name="link">Makes an absolute address of a path of the platform (the configured public address).</param>
    /// <param name="contactEmail">The Office's functional address for questions about the data.</param>
    public static RdfNode Catalog(SnapshotManifest manifest, Func<string, string> link, string? contactEmail, string contributorId)
    {
        var publisher = new RdfNode(null, "foaf:Agent", [("foaf:name", new RdfLiteral(Publisher)), ("dct:type", new RdfIri("http://purl.org/adms/publishertype/LocalAuthority"))]);
        var contact = new List<(string, RdfValue)> { ("vcard:fn", new RdfLiteral("Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit")), ("vcard:hasURL", new RdfIri(link("/offene-daten"))) };
        if (contactEmail is not null)
        {
            contact.Add(("vcard:hasEmail", new RdfIri("mailto:" + contactEmail)));
        }

        var contactPoint = new RdfNode(null, "vcard:Organization", contact);
        var datasets = new List<(string, RdfValue)>();
        foreach (var definition in OpenDataSets.All)
        {
            if (manifest.Dataset(definition.Slug) is { } entry)
            {
                datasets.Add(("dcat:dataset", Dataset(definition, entry, link, publisher, contactPoint, contributorId)));
            }
        }

        return new RdfNode(link("/opendata/catalog"), "dcat:Catalog",
        [
            ("dct:title", De("Offene Daten des Masterplans Kommunale Sicherheit Dortmund")),
            ("dct:description", De("Datensätze der Plattform des Masterplans Kommunale Sicherheit der Stadt Dortmund: Handlungsfelder, Maßnahmen, Kennzahlen, Sitzungen und Empfehlungen, Quartierslabore, Meldungen, Schutzorte und die Zahlen für den Ausschuss. Jede Nacht neu erstellt.")),
            ("dct:publisher", publisher),
            ("foaf:homepage", new RdfIri(link("/offene-daten"))),
            ("dct:language", new RdfIri("http://publications.europa.eu/resource/authority/language/DEU")),
            ("dct:license", new RdfIri(Licence)),
            ("dct:spatial", new RdfIri(Municipality)),
            ("dcat:themeTaxonomy", new RdfIri("http://publications.europa.eu/resource/authority/data-theme")),
            ("dct:modified", Time(manifest.ExportedAt)),
            .. datasets,
        ]);
    }

    private static RdfNode Dataset(DatasetDefinition definition, SnapshotDataset entry, Func<string, string> link, RdfNode publisher, RdfNode contactPoint, string contributorId)
    {
        var properties = new List<(string, RdfValue)>
        {
            ("dct:title", De(definition.Title)),
            ("dct:description", De(definition.Description)),
            ("dct:identifier", new RdfLiteral(link("/opendata/datasets/" + definition.Slug))),
            ("dct:publisher", publisher),
            ("dct:creator", publisher),
            ("dcat:contactPoint", contactPoint),
            ("dcatde:contributorID", new RdfIri(contributorId)),
            ("dcatde:politicalGeocodingURI", new RdfIri(Municipality)),
            ("dcatde:politicalGeocodingLevelURI", new RdfIri(MunicipalityLevel)),
            ("dct:spatial", new RdfIri(Municipality)),
            ("dct:language", new RdfIri("http://publications.europa.eu/resource/authority/language/DEU")),
            ("dct:accessRights", new RdfIri("http://publications.europa.eu/resource/authority/access-right/PUBLIC")),
            ("dcat:landingPage", new RdfIri(link("/offene-daten#" + definition.Slug))),
            ("dct:license", new RdfIri(Licence)),
            ("dct:issued", Time(entry.Issued)),
            ("dct:modified", Time(entry.Files.Max(f => f.Modified))),
            ("dct:accrualPeriodicity", new RdfIri("http://publications.europa.eu/resource/authority/frequency/DAILY")),
        };
        properties.AddRange(definition.Themes.Select(t => ("dcat:theme", (RdfValue)new RdfIri("http://publications.europa.eu/resource/authority/data-theme/" + t))));
        properties.AddRange(definition.Keywords.Select(k => ("dcat:keyword", (RdfValue)De(k))));
        if (entry.From is { } from && entry.To is { } to)
        {
            properties.Add(("dct:temporal", new RdfNode(null, "dct:PeriodOfTime", [("dcat:startDate", Date(from)), ("dcat:endDate", Date(to))])));
        }

        foreach (var file in entry.Files)
        {
            var (fileType, mediaType) = Formats[file.Format];
            var address = link($"/opendata/{definition.Slug}.{file.Format}");
            properties.Add(("dcat:distribution", new RdfNode(address + "#distribution", "dcat:Distribution",
            [
                ("dct:title", De($"{definition.Title} ({file.Format.ToUpperInvariant()})")),
                ("dcat:accessURL", new RdfIri(address)),
                ("dcat:downloadURL", new RdfIri(address)),
                ("dct:format", new RdfIri(fileType)),
                ("dcat:mediaType", new RdfIri(mediaType)),
                ("dcat:byteSize", new RdfLiteral(file.Size.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger")),
                ("dct:license", new RdfIri(Licence)),
                ("dcatde:licenseAttributionByText", De(Attribution)),
                ("dct:issued", Time(entry.Issued)),
                ("dct:modified", Time(file.Modified)),
                ("spdx:checksum", new RdfNode(null, "spdx:Checksum",
                [
                    ("spdx:algorithm", new RdfIri("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")),
                    ("spdx:checksumValue", new RdfLiteral(file.Sha256, "xsd:hexBinary")),
                ])),
            ])));
        }

        return new RdfNode(link("/opendata/datasets/" + definition.Slug), "dcat:Dataset", properties);
    }

    /// <summary>The graph as JSON-LD: a context with the prefixes, prefixed property names, nested resources inline.</summary>
    public static byte[] ToJsonLd(RdfNode root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("@context");
            foreach (var (prefix, iri) in Namespaces)
            {
                json.WriteString(prefix, iri);
            }

            json.WriteEndObject();
            WriteNodeBody(json, root);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNodeBody(Utf8JsonWriter json, RdfNode node)
    {
        if (node.Id is not null)
        {
            json.WriteString("@id", node.Id);
        }

        json.WriteString("@type", node.Type);
        foreach (var group in node.Properties.GroupBy(p => p.Property))
        {
            json.WritePropertyName(group.Key);
            var values = group.Select(p => p.Value).ToList();
            if (values.Count > 1)
            {
                json.WriteStartArray();
            }

            foreach (var value in values)
            {
                WriteJsonValue(json, value);
            }

            if (values.Count > 1)
            {
                json.WriteEndArray();
            }
        }
    }

    private static void WriteJsonValue(Utf8JsonWriter json, RdfValue value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case RdfIri iri:
                json.WriteString("@id", iri.Iri);
                break;
            case RdfLiteral literal:
                json.WriteString("@value", literal.Value);
                if (literal.Language is not null)
                {
                    json.WriteString("@language", literal.Language);
                }

                if (literal.Datatype is not null)
                {
                    json.WriteString("@type", literal.Datatype);
                }

                break;
            case RdfNode node:
                WriteNodeBody(json, node);
                break;
        }

        json.WriteEndObject();
    }

    /// <summary>The graph as RDF/XML (striped syntax, nested resources inline).</summary>
    public static byte[] ToRdfXml(RdfNode root)
    {
        XNamespace rdf = Namespaces["rdf"];
        var document = new XElement(rdf + "RDF", Namespaces.Select(n => new XAttribute(XNamespace.Xmlns + n.Key, n.Value)), Element(root));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), document).Save(writer);
        }

        return buffer.ToArray();
    }

    private static XName Name(string prefixed)
    {
        var colon = prefixed.IndexOf(':', StringComparison.Ordinal);
        return XName.Get(prefixed[(colon + 1)..], Namespaces[prefixed[..colon]]);
    }

    private static string Expand(string prefixed) => prefixed.StartsWith("xsd:", StringComparison.Ordinal) ? Namespaces["xsd"] + prefixed[4..] : prefixed;

    private static XElement Element(RdfNode node)
    {
        XNamespace rdf = Namespaces["rdf"];
        var element = new XElement(Name(node.Type));
        if (node.Id is not null)
        {
            element.Add(new XAttribute(rdf + "about", node.Id));
        }

        foreach (var (property, value) in node.Properties)
        {
            var child = new XElement(Name(property));
            switch (value)
            {
                case RdfIri iri:
                    child.Add(new XAttribute(rdf + "resource", iri.Iri));
                    break;
                case RdfLiteral literal:
                    if (literal.Language is not null)
                    {
                        child.Add(new XAttribute(XNamespace.Xml + "lang", literal.Language));
                    }

                    if (literal.Datatype is not null)
                    {
                        child.Add(new XAttribute(rdf + "datatype", Expand(literal.Datatype)));
                    }

                    child.Add(literal.Value);
                    break;
                case RdfNode nested:
                    child.Add(Element(nested));
                    break;
            }

            element.Add(child);
        }

        return element;
    }
}
