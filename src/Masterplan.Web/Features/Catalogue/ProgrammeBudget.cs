using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>
/// The masterplan's money of one year (001 "Finanzielle Auswirkungen": 50,000 € in 2023 and in each of 2024 to 2026 in the
/// budget of Amt 93, order 93013101 0004, account 541710). A year without a row has the amount of 001, or none after 2026.
/// </summary>
public sealed class ProgrammeYear : IAudited
{
    public int Year { get; set; }

    public long AmountCents { get; set; }

    /// <summary>The internal order the money is booked on (Innenauftrag).</summary>
    public required string Order { get; set; }

    public required string Account { get; set; }
}

/// <summary>
/// Money the Office bound from the programme for a measure (a fee, a moderation, material), and what of it is paid so far.
/// The grant programme's decisions count on their own (<see cref="IProgrammeSpending"/>).
/// </summary>
public sealed class ProgrammeBooking : IAudited
{
    public int Id { get; set; }

    public int Year { get; set; }

    public int? MeasureId { get; set; }

    public required string Purpose { get; set; }

    public long CommittedCents { get; set; }

    public long SpentCents { get; set; }

    public DateOnly On { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>What the Office enters for a booking.</summary>
public sealed record BookingInput(int? MeasureId, string? Purpose, decimal? Committed, decimal? Spent, DateOnly? On);

/// <summary>One year of the programme: its money, what is bound and spent, by whom, and what is left.</summary>
public sealed record ProgrammeYearView(
    int Year, long AmountCents, string Order, string Account, bool FromCouncilPaper, IReadOnlyList<ProgrammeBookingView> Bookings,
    IReadOnlyList<ProgrammeShare> Shares)
{
    /// <summary>Bound by the Office's bookings for measures.</summary>
    public long BookedCents => Bookings.Sum(b => b.CommittedCents);

    /// <summary>Bound by the other modules (the grant programme).</summary>
    public long SharesCommittedCents => Shares.Sum(s => s.CommittedCents);

    public long CommittedCents => BookedCents + SharesCommittedCents;

    public long SpentCents => Bookings.Sum(b => b.SpentCents) + Shares.Sum(s => s.SpentCents);

    public long LeftCents => AmountCents - CommittedCents;
}

public sealed record ProgrammeBookingView(int Id, DateOnly On, int? MeasureId, string? Measure, string Purpose, long CommittedCents, long SpentCents);

/// <summary>The programme budget: the year's amount, the Office's bookings for measures, and the shares other modules report.</summary>
public sealed class ProgrammeBudget(AppDbContext db, IEnumerable<IProgrammeSpending> shares, TimeProvider time)
{
    /// <summary>001: the order and account of the masterplan's money, and the years the council paper gives an amount for.</summary>
    public const string CouncilOrder = "93013101 0004";

    public const string CouncilAccount = "541710";

    public const long CouncilYearCents = 5_000_000;

    public static bool InCouncilPaper(int year) => year is >= 2023 and <= 2026;

    public async Task<ProgrammeYearView> YearAsync(int year, CancellationToken ct)
    {
        var row = await db.ProgrammeYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        var bookings = await db.ProgrammeBookings.AsNoTracking().Where(b => b.Year == year).OrderBy(b => b.On).ThenBy(b => b.Id).ToListAsync(ct);
        var measureIds = bookings.Where(b => b.MeasureId is not null).Select(b => b.MeasureId!.Value).Distinct().ToList();
        var titles = await db.Measures.AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var others = new List<ProgrammeShare>();
        foreach (var share in shares)
        {
            others.Add(await share.ForYearAsync(year, ct));
        }

        return new ProgrammeYearView(year, row?.AmountCents ?? (InCouncilPaper(year) ? CouncilYearCents : 0), row?.Order ?? CouncilOrder,
            row?.Account ?? CouncilAccount, row is null && InCouncilPaper(year),
            [.. bookings.Select(b => new ProgrammeBookingView(b.Id, b.On, b.MeasureId, b.MeasureId is { } m ? titles.GetValueOrDefault(m) : null, b.Purpose, b.CommittedCents, b.SpentCents))],
            others);
    }

    /// <summary>Sets a year's amount, order and account; never below what is already bound.</summary>
    public async Task<Outcome> SetYearAsync(int year, decimal? amount, string? order, string? account, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (year is < 2019 or > 2100)
        {
            errors.Add("Year", "Bitte geben Sie das Haushaltsjahr an (2019 bis 2100).");
        }

        var cents = EuroAmount.Check(errors, "Amount", amount, "Der Betrag des Jahres", zeroAllowed: true);
        if (string.IsNullOrWhiteSpace(order) || order.Trim().Length > 40)
        {
            errors.Add("Order", "Bitte geben Sie den Auftrag an (höchstens 40 Zeichen), etwa 93013101 0004.");
        }

        if (string.IsNullOrWhiteSpace(account) || account.Trim().Length > 40)
        {
            errors.Add("Account", "Bitte geben Sie das Sachkonto an (höchstens 40 Zeichen), etwa 541710.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var committed = (await YearAsync(year, ct)).CommittedCents;
        if (cents < committed)
        {
            return Outcome.Invalid("Amount", "Für {0} sind schon {1} gebunden; der Betrag kann nicht kleiner sein.", year, TypedNumber.Money(committed));
        }

        var row = await db.ProgrammeYears.FirstOrDefaultAsync(y => y.Year == year, ct);
        if (row is null)
        {
            db.Add(new ProgrammeYear { Year = year, AmountCents = cents!.Value, Order = order!.Trim(), Account = account!.Trim() });
        }
        else
        {
            (row.AmountCents, row.Order, row.Account) = (cents!.Value, order!.Trim(), account!.Trim());
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Books money for a measure (new, or a change of one: usually what is paid so far); never more than is left.</summary>
    public async Task<Outcome> BookAsync(int? id, BookingInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var booking = id is { } existing ? await db.ProgrammeBookings.FirstOrDefaultAsync(b => b.Id == existing, ct) : null;
        if (id is not null && booking is null)
        {
            return Outcome.Invalid("", "Diese Buchung gibt es nicht mehr.");
        }

        if (string.IsNullOrWhiteSpace(input.Purpose))
        {
            errors.Add("Purpose", "Bitte geben Sie an, wofür das Geld ist.");
        }
        else if (input.Purpose.Trim().Length > 300)
        {
            errors.Add("Purpose", "Der Zweck darf höchstens {0} Zeichen lang sein.", 300);
        }

        if (input.On is not { } on)
        {
            errors.Add("On", "Bitte geben Sie das Datum der Bindung an.");
        }
        else if (on > CityTime.Today(time).AddYears(1) || on.Year < 2019)
        {
            errors.Add("On", "Das Datum muss zwischen 2019 und einem Jahr ab heute liegen.");
        }
        else if (booking is not null && on.Year != booking.Year)
        {
            errors.Add("On", "Eine Buchung bleibt in ihrem Haushaltsjahr {0}; für ein anderes Jahr legen Sie eine neue an.", booking.Year);
        }

        var committed = EuroAmount.Check(errors, "Committed", input.Committed, "Der gebundene Betrag");
        var spent = EuroAmount.Check(errors, "Spent", input.Spent ?? 0, "Der ausgegebene Betrag", zeroAllowed: true);
        if (committed is not null && spent > committed)
        {
            errors.Add("Spent", "Ausgegeben kann nicht mehr sein als gebunden ({0}).", TypedNumber.Money(committed.Value));
        }

        if (input.MeasureId is { } measure && !await db.Measures.AnyAsync(m => m.Id == measure, ct))
        {
            errors.Add("MeasureId", "Diese Maßnahme gibt es nicht.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var year = input.On!.Value.Year;
        var view = await YearAsync(year, ct);
        var left = view.LeftCents + (booking?.CommittedCents ?? 0);
        if (committed > left)
        {
            return Outcome.Invalid("Committed", "Im Jahr {0} sind nur noch {1} frei.", year, TypedNumber.Money(Math.Max(0, left)));
        }

        booking ??= db.Add(new ProgrammeBooking { Purpose = "", Year = year, RecordedAt = time.GetUtcNow() }).Entity;
        booking.Year = year;
        booking.On = input.On.Value;
        booking.MeasureId = input.MeasureId;
        booking.Purpose = input.Purpose!.Trim();
        booking.CommittedCents = committed!.Value;
        booking.SpentCents = spent!.Value;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
