using System.Text;
using Masterplan.Algorithms.Invitations;

namespace Masterplan.Algorithms.Tests.Invitations;

public class RegisterExtractReaderTests
{
    private static readonly DateOnly Reference = new(2026, 11, 23);

    internal static RegisterExtract Read(string csv, RegisterReadOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(csv), options);

    internal static RegisterExtract Read(byte[] bytes, RegisterReadOptions? options = null) =>
        RegisterExtractReader.Read(new MemoryStream(bytes), "auszug.csv", options ?? new RegisterReadOptions { ReferenceDate = Reference });

    private static RegisterExtractException Fails(string csv, RegisterReadOptions? options = null) =>
        Assert.Throws<RegisterExtractException>(() => Read(csv, options));

    private static RegisterExtractException Fails(byte[] bytes) =>
        Assert.Throws<RegisterExtractException>(() => Read(bytes));

    private const string Header = "name;anschrift;geburtsjahr;geschlecht;stadtbezirk;statistischer_bezirk\n";

    [Fact]
    public void A_german_extract_with_semicolons_is_read_with_every_field()
    {
        var extract = Read(Header +
            "Erika Mustermann;Hauptstraße 1, 44135 Dortmund;1964;w;Innenstadt-West;City-West\n" +
            "Max Müller;\"Am Hafen 2; 44147 Dortmund\";2001;m;innenstadt nord;Hafen\n" +
            "\n" +
            "Kim Yilmaz;Hörder Bahnhofstr. 3;1990;d;Hörde;Hörde\n");

        Assert.Equal(3, extract.Count);
        Assert.Equal(new RegisterPerson(2, "Erika Mustermann", "Hauptstraße 1, 44135 Dortmund", 1964, RegisterGender.Female, "Innenstadt-West", "City-West"), extract[0]);
        Assert.Equal(new RegisterPerson(3, "Max Müller", "Am Hafen 2; 44147 Dortmund", 2001, RegisterGender.Male, "Innenstadt-Nord", "Hafen"), extract[1]);
        Assert.Equal(5, extract.LineOf(2));
        Assert.Equal(RegisterGender.Diverse, extract.GenderOf(2));
        Assert.True(extract.HasSubDistricts);
        Assert.Equal(["City-West", "Hafen", "Hörde"], extract.SubDistricts);
    }

    [Fact]
    public void An_english_extract_with_commas_crlf_and_a_bom_is_read_and_split_names_are_joined()
    {
        var csv = "\uFEFFfirst_name,last_name,address,birth_year,gender,district,extra\r\n" +
                  "Erika,Mustermann,\"Hauptstraße 1, 44135 Dortmund\",1964,female,Innenstadt-West,ignored\r\n" +
                  "Jo,Doe,\"Weg 5, \"\"Hinterhaus\"\"\",1950,X,LUETGENDORTMUND,ignored\r\n";

        var extract = Read(csv);

        Assert.Equal(new RegisterPerson(2, "Erika Mustermann", "Hauptstraße 1, 44135 Dortmund", 1964, RegisterGender.Female, "Innenstadt-West", null), extract[0]);
        Assert.Equal(new RegisterPerson(3, "Jo Doe", "Weg 5, \"Hinterhaus\"", 1950, RegisterGender.Unspecified, "Lütgendortmund", null), extract[1]);
        Assert.False(extract.HasSubDistricts);
    }

    [Theory]
    [InlineData("m", RegisterGender.Male)]
    [InlineData("W", RegisterGender.Female)]
    [InlineData("d", RegisterGender.Diverse)]
    [InlineData("x", RegisterGender.Unspecified)]
    [InlineData("männlich", RegisterGender.Male)]
    [InlineData("Weiblich", RegisterGender.Female)]
    [InlineData("divers", RegisterGender.Diverse)]
    [InlineData("ohne Angabe", RegisterGender.Unspecified)]
    [InlineData("f", RegisterGender.Female)]
    public void The_register_gender_values_are_accepted(string value, RegisterGender expected) =>
        Assert.Equal(expected, RegisterExtractReader.ParseGender(value));

