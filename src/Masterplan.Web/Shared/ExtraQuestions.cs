namespace Masterplan.Web.Shared;

/// <summary>An extra question a form asks beyond its own fields (a participation call's, a Meldungen category's).</summary>
public interface IExtraQuestion
{
    /// <summary>One of <see cref="ExtraQuestions.Kinds"/>.</summary>
    string Kind { get; }

    string Prompt { get; }

    /// <summary>The options of a choice, one per line.</summary>
    string? Options { get; }

    bool Required { get; }
}

/// <summary>
/// The one rule for extra questions wherever a form has them: their kinds (a choice of given options, yes/no, free text),
/// how the Office's definition of a question is checked, and how a resident's answer is checked. Free-text answers may name
/// people, so the modules never publish them and delete them with the contact data.
/// </summary>
public static class ExtraQuestions
{
    public const string FreeText = "text";
    public const string Choice = "choice";
    public const string YesNo = "yesno";

    /// <summary>The stored answers of a yes/no question.</summary>
    public const string Yes = "ja";
    public const string No = "nein";

    public static readonly string[] Kinds = [Choice, YesNo, FreeText];

    public const int MaxPromptLength = 500;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 200;
    public const int MaxOptionsLength = 2000;

    /// <summary>The non-empty lines of a text, trimmed, each once.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The answers a question allows: its options, yes and no, or none for free text (any text).</summary>
    public static IReadOnlyList<string> AllowedAnswers(IExtraQuestion question) => question.Kind switch
    {
        Choice => Lines(question.Options),
        YesNo => [Yes, No],
        _ => [],
    };

    /// <summary>German label of a kind, for the Office's forms.</summary>
    public static string KindLabel(string kind) => kind switch
    {
        Choice => "Auswahl aus einer Liste",
        YesNo => "Ja/Nein",
        _ => "Freitext",
    };

    /// <summary>German label of a yes/no answer.</summary>
    public static string AnswerLabel(string kind, string value) => kind == YesNo ? value == Yes ? "Ja" : "Nein" : value;

    /// <summary>
    /// Checks a question as the Office defines it (texts already cleaned of control characters); errors go to the fields
    /// <c>QuestionKind</c>, <c>QuestionPrompt</c> and <c>QuestionOptions</c>. The answer is the options to store (a choice only).
    /// </summary>
    public static string? CheckDefinition(string? kind, string prompt, string options, IReadOnlyCollection<string> kinds, FieldErrors errors)
    {
        if (kind is null || !kinds.Contains(kind))
        {
            errors.Add("QuestionKind", "Bitte wählen Sie die Art der Frage.");
        }

        if (prompt.Length == 0)
        {
            errors.Add("QuestionPrompt", "Bitte schreiben Sie die Frage.");
        }
        else if (prompt.Length > MaxPromptLength)
        {
            errors.Add("QuestionPrompt", "Die Frage darf höchstens 500 Zeichen lang sein.");
        }

        if (kind != Choice)
        {
            return null;
        }

        var list = Lines(options);
        if (list.Count < 2)
        {
            errors.Add("QuestionOptions", "Eine Auswahl braucht mindestens zwei Antworten, eine pro Zeile.");
        }
        else if (list.Count > MaxOptions || list.Any(o => o.Length > MaxOptionLength) || string.Join('\n', list).Length > MaxOptionsLength)
        {
            errors.Add("QuestionOptions", "Möglich sind höchstens 20 Antworten mit je höchstens 200 Zeichen.");
        }

        return string.Join('\n', list);
    }

    /// <summary>
    /// Checks a resident's answer (already cleaned; empty or null for none) and returns the value to store, or null when
    /// there is nothing to store or it was refused (then <paramref name="errors"/> has a message under <paramref name="field"/>).
    /// </summary>
    public static string? CheckAnswer(IExtraQuestion question, string? value, string field, int maxLength, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (question.Required)
            {
                errors.Add(field, "Bitte beantworten Sie die Frage „{0}“.", question.Prompt);
            }

            return null;
        }

        if (question.Kind != FreeText && !AllowedAnswers(question).Contains(value))
        {
            errors.Add(field, "Bitte wählen Sie bei „{0}“ eine der angebotenen Antworten.", question.Prompt);
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, "Ihre Antwort auf „{0}“ ist {1} Zeichen lang; möglich sind höchstens {2}.", question.Prompt, value.Length, maxLength);
            return null;
        }

        return value;
    }
}
