using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Masterplan.Web.Shared.Mail;

/// <summary>Sends e-mail. Two ways: SMTP (production) or .eml files in a folder (development, tests).</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <summary>Mail settings (<c>Mail:*</c>).</summary>
public sealed class MailOptions
{
    /// <summary>Folder for .eml files; when set, nothing goes to SMTP.</summary>
    public string? PickupDirectory { get; set; }

    public string From { get; set; } = "Masterplan Kommunale Sicherheit <masterplan-sicherheit@stadtdo.de>";

    /// <summary>The address links point to when nothing is configured: the local development run.</summary>
    public const string DevelopmentPlatformUrl = "http://localhost:5000";

    /// <summary>
    /// The platform's public address for every link in a mail. Links never come from the request's Host header: a
    /// forged header would otherwise put another site's address into an invitation.
    /// </summary>
    public string? PlatformUrl { get; set; }

    /// <summary><see cref="PlatformUrl"/> without a trailing slash, or <see cref="DevelopmentPlatformUrl"/>.</summary>
    public string BaseUrl => string.IsNullOrWhiteSpace(PlatformUrl) ? DevelopmentPlatformUrl : PlatformUrl.Trim().TrimEnd('/');

    /// <summary>An absolute link to a path of the platform (path with a leading slash).</summary>
    public string Link(string path) => BaseUrl + path;

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? User { get; set; }

        public string? Password { get; set; }

        public bool UseStartTls { get; set; } = true;
    }
}

internal sealed class PickupDirectoryMailSender(string directory) : IMailSender
{
    public string Directory => directory;

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }

    /// <summary>
    /// Deletes the .eml files written before <paramref name="cutoff"/>: they may hold single-use links (invitations)
    /// that must not lie around once the link has expired. Returns how many went.
    /// </summary>
    public int DeleteWrittenBefore(DateTimeOffset cutoff)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*.eml"))
        {
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                file.Delete();
                deleted++;
            }
        }

        return deleted;
    }
}

/// <summary>Says at start-up what an operator must know about mail: where unsent mail lies, where links point.</summary>
internal sealed class MailStartupNotice(IMailSender sender, Microsoft.Extensions.Options.IOptions<MailOptions> options, IHostEnvironment env, ILogger<MailStartupNotice> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (sender is PickupDirectoryMailSender pickup)
        {
            logger.LogWarning(
                "No SMTP server is configured (Mail:Smtp:Host): e-mails are not sent but written as .eml files to {Folder}. They include invitations with live single-use links: keep the folder private. Housekeeping deletes them once the longest link has expired.",
                pickup.Directory);
        }

        if (string.IsNullOrWhiteSpace(options.Value.PlatformUrl) && !env.IsDevelopment())
        {
            logger.LogWarning("Mail:PlatformUrl is not set: links in e-mails point to {Default}. Set it to the platform's public address.", MailOptions.DevelopmentPlatformUrl);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Smtp.Host!, options.Smtp.Port, options.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(options.Smtp.User))
        {
            await client.AuthenticateAsync(options.Smtp.User, options.Smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

public static class MailModule
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Mail");
        services.AddOptions<MailOutboxOptions>().BindConfiguration("Mail:Outbox");
        // The command line has no gate for requests: there the database is prepared before anything runs.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MailOutbox>(sp, sp.GetService<DatabaseReady>() ?? new DatabaseReady()));
        services.AddHostedService(sp => sp.GetRequiredService<MailOutbox>());
        services.AddHostedService<MailStartupNotice>();
        services.AddSingleton<IMailSender>(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            if (!string.IsNullOrWhiteSpace(options.PickupDirectory))
            {
                return new PickupDirectoryMailSender(Path.GetFullPath(Path.Combine(env.ContentRootPath, options.PickupDirectory)));
            }

            // Without an SMTP host, mail lands in ./data/mail so nothing is lost on a fresh install.
            return string.IsNullOrWhiteSpace(options.Smtp.Host)
                ? new PickupDirectoryMailSender(Path.Combine(env.ContentRootPath, "data", "mail"))
                : new SmtpMailSender(options);
        });
        return services;
    }

    /// <summary>A plain-text message from the configured sender.</summary>
    /// <summary>
    /// An address a resident or the Office typed, as the forms accept it: one plain address (no display name), with a dot
    /// in it, at most 320 characters.
    /// </summary>
    public static bool IsAddress(string text) =>
        text.Length <= 320 && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// Sends a mail whose failure must not undo what was already stored (a report, a contribution, a sign-up): the error
    /// is logged with <paramref name="what"/> and the subject (never the address), and false returned.
    /// </summary>
    public static async Task<bool> TrySendAsync(this IMailSender sender, MimeMessage message, ILogger logger, string what, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(message, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{What} mail \"{Subject}\" could not be sent", what, message.Subject);
            return false;
        }
    }

    public static MimeMessage Create(MailOptions options, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
