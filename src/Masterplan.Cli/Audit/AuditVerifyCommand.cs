using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Audit;

/// <summary>
/// <c>masterplan audit verify [--checkpoint FILE] [--key-file FILE]</c>: recomputes the audit log's hash chain,
/// checks each entry's seal when the audit key is at hand (as the app finds it, or <c>--key-file</c>), and with
/// <c>--checkpoint</c> that the log still holds every checkpointed head. Exit code 0 when all holds, 1 when not.
/// </summary>
internal sealed class AuditVerifyCommand : ICommand
{
    public string Name => "audit verify";

    public string Summary => "Check the audit log's hash chain, seals and (--checkpoint FILE) checkpoints; exit code 1 names the first bad entry";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error)
    {
        var checkpoints = args.Has("checkpoint") ? ReadCheckpoints(args.Required("checkpoint")) : null;
        var keyFile = args.Has("key-file") ? args.Required("key-file") : null;
        var intact = true;
        var code = await CliHost.RunAsync(args, error, async services =>
        {
            var key = keyFile is null ? services.GetRequiredService<AuditKey>().Find() : AuditKey.ReadFile(Path.GetFullPath(keyFile));
            await using var scope = services.CreateAsyncScope();
            var result = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), key, checkpoints);
            intact = result.Intact;
            await (result.Intact ? output : error).WriteLineAsync(result.Message);
        });
        return code != 0 ? code : intact ? 0 : 1;
    }

    private static List<AuditCheckpoint> ReadCheckpoints(string file)
    {
        if (!File.Exists(file))
        {
            throw new CommandLineException($"Checkpoint file {file} does not exist.");
        }

        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (line.Trim() is "" || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            try
            {
                checkpoints.Add(AuditCheckpoint.Parse(line));
            }
            catch (FormatException e)
            {
                throw new CommandLineException($"Checkpoint file {file}, line {number}: {e.Message}");
            }
        }

        return checkpoints.Count > 0 ? checkpoints : throw new CommandLineException($"Checkpoint file {file} holds no checkpoint.");
    }
}
