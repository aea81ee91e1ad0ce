using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The seed of both draws, which comes from a public act.</summary>
internal static class DrawSeed
{
    /// <summary>Both draws need a seed from a public act, at most 500 characters.</summary>
    public static void Check(FieldErrors errors, string? seed, string missing)
    {
        if (string.IsNullOrWhiteSpace(seed))
        {
            errors.Add("", missing);
        }
        else if (seed.Length > 500)
        {
            errors.Add("", "Der Startwert darf höchstens 500 Zeichen lang sein.");
        }
    }
}
