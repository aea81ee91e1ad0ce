using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Data;

/// <summary>The server listens before the reference data is loaded; no request is answered from a half-prepared database.</summary>
public class DatabaseReadyTests
{
    [Fact]
    public async Task Requests_wait_while_the_database_is_prepared_and_get_503_if_that_fails()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var ready = app.Services.GetRequiredService<DatabaseReady>();

        var preparing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ready.WaitFor(preparing.Task);
        var waiting = client.GetAsync("/health");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        preparing.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);

        var failing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ready.WaitFor(failing.Task);
        var refused = client.GetAsync("/");
        failing.SetException(new StartupException("The migration X failed."));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await refused).StatusCode);
    }

    [Fact]
    public async Task No_hosted_service_waits_for_the_key_ring_before_the_server_listens()
    {
        // On a first SQLite start it would wait for the reference data's write lock (the whole seeding) before listening.
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Name == "DataProtectionHostedService");
    }
}
