using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Shared;

/// <summary>The web application's start-up: the platform's own services, then every module, started on two cores.</summary>
public static class PlatformHost
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IModule> modules)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDatabase();
        builder.Services.AddPlatformShell();
        builder.Services.AddMail();
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddModules(builder.Configuration, modules);
        builder.Services.RemoveKeyRingPreload();

        DocumentLicensing.ChoosePdfLicense(builder.Configuration);
        var app = builder.Build();

        // Start-up on two cores (cold start): one migrates the database and loads the reference data; the other maps and
        // builds the endpoints and, once the schema exists, lets the modules prepare (the job scheduler) and starts the
        // server, whose requests wait for the database (DatabaseReady). The data-protection key ring loads after that.
        var schema = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var database = Task.Run(() => DatabaseSetup.PrepareDatabaseAsync(
            app.Services, migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true), seed: true, schemaReady: schema));
        app.Services.GetRequiredService<DatabaseReady>().WaitFor(database);
        try
        {
            app.UsePlatformShell();
            foreach (var module in modules)
            {
                module.UseMiddleware(app);
            }

            foreach (var module in modules)
            {
                module.MapEndpoints(app);
            }

            app.MapPlatformEndpoints();
            app.MapTelemetry();
            app.BuildEndpoints();
            if (await Task.WhenAny(schema.Task, database) == schema.Task)
            {
                foreach (var module in modules)
                {
                    await module.PrepareAsync(app);
                }
            }

            app.LoadKeyRingSoon();
            if (database.IsFaulted)
            {
                await database;
            }
        }
        catch (StartupException e)
        {
            // One line that says what to fix; no stack trace.
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        // As before the overlap: a hosted service that refuses to start (a wrong audit key) ends the process with its exception.
        await app.StartAsync();
        try
        {
            await database;
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await app.StopAsync();
            return 1;
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// The services of every module and who may open their pages. The command-line tool calls this too, so it
    /// gets the same services as the web application.
    /// </summary>
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        services.AddSingleton(new ModuleList(modules));
        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }

        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in modules.SelectMany(m => m.Pages))
            {
                page.Apply(o.Conventions);
            }
        });
        return services;
    }
}
