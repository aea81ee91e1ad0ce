using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Shared;

/// <summary>
/// The city's corporate design as configuration (section <c>Branding</c>): its name, logo, colours, fonts and footer
/// links, so an instance looks like the city's service without a code change. The defaults are the finished look of
/// the Dortmund instance. Texts are German; an English text is optional (otherwise the resource file translates the
/// German one, as for every text).
/// </summary>
public sealed class BrandingOptions
{
    /// <summary>The city's name, shown beside the platform's name in the header ("Dortmund").</summary>
    public string CityName { get; set; } = "Dortmund";

    /// <summary>The platform's name in the header and every page title.</summary>
    public string PlatformName { get; set; } = "Masterplan Kommunale Sicherheit";

    public string? PlatformNameEnglish { get; set; }

    /// <summary>Who runs the platform, the footer's last line.</summary>
    public string Operator { get; set; } = "Stadt Dortmund, Ordnungsamt – Geschäftsführung des Masterplans Kommunale Sicherheit 2.0";

    public string? OperatorEnglish { get; set; }

    /// <summary>The logo's file (SVG, PNG, WebP or JPEG, at most 1 MB; a path relative to the content root or absolute); none shows the name alone.</summary>
    public string? Logo { get; set; }

    /// <summary>The logo's text alternative; by default "Stadt" and the city's name.</summary>
    public string? LogoAlt { get; set; }

    public BrandColors Colors { get; set; } = new();

    /// <summary>The CSS font family list for all text, e.g. <c>"Stadt Sans", system-ui, sans-serif</c>; none keeps the system fonts.</summary>
    public string? FontFamily { get; set; }

    /// <summary>Font files the font family needs (WOFF2, WOFF or TTF), served from the platform itself: no third-party request.</summary>
    public List<BrandFont> Fonts { get; set; } = [];

    /// <summary>Links the footer shows after the legal ones (the city's portal, its social media …).</summary>
    public List<FooterLink> FooterLinks { get; set; } = [];
}

/// <summary>Colours as <c>#rrggbb</c>; <see cref="BrandingValidation"/> refuses a set that would fall below WCAG 2.1 AA contrast.</summary>
public sealed class BrandColors
{
    /// <summary>Header, buttons, card edges.</summary>
    public string Brand { get; set; } = "#0b3d66";

    /// <summary>Buttons under the pointer.</summary>
    public string BrandDark { get; set; } = "#062a47";

    /// <summary>Text on <see cref="Brand"/> and <see cref="BrandDark"/>.</summary>
    public string OnBrand { get; set; } = "#ffffff";

    public string Link { get; set; } = "#0a4f8a";

    public string LinkVisited { get; set; } = "#5a2d82";

    public string Text { get; set; } = "#1b1b1b";

    /// <summary>The glow around the focus outline (a second colour keeps the focus visible on light and dark).</summary>
    public string Focus { get; set; } = "#ffbf00";
}

/// <summary>A font file for <see cref="BrandingOptions.FontFamily"/>: the family's name as the CSS uses it, its weight and style.</summary>
public sealed class BrandFont
{
    public string Family { get; set; } = "";

    public string Path { get; set; } = "";

    public int Weight { get; set; } = 400;

    public string Style { get; set; } = "normal";
}

/// <summary>A footer link: German label, optional English label, and an address on this site ("/…") or https.</summary>
public sealed class FooterLink
{
    public string Label { get; set; } = "";

    public string? LabelEnglish { get; set; }

    public string Url { get; set; } = "";
}

