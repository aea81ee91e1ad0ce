using Masterplan.Algorithms.Sortition;

namespace Masterplan.Algorithms.Tests.Sortition;

public class SortitionFileReaderTests
{
    private static SortitionData Parse(string respondents, string categories, SortitionFileFormat format = SortitionFileFormat.Auto) =>
        SortitionFileReader.Parse(new StringReader(respondents), "respondents.csv", new StringReader(categories), "categories.csv", format);

    [Fact]
    public void The_replication_format_is_detected_and_rows_are_numbered_as_ids()
    {
        var dir = Path.Combine(SortitionTestData.SharedDataDirectory, "example_small_20");
        var data = SortitionFileReader.Read(Path.Combine(dir, "respondents.csv"), Path.Combine(dir, "categories.csv"));

        Assert.Equal(SortitionFileFormat.Replication, data.Format);
        Assert.Equal(200, data.Respondents.Count);
        Assert.Equal("1", data.Respondents[0].Id);
        Assert.Equal("conservative", data.Respondents[0].Features["leaning"]);
        Assert.Equal(new Quota("gender", "female", 9, 20), data.Quotas[0]);
    }

    [Fact]
    public void The_sortition_foundation_format_is_detected_with_ids_and_flexible_bounds()
    {
        var dir = Path.Combine(SortitionTestData.SharedDataDirectory, "sf_fixture_150_22");
        var data = SortitionFileReader.Read(Path.Combine(dir, "candidates.csv"), Path.Combine(dir, "features.csv"));

        Assert.Equal(SortitionFileFormat.SortitionFoundation, data.Format);
        Assert.Equal(150, data.Respondents.Count);
        Assert.Equal("p0", data.Respondents[0].Id);
        Assert.Equal(4, data.Respondents[0].Features.Count); // personal columns are not kept
        var female = data.Quotas.Single(q => q.Value == "Female");
        Assert.Equal((11, 12, 0, 12), (female.Min, female.Max, female.MinFlex, female.MaxFlex));
    }

    [Fact]
    public void A_forced_format_that_does_not_match_the_header_is_refused()
    {
        var ex = Assert.Throws<SortitionFormatException>(() => Parse("gender\nf\n", "category,feature,min,max\ngender,f,0,1\n", SortitionFileFormat.SortitionFoundation));
        Assert.Equal("categories.csv, line 1: The header is 'category,feature,min,max'; expected 'feature,value,min,max[,min_flex,max_flex]' (Sortition Foundation format).", ex.Errors.Single().ToString());
    }

    [Fact]
    public void An_unknown_header_is_refused_with_both_expected_forms()
    {
        var ex = Assert.Throws<SortitionFormatException>(() => Parse("gender\nf\n", "a,b,c\n"));
        Assert.Contains("replication format", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sortition Foundation format", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_with_its_line_and_nothing_is_returned()
    {
        const string categories = "category,feature,min,max\ngender,f,1,x\ngender,m,1,3\ngender,m,0,1\nage,old,4,2\nage,young,0,5\n";
        const string respondents = "id,gender,age\n1,f,old\n2,d,young\n3,m\n1,m,young\n\n5,\"m\",\"young\"\n";

        var ex = Assert.Throws<SortitionFormatException>(() => Parse(respondents, categories));
        var errors = ex.Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("categories.csv, line 2: The max 'x' is not a whole number ≥ 0.", errors);
        Assert.Contains("categories.csv, line 4: gender = m is listed twice.", errors);
        Assert.Contains("categories.csv, line 5: The minimum 4 of age = old is above its maximum 2.", errors);
        Assert.Contains("respondents.csv, line 3: gender = 'd' has no quota; the quota values of 'gender' are m.", errors);
        Assert.Contains("respondents.csv, line 4: Expected 3 fields as in the header, found 2.", errors);
        Assert.Contains("respondents.csv, line 5: The id '1' occurs more than once.", errors);
        Assert.DoesNotContain(errors, e => e.Contains("line 7", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_category_column_and_a_missing_id_column_are_reported_on_the_header_line()
    {
        var ex = Assert.Throws<SortitionFormatException>(() => Parse("name,Gender\nAnna,f\n", "feature,value,min,max\nGender,f,0,1\nage,old,0,1\n"));
        var errors = ex.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("respondents.csv, line 1: The id column 'nationbuilder_id' (or 'id') is missing.", errors);
        Assert.Contains(errors, e => e.StartsWith("respondents.csv, line 1: The column for the category 'age' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks_are_read()
    {
        const string respondents = "\uFEFFnationbuilder_id,address,Region\r\nx1,\"Street 1, \"\"back\"\"\nsecond line\",\"North, East\"\r\nx2,plain,South\r\n";
        var data = Parse(respondents, "feature,value,min,max\nRegion,\"North, East\",0,1\nRegion,South,0,1\n");

        Assert.Equal(["x1", "x2"], data.Respondents.Select(r => r.Id));
        Assert.Equal("North, East", data.Respondents[0].Features["Region"]);
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        const string respondents = "id,note,gender\n1,\"a\nb\nc\",f\n2,x,q\n";
        var ex = Assert.Throws<SortitionFormatException>(() => Parse(respondents, "category,feature,min,max\ngender,f,0,1\n"));
        Assert.Equal(5, ex.Errors.Single().Line);
    }
}