    [Fact]
    public void A_latin1_file_is_named_with_the_fix_at_its_first_bad_line_and_its_other_checks_still_run()
    {
        var text = Header +
            "Anna Schmidt;Weg 1;1980;w;Eving;Eving\n" +
            "Jürgen Bäcker;Brückstraße 5;1975;m;Hörde;Hörde\n" +
            "Berta Lang;Weg 2;1970;w;Eving;Eving\n" +
            "Götz Weiß;Weg 3;1960;q;Hörde;Hörde\n";
        var ex = Fails(Encoding.Latin1.GetBytes(text));

        Assert.Collection(
            ex.Errors,
            e =>
            {
                Assert.Equal((3, RegisterErrorKind.Encoding), (e.Line, e.Kind));
                Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
                Assert.Contains("0xFC, which is 'ü' in ISO-8859-1/Windows-1252", e.Message, StringComparison.Ordinal);
                Assert.Contains("1 more lines have such bytes (lines 5)", e.Message, StringComparison.Ordinal);
                Assert.Contains("iconv -f WINDOWS-1252 -t UTF-8", e.Message, StringComparison.Ordinal);
            },
            e => Assert.Equal((5, RegisterErrorKind.Gender), (e.Line, e.Kind))); // "Hörde" was still recognised on lines 3 and 5
    }

