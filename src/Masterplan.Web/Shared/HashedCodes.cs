using System.Security.Cryptography;
using System.Text;
using Masterplan.Algorithms.Invitations;

namespace Masterplan.Web.Shared;

/// <summary>
/// Human-friendly codes with a check character (<see cref="InvitationCode"/>, e.g. <c>K7QM-3XTR-P9ZC</c>) of which only
/// the SHA-256 is stored, so the database alone never reveals a valid code: lab invitations now; the anonymous mailbox,
/// stop receipts and opt-in links next. Look-ups come through public forms, whose rate limit throttles guessing
/// (<see cref="PublicForms"/>).
/// </summary>
public static class HashedCodes
{
    /// <summary>The stored form of a code in its canonical spelling (as <see cref="InvitationCode"/> writes it).</summary>
    public static string Hash(string canonicalCode) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalCode)));

    /// <summary>The hash of a code as a person typed it (any case, spaces, hyphens), or null when it is not a well-formed code.</summary>
    public static string? HashOfTyped(string typed) => InvitationCode.TryNormalize(typed, out var code) ? Hash(code) : null;

    /// <summary>A new code to hand to a person (a receipt number, say) and its stored hash.</summary>
    public static (string Code, string Hash) Create()
    {
        var code = InvitationCode.Create();
        return (code, Hash(code));
    }

    /// <summary>
    /// A secret for a link (double opt-in, one-click unsubscribe): 256 random bits, URL-safe. Store only
    /// <see cref="Hash"/> of it; it is never typed, so it needs no check character.
    /// </summary>
    public static string NewLinkToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary><paramref name="count"/> new codes whose hashes are not in <paramref name="takenHashes"/>; their hashes are added to it.</summary>
    public static List<string> CreateUnused(int count, ISet<string> takenHashes)
    {
        var codes = new List<string>(count);
        while (codes.Count < count)
        {
            foreach (var code in InvitationCode.CreateMany(count - codes.Count))
            {
                if (takenHashes.Add(Hash(code)))
                {
                    codes.Add(code);
                }
            }
        }

        return codes;
    }
}
