namespace Masterplan.Cli;

/// <summary>The <c>masterplan</c> command-line tool.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Every command is listed here; each lives in the folder of its module.
        ICommand[] commands =
        [
            new Masterplan.Cli.Database.MigrateCommand(),
            new Masterplan.Cli.Database.SeedCommand(),
            new Masterplan.Cli.Audit.AuditVerifyCommand(),
            new Masterplan.Cli.Confidential.RewrapCommand(),
            new Masterplan.Cli.Accounts.InviteCommand(),
            new Masterplan.Cli.Database.BackupCommand(),
            new Masterplan.Cli.Database.RestoreCommand(),
            new Masterplan.Cli.Sortition.SortitionSelectCommand(),
            new Masterplan.Cli.Sortition.SortitionInviteCommand(), new Masterplan.Cli.Sortition.SortitionReplayCommand(),
        ];

        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.WriteLine("masterplan: command-line tool of the Masterplan Kommunale Sicherheit platform");
            foreach (var c in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {c.Name,-22} {c.Summary}");
            }

            return 0;
        }

        // The longest command name that matches the leading words wins ("sortition select" before "sortition").
        var match = commands
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => c.Words.Length <= args.Length && c.Words.SequenceEqual(args.Take(c.Words.Length)))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (match.Command is null)
        {
            Console.Error.WriteLine($"Unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)))}'. Run 'masterplan help' for the list.");
            return 2;
        }

        try
        {
            return await match.Command.RunAsync(new CommandArguments(args[match.Words.Length..]), Console.Out, Console.Error);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
