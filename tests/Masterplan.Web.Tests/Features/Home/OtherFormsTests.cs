using System.Net;
using System.Net.Http.Headers;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>BITV NRW § 4: the start page leads to an explanation in Leichte Sprache and in German Sign Language, the video with its text alternative.</summary>
public class OtherFormsTests
{
    [Fact]
    public async Task The_start_page_leads_to_Leichte_Sprache_and_to_the_sign_language_page_whose_script_stands_in_for_a_missing_video()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = Users.Client(app);

        var start = await client.GetPageAsync("/");
        var forms = start.QuerySelector("main ul.other-forms")!;
        Assert.NotNull(forms.QuerySelector("a[href='/leichte-sprache']"));
        Assert.NotNull(forms.QuerySelector("a[href='/gebaerdensprache']"));

        var easy = await client.GetPageAsync("/leichte-sprache");
        Assert.Equal("Leichte Sprache", easy.QuerySelector("h1")!.TextContent);
        Assert.Contains("Das ist ein Text in Leichter Sprache.", easy.QuerySelector("main")!.TextContent);
        Assert.NotNull(easy.QuerySelector("main a[href='/gebaerdensprache']"));

        var sign = await client.GetPageAsync("/gebaerdensprache");
        Assert.Null(sign.QuerySelector("video"));
        Assert.Contains("wird noch aufgenommen", sign.QuerySelector("main")!.TextContent);
        Assert.True(sign.QuerySelectorAll("#video-script ~ p").Length >= 5, "the video's script is on the page");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/gebaerdensprache/video")).StatusCode);
        // The accessibility statement says the video is still missing, as long as it is.
        Assert.Contains("Gebärdensprache erklärt, wird noch aufgenommen", (await client.GetPageAsync("/barrierefreiheit")).QuerySelector("#einschraenkungen + ul")!.TextContent);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Easy Read", (await client.GetPageAsync("/leichte-sprache")).QuerySelector("h1")!.TextContent);
        Assert.Equal("German Sign Language", (await client.GetPageAsync("/gebaerdensprache")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_configured_video_is_shown_with_captions_and_served_in_ranges_and_a_missing_one_stops_the_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "masterplan-tests", "dgs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var video = Path.Combine(folder, "dgs.mp4");
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        await File.WriteAllBytesAsync(video, bytes);
        var captions = Path.Combine(folder, "dgs.vtt");
        await File.WriteAllTextAsync(captions, "WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen\n");
        await using (var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["SignLanguage:Video"] = video, ["SignLanguage:Captions"] = captions }))
        {
            var client = Users.Client(app);
            var page = await client.GetPageAsync("/gebaerdensprache");
            var player = page.QuerySelector("video[controls]")!;
            Assert.Equal("video-script", player.GetAttribute("aria-describedby"));
            Assert.Equal("/gebaerdensprache/video", player.QuerySelector("source")!.GetAttribute("src"));
            Assert.Equal("video/mp4", player.QuerySelector("source")!.GetAttribute("type"));
            Assert.Equal("captions", player.QuerySelector("track")!.GetAttribute("kind"));
            Assert.DoesNotContain("wird noch aufgenommen", (await client.GetPageAsync("/barrierefreiheit")).QuerySelector("main")!.TextContent);

            using var request = new HttpRequestMessage(HttpMethod.Get, "/gebaerdensprache/video");
            request.Headers.Range = new RangeHeaderValue(1000, 1999);
            var part = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(bytes[1000..2000], await part.Content.ReadAsByteArrayAsync());
            var vtt = await client.GetAsync("/gebaerdensprache/untertitel");
            Assert.Equal("text/vtt", vtt.Content.Headers.ContentType!.MediaType);
        }

        await using var broken = new AppFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["SignLanguage:Video"] = Path.Combine(folder, "fehlt.mp4") });
        var e = await Assert.ThrowsAsync<OptionsValidationException>(broken.StartServerAsync);
        Assert.Contains("SignLanguage:Video", Assert.Single(e.Failures));
        await broken.Database.DisposeAsync();
    }
}
