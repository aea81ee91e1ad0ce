using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>A city plugs in its corporate design through configuration alone, and a design that would break WCAG contrast never starts.</summary>
public class BrandingTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "masterplan-tests", "branding-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_city_sets_its_name_logo_colours_font_and_footer_links_without_code()
    {
        Directory.CreateDirectory(Folder);
        var logo = Path.Combine(Folder, "wappen.svg");
        await File.WriteAllTextAsync(logo, """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#7a0019"/></svg>""");
        var font = Path.Combine(Folder, "stadt-sans.woff2");
        byte[] fontBytes = [(byte)'w', (byte)'O', (byte)'F', (byte)'2', 1, 2, 3, 4];
        await File.WriteAllBytesAsync(font, fontBytes);
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Branding:CityName"] = "Musterstadt",
            ["Branding:PlatformName"] = "Sicher in Musterstadt",
            ["Branding:PlatformNameEnglish"] = "Safe in Musterstadt",
            ["Branding:Operator"] = "Stadt Musterstadt, Bürgeramt",
            ["Branding:Logo"] = logo,
            ["Branding:Colors:Brand"] = "#7a0019",
            ["Branding:Colors:BrandDark"] = "#4d0010",
            ["Branding:FontFamily"] = "\"Stadt Sans\", system-ui, sans-serif",
            ["Branding:Fonts:0:Family"] = "Stadt Sans",
            ["Branding:Fonts:0:Path"] = font,
            ["Branding:FooterLinks:0:Label"] = "Stadtportal",
            ["Branding:FooterLinks:0:LabelEnglish"] = "City portal",
            ["Branding:FooterLinks:0:Url"] = "https://www.musterstadt.de/",
        });
        var client = Users.Client(app);

        var page = await client.GetPageAsync("/sitzungen");
        Assert.EndsWith("– Sicher in Musterstadt", page.Title);
        var brand = page.QuerySelector("header a.brand")!;
        Assert.Equal("Stadt Musterstadt", brand.QuerySelector("img.brand-logo")!.GetAttribute("alt"));
        Assert.Contains("Sicher in Musterstadt", brand.TextContent);
        Assert.Equal("Musterstadt", brand.QuerySelector(".brand-city")!.TextContent.Trim());
        Assert.DoesNotContain("Dortmund", page.QuerySelector("header")!.TextContent);
        var footer = page.QuerySelector("footer")!;
        Assert.Equal("Stadtportal", footer.QuerySelector("a[href='https://www.musterstadt.de/']")!.TextContent);
        Assert.Contains("Stadt Musterstadt, Bürgeramt", footer.TextContent);

        // The stylesheet after site.css sets the colours and the font; its address changes with its content.
        var sheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal("/css/site.css", sheet[0]);
        Assert.StartsWith("/branding/brand.css?v=", sheet[1]);
        var css = await client.GetAsync(sheet[1]);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString());
        var text = await css.Content.ReadAsStringAsync();
        Assert.Contains("--brand:#7a0019", text);
        Assert.Contains("--brand-dark:#4d0010", text);
        Assert.Contains("font-family:\"Stadt Sans\";src:url(\"/branding/font/0\") format(\"woff2\")", text);
        Assert.Contains("body{font-family:\"Stadt Sans\", system-ui, sans-serif}", text);

        // Logo and font come from the platform itself (no third-party request, the CSP allows only 'self').
        var image = await client.GetAsync(brand.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(logo), await image.Content.ReadAsByteArrayAsync());
        var fontAnswer = await client.GetAsync("/branding/font/0");
        Assert.Equal("font/woff2", fontAnswer.Content.Headers.ContentType!.MediaType);
        Assert.Equal(fontBytes, await fontAnswer.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/branding/font/1")).StatusCode);

        // English: the English names where the city gave them, the translated default otherwise.
        var english = Users.Client(app);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await english.GetPageAsync("/sitzungen");
        Assert.EndsWith("– Safe in Musterstadt", en.Title);
        Assert.Equal("City of Musterstadt", en.QuerySelector("img.brand-logo")!.GetAttribute("alt"));
        Assert.Equal("City portal", en.QuerySelector("footer a[href='https://www.musterstadt.de/']")!.TextContent);
    }

    [Fact]
    public async Task Without_branding_settings_the_platform_looks_like_Dortmunds_and_has_no_logo_address()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = Users.Client(app);

        var page = await client.GetPageAsync("/");
        Assert.EndsWith("– Masterplan Kommunale Sicherheit", page.Title);
        Assert.Null(page.QuerySelector("header img"));
        Assert.Equal("Dortmund", page.QuerySelector("header .brand-city")!.TextContent.Trim());
        var css = await client.GetStringAsync(page.QuerySelectorAll("link[rel=stylesheet]")[1].GetAttribute("href"));
        Assert.Contains("--brand:#0b3d66", css);
        Assert.DoesNotContain("@font-face", css);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/branding/logo")).StatusCode);
    }

    [Fact]
    public async Task A_design_below_WCAG_contrast_or_with_a_missing_file_does_not_start_and_every_fault_is_named()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Branding:Colors:Brand"] = "#9fc5e8", // light blue under white text: 1.8:1
            ["Branding:Colors:Link"] = "blue",
            ["Branding:Logo"] = Path.Combine(Folder, "missing.png"),
            ["Branding:Fonts:0:Family"] = "Stadt Sans",
            ["Branding:Fonts:0:Path"] = Path.Combine(Folder, "font.otf"),
            ["Branding:FontFamily"] = "x;} body{display:none",
            ["Branding:FooterLinks:0:Label"] = "Böse",
            ["Branding:FooterLinks:0:Url"] = "javascript:alert(1)",
        };

        await using var app = new AppFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings);
        var e = await Assert.ThrowsAsync<OptionsValidationException>(app.StartServerAsync);
        var message = string.Join("\n", e.Failures);
        Assert.Contains("Branding:Colors:OnBrand #ffffff has a contrast of 1.8", message);
        Assert.Contains("on Branding:Colors:Brand #9fc5e8; WCAG 2.1 AA needs at least 4.5:1", message);
        Assert.Contains("Branding:Colors:Link \"blue\" is not a colour of the form #rrggbb", message);
        Assert.Contains("missing.png\" does not exist", message);
        Assert.Contains("font.otf\" must end in .woff2, .woff, .ttf", message);
        Assert.Contains("Branding:FontFamily may hold", message);
        Assert.Contains("Branding:FooterLinks:0:Url \"javascript:alert(1)\" must be an address on this site", message);
        await app.Database.DisposeAsync();
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#0b3d66", "#ffffff", 11.21)]
    [InlineData("#767676", "#ffffff", 4.54)]
    public void Contrast_is_WCAGs_ratio(string a, string b, double expected) =>
        Assert.Equal(expected, BrandingValidation.Contrast(a, b), 2);
}
