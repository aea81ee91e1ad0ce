using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Home;

/// <summary>
/// The video that explains the platform in German Sign Language (BITV NRW § 4), section <c>SignLanguage</c>. The city
/// films it; the file lives with the instance (like the logo), is served from the platform itself, and the page shows
/// its script as the text alternative. Without a video the page says it is being made and shows the script.
/// </summary>
public sealed class SignLanguageOptions
{
    /// <summary>An MP4 or WebM file (path absolute or relative to the content root).</summary>
    public string? Video { get; set; }

    /// <summary>Optional German captions as WebVTT.</summary>
    public string? Captions { get; set; }

    public static string VideoType(string path) => Path.GetExtension(path).Equals(".webm", StringComparison.OrdinalIgnoreCase) ? "video/webm" : "video/mp4";

    public static void Map(IEndpointRouteBuilder app)
    {
        // Range requests: a player jumps in the video without loading it whole.
        app.MapGet("/gebaerdensprache/video", (IOptions<SignLanguageOptions> options, IHostEnvironment environment) =>
            options.Value.Video is { Length: > 0 } video
                ? Results.File(Shared.ConfiguredFile.FullPath(environment, video), VideoType(video), enableRangeProcessing: true)
                : Results.NotFound()).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/gebaerdensprache/untertitel", (IOptions<SignLanguageOptions> options, IHostEnvironment environment) =>
            options.Value.Captions is { Length: > 0 } captions
                ? Results.File(Shared.ConfiguredFile.FullPath(environment, captions), "text/vtt; charset=utf-8")
                : Results.NotFound()).ExcludeFromDescription().AllowAnonymous();
    }
}

/// <summary>A configured video or caption file must exist and be of its kind, or the platform does not start.</summary>
public sealed class SignLanguageValidation(IHostEnvironment environment) : IValidateOptions<SignLanguageOptions>
{
    public ValidateOptionsResult Validate(string? name, SignLanguageOptions options)
    {
        var faults = new List<string>();
        if (options.Video is { Length: > 0 } video)
            Shared.ConfiguredFile.Check(faults, environment, "SignLanguage:Video", video, [".mp4", ".webm"]);
        if (options.Captions is { Length: > 0 } captions)
            Shared.ConfiguredFile.Check(faults, environment, "SignLanguage:Captions", captions, [".vtt"]);
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
