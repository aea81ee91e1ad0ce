using System.Collections;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Shared;

/// <summary>
/// One validation message: the field it belongs to (the input's property name, "" for the whole form), the resource key
/// (the German text, with <c>{0}</c> placeholders when it has arguments) and the arguments. Pages and APIs turn it into
/// text in the user's language only when they show it. An argument that is itself a <see cref="FieldError"/> is
/// localized first ("Zeile {0}: {1}" with the line's message).
/// </summary>
public sealed record FieldError(string Field, string Key, params object[] Args)
{
    /// <summary>The message in the current UI culture: English from the resources, German (the key) otherwise.</summary>
    public string Localize(IStringLocalizer t) =>
        Args.Length == 0 ? t[Key].Value : t[Key, [.. Args.Select(a => a is FieldError inner ? inner.Localize(t) : a)]].Value;

    /// <summary>The German message, for logs, exceptions and the command-line tool.</summary>
    public string German => Args.Length == 0 ? Key
        : string.Format(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), Key, [.. Args.Select(a => a is FieldError inner ? inner.German : a)]);

    public override string ToString() => $"{Field}: {German}";
}

/// <summary>Collects field errors in the order they were found.</summary>
public sealed class FieldErrors : IReadOnlyList<FieldError>
{
    private readonly List<FieldError> errors = [];

    public int Count => errors.Count;

    public FieldError this[int index] => errors[index];

    public void Add(string field, string key, params object[] args) => errors.Add(new FieldError(field, key, args));

    public void Add(FieldError error) => errors.Add(error);

    public void AddRange(IEnumerable<FieldError> more) => errors.AddRange(more);

    public void Insert(int index, FieldError error) => errors.Insert(index, error);

    public bool Has(string field) => errors.Exists(e => e.Field == field);

    public IEnumerator<FieldError> GetEnumerator() => errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public enum OutcomeKind
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// What a service answers to a change: done, refused with messages per field, the thing was not found, or someone
/// else changed it in between. The one way services report errors; <see cref="OutcomeAdapters"/> shows it on a page
/// or as problem details.
/// </summary>
public class Outcome
{
    protected Outcome(OutcomeKind kind, IReadOnlyList<FieldError> errors)
    {
        Kind = kind;
        Errors = errors;
    }

    public static Outcome Done { get; } = new(OutcomeKind.Done, []);

    public OutcomeKind Kind { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => Kind == OutcomeKind.Done;

    public bool IsNotFound => Kind == OutcomeKind.NotFound;

    public static Outcome NotFound() => new(OutcomeKind.NotFound, []);

    public static Outcome Invalid(IEnumerable<FieldError> errors) => new(OutcomeKind.Invalid, errors.ToList());

    public static Outcome Invalid(string field, string key, params object[] args) => new(OutcomeKind.Invalid, [new FieldError(field, key, args)]);

    /// <summary>Done when there are no errors, refused with them otherwise.</summary>
    public static Outcome From(IReadOnlyList<FieldError> errors) => errors.Count == 0 ? Done : Invalid(errors);

    public static implicit operator Outcome(FieldErrors errors) => From(errors);

    public static implicit operator Outcome(FieldError error) => Invalid([error]);
}

/// <summary>An outcome that carries a value when done (and the current stored state on a conflict).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factories read as Outcome<Measure>.NotFound() where they are used.")]
public sealed class Outcome<T> : Outcome
{
    private Outcome(OutcomeKind kind, IReadOnlyList<FieldError> errors, T? value)
        : base(kind, errors) => Value = value;

    /// <summary>The saved thing when done; the stored version when <see cref="OutcomeKind.Conflict"/>.</summary>
    public T? Value { get; }

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Done, [], value);

    public static Outcome<T> Conflict(T current, params FieldError[] errors) => new(OutcomeKind.Conflict, errors, current);

    public static new Outcome<T> NotFound() => new(OutcomeKind.NotFound, [], default);

    public static new Outcome<T> Invalid(IEnumerable<FieldError> errors) => new(OutcomeKind.Invalid, errors.ToList(), default);

    public static new Outcome<T> Invalid(string field, string key, params object[] args) => new(OutcomeKind.Invalid, [new FieldError(field, key, args)], default);

    public static implicit operator Outcome<T>(FieldErrors errors) => Invalid(errors);

    public static implicit operator Outcome<T>(FieldError error) => Invalid([error]);
}
