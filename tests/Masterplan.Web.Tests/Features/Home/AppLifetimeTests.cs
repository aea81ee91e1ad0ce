using System.Net;
using System.Runtime.CompilerServices;
using Masterplan.Web.Data;
using Masterplan.Web.Tests.Infrastructure;
using Xunit;

namespace Masterplan.Web.Tests.Features.Home;

public class AppLifetimeTests
{
    // A timer, loop or listener that outlives its app keeps the whole app (services, EF model, page metadata: some 14 MB)
    // in memory. One process runs hundreds of apps in the tests; with the rate limiter of ASP.NET Core, whose timer nothing
    // disposes, the test host grew to 23 GB and was killed. A process-wide pool created inside an app's start may keep that
    // first app (its timer holds the context it started in), so the test counts only the apps after its first.
    [Fact]
    public async Task An_app_that_has_ended_leaves_nothing_behind_that_holds_it()
    {
        var ended = new List<WeakReference>();
        for (var i = 0; i < 3; i++)
        {
            ended.Add(await RunAndEndAsync());
        }

        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(100);
        }

        Assert.False(ended[1].IsAlive || ended[2].IsAlive, "an app is still in memory after it ended");
    }

    // Not inlined, so that no local of the caller holds the app.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> RunAndEndAsync()
    {
        var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        // A page and a post to a public form, which starts the form limit.
        var client = Users.Client(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/konto/anmelden", new() { ["Email"] = "x@y.de", ["Password"] = "irgendwas-langes" })).StatusCode);
        var ended = new WeakReference(app);
        await app.DisposeAsync();
        return ended;
    }
}
