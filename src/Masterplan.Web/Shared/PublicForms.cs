using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Shared;

/// <summary>Settings of <see cref="PublicForms"/>; they keep their place under <c>Accounts:*</c>, where the sign-in put them first.</summary>
public sealed class PublicFormOptions
{
    /// <summary>Requests per minute and client address to the sign-in and every other public form.</summary>
    public int FormPostsPerMinute { get; set; } = 30;

    /// <summary>Seconds a person needs at least between opening a guarded form and sending it (<see cref="FormGuard"/>).</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>
    /// Hours a shown form stays valid: a stamp fetched once cannot be sent along for days (a person sends it again with the
    /// fresh stamp of the form shown with the message, and keeps what they typed).
    /// </summary>
    public int MaximumFillHours { get; set; } = 24;
}

/// <summary>
/// Protection for forms anyone may send without an image CAPTCHA (participation now; Meldungen and complaints next): a
/// honeypot field people never see, and a signed time stamp of when the form was shown, so a form sent faster than a
/// person can fill it in is refused. A page renders <c>/Shared/_FormGuard.cshtml</c> inside its form and calls
/// <see cref="Check"/> first when the form comes back; a refused form is shown again with what was typed.
/// </summary>
public sealed class FormGuard(IDataProtectionProvider protection, TimeProvider time, IOptions<PublicFormOptions> options)
{
    /// <summary>The hidden field with the signed time stamp.</summary>
    public const string StampField = "__FormShownAt";

    /// <summary>The honeypot: a field hidden from people (and screen readers) that bots fill in.</summary>
    public const string HoneypotField = "Homepage";

    private readonly IDataProtector _protector = protection.CreateProtector("Masterplan.PublicForms.FormGuard");

    /// <summary>The value of <see cref="StampField"/> for a form shown now.</summary>
    public string Stamp() => _protector.Protect(time.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Null when the form may be processed; otherwise the message to show (the form keeps its input).</summary>
    public FieldError? Check(IFormCollection form)
    {
        if (!string.IsNullOrEmpty(form[HoneypotField]))
        {
            return new FieldError("", "Ein Feld, das nur Programme sehen, war ausgefüllt. Bitte senden Sie das Formular noch einmal ab, ohne das Feld „Homepage“ auszufüllen.");
        }

        long ticks;
        try
        {
            ticks = long.Parse(_protector.Unprotect(form[StampField].ToString()), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return new FieldError("", "Das Formular ist unvollständig angekommen. Bitte senden Sie es noch einmal ab.");
        }

        var filledIn = time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (filledIn < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return new FieldError("", "Das Formular wurde schneller abgeschickt, als ein Mensch es ausfüllen kann. Bitte prüfen Sie Ihre Eingaben und senden Sie es noch einmal ab.");
        }

        return filledIn > TimeSpan.FromHours(options.Value.MaximumFillHours)
            ? new FieldError("", "Das Formular war länger als {0} Stunden geöffnet. Bitte prüfen Sie Ihre Eingaben und senden Sie es noch einmal ab.", options.Value.MaximumFillHours)
            : null;
    }
}

/// <summary>
/// Protection for forms anyone may send (sign-in, lab registration, participation, Meldungen, complaints): at most
/// <see cref="PublicFormOptions.FormPostsPerMinute"/> posts per minute from one client address, 429 above. A page opts in
/// with <c>[EnableRateLimiting(PublicForms.Policy)]</c>, an endpoint with <c>RequireRateLimiting(PublicForms.Policy)</c>.
/// </summary>
/// <remarks>
/// The limiter is a service of the app, so it ends with it. ASP.NET Core's rate-limiting middleware keeps a limiter with a
/// timer of its own that nothing disposes: in a process that starts many apps (the tests) every app stayed in memory.
/// </remarks>
public static class PublicForms
{
    /// <summary>The rate-limiter policy of every public form.</summary>
    public const string Policy = "public-forms";

    public static IServiceCollection AddPublicForms(this IServiceCollection services)
    {
        services.AddOptions<PublicFormOptions>().BindConfiguration("Accounts");
        services.AddSingleton(provider =>
        {
            var limit = provider.GetRequiredService<IOptions<PublicFormOptions>>().Value.FormPostsPerMinute;
            return PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        });
        services.AddSingleton<FormGuard>();
        return services;
    }

    /// <summary>Counts the posts to public forms by client address (after routing, which tells the form).</summary>
    public static IApplicationBuilder UsePublicFormLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != Policy)
        {
            await next(context);
            return;
        }

        var limiter = context.RequestServices.GetRequiredService<PartitionedRateLimiter<string>>();
        using var lease = await limiter.AcquireAsync(context.Connection.RemoteIpAddress?.ToString() ?? "local", cancellationToken: context.RequestAborted);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        // RFC 9110 §10.2.3: say when the sender may try again.
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    });
}
