using Masterplan.Web.Shared;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>Shortened texts in lists and reports: whole words, whole characters, the mark that something is missing.</summary>
public class ExcerptsTests
{
    [Fact]
    public void A_short_text_stays_as_it_is()
    {
        Assert.Equal("Mehr Licht am Nordmarkt", Excerpts.Excerpt("Mehr Licht am Nordmarkt", 23));
    }

    [Fact]
    public void A_long_text_ends_after_a_whole_word_with_a_mark()
    {
        var text = "Die Beleuchtung in der Unterführung am Nordausgang ist seit Wochen defekt";

        var excerpt = Excerpts.Excerpt(text, 40);

        Assert.Equal("Die Beleuchtung in der Unterführung am …", excerpt);
        Assert.True(excerpt.Length <= 42);
    }

    [Fact]
    public void A_text_without_spaces_is_cut_but_never_inside_a_character()
    {
        var text = new string('a', 9) + "😀" + "bbbb";

        var excerpt = Excerpts.Excerpt(text, 10);

        Assert.Equal(new string('a', 9) + " …", excerpt);
        Assert.Equal(new string('a', 8) + " …", Excerpts.Excerpt("aaaaaaaabbbbbbbb", 8));
    }
}
