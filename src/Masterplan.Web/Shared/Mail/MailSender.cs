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

    /// <summary>The platform's public address, for links in mails that background jobs send (no request to take it from).</summary>
    public string? PlatformUrl { get; set; }

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
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }
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
