using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Shared;

/// <summary>Settings of <see cref="PublicForms"/>; they keep their place under <c>Accounts:*</c>, where the sign-in put them first.</summary>
public sealed class PublicFormOptions
{
    /// <summary>Requests per minute and client address to the sign-in and every other public form.</summary>
    public int FormPostsPerMinute { get; set; } = 30;
}

/// <summary>
/// Protection for forms anyone may send (sign-in, lab registration; later participation, Meldungen, complaints):
/// at most <see cref="PublicFormOptions.FormPostsPerMinute"/> posts per minute from one client address, 429 above.
/// A page opts in with <c>[EnableRateLimiting(PublicForms.Policy)]</c>, an endpoint with <c>RequireRateLimiting</c>.
/// </summary>
public static class PublicForms
{
    /// <summary>The rate-limiter policy of every public form.</summary>
    public const string Policy = "public-forms";

    public static IServiceCollection AddPublicForms(this IServiceCollection services)
    {
        services.AddOptions<PublicFormOptions>().BindConfiguration("Accounts");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("get");
                }

                var limit = context.RequestServices.GetRequiredService<IOptions<PublicFormOptions>>().Value.FormPostsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
