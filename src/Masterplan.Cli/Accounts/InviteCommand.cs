using Masterplan.Cli.Database;
using Masterplan.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Accounts;

/// <summary>
/// <c>masterplan users invite</c>: the way to the first administrator on a new installation (there is no
/// public self-registration); prints the single-use link and mails it.
/// </summary>
internal sealed class InviteCommand : ICommand
{
    public string Name => "users invite";

    public string Summary => "Invite a person: --email E --name N --roles Administrator,Office --base-url https://…";

    public Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var email = args.Required("email");
        var name = args.Required("name");
        var roles = (args.Optional("roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(r => !Roles.Assignable.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"Unknown role(s) {string.Join(", ", unknown)}. Roles: {string.Join(", ", Roles.Assignable)}.");
        }

        var baseUrl = args.Optional("base-url") ?? "http://localhost:5000";
        return CliHost.RunAsync(args, error, async services =>
        {
            await DatabaseSetupForCli.EnsureReadyAsync(services);
            await using var scope = services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync(email, name, roles, null, null, baseUrl, CancellationToken.None);
            await output.WriteLineAsync($"Invitation for {created.Invitation.Email} valid until {created.Invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC:");
            await output.WriteLineAsync($"{baseUrl.TrimEnd('/')}/konto/einladung/{created.Token}");
        });
    }
}
