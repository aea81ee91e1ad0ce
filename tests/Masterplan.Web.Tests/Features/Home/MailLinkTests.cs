using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Masterplan.Web.Tests.Features.Home;

/// <summary>Links in mails point to the configured public address; unsent mail in the pickup folder does not outlive its links.</summary>
public partial class MailLinkTests
{
    [Theory, Engines]
    public async Task An_invitation_made_with_a_forged_Host_header_links_to_the_configured_address(DatabaseProvider engine)
    {
        var mail = Directory.CreateTempSubdirectory("masterplan-mail").FullName;
        var hosts = new ConcurrentBag<string>();
        await using var app = await AppFactory.StartAsync(engine,
            new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail, ["Mail:PlatformUrl"] = "https://masterplan.example/" },
            s => s.AddSingleton<IStartupFilter>(new HostRecorder(hosts)));
        var admin = await Users.SignInAsync(app, await Users.CreateAsync(app, "admin@stadtdo.de", Roles.Administrator));

        var token = await admin.AntiforgeryTokenAsync("/verwaltung/benutzer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/verwaltung/benutzer?handler=Invite")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["DisplayName"] = "Erika Muster", ["Email"] = "erika@stadtdo.de", ["SelectedRoles"] = Roles.Moderator, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Host = "evil.example";
        var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("evil.example", hosts); // the forged header did reach the app

        var message = await MimeMessage.LoadAsync(Directory.GetFiles(mail, "*.eml").Single());
        var link = InvitationLink().Match(message.TextBody ?? "").Value;
        Assert.StartsWith("https://masterplan.example/konto/einladung/", link);
        Assert.DoesNotContain("evil.example", message.TextBody);
        // The link shown to the administrator too.
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(link, page);
        Assert.DoesNotContain("evil.example", page);
    }

    [Theory, Engines]
    public async Task Mail_files_in_the_pickup_folder_go_once_the_invitation_link_in_them_has_expired_and_the_start_warns_about_them(DatabaseProvider engine)
    {
        var mail = Directory.CreateTempSubdirectory("masterplan-mail").FullName;
        var logs = new ConcurrentBag<string>();
        await using var app = await AppFactory.StartAsync(engine,
            new Dictionary<string, string?> { ["Mail:PickupDirectory"] = mail, ["Jobs:Housekeeping:Cron"] = "0 0 3 1 1 ? 2099" },
            s => s.AddSingleton<ILoggerProvider>(new LogRecorder(logs)));
        Assert.Contains(logs, l => l.Contains(mail, StringComparison.Ordinal) && l.Contains("single-use links", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("Mail:PlatformUrl is not set", StringComparison.Ordinal));

        // Invitations live 7 days (Accounts:InvitationLifetime): a file written 7 days and an hour ago goes, one of 6 days stays.
        var now = app.Clock.GetUtcNow();
        var expired = Path.Combine(mail, "alt.eml");
        var live = Path.Combine(mail, "neu.eml");
        var other = Path.Combine(mail, "notiz.txt");
        foreach (var (file, age) in new[] { (expired, TimeSpan.FromDays(7).Add(TimeSpan.FromHours(1))), (live, TimeSpan.FromDays(6)), (other, TimeSpan.FromDays(30)) })
        {
            await File.WriteAllTextAsync(file, "Subject: Einladung\r\n\r\nhttps://masterplan.example/konto/einladung/x\r\n");
            File.SetLastWriteTimeUtc(file, (now - age).UtcDateTime);
        }

        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(HousekeepingJob.Key);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? result = null;
        while (result is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var scope = app.Scope();
            result = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobRuns.AsNoTracking()
                .Where(r => r.Job == HousekeepingJob.Key.ToString() && r.FinishedAt != null).Select(r => r.Result).FirstOrDefaultAsync();
        }

        Assert.NotNull(result);
        Assert.Contains("1 mail files removed", result);
        Assert.False(File.Exists(expired));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }

    [GeneratedRegex(@"https?://\S+/konto/einladung/\S+")]
    private static partial Regex InvitationLink();

    private sealed class HostRecorder(ConcurrentBag<string> hosts) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                hosts.Add(context.Request.Host.Host);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class LogRecorder(ConcurrentBag<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentBag<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Add(formatter(state, exception));
                }
            }
        }
    }
}
