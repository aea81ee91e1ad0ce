using Masterplan.Algorithms.SeatAllocation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Masterplan.Web.Features.Organizations;

/// <summary>Request of <c>POST /api/v1/seat-allocation</c>.</summary>
public sealed record SeatAllocationRequest(int? Seats, string? Method, IReadOnlyList<SeatAllocationRequest.Party>? Parties)
{
    public sealed record Party(string? Name, long? Votes);
}

/// <summary>Answer of <c>POST /api/v1/seat-allocation</c>.</summary>
public sealed record SeatAllocationResponse(string Method, int Seats, string TotalVotes, IReadOnlyList<SeatAllocationResponse.Row> Allocation, SeatAllocationResponse.TieInfo? Tie)
{
    /// <param name="Quota">seats × votes / total votes as a decimal string rounded half-up to 6 places.</param>
    /// <param name="QuotaFraction">The same quota as an exact reduced fraction "n/d".</param>
    /// <param name="Remainder">Hare-Niemeyer only: quota minus its whole part, decimal string; null for divisor methods.</param>
    /// <param name="RemainderFraction">The remainder as an exact fraction.</param>
    public sealed record Row(string Name, long Votes, int Seats, string Quota, string QuotaFraction, string? Remainder, string? RemainderFraction);

    public sealed record TieInfo(IReadOnlyList<string> Parties, int SeatsInDispute);
}

/// <summary>The public seat allocation calculator (docs/domain.md#seat-allocation); the arithmetic lives in Masterplan.Algorithms.</summary>
public static class SeatAllocationApi
{
    private static readonly Dictionary<string, SeatAllocationMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hare-niemeyer"] = SeatAllocationMethod.HareNiemeyer,
        ["dhondt"] = SeatAllocationMethod.DHondt,
        ["sainte-lague"] = SeatAllocationMethod.SainteLague,
    };

    public static WebApplication MapSeatAllocationApi(this WebApplication app)
    {
        app.MapPost("/api/v1/seat-allocation", Allocate)
            .WithTags("Organizations")
            .AllowAnonymous()
            .RequireRateLimiting(Masterplan.Web.Shared.PublicForms.Policy)
            .WithSummary("Distributes seats by Hare-Niemeyer, D'Hondt or Sainte-Laguë/Schepers with exact arithmetic.")
            .WithDescription(
                "method: \"hare-niemeyer\" (largest remainder, 004 §3), \"dhondt\" or \"sainte-lague\". " +
                "quota and remainder are decimal strings rounded half-up to 6 places; quotaFraction and remainderFraction give the exact " +
                "values as reduced fractions \"numerator/denominator\". No floating point decides a seat. When equal remainders (or quotients) " +
                "compete for the last seat(s), seats holds only the sure seats and tie names the parties and the seats in dispute; the Office then draws a recorded lot.");
        return app;
    }

    private static Results<Ok<SeatAllocationResponse>, ValidationProblem> Allocate(SeatAllocationRequest request, HttpContext http)
    {
        if (request.Seats is null)
        {
            return Invalid(http, "seats", "seats fehlt: die Zahl der zu verteilenden Sitze (1 bis 10.000).");
        }

        if (request.Method is null || !Methods.TryGetValue(request.Method, out var method))
        {
            return Invalid(http, "method", "method muss eines von {0} sein.", string.Join(", ", Methods.Keys.Select(k => $"\"{k}\"")));
        }

        if (request.Parties is null)
        {
            return Invalid(http, "parties", "parties fehlt: eine Liste von {{\"name\", \"votes\"}}.");
        }

        for (var i = 0; i < request.Parties.Count; i++)
        {
            if (request.Parties[i] is null)
            {
                return Invalid(http, $"parties[{i}]", "Jede Partei muss ein Objekt mit name und votes sein.");
            }

            if (request.Parties[i].Votes is null)
            {
                return Invalid(http, $"parties[{i}].votes", "votes fehlt: eine ganze Zahl von Stimmen oder Ratssitzen, 0 oder mehr.");
            }
        }

        try
        {
            var result = SeatAllocator.Allocate(method, request.Seats.Value, request.Parties.Select(p => new PartyVotes(p.Name ?? "", p.Votes!.Value)).ToList());
            return TypedResults.Ok(new SeatAllocationResponse(
                Methods.First(m => m.Value == method).Key,
                result.HouseSize,
                result.TotalVotes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Parties.Select(p => new SeatAllocationResponse.Row(p.Name, p.Votes, p.Seats, p.QuotaDecimal, p.QuotaFraction, p.RemainderDecimal, p.RemainderFraction)).ToList(),
                result.Tie is null ? null : new SeatAllocationResponse.TieInfo(result.Tie.Parties, result.Tie.SeatsInDispute)));
        }
        catch (SeatAllocationInputException e)
        {
            // The algorithm library names the broken rule; the message is said in the request's language here.
            return Invalid(http, e.Field, ProblemTexts.GetValueOrDefault(e.Problem, "{0}"), e.Problem == SeatAllocationProblem.Other ? [e.Message] : [.. e.Arguments]);
        }
    }

    /// <summary>German resource keys for the library's rules; arguments as <see cref="SeatAllocationProblem"/> documents them.</summary>
    internal static readonly IReadOnlyDictionary<SeatAllocationProblem, string> ProblemTexts = new Dictionary<SeatAllocationProblem, string>
    {
        [SeatAllocationProblem.UnknownMethod] = "Das Verfahren {0} gibt es nicht.",
        [SeatAllocationProblem.SeatsOutOfRange] = "Die Zahl der Sitze muss zwischen 1 und {0:N0} liegen; angegeben war {1:N0}.",
        [SeatAllocationProblem.PartiesMissing] = "Die Liste der Parteien fehlt.",
        [SeatAllocationProblem.NoParties] = "Mindestens eine Partei ist nötig.",
        [SeatAllocationProblem.TooManyParties] = "Höchstens {0:N0} Parteien sind möglich; angegeben waren {1:N0}.",
        [SeatAllocationProblem.PartyMissing] = "Partei {0} fehlt.",
        [SeatAllocationProblem.EmptyName] = "Der Name der Partei {0} darf nicht leer sein.",
        [SeatAllocationProblem.DuplicateName] = "Der Name „{0}“ der Partei {1} ist schon an Partei {2} vergeben; jeder Name darf nur einmal vorkommen.",
        [SeatAllocationProblem.NegativeVotes] = "Die Stimmen von „{0}“ dürfen nicht negativ sein; angegeben waren {1}.",
        [SeatAllocationProblem.NoVotes] = "Alle Parteien haben 0 Stimmen; mindestens eine Partei braucht Stimmen, damit Sitze verteilt werden können.",
    };

    private static ValidationProblem Invalid(HttpContext http, string field, string key, params object[] args) =>
        Masterplan.Web.Shared.OutcomeAdapters.Invalid(http, [new Masterplan.Web.Shared.FieldError(field, key, args)], "Die Anfrage zur Sitzverteilung ist nicht gültig.");
}
