using System.Collections.Concurrent;
using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Masterplan.Web.Tests.Features.Meetings;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>
/// Mail written with a change (a report's department mail, a status mail) is stored in the change's transaction and leaves
/// after the commit: never for a change that was rolled back, again after a failed attempt, once with two instances.
/// </summary>
public class MailOutboxTests
{
    // Only a commit can wake the outbox in these tests: its own look comes once an hour.
    private static Dictionary<string, string?> Settings(string mail) => new()
    {
        ["Mail:PickupDirectory"] = mail, ["Mail:Outbox:PollInterval"] = "01:00:00", ["Jobs:Enabled"] = "false",
    };

    private static MimeMessage Message(AppFactory app, string subject) =>
        MailModule.Create(app.Services.GetRequiredService<IOptions<MailOptions>>().Value, "fachbereich@stadtdo.de", subject, "Text");

    private static async Task<List<string>> SubjectsWithinAsync(string folder, int expected, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            var subjects = (await MeetingChainTests.MailsAsync(folder)).Select(m => m.Subject ?? "").ToList();
            if (subjects.Count >= expected || DateTime.UtcNow > until)
            {
                return subjects;
            }

            await Task.Delay(50);
        }
    }

    [Theory, Engines]
    public async Task Mail_leaves_after_the_commit_of_its_change_and_never_after_a_rollback(DatabaseProvider engine)
    {
        var mail = MeetingChainTests.NewMailFolder();
        await using var app = await AppFactory.StartAsync(engine, Settings(mail));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

            // A save of its own commits at once.
            db.QueueMail(Message(app, "Ohne Transaktion"), "Test");
            await db.SaveChangesAsync();
            Assert.Equal(["Ohne Transaktion"], await SubjectsWithinAsync(mail, 1, TimeSpan.FromSeconds(20)));

            // In a caller's transaction it waits for the commit; a rollback takes it back.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.QueueMail(Message(app, "Zurückgenommen"), "Test");
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.QueueMail(Message(app, "Mit Transaktion"), "Test");
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
        }

        Assert.Equal(["Ohne Transaktion", "Mit Transaktion"], await SubjectsWithinAsync(mail, 2, TimeSpan.FromSeconds(20)));
        Assert.Equal(0, await app.SendQueuedMailAsync());
        Assert.Equal(2, (await MeetingChainTests.MailsAsync(mail)).Count);
        await using var check = app.Scope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.CountAsync());
    }

    /// <summary>The mail server: down while <see cref="Down"/> is set (the one edge these tests replace).</summary>
    private sealed class FlakyServer : IMailSender
    {
        public volatile bool Down = true;

        public ConcurrentQueue<string> Delivered { get; } = new();

        public Task SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            if (Down)
            {
                throw new IOException("connection refused");
            }

            Delivered.Enqueue(message.Subject ?? "");
            return Task.CompletedTask;
        }
    }

    [Theory, Engines]
    public async Task A_failed_send_is_tried_again_after_a_pause_and_given_up_after_the_last_attempt(DatabaseProvider engine)
    {
        var server = new FlakyServer();
        var settings = Settings(MeetingChainTests.NewMailFolder());
        settings["Mail:Outbox:MaxAttempts"] = "3";
        await using var app = await AppFactory.StartAsync(engine, settings, s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(server)));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.QueueMail(Message(app, "Neue Meldung Nr. 7: Beleuchtung defekt"), "Meldungen");
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await app.SendQueuedMailAsync());
        await using (var scope = app.Scope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.AsNoTracking().SingleAsync();
            Assert.Equal(1, row.Attempts);
            Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), row.NextAttemptAt, TimeSpan.FromMilliseconds(1));
        }

        // Not before the pause is over; then again, and gone once sent.
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await app.SendQueuedMailAsync());
        server.Down = false;
        Assert.Empty(server.Delivered);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.SendQueuedMailAsync());
        Assert.Equal(["Neue Meldung Nr. 7: Beleuchtung defekt"], server.Delivered);

        // A mail the server never takes is tried three times (after 1 and 5 minutes), then given up with an error in the log
        // that names the mail but not its recipient.
        server.Down = true;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.QueueMail(Message(app, "Ihre Meldung Nr. 8: erledigt"), "Meldungen");
            await db.SaveChangesAsync();
        }

        await app.SendQueuedMailAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.SendQueuedMailAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.SendQueuedMailAsync();
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMails.CountAsync());
        }

        var lines = app.Logs.Lines.Where(l => l.Contains("Ihre Meldung Nr. 8", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.Contains("given up", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("fachbereich@stadtdo.de", StringComparison.Ordinal));
    }

    [Theory, Engines]
    public async Task Two_instances_send_each_mail_once(DatabaseProvider engine)
    {
        var server = new FlakyServer { Down = false };
        await using var database = await TestDatabase.CreateAsync(engine);
        var settings = Settings(MeetingChainTests.NewMailFolder());
        await using var one = new AppFactory(database, settings, s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(server)));
        await one.StartServerAsync();
        await using var two = new AppFactory(database, settings, s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(server)));
        await two.StartServerAsync();
        await using (var scope = one.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 1; i <= 60; i++)
            {
                db.QueueMail(Message(one, $"Mail {i}"), "Test");
            }

            await db.SaveChangesAsync();

            // Both look at once, while the first instance's own loop is woken by the commit too.
            var looking = Task.Run(async () => { await tx.CommitAsync(); return await one.SendQueuedMailAsync(); });
            await Task.WhenAll(looking, Task.Run(two.SendQueuedMailAsync));
        }

        await one.SendQueuedMailAsync();
        Assert.Equal(60, server.Delivered.Count);
        Assert.Equal(60, server.Delivered.Distinct().Count());
    }
}
