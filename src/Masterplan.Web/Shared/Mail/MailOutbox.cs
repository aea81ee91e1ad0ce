using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MimeKit;

namespace Masterplan.Web.Shared.Mail;

/// <summary>
/// A mail stored in the transaction of what it tells about (<see cref="MailOutboxExtensions.QueueMail"/>), and sent by
/// <see cref="MailOutbox"/> after the commit. So a report is never told "received" while its department's mail could
/// still be lost, and no request waits for an SMTP server. Deleted once sent.
/// </summary>
public sealed class OutboxMail
{
    public int Id { get; set; }

    /// <summary>The whole message as MIME (recipients included: it holds personal data until it is sent).</summary>
    public required byte[] Message { get; set; }

    /// <summary>For the log when sending fails: the module that wrote it (never an address).</summary>
    public required string What { get; set; }

    /// <summary>Due from then on. A sender claims a row by moving this ahead by the back-off, so a crash retries it later.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset Created { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> m)
    {
        m.ToTable("OutboxMails");
        m.Property(x => x.What).HasMaxLength(50);
        m.HasIndex(x => x.NextAttemptAt);
    }
}

public static class MailOutboxExtensions
{
    extension(AppDbContext db)
    {
        public DbSet<OutboxMail> OutboxMails => db.Set<OutboxMail>();

        /// <summary>
        /// Stores <paramref name="message"/> with the next SaveChanges, in its transaction; it is sent right after the commit
        /// (or, if that fails, again with a growing pause). <paramref name="what"/> names the module in the log.
        /// </summary>
        public void QueueMail(MimeMessage message, string what)
        {
            using var bytes = new MemoryStream();
            message.WriteTo(bytes);
            db.OutboxMails.Add(new OutboxMail { Message = bytes.ToArray(), What = what, NextAttemptAt = db.Now(), Created = db.Now() });
        }
    }
}

/// <summary>Settings of the outbox (<c>Mail:Outbox:*</c>).</summary>
public sealed class MailOutboxOptions
{
    /// <summary>How often the outbox looks for mail that another instance queued or that failed before.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After this many failed attempts (about three days with the back-off) a mail is given up and logged as lost.</summary>
    public int MaxAttempts { get; set; } = 20;
}

/// <summary>
/// Sends the <see cref="OutboxMail"/> rows: at once when this instance committed one, else at each poll. Safe with several
/// instances: a row is claimed by moving its due time only if nobody moved it first; sent mail is deleted. A mail can go
/// out twice only if the process dies between sending and deleting it.
/// </summary>
public sealed class MailOutbox(IServiceScopeFactory scopes, IMailSender sender, TimeProvider time, DatabaseReady ready,
    Microsoft.Extensions.Options.IOptions<MailOutboxOptions> options, ILogger<MailOutbox> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    // One pass at a time in this process, so that a test's drain also waits for a send the loop has begun.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Asks for a pass now: a transaction with queued mail has committed.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already asked for.
        }
    }

    /// <summary>Sends every due mail now and returns how many went (tests call it instead of waiting for the loop).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sent = 0;
            while (true)
            {
                var now = time.GetUtcNow();
                var due = await db.OutboxMails.AsNoTracking().Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                    .Select(m => new { m.Id, m.NextAttemptAt, m.Attempts }).Take(50).ToListAsync(ct);
                if (due.Count == 0)
                {
                    return sent;
                }

                foreach (var row in due)
                {
                    var attempt = row.Attempts + 1;
                    var claimed = await db.OutboxMails.Where(m => m.Id == row.Id && m.NextAttemptAt == row.NextAttemptAt)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + Backoff(attempt)).SetProperty(m => m.Attempts, attempt), ct);
                    if (claimed == 1 && await SendAsync(db, row.Id, attempt, ct))
                    {
                        sent++;
                    }
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>The pause before the next attempt: 1, 5, 15, 60 minutes, then every 4 hours.</summary>
    public static TimeSpan Backoff(int attempt) => attempt switch
    {
        1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        4 => TimeSpan.FromHours(1),
        _ => TimeSpan.FromHours(4),
    };

    private async Task<bool> SendAsync(AppDbContext db, int id, int attempt, CancellationToken ct)
    {
        var row = await db.OutboxMails.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Message, m.What }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        MimeMessage? message = null;
        try
        {
            message = await MimeMessage.LoadAsync(new MemoryStream(row.Message), ct);
            await sender.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (attempt < options.Value.MaxAttempts)
            {
                logger.LogWarning(e, "{What} mail \"{Subject}\" could not be sent (attempt {Attempt}); next try in {Pause}", row.What, message?.Subject, attempt, Backoff(attempt));
                return false;
            }

            logger.LogError(e, "{What} mail \"{Subject}\" could not be sent after {Attempt} attempts and is given up", row.What, message?.Subject, attempt);
            message = null;
        }

        await db.OutboxMails.Where(m => m.Id == id).ExecuteDeleteAsync(ct);
        return message is not null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ready.Prepared.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return; // the host stops with the preparation's error
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The mail outbox could not be read; it tries again in {Pause}", options.Value.PollInterval);
            }

            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _pass.Dispose();
        base.Dispose();
    }
}
