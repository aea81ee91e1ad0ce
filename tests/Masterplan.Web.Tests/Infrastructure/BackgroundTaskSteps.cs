using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>A background task as the browser sees it at its end: the progress page, its state, and where it leads.</summary>
public sealed record FinishedTask(string Url, string State, string Page, string? ResultUrl)
{
    public string DownloadUrl => Url + "?handler=Download";
}

/// <summary>Follows the 303 a page answers when it starts long work, and waits on the progress page until the work ended.</summary>
public static class BackgroundTaskSteps
{
    public static async Task<FinishedTask> FinishAsync(this HttpClient client, HttpResponseMessage started, TimeSpan? timeout = null)
    {
        Assert.True(started.StatusCode == HttpStatusCode.SeeOther, $"{(int)started.StatusCode}: {WebUtility.HtmlDecode(await started.Content.ReadAsStringAsync())}");
        var url = started.Headers.Location!.OriginalString;
        Assert.Matches("^/verwaltung/auftraege/[0-9]+$", url);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync(url + "?handler=Status"));
            if (status.RootElement.GetProperty("finished").GetBoolean())
            {
                var page = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.False(page.Headers.Contains("Refresh"), "a finished task's page does not refresh itself");
                return new FinishedTask(url, status.RootElement.GetProperty("state").GetString()!, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()),
                    status.RootElement.GetProperty("resultUrl").GetString());
            }

            if (watch.Elapsed > (timeout ?? TimeSpan.FromMinutes(3)))
            {
                throw new TimeoutException($"{url} did not finish: {status.RootElement}");
            }

            await Task.Delay(50);
        }
    }
}
