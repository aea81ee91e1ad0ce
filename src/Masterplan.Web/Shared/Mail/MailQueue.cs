using System.Threading.Channels;
using MimeKit;

namespace Masterplan.Web.Shared.Mail;

/// <summary>
/// Sends mail after the request has answered. For answers that must not reveal whether a mail went out
/// ("Passwort vergessen"): the request only queues the message, so an SMTP round trip does not show in
/// its response time. A message still queued when the process stops is lost; the sender can ask again.
/// </summary>
public sealed class MailQueue(IMailSender sender, ILogger<MailQueue> logger) : BackgroundService
{
    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });

    /// <summary>Queues a message; returns at once.</summary>
    public void Enqueue(MimeMessage message)
    {
        if (!_queue.Writer.TryWrite(message))
        {
            logger.LogError("Mail queue full; message \"{Subject}\" dropped", message.Subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending queued mail \"{Subject}\" failed", message.Subject);
            }
        }
    }
}

public static class MailQueueRegistration
{
    /// <summary>Registers the queue and its sender loop once, whichever module asks first.</summary>
    public static IServiceCollection AddMailQueue(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MailQueue)))
        {
            return services;
        }

        services.AddSingleton<MailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<MailQueue>());
        return services;
    }
}
