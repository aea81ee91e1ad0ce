using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Accounts;

/// <summary>
/// <c>masterplan users invite</c>: the way to the first administrator on a new installation (there is no
/// public self-registration); prints the single-use link and mails it. <c>--person</c> links the account to a
/// person (memberships make the Member role), <c>--department</c> to the unit whose reminders a DepartmentStaff account gets.
/// </summary>
internal sealed class InviteCommand : ICommand
{
    public string Name => "users invite";

    public string Summary => "Invite a person: --email E --name N --roles Administrator,Office [--person ID] [--department ID] --base-url https://…";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var email = args.Required("email");
        var name = args.Required("name");
        var roles = (args.Optional("roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(r => !Roles.Assignable.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"Unknown role(s) {string.Join(", ", unknown)}. Roles: {string.Join(", ", Roles.Assignable)}.");
        }

        int? personId = args.Has("person") ? args.RequiredInt("person") : null;
        int? departmentId = args.Has("department") ? args.RequiredInt("department") : null;
        var baseUrl = args.Optional("base-url") ?? "http://localhost:5000";
        var problem = 0;
        var code = await CliHost.RunAsync(args, error, async services =>
        {
            await DatabaseSetupForCli.EnsureReadyAsync(services);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await ProblemAsync(db, email, personId, departmentId) is { } message)
            {
                await error.WriteLineAsync(message);
                problem = 2;
                return;
            }

            var created = await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync(email, name, roles, personId, departmentId, baseUrl, CancellationToken.None);
            await output.WriteLineAsync($"Invitation for {created.Invitation.Email} valid until {created.Invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC:");
            await output.WriteLineAsync($"{baseUrl.TrimEnd('/')}/konto/einladung/{created.Token}");
        });
        return code == 0 ? problem : code;
    }

    /// <summary>What stops the invitation, as one line, or null.</summary>
    private static async Task<string?> ProblemAsync(AppDbContext db, string email, int? personId, int? departmentId)
    {
        var normalized = email.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized))
        {
            return $"An account for {email.Trim()} exists already; send it a new invitation from the user administration (/verwaltung/benutzer).";
        }

        if (personId is { } person)
        {
            if (!await db.Persons.AnyAsync(p => p.Id == person))
            {
                return $"There is no person with id {person}.";
            }

            if (await db.Users.Where(u => u.PersonId == person).Select(u => u.Email).FirstOrDefaultAsync() is { } other)
            {
                return $"Person {person} is linked to the account {other} already.";
            }
        }

        if (departmentId is { } department)
        {
            var kind = await db.Organizations.Where(o => o.Id == department).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync();
            if (kind is null)
            {
                return $"There is no organization with id {department}.";
            }

            if (kind != OrganizationKind.Department)
            {
                return $"Organization {department} is a {kind}, not a Department.";
            }
        }

        return null;
    }
}
