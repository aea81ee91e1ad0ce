namespace Masterplan.Documents;

/// <summary>Argument checks shared by the records' constructors and their <c>with</c> copies.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string name) where T : class
        => value ?? throw new ArgumentNullException(name);

    public static string Text(string? value, string name, string message)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(message, name) : value;
}
