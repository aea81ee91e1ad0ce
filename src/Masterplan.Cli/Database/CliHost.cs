using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masterplan.Cli.Database;

/// <summary>
/// The services of the web app's modules (so a command uses the Labs services, such as <c>LabReplay</c>, as the pages do) and its database,
/// configured the same way: appsettings.json in the
/// current folder, environment variables (Database__Provider, ConnectionStrings__Masterplan) and the
/// options --provider and --connection.
/// </summary>
internal static class CliHost
{
    public static IHost Build(CommandArguments args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        var overrides = new Dictionary<string, string?>();
        if (args.Optional("provider") is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (args.Optional("connection") is { } connection)
        {
            overrides["ConnectionStrings:Masterplan"] = connection;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.AddDatabase();
        builder.Services.AddMail();
        builder.Services.AddModules(builder.Configuration, global::Program.Modules);
        return builder.Build();
    }

    /// <summary>Runs a database step; a start-up problem becomes one line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(CommandArguments args, TextWriter error, Func<IServiceProvider, Task> step)
    {
        try
        {
            using var host = Build(args);
            await step(host.Services);
            return 0;
        }
        catch (StartupException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
