using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>Adds two endpoints that throw, to see what users get when something breaks.</summary>
public static class Failing
{
    public const string Secret = "connection-string-password-42";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == "/test/failing-page" || context.Request.Path == "/api/v1/test/failing")
                {
                    throw new InvalidOperationException("Boom " + Secret);
                }

                await nextMiddleware(context);
            });
        };
    }
}
