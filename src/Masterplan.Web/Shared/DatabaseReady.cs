namespace Masterplan.Web.Shared;

/// <summary>
/// Whether the database is migrated and holds its reference data. The server starts listening while the reference data
/// still loads (a cold start gains the host's own start-up time); every request waits at the first middleware until
/// this is done, so nothing is ever served from a half-prepared database. Complete unless a host says otherwise
/// (the command-line tool prepares the database before it does anything).
/// </summary>
public sealed class DatabaseReady
{
    private Task _prepared = Task.CompletedTask;

    public Task Prepared => _prepared;

    /// <summary>Requests wait for <paramref name="preparation"/> from now on.</summary>
    public void WaitFor(Task preparation) => _prepared = preparation;

    /// <summary>The first middleware: waits while the database is prepared; 503 if that failed (the host stops then).</summary>
    public static void UseGate(IApplicationBuilder app)
    {
        var ready = app.ApplicationServices.GetRequiredService<DatabaseReady>();
        app.Use(async (context, next) =>
        {
            var prepared = ready.Prepared;
            if (!prepared.IsCompletedSuccessfully)
            {
                try
                {
                    await prepared.WaitAsync(context.RequestAborted);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }

            await next(context);
        });
    }

    /// <summary>For hosts in tests and benches, which look into the database as soon as the server runs.</summary>
    public static IHost WaitUntilPrepared(IHost host)
    {
        host.Services.GetRequiredService<DatabaseReady>().Prepared.GetAwaiter().GetResult();
        return host;
    }
}
