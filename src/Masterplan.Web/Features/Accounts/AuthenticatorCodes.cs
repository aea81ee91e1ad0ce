using System.Security.Cryptography;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// Codes of an authenticator app (RFC 6238: HMAC-SHA1 over 30-second steps, six digits), checked against the
/// app's clock (<see cref="TimeProvider"/>) with one step of drift either way.
/// </summary>
public static class AuthenticatorCodes
{
    public const int StepSeconds = 30;

    /// <summary>The time step whose code <paramref name="code"/> is, or null when it is none of the steps allowed now.</summary>
    public static long? MatchStep(string base32Key, string code, DateTimeOffset now)
    {
        code = Normalize(code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32Decode(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var current = now.ToUnixTimeSeconds() / StepSeconds;
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>Spaces and hyphens that people type or apps show between the digits.</summary>
    public static string Normalize(string code) =>
        code.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static string Code(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // authenticator apps use HMAC-SHA1 (RFC 6238)
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[]? Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}

/// <summary>
/// The authenticator check of Identity's sign-in and enrolment, with two differences: time comes from the app's
/// clock, and a code counts once. The last accepted step is stored per account and only a later step passes, in
/// one conditional UPDATE, so two sign-ins with the same code (even at the same moment) cannot both succeed.
/// </summary>
internal sealed class OneTimeAuthenticatorTokenProvider(AppDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "MasterplanAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(""); // the app makes the codes

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || AuthenticatorCodes.MatchStep(key, token, time.GetUtcNow()) is not { } step)
        {
            return false;
        }

        return await ClaimStepAsync(db, user, step);
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>Marks <paramref name="step"/> as used; false when it or a later one was used already.</summary>
    public static async Task<bool> ClaimStepAsync(AppDbContext db, AppUser user, long step)
    {
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, step));
        if (claimed == 1)
        {
            // Identity may write the whole user later: it must not write the old step back, nor see a change of its own.
            user.LastAuthenticatorStep = step;
            var entry = db.Entry(user);
            if (entry.State != EntityState.Detached)
            {
                entry.Property(u => u.LastAuthenticatorStep).OriginalValue = step;
            }
        }

        return claimed == 1;
    }
}
