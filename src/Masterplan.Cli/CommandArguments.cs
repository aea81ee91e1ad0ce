namespace Masterplan.Cli;

/// <summary>Options of the form <c>--name value</c> and flags of the form <c>--name</c>.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CommandArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Unexpected argument '{arg}'. Options are written as --name value.");
            }

            var name = arg[2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _options[name] = hasValue ? args[++i] : null;
        }
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Optional(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) =>
        _options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v
            : throw new CommandLineException($"Missing option --{name}.");

    public int RequiredInt(string name)
    {
        var text = Required(name);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CommandLineException($"Option --{name} must be a whole number, got '{text}'.");
    }
}

/// <summary>A mistake in how the command was called; printed as one line, exit code 2.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
