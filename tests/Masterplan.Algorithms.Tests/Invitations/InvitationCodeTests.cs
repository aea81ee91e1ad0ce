using System.Text.RegularExpressions;
using Masterplan.Algorithms.Invitations;

namespace Masterplan.Algorithms.Tests.Invitations;

public class InvitationCodeTests
{
    [Fact]
    public void Codes_are_grouped_from_the_unambiguous_alphabet_and_pass_their_own_check()
    {
        var codes = InvitationCode.CreateMany(2_000);

        Assert.Equal(2_000, codes.Distinct().Count());
        Assert.All(codes, c =>
        {
            Assert.Matches(new Regex("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"), c);
            Assert.True(InvitationCode.TryNormalize(c, out var normal));
            Assert.Equal(c, normal);
        });
    }

    [Fact]
    public void Typed_codes_are_accepted_in_any_case_with_or_without_separators()
    {
        var code = InvitationCode.Create();

        Assert.True(InvitationCode.TryNormalize(" " + code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant(), out var normal));
        Assert.Equal(code, normal);
        Assert.False(InvitationCode.TryNormalize(code[..^1], out _));
        Assert.False(InvitationCode.TryNormalize(code + "2", out _));
        Assert.False(InvitationCode.TryNormalize(code.Replace(code[0], 'O'), out _));
        Assert.False(InvitationCode.TryNormalize(null, out _));
    }

    [Fact]
    public void Every_single_typo_and_every_adjacent_swap_is_detected()
    {
        foreach (var code in InvitationCode.CreateMany(20))
        {
            var chars = code.Replace("-", string.Empty, StringComparison.Ordinal).ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                foreach (var other in InvitationCode.Alphabet.Where(c => c != chars[i]))
                {
                    var typo = (char[])chars.Clone();
                    typo[i] = other;
                    Assert.False(InvitationCode.TryNormalize(new string(typo), out _), $"{new string(typo)} passed");
                }
            }

            for (var i = 0; i + 1 < 11; i++)
            {
                if (chars[i] != chars[i + 1])
                {
                    var swapped = (char[])chars.Clone();
                    (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                    Assert.False(InvitationCode.TryNormalize(new string(swapped), out _));
                }
            }
        }
    }

    [Fact]
    public void Codes_already_taken_are_not_issued_again()
    {
        var taken = InvitationCode.CreateMany(50).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(InvitationCode.CreateMany(500, taken).Intersect(taken));
    }
}
