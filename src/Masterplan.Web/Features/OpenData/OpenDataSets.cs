namespace Masterplan.Web.Features.OpenData;

/// <summary>How a column's values are written: numbers and booleans stay numbers and booleans in JSON.</summary>
public enum ColumnKind
{
    Text,
    WholeNumber,
    DecimalNumber,
    Date,
    DateTime,
    Boolean,
}

/// <summary>A column of a dataset: its name in the CSV header and the JSON objects, and what it holds (German, translated on the page).</summary>
public sealed record DataColumn(string Name, ColumnKind Kind, string Description);

/// <summary>
/// A dataset of the open-data catalogue. <see cref="Slug"/> names its files (<c>/opendata/&lt;slug&gt;.csv</c> and <c>.json</c>);
/// <see cref="Themes"/> are codes of the EU data-theme vocabulary (GovData's categories).
/// </summary>
public sealed record DatasetDefinition(string Slug, string Title, string Description, IReadOnlyList<string> Keywords, IReadOnlyList<string> Themes, IReadOnlyList<DataColumn> Columns);

/// <summary>
/// The datasets the platform publishes, each from what its module already shows to anyone: nothing non-public and nothing
/// that names or reaches a person. Titles, descriptions and column texts are German; the page translates them.
/// </summary>
public static class OpenDataSets
{
    public const string Catalogue = "handlungsfelder";
    public const string Measures = "massnahmen";
    public const string Indicators = "kennzahlen";
    public const string Meetings = "sitzungen";
    public const string Recommendations = "empfehlungen";
    public const string Labs = "quartierslabore";
    public const string LabRecommendations = "quartierslabor-empfehlungen";
    public const string ServiceRequests = "meldungen";
    public const string ProtectivePlaces = "schutzorte";
    public const string CommitteeFigures = "gremienzahlen";

    private static DataColumn Col(string name, ColumnKind kind, string description) => new(name, kind, description);

