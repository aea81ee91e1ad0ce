using System.Net;
using System.Text.Json;
using Masterplan.Cli;
using Masterplan.Cli.Audit;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masterplan.Web.Tests.Features.Audit;

public class AuditLogTests
{
    [Theory, Engines]
    public async Task New_rows_are_audited_with_the_ids_the_database_gave_them_not_EFs_temporary_ones(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var steering = await data.Organizations.SingleAsync(o => o.SeedKey == "org:lenkungskreis");

        // A person and their membership in one save: the membership refers to a row that has no id yet.
        var person = new Person { GivenName = "Audit", FamilyName = "Neuling" };
        data.Add(new Membership { Person = person, OrganizationId = steering.Id, StartDate = new DateOnly(2026, 11, 1) });
        await data.SaveChangesAsync();

        var personEntry = await data.AuditEntries.SingleAsync(a => a.Action == "person.created");
        using var personChanges = JsonDocument.Parse(personEntry.Changes!);
        Assert.Equal(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), personEntry.EntityId);
        Assert.Equal(person.Id, personChanges.RootElement.GetProperty("Id")[1].GetInt32());
        var membershipEntry = await data.AuditEntries.Where(a => a.Action == "membership.created").OrderByDescending(a => a.Id).FirstAsync();
        using var membershipChanges = JsonDocument.Parse(membershipEntry.Changes!);
        Assert.True(membershipChanges.RootElement.GetProperty("Id")[1].GetInt32() > 0, membershipEntry.Changes);
        Assert.Equal(person.Id, membershipChanges.RootElement.GetProperty("PersonId")[1].GetInt32());
    }

    [Theory, Engines]
    public async Task A_change_is_audited_in_the_same_transaction_with_before_and_after(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var steering = await data.Organizations.SingleAsync(o => o.SeedKey == "org:lenkungskreis");

        steering.Purpose = "Neue Aufgabenbeschreibung";
        data.AuditReason = "Beschluss der Vollversammlung";
        await data.SaveChangesAsync();

        var entry = await data.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("organization.updated", entry.Action);
        Assert.Equal(steering.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("Beschluss der Vollversammlung", entry.Reason);
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal("Neue Aufgabenbeschreibung", changes.RootElement.GetProperty("Purpose")[1].GetString());
        Assert.StartsWith("Administrative", changes.RootElement.GetProperty("Purpose")[0].GetString());

        // A change that fails leaves no audit entry behind (and no half of itself).
        var before = await data.AuditEntries.CountAsync();
        data.ChangeTracker.Clear();
        data.Organizations.Add(new Organization { Name = "Doppelt", Kind = OrganizationKind.WorkingGroup, SeedKey = "org:lenkungskreis" });
        await Assert.ThrowsAsync<DbUpdateException>(() => data.SaveChangesAsync());
        data.ChangeTracker.Clear();
        Assert.Equal(before, await data.AuditEntries.CountAsync());
        Assert.False(await data.Organizations.AnyAsync(o => o.Name == "Doppelt"));
    }

    [Theory, Engines]
    public async Task The_database_refuses_to_change_or_delete_audit_entries(DatabaseProvider engine)
    {
        await using var app = await AppFactory.StartAsync(engine);
        await using var scope = app.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await data.AuditEntries.AnyAsync()); // seeding the reference data was audited

        await Assert.ThrowsAnyAsync<Exception>(() => data.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => data.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.False(await data.AuditEntries.AnyAsync(a => a.Action == "x"));
    }

    [Fact]
    public async Task Entries_about_confidential_cases_are_visible_only_to_their_unit_not_to_administrators()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        await using (var scope = app.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            data.Audit("complaint.created", "Complaint", "K-1", reason: "Beschwerde-Marker", scope: AuditScope.ComplaintsOffice);
            data.Audit("assault-report.created", "AssaultReport", "A-1", reason: "Übergriff-Marker", scope: AuditScope.AssaultReportsUnit);
            data.Audit("note.created", reason: "Allgemein-Marker");
            await data.SaveChangesAsync();
        }

        async Task<string> LogAs(string role)
        {
            var user = await Users.CreateAsync(app, $"{role}@stadtdo.de", role);
            var client = await Users.SignInAsync(app, user);
            var response = await client.GetAsync("/verwaltung/protokoll");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var admin = await LogAs(Roles.Administrator);
        var office = await LogAs(Roles.Office);
        var complaints = await LogAs(Roles.ComplaintsOffice);
        var assaults = await LogAs(Roles.AssaultReportsUnit);

        Assert.DoesNotContain("Beschwerde-Marker", admin);
        Assert.DoesNotContain("Übergriff-Marker", admin);
        Assert.DoesNotContain("Beschwerde-Marker", office);
        Assert.Contains("Allgemein-Marker", office); // the general log
        Assert.Contains("Allgemein-Marker", admin);
        Assert.Contains("Beschwerde-Marker", complaints);
        Assert.DoesNotContain("Übergriff-Marker", complaints);
        Assert.DoesNotContain("Allgemein-Marker", complaints);
        Assert.Contains("Übergriff-Marker", assaults);
        Assert.DoesNotContain("Beschwerde-Marker", assaults);

        var moderator = await Users.SignInAsync(app, await Users.CreateAsync(app, "mod@stadtdo.de", Roles.Moderator));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/verwaltung/protokoll")).StatusCode);
    }

    [Fact]
    public async Task Security_events_are_audited_and_logs_never_contain_the_password()
    {
        var logs = new CollectingLoggerProvider();
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var user = await Users.CreateAsync(app, "ereignis@stadtdo.de", Roles.Moderator);

        await Users.Client(app).PostFormAsync("/konto/anmelden", new() { ["Email"] = user.Email, ["Password"] = "geheimes-falsches-passwort" });
        var client = await Users.SignInAsync(app, user);
        await client.GetAsync("/verwaltung/benutzer"); // refused

        await using var scope = app.Scope();
        var actions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Select(a => a.Action).ToListAsync();
        Assert.Contains("auth.login.failed", actions);
        Assert.Contains("auth.login.succeeded", actions);
        Assert.Contains("security.access.denied", actions);
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("geheimes-falsches-passwort", StringComparison.Ordinal) || m.Contains(Users.Password, StringComparison.Ordinal));
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CollectingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
