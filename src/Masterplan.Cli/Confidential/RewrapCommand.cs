using Masterplan.Cli.Database;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Cli.Confidential;

/// <summary>
/// <c>masterplan confidential rewrap</c>: the last step of a key rotation (docs/operations.md). Wraps every confidential
/// case's data key with the current key-encryption key and prints how many cases each key wraps afterwards; once the old
/// key wraps none, it can be removed from the configuration or the key file.
/// </summary>
internal sealed class RewrapCommand : ICommand
{
    public string Name => "confidential rewrap";

    public string Summary => "Wrap every confidential case's data key with the current key-encryption key (key rotation)";

    public async Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error) =>
        await CliHost.RunAsync(args, error, async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var encryption = scope.ServiceProvider.GetRequiredService<FieldEncryption>();
            var moved = await ConfidentialKeys.RewrapAsync(db, encryption, CancellationToken.None);
            await output.WriteLineAsync($"{moved} cases wrapped again with key '{encryption.CurrentKeyId}'.");
            foreach (var (key, count) in await ConfidentialKeys.CountByKeyAsync(db, CancellationToken.None))
            {
                await output.WriteLineAsync($"key '{key}': {count} cases");
            }
        });
}
