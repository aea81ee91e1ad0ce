using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Audit;

/// <summary><c>masterplan audit verify</c>: recomputes the audit log's hash chain; exit 1 when it is broken.</summary>
internal sealed class AuditVerifyCommand : ICommand
{
    public string Name => "audit verify";

    public string Summary => "Check the audit log's hash chain; exit code 1 names the first changed entry";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var intact = true;
        var code = await CliHost.RunAsync(args, error, async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            intact = result.Intact;
            await (result.Intact ? output : error).WriteLineAsync(result.Message);
        });
        return code != 0 ? code : intact ? 0 : 1;
    }
}