    [Fact]
    public void A_utf16_file_is_refused_with_the_fix() =>
        Assert.Contains("UTF-16", Fails(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header)).ToArray()).Message, StringComparison.Ordinal);

    [Fact]
    public void Missing_columns_are_named_with_the_header_found()
    {
        var ex = Fails("name;anschrift;stadtbezirk\nA;B;Eving\n");

        var error = Assert.Single(ex.Errors);
        Assert.Equal((1, RegisterErrorKind.Header), (error.Line, error.Kind));
        Assert.StartsWith("Missing columns: geburtsjahr (birth year), geschlecht (gender). The header is 'name;anschrift;stadtbezirk'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_name_without_a_family_name_column_is_missing_the_family_name() =>
        Assert.StartsWith("Missing column: nachname", Fails("vorname;anschrift;geburtsjahr;geschlecht;stadtbezirk\n").Errors.Single().Message, StringComparison.Ordinal);

    [Fact]
    public void A_column_given_twice_is_refused() =>
        Assert.Contains("'geschlecht' and 'gender' all mean the gender", Fails("name;anschrift;geburtsjahr;geschlecht;gender;stadtbezirk\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Every_row_error_is_collected_with_its_line_and_nothing_is_imported()
    {
        var ex = Fails(Header +
            "Anna Schmidt;Weg 1;1980;w;Eving;Eving\n" +           // 2 fine
            "Bernd Ohne;Weg 2;2031;m;Eving;Eving\n" +             // 3 future
            "Carla Alt;Weg 3;1899;w;Eving;Eving\n" +              // 4 older than 120
            "Dieter Jung;Weg 4;2015;m;Eving;Eving\n" +            // 5 younger than 16
            "Eva Zahl;Weg 5;19x0;w;Eving;Eving\n" +               // 6 not a year
            "Fritz Frage;Weg 6;1980;q;Eving;Eving\n" +            // 7 unknown gender
            "Gabi Leer;;1980;w;Eving;Eving\n" +                   // 8 empty address
            "Hans Mitte;Weg 8;1980;m;Dortmund-Mitte;City\n" +     // 9 unknown district
            "ANNA  schmidt;weg 1;1980;w;Eving;Kemminghausen\n" +  // 10 duplicate of 2
            "Ilse Feld;Weg 9;1980;w;Eving\n" +                    // 11 five fields
            "Jan Drei;\"Weg\n10\";1980;m;Eving;Eving\n" +         // 12 line break inside the address
            "Karl Acht;Weg 11;1980;m;Aplerbeck;\n" +             // 14 empty sub-district
            "Lena Lang;" + new string('x', 201) + ";1980;w;Eving;" + new string('y', 201) + "\n"); // 15 address and sub-district too long

        Assert.Equal(
            [
                (3, RegisterErrorKind.BirthYear, "The birth year 2031 lies after the reference date 2026-11-23."),
                (4, RegisterErrorKind.BirthYear, "The birth year 1899 means an age of 127 in 2026; more than 120 is impossible."),
                (5, RegisterErrorKind.BirthYear, "The birth year 2015 means an age of 11 in 2026; the extract should hold residents aged 16 or more only."),
                (6, RegisterErrorKind.BirthYear, "The birth year '19x0' is not a year (four digits expected)."),
                (7, RegisterErrorKind.Gender, "The gender 'q' is unknown; the register uses m, w, d and x (also accepted: männlich, weiblich, divers, ohne Angabe, male, female, f, diverse)."),
                (8, RegisterErrorKind.EmptyField, "The field 'anschrift' is empty."),
                (9, RegisterErrorKind.District, "The district 'Dortmund-Mitte' is not one of the 12 districts: Innenstadt-West, Innenstadt-Nord, Innenstadt-Ost, Eving, Scharnhorst, Brackel, Aplerbeck, Hörde, Hombruch, Lütgendortmund, Huckarde, Mengede."),
                (10, RegisterErrorKind.Duplicate, "The same person as on line 2 (same name, address and birth year)."),
                (11, RegisterErrorKind.RowShape, "The row has 5 fields, the header has 6. A field that contains the separator ';' must be in double quotes."),
                (12, RegisterErrorKind.ControlCharacter, "The field 'anschrift' contains a line break or another control character; it must be on one line."),
                (14, RegisterErrorKind.EmptyField, "The field 'statistischer_bezirk' is empty."),
                (15, RegisterErrorKind.TooLong, "The field 'anschrift' has 201 characters; at most 200 are possible."),
                (15, RegisterErrorKind.TooLong, "The field 'statistischer_bezirk' has 201 characters; at most 200 are possible."),
            ],
            ex.Errors.Select(e => (e.Line, e.Kind, e.Message)));
        Assert.StartsWith("auszug.csv, line 3: The birth year 2031", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_in_an_unquoted_address_of_a_comma_file_is_explained()
    {
        var ex = Fails("name,address,birth_year,gender,district\nA,Weg 1, 44135 Dortmund,1980,w,Eving\n");

        Assert.Equal((2, "The row has 6 fields, the header has 5. A field that contains the separator ',' must be in double quotes."), (ex.Errors.Single().Line, ex.Errors.Single().Message));
    }

    [Fact]
    public void Quote_mistakes_are_reported_on_their_lines()
    {
        var ex = Fails(Header + "Anna;\"Weg\" 1;1980;w;Eving;Eving\nBerta;\"Weg 2;1980;w;Eving;Eving\n");

        Assert.Equal([(2, RegisterErrorKind.RowShape), (3, RegisterErrorKind.RowShape), (3, RegisterErrorKind.RowShape)], ex.Errors.Select(e => (e.Line, e.Kind)));
        Assert.Contains("closing quote", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not closed", ex.Errors[1].Message + ex.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal(RegisterErrorKind.EmptyFile, Fails(string.Empty).Errors.Single().Kind);

    [Fact]
    public void Errors_beyond_the_limit_are_counted()
    {
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"P{i};Weg {i};1980;q;Eving;Eving\n"));

        var ex = Fails(Header + rows, new RegisterReadOptions { ReferenceDate = Reference, MaxErrors = 10 });

        Assert.Equal(10, ex.Errors.Count);
        Assert.Equal(20, ex.Omitted);
        Assert.EndsWith("… and 20 more problems.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_district_list_can_be_given()
    {
        var options = new RegisterReadOptions { ReferenceDate = Reference, Districts = ["Nord", "Süd"] };

        Assert.Equal("Süd", Read("name;anschrift;geburtsjahr;geschlecht;stadtbezirk\nA;B;1980;m;sued\n", options)[0].District);
        Assert.Contains("not one of the 2 districts: Nord, Süd", Fails("name;anschrift;geburtsjahr;geschlecht;stadtbezirk\nA;B;1980;m;Eving\n", options).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_hash_ignores_the_file_layout_but_not_the_content()
    {
        var semicolons = Read(Header + "Anna Schmidt;Weg 1;1980;w;Eving;Eving\nBerta Lang;Weg 2;1970;W;Hörde;Hörde\n");
        var commas = Read("\uFEFFstadtbezirk,name,statistischer_bezirk,anschrift,geschlecht,geburtsjahr\r\nEving,\"Anna Schmidt\",Eving,Weg 1,w,1980\r\nHörde, Berta Lang ,Hörde,Weg 2,weiblich,1970\r\n");
        var changed = Read(Header + "Anna Schmidt;Weg 1;1980;w;Eving;Eving\nBerta Lang;Weg 2;1971;w;Hörde;Hörde\n");
        var fromPersons = RegisterExtract.FromPersons(semicolons, DortmundDistricts.Names);

        Assert.Equal(semicolons.RowsSha256, commas.RowsSha256);
        Assert.Equal(semicolons.RowsSha256, fromPersons.RowsSha256);
        Assert.NotEqual(semicolons.RowsSha256, changed.RowsSha256);

        // The canonical form, as documented on RegisterExtract, hashed independently.
        var canonical = "Anna Schmidt\tWeg 1\t1980\tw\tEving\tEving\nBerta Lang\tWeg 2\t1970\tw\tHörde\tHörde\n";
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), semicolons.RowsSha256);
    }

    [Fact]
    public void Decomposed_umlauts_are_stored_composed()
    {
        var extract = Read(Header + "Jo\u0308rg;Weg 1;1980;m;Ho\u0308rde;Ho\u0308rde\n");

        Assert.Equal(("Jörg", "Hörde", "Hörde"), (extract[0].Name, extract[0].District, extract[0].SubDistrict));
    }
}
