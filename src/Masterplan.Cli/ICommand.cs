namespace Masterplan.Cli;

/// <summary>One sub-command of the <c>masterplan</c> tool, e.g. <c>masterplan migrate</c>.</summary>
internal interface ICommand
{
    /// <summary>The words that select the command, e.g. "sortition select".</summary>
    string Name { get; }

    /// <summary>One line for the help text.</summary>
    string Summary { get; }

    /// <summary>Runs the command with the arguments after its name; returns the process exit code.</summary>
    Task<int> RunAsync(CommandArguments args, TextWriter output, TextWriter error);
}