    public static IReadOnlyList<DatasetDefinition> All { get; } =
    [
        new(Catalogue, "Handlungsfelder des Masterplans Kommunale Sicherheit",
            "Der Katalog der Handlungsfelder und Themenschwerpunkte mit Nummer, Titel, Leitsatz und Beschreibung, wie er heute gilt.",
            ["Masterplan", "Kommunale Sicherheit", "Handlungsfeld"], ["GOVE", "JUST"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer des Handlungsfelds in der Datenbank; bleibt bei Umnummerierung gleich."),
            Col("nummer", ColumnKind.Text, "Nummer im Katalog, z. B. 2.1; Unterpunkte sind durch Punkte getrennt."),
            Col("titel", ColumnKind.Text, "Titel des Handlungsfelds."),
            Col("leitsatz", ColumnKind.Text, "Leitsatz des Handlungsfelds, falls vorhanden."),
            Col("beschreibung", ColumnKind.Text, "Beschreibung des Handlungsfelds, falls vorhanden."),
            Col("uebergeordnet_id", ColumnKind.WholeNumber, "Id des übergeordneten Handlungsfelds; leer bei einem Handlungsfeld der obersten Ebene."),
        ]),
        new(Measures, "Maßnahmen des Masterplans Kommunale Sicherheit",
            "Die veröffentlichten Maßnahmen mit Handlungsfeld, Stand, Fortschritt, Zeitraum, Budget und Stadtbezirken.",
            ["Masterplan", "Kommunale Sicherheit", "Maßnahme", "Sachstand"], ["GOVE", "JUST"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer der Maßnahme; die Seite /massnahmen/{id} zeigt sie."),
            Col("handlungsfeld_id", ColumnKind.WholeNumber, "Id des Handlungsfelds (Datensatz handlungsfelder)."),
            Col("handlungsfeld_nummer", ColumnKind.Text, "Nummer des Handlungsfelds im heutigen Katalog."),
            Col("titel", ColumnKind.Text, "Titel der Maßnahme."),
            Col("beschreibung", ColumnKind.Text, "Beschreibung der Maßnahme."),
            Col("stand", ColumnKind.Text, "Stand der Maßnahme, z. B. beschlossen, in Umsetzung, umgesetzt."),
            Col("fortschritt_prozent", ColumnKind.WholeNumber, "Fortschritt in Prozent (0 bis 100)."),
            Col("beginn", ColumnKind.Date, "Geplanter Beginn (JJJJ-MM-TT)."),
            Col("ende", ColumnKind.Date, "Geplantes Ende (JJJJ-MM-TT)."),
            Col("budget_geplant_euro", ColumnKind.DecimalNumber, "Geplantes Budget in Euro, Dezimalpunkt."),
            Col("budget_ausgegeben_euro", ColumnKind.DecimalNumber, "Bisher ausgegebenes Budget in Euro, Dezimalpunkt."),
            Col("stadtbezirke", ColumnKind.Text, "Stadtbezirke, in denen die Maßnahme wirkt, durch Semikolon getrennt; leer: ganze Stadt."),
            Col("ort", ColumnKind.Text, "Ort der Maßnahme, falls sie an einem Ort stattfindet."),
            Col("partner", ColumnKind.Text, "Beteiligte Partner."),
            Col("ausgabe_masterplan", ColumnKind.WholeNumber, "Ausgabe des Masterplans (1 oder 2)."),
            Col("aktualisiert", ColumnKind.DateTime, "Zeitpunkt der letzten Änderung (UTC, ISO 8601)."),
        ]),
        new(Indicators, "Kennzahlen des Masterplans mit ihren Zeitreihen",
            "Die veröffentlichten Kennzahlen mit Definition, Einheit, Datenquelle, Ausgangs- und Zielwert und jedem gemessenen Wert; eine Zeile je Wert.",
            ["Masterplan", "Kommunale Sicherheit", "Kennzahl", "Zeitreihe"], ["GOVE", "JUST"],
        [
            Col("kennzahl_id", ColumnKind.WholeNumber, "Dauerhafte Nummer der Kennzahl; die Seite /kennzahlen/{id} zeigt sie."),
            Col("name", ColumnKind.Text, "Name der Kennzahl."),
            Col("handlungsfeld_nummer", ColumnKind.Text, "Nummer des Handlungsfelds, zu dem die Kennzahl gehört."),
            Col("massnahme_id", ColumnKind.WholeNumber, "Id der Maßnahme, falls die Kennzahl zu einer Maßnahme gehört."),
            Col("definition", ColumnKind.Text, "Was genau gezählt oder gemessen wird."),
            Col("einheit", ColumnKind.Text, "Einheit der Werte, z. B. % oder Fälle."),
            Col("datenquelle", ColumnKind.Text, "Woher die Zahlen kommen."),
            Col("richtung", ColumnKind.Text, "Ob ein steigender oder ein fallender Wert gut ist."),
            Col("ausgangswert", ColumnKind.DecimalNumber, "Ausgangswert (Baseline)."),
            Col("ausgangsdatum", ColumnKind.Date, "Datum des Ausgangswerts."),
            Col("zielwert", ColumnKind.DecimalNumber, "Zielwert."),
            Col("zieldatum", ColumnKind.Date, "Datum, bis zu dem der Zielwert erreicht sein soll."),
            Col("datum", ColumnKind.Date, "Datum des Werts; leer, solange die Kennzahl keinen Wert hat."),
            Col("wert", ColumnKind.DecimalNumber, "Gemessener Wert, Dezimalpunkt."),
        ]),
        new(Meetings, "Öffentliche Sitzungen der Gremien des Masterplans",
            "Die öffentlichen Sitzungen von Lenkungskreis, Vollversammlung, Arbeitsgruppen und Sonderstab mit Zeit, Ort und Stand.",
            ["Masterplan", "Sitzung", "Gremium"], ["GOVE"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer der Sitzung; die Seite /sitzungen/{id} zeigt sie."),
            Col("gremium", ColumnKind.Text, "Name des Gremiums."),
            Col("titel", ColumnKind.Text, "Titel der Sitzung."),
            Col("beginn", ColumnKind.DateTime, "Beginn (UTC, ISO 8601)."),
            Col("ende", ColumnKind.DateTime, "Ende (UTC, ISO 8601)."),
            Col("ort", ColumnKind.Text, "Raum und Adresse."),
            Col("stand", ColumnKind.Text, "terminiert, eingeladen, durchgeführt oder abgesagt."),
        ]),
        new(Recommendations, "Empfehlungen der Gremien des Masterplans",
            "Die öffentlichen Empfehlungen aus öffentlichen Sitzungen mit Adressat, Stand und letzter Rückmeldung.",
            ["Masterplan", "Empfehlung", "Gremium"], ["GOVE", "JUST"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer der Empfehlung."),
            Col("sitzung_id", ColumnKind.WholeNumber, "Id der Sitzung (Datensatz sitzungen)."),
            Col("gremium", ColumnKind.Text, "Gremium, das die Empfehlung beschlossen hat."),
            Col("beschlossen_am", ColumnKind.Date, "Datum des Beschlusses."),
            Col("titel", ColumnKind.Text, "Titel der Empfehlung."),
            Col("text", ColumnKind.Text, "Wortlaut der Empfehlung."),
            Col("adressat", ColumnKind.Text, "An wen sich die Empfehlung richtet."),
            Col("stand", ColumnKind.Text, "Stand der Umsetzung."),
            Col("letzte_rueckmeldung_am", ColumnKind.Date, "Datum der letzten Rückmeldung zur Umsetzung."),
            Col("letzte_rueckmeldung", ColumnKind.Text, "Text der letzten Rückmeldung zur Umsetzung."),
        ]),
        new(Labs, "Quartierslabore",
            "Die Quartierslabore mit Stadtbezirk, Quartal, Stand, Durchführung und der Zusammenfassung ihrer Ergebnisse.",
            ["Quartierslabor", "Beteiligung", "Stadtbezirk"], ["GOVE", "SOCI"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer des Quartierslabors; die Seite /quartierslabore/{id} zeigt es."),
            Col("titel", ColumnKind.Text, "Titel des Quartierslabors."),
            Col("stadtbezirk", ColumnKind.Text, "Stadtbezirk."),
            Col("jahr", ColumnKind.WholeNumber, "Jahr."),
            Col("quartal", ColumnKind.WholeNumber, "Quartal (1 bis 4)."),
            Col("stand", ColumnKind.Text, "Stand des Verfahrens."),
            Col("durchgefuehrt_am", ColumnKind.Date, "Tag des Labors."),
            Col("ergebnisse", ColumnKind.Text, "Zusammenfassung der Ergebnisse."),
            Col("berichtet_am", ColumnKind.Date, "Tag, an dem die Ergebnisse berichtet wurden."),
            Col("anzahl_empfehlungen", ColumnKind.WholeNumber, "Zahl der Empfehlungen des Labors (Datensatz quartierslabor-empfehlungen)."),
        ]),
        new(LabRecommendations, "Empfehlungen der Quartierslabore und was aus ihnen wurde",
            "Jede Empfehlung eines Quartierslabors mit der Entscheidung: als Maßnahme aufgenommen, weitergeleitet oder abgelehnt mit Begründung.",
            ["Quartierslabor", "Empfehlung", "Beteiligung"], ["GOVE", "SOCI"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer der Empfehlung."),
            Col("labor_id", ColumnKind.WholeNumber, "Id des Quartierslabors (Datensatz quartierslabore)."),
            Col("stadtbezirk", ColumnKind.Text, "Stadtbezirk des Labors."),
            Col("text", ColumnKind.Text, "Wortlaut der Empfehlung."),
            Col("ergebnis", ColumnKind.Text, "Was aus der Empfehlung wurde."),
            Col("massnahme_id", ColumnKind.WholeNumber, "Id der Maßnahme, die aus ihr wurde (Datensatz massnahmen)."),
            Col("weitergeleitet_an", ColumnKind.Text, "Stelle, an die sie weitergeleitet wurde."),
            Col("begruendung", ColumnKind.Text, "Begründung einer Ablehnung."),
            Col("entschieden_am", ColumnKind.DateTime, "Zeitpunkt der Entscheidung (UTC, ISO 8601)."),
        ]),
        new(ServiceRequests, "Meldungen von Mängeln und Angsträumen (anonymisiert)",
            "Die öffentlichen Meldungen mit Kategorie, Stadtbezirk, Punkt auf der Karte und Bearbeitungsstand; ohne Beschreibung, Adresse und alles, was auf die meldende Person hinweist.",
            ["Meldung", "Mängelmelder", "Angstraum", "Open311"], ["GOVE", "JUST", "REGI"],
        [
            Col("id", ColumnKind.WholeNumber, "Nummer der Meldung; die Seite /meldungen/{id} zeigt sie."),
            Col("kategorie_code", ColumnKind.Text, "Code der Kategorie (Open311 service_code)."),
            Col("kategorie", ColumnKind.Text, "Name der Kategorie."),
            Col("stadtbezirk", ColumnKind.Text, "Stadtbezirk."),
            Col("breitengrad", ColumnKind.DecimalNumber, "Breitengrad (WGS 84), wie auf der öffentlichen Karte."),
            Col("laengengrad", ColumnKind.DecimalNumber, "Längengrad (WGS 84), wie auf der öffentlichen Karte."),
            Col("stand", ColumnKind.Text, "Bearbeitungsstand."),
            Col("zustaendig", ColumnKind.Text, "Zuständige Dienststelle."),
            Col("duplikat_von", ColumnKind.WholeNumber, "Nummer der Meldung, deren Duplikat sie ist."),
            Col("unterstuetzungen", ColumnKind.WholeNumber, "Wie viele Menschen die Meldung unterstützt haben."),
            Col("eingegangen", ColumnKind.DateTime, "Zeitpunkt des Eingangs (UTC, ISO 8601)."),
            Col("geaendert", ColumnKind.DateTime, "Zeitpunkt der letzten Änderung (UTC, ISO 8601)."),
            Col("abgeschlossen", ColumnKind.DateTime, "Zeitpunkt des Abschlusses (UTC, ISO 8601)."),
        ]),
        new(ProtectivePlaces, "Schutzorte in Dortmund",
            "Orte, an denen Menschen in einer bedrohlichen Lage Hilfe finden: Art, Adresse, Punkt auf der Karte, Hilfe und Ausstattung.",
            ["Schutzort", "Luisa ist hier", "Hilfe", "Barrierefreiheit"], ["JUST", "SOCI", "REGI"],
        [
            Col("id", ColumnKind.WholeNumber, "Dauerhafte Nummer des Schutzorts; die Seite /schutzorte/{id} zeigt ihn."),
            Col("name", ColumnKind.Text, "Name des Orts."),
            Col("art", ColumnKind.Text, "Art des Schutzorts."),
            Col("adresse", ColumnKind.Text, "Adresse."),
            Col("stadtbezirk", ColumnKind.Text, "Stadtbezirk."),
            Col("breitengrad", ColumnKind.DecimalNumber, "Breitengrad (WGS 84)."),
            Col("laengengrad", ColumnKind.DecimalNumber, "Längengrad (WGS 84)."),
            Col("hilfe", ColumnKind.Text, "Welche Hilfe es dort gibt."),
            Col("telefon", ColumnKind.Text, "Öffentliche Telefonnummer des Orts."),
            Col("stufenlos", ColumnKind.Boolean, "Stufenlos erreichbar (true/false)."),
            Col("barrierefreies_wc", ColumnKind.Boolean, "Barrierefreies WC (true/false)."),
            Col("ruheraum", ColumnKind.Boolean, "Ruhiger Raum (true/false)."),
            Col("sprachen", ColumnKind.Text, "Sprachen, in denen geholfen wird."),
            Col("veranstaltung", ColumnKind.Text, "Veranstaltung, für die der Ort eingerichtet ist, falls nur für eine."),
        ]),
        new(CommitteeFigures, "Zahlen für den Ausschuss: Beschwerden, Übergriffe auf Einsatzkräfte und Ordnungsdienst",
            "Die Jahreszahlen der Beschwerdestelle, der Fachstelle Gewalt gegen Einsatzkräfte und des Kommunalen Ordnungsdienstes, wie sie die Seiten zeigen: Zahlen von 1 bis 4 und, was sie verraten würde, stehen als „verdeckt“.",
            ["Beschwerde", "Ordnungsdienst", "Statistik", "Ausschuss"], ["JUST", "GOVE"],
        [
            Col("jahr", ColumnKind.WholeNumber, "Jahr, für das gezählt wird."),
            Col("bereich", ColumnKind.Text, "Stelle, deren Fälle gezählt werden."),
            Col("tabelle", ColumnKind.Text, "Tabelle, z. B. nach Monat oder nach Stadtbezirk."),
            Col("kategorie", ColumnKind.Text, "Zeile der Tabelle; „Summe“ für die Summe."),
            Col("anzahl", ColumnKind.Text, "Anzahl, oder „verdeckt“, wo sie unterdrückt ist."),
            Col("von", ColumnKind.Text, "Bei Anteilen: von wie vielen, oder „verdeckt“; sonst leer."),
        ]),
    ];

    public static DatasetDefinition? Find(string slug) => All.FirstOrDefault(d => d.Slug == slug);

    /// <summary>Every German text the page shows from these definitions, for the translation test.</summary>
    public static IEnumerable<string> Texts => All.SelectMany(d => d.Columns.Select(c => c.Description).Append(d.Title).Append(d.Description));
}