/// <summary>Refuses the start with every wrong setting named: a colour that is no colour, contrast below WCAG 2.1 AA, a logo or font file that is missing or of the wrong kind, a footer link that is neither local nor https.</summary>
public sealed partial class BrandingValidation(IHostEnvironment environment) : IValidateOptions<BrandingOptions>
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The page background and the soft background of cards and boxes (site.css).</summary>
    private const string Background = "#ffffff", SoftBackground = "#f3f5f7";

    public ValidateOptionsResult Validate(string? name, BrandingOptions options)
    {
        // Operator messages in English, like every start-up fault; residents never see them.
        var faults = new List<string>();
        var c = options.Colors;
        var colours = new (string Key, string Value)[]
        {
            ("Brand", c.Brand), ("BrandDark", c.BrandDark), ("OnBrand", c.OnBrand), ("Link", c.Link),
            ("LinkVisited", c.LinkVisited), ("Text", c.Text), ("Focus", c.Focus),
        };
        foreach (var (key, value) in colours)
        {
            if (!Hex().IsMatch(value ?? ""))
                faults.Add($"Branding:Colors:{key} \"{value}\" is not a colour of the form #rrggbb.");
        }

        // WCAG 2.1 AA 1.4.3: text ≥ 4.5:1 against every background it stands on (pairs of readable colours only).
        Require(faults, "OnBrand", c.OnBrand, "Brand", c.Brand);
        Require(faults, "OnBrand", c.OnBrand, "BrandDark", c.BrandDark);
        foreach (var (key, value) in new[] { ("Text", c.Text), ("Link", c.Link), ("LinkVisited", c.LinkVisited) })
        {
            Require(faults, key, value, "the page background", Background);
            Require(faults, key, value, "the boxes' background", SoftBackground);
        }
        // The brand colour as text on white: the open menu button and outlined buttons.
        Require(faults, "Brand", c.Brand, "the page background", Background);

        if (string.IsNullOrWhiteSpace(options.CityName))
            faults.Add("Branding:CityName is empty.");
        if (string.IsNullOrWhiteSpace(options.PlatformName))
            faults.Add("Branding:PlatformName is empty.");
        if (options.Logo is { Length: > 0 } logo)
            ConfiguredFile.Check(faults, environment, "Branding:Logo", logo, LogoTypes.Keys, MaxFileBytes);
        if (options.FontFamily is { } family && !CssValue().IsMatch(family))
            faults.Add("Branding:FontFamily may hold letters, digits, spaces, commas, hyphens and quotes only.");
        for (var i = 0; i < options.Fonts.Count; i++)
        {
            var font = options.Fonts[i];
            if (!FontName().IsMatch(font.Family ?? ""))
                faults.Add($"Branding:Fonts:{i}:Family \"{font.Family}\" must be a font name of letters, digits, spaces and hyphens.");
            if (font.Weight is < 100 or > 900)
                faults.Add($"Branding:Fonts:{i}:Weight {font.Weight} is not a font weight (100–900).");
            if (font.Style is not ("normal" or "italic"))
                faults.Add($"Branding:Fonts:{i}:Style \"{font.Style}\" must be normal or italic.");
            ConfiguredFile.Check(faults, environment, $"Branding:Fonts:{i}:Path", font.Path, FontTypes.Keys, MaxFileBytes);
        }
        for (var i = 0; i < options.FooterLinks.Count; i++)
        {
            var link = options.FooterLinks[i];
            if (string.IsNullOrWhiteSpace(link.Label))
                faults.Add($"Branding:FooterLinks:{i}:Label is empty.");
            var local = link.Url.StartsWith('/') && !link.Url.StartsWith("//", StringComparison.Ordinal);
            if (!local && !(Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
                faults.Add($"Branding:FooterLinks:{i}:Url \"{link.Url}\" must be an address on this site (/…) or start with https://.");
        }

        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    private static void Require(List<string> faults, string key, string? colour, string againstName, string? against)
    {
        if (colour is null || against is null || !Hex().IsMatch(colour) || !Hex().IsMatch(against))
            return;
        var ratio = Contrast(colour, against);
        if (ratio < 4.5)
        {
            var on = againstName.StartsWith("the ", StringComparison.Ordinal) ? againstName : $"Branding:Colors:{againstName} {against}";
            faults.Add($"Branding:Colors:{key} {colour} has a contrast of {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1 on {on}; WCAG 2.1 AA needs at least 4.5:1.");
        }
    }

    /// <summary>WCAG 2.1's contrast ratio of two sRGB colours (1 to 21).</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var v = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }

    public static readonly IReadOnlyDictionary<string, string> LogoTypes = new Dictionary<string, string>
    {
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".webp"] = "image/webp", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
    };

    public static readonly IReadOnlyDictionary<string, string> FontTypes = new Dictionary<string, string>
    {
        [".woff2"] = "font/woff2", [".woff"] = "font/woff", [".ttf"] = "font/ttf",
    };

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Hex();

    [GeneratedRegex("""^[\p{L}\p{N} ,\-"']+$""")]
    private static partial Regex CssValue();

    [GeneratedRegex(@"^[\p{L}\p{N} \-]+$")]
    private static partial Regex FontName();
}

/// <summary>A file the configuration names (logo, font, sign-language video): of an allowed kind, present, not too large; checked at start.</summary>
public static class ConfiguredFile
{
    /// <summary>Adds a fault naming the setting when the file is of another kind, missing, or larger than <paramref name="maxBytes"/>.</summary>
    public static void Check(List<string> faults, IHostEnvironment environment, string key, string path, IEnumerable<string> extensions, long? maxBytes = null)
    {
        var full = FullPath(environment, path);
        var allowed = extensions.ToList();
        if (!allowed.Contains(Path.GetExtension(full).ToLowerInvariant()))
            faults.Add($"{key} \"{path}\" must end in {string.Join(", ", allowed)}.");
        else if (!File.Exists(full))
            faults.Add($"{key} \"{path}\" does not exist (looked for {full}).");
        else if (maxBytes is { } max && new FileInfo(full).Length > max)
            faults.Add($"{key} \"{path}\" is larger than {max / 1024 / 1024} MB.");
    }

    /// <summary>A path as configured: absolute, or relative to the content root.</summary>
    public static string FullPath(IHostEnvironment environment, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
}

/// <summary>
/// The branding as the pages use it: the stylesheet that sets the colours and fonts (its address carries a hash of its
/// content, so browsers keep it until the configuration changes), the logo and fonts read once at start.
/// </summary>
public sealed class BrandFiles
{
    public BrandFiles(IOptions<BrandingOptions> options, IHostEnvironment environment)
    {
        var o = options.Value;
        Options = o;
        if (o.Logo is { Length: > 0 } logo)
        {
            var full = ConfiguredFile.FullPath(environment, logo);
            Logo = (File.ReadAllBytes(full), BrandingValidation.LogoTypes[Path.GetExtension(full).ToLowerInvariant()]);
        }
        Fonts = [.. o.Fonts.Select(f => ConfiguredFile.FullPath(environment, f.Path)).Select(p => (File.ReadAllBytes(p), BrandingValidation.FontTypes[Path.GetExtension(p).ToLowerInvariant()]))];
        Css = Encoding.UTF8.GetBytes(BuildCss(o));
        var hash = SHA256.HashData([.. Css, .. Logo?.Bytes ?? [], .. Fonts.SelectMany(f => f.Bytes)]);
        Version = Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public BrandingOptions Options { get; }

    public byte[] Css { get; }

    public (byte[] Bytes, string ContentType)? Logo { get; }

    public IReadOnlyList<(byte[] Bytes, string ContentType)> Fonts { get; }

    /// <summary>Changes with the stylesheet, the logo or a font: part of their addresses.</summary>
    public string Version { get; }

    public string StylesheetUrl => $"/branding/brand.css?v={Version}";

    public string? LogoUrl => Logo is null ? null : $"/branding/logo?v={Version}";

    /// <summary>The platform's name in the current language.</summary>
    public string PlatformName(Func<string, string> translate) =>
        English && Options.PlatformNameEnglish is { Length: > 0 } en ? en : translate(Options.PlatformName);

    public string Operator(Func<string, string> translate) =>
        English && Options.OperatorEnglish is { Length: > 0 } en ? en : translate(Options.Operator);

    public string LogoAlt(Func<string, string> translate) =>
        Options.LogoAlt is { Length: > 0 } alt ? translate(alt) : string.Format(CultureInfo.CurrentCulture, translate("Stadt {0}"), Options.CityName);

    public string Label(FooterLink link, Func<string, string> translate) =>
        English && link.LabelEnglish is { Length: > 0 } en ? en : translate(link.Label);

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Custom properties that site.css reads, and the fonts' faces; every value was checked by <see cref="BrandingValidation"/>.</summary>
    private static string BuildCss(BrandingOptions o)
    {
        var c = o.Colors;
        var css = new StringBuilder();
        for (var i = 0; i < o.Fonts.Count; i++)
        {
            var f = o.Fonts[i];
            var format = Path.GetExtension(f.Path).ToLowerInvariant() switch { ".woff2" => "woff2", ".woff" => "woff", _ => "truetype" };
            css.Append(CultureInfo.InvariantCulture, $"@font-face{{font-family:\"{f.Family}\";src:url(\"/branding/font/{i}\") format(\"{format}\");font-weight:{f.Weight};font-style:{f.Style};font-display:swap}}\n");
        }
        css.Append(CultureInfo.InvariantCulture, $":root{{--brand:{c.Brand};--brand-dark:{c.BrandDark};--on-brand:{c.OnBrand};--link:{c.Link};--link-visited:{c.LinkVisited};--text:{c.Text};--focus:{c.Focus}}}\n");
        if (o.FontFamily is { Length: > 0 } family)
            css.Append(CultureInfo.InvariantCulture, $"body{{font-family:{family}}}\n");
        return css.ToString();
    }

    public static IServiceCollection AddBranding(IServiceCollection services)
    {
        services.AddOptions<BrandingOptions>().BindConfiguration("Branding").ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrandingOptions>, BrandingValidation>();
        services.AddSingleton<BrandFiles>();
        return services;
    }

    public static void MapEndpoints(IEndpointRouteBuilder app)
    {
        // Immutable for a year: the address changes with the content (Version).
        static void Cache(HttpContext context) => context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        app.MapGet("/branding/brand.css", (HttpContext context, BrandFiles brand) =>
        {
            Cache(context);
            return Results.Bytes(brand.Css, "text/css; charset=utf-8");
        }).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/branding/logo", (HttpContext context, BrandFiles brand) =>
        {
            if (brand.Logo is not { } logo)
                return Results.NotFound();
            // An SVG opened on its own runs no inline script: the platform's content security policy covers it.
            Cache(context);
            return Results.Bytes(logo.Bytes, logo.ContentType);
        }).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/branding/font/{index:int}", (int index, HttpContext context, BrandFiles brand) =>
        {
            if (index < 0 || index >= brand.Fonts.Count)
                return Results.NotFound();
            Cache(context);
            return Results.Bytes(brand.Fonts[index].Bytes, brand.Fonts[index].ContentType);
        }).ExcludeFromDescription().AllowAnonymous();
    }
}
