using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>
/// A Schutzort: a place where people find help — the Dortmund Guides' base in the city centre that is open at night
/// (002 lines 117–122), a help point at a large event (002 lines 123–125), a "Luisa ist hier" or "Wo geht's hier nach
/// Panama?" venue (002 lines 126–130), a counselling service (002 lines 131–133), a police station. Everything here is
/// public once <see cref="IsPublic"/> is set; a venue's contact person is kept on its <see cref="Venue"/>, never here.
/// </summary>
public sealed class ProtectivePlace : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="ProtectivePlacesModule.Kinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The address as shown (from the gazetteer when it was typed there).</summary>
    public string? Address { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int? DistrictId { get; set; }

    /// <summary>What help is offered, in plain German.</summary>
    public required string Help { get; set; }

    /// <summary>The same in English; the German text is shown when it is missing.</summary>
    public string? HelpEnglish { get; set; }

    /// <summary>The same in Leichte Sprache (shown under "Leichte Sprache" on the place's page and in the list).</summary>
    public string? HelpEasy { get; set; }

    /// <summary>The place's public phone number (a service's number, never a person's).</summary>
    public string? Phone { get; set; }

    public bool StepFree { get; set; }

    public bool AccessibleToilet { get; set; }

    public bool QuietRoom { get; set; }

    /// <summary>Languages spoken, as typed ("Deutsch, Englisch, Türkisch").</summary>
    public string? Languages { get; set; }

    /// <summary>For an event help point: the event while which it is there.</summary>
    public int? EventId { get; set; }

    /// <summary>For a venue that signed up: its application (contact data stay there).</summary>
    public int? VenueId { get; set; }

    public bool IsPublic { get; set; }

    public bool IsDemo { get; set; }

    public List<OpeningRule> Rules { get; set; } = [];

    public List<OpeningException> Exceptions { get; set; } = [];
}

/// <summary>A weekly opening interval: on <see cref="Day"/> from <see cref="Opens"/> to <see cref="Closes"/>, on the next day when <see cref="NextDay"/>.</summary>
public sealed class OpeningRule : IAudited
{
    public int Id { get; set; }

    public int PlaceId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }

    /// <summary>The interval ends on the following day (a night across midnight: Saturday 22:00 to Sunday 04:00).</summary>
    public bool NextDay { get; set; }
}

/// <summary>
/// A date whose hours differ from the weekly rules (a public holiday, a special night): closed all day, or open in the
/// given interval instead of the weekly ones. Several rows on one date are several intervals.
/// </summary>
public sealed class OpeningException : IAudited
{
    public int Id { get; set; }

    public int PlaceId { get; set; }

    public DateOnly Date { get; set; }

    public bool Closed { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    public bool NextDay { get; set; }

    /// <summary>Why ("Feiertag", "Silvester"), shown on the place's page.</summary>
    public string? Note { get; set; }
}

/// <summary>A large city event with help points (002 lines 123–125); its places show while it runs and vanish after.</summary>
public sealed class PlaceEvent : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset Starts { get; set; }

    public DateTimeOffset Ends { get; set; }

    /// <summary>Changes with every edit, so calendar clients replace the event.</summary>
    public int Sequence { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>
/// A bar, club or cultural venue that applied to take part in "Luisa ist hier" / "Wo geht's hier nach Panama?" (002 lines
/// 126–130). The contact person, the address to mail and who was trained are personal data: never public, deleted when the
/// venue leaves (<see cref="Retention"/>). The public part is the <see cref="ProtectivePlace"/> made on approval.
/// </summary>
public sealed class Venue : IEmailOptIn
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>bar, club, culture or other (<see cref="ProtectivePlacesModule.VenueKinds"/>).</summary>
    public required string VenueKind { get; set; }

    public string? Address { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int? DistrictId { get; set; }

    /// <summary>The venue's public phone number for guests, if it wants one listed.</summary>
    public string? PublicPhone { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>Who was trained, as the venue wrote it (names or roles); for the Office only.</summary>
    public string? Trained { get; set; }

    public bool ConsentToList { get; set; }

    /// <summary>pending, approved, declined, lapsed (not re-confirmed), left (<see cref="ProtectivePlacesModule"/>).</summary>
    public required string Status { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The date of the last training the Office checked.</summary>
    public DateOnly? LastTrainingOn { get; set; }

    /// <summary>Listed until then unless re-confirmed: approval or the last re-confirmation plus 12 months.</summary>
    public DateTimeOffset? ConfirmedUntil { get; set; }

    /// <summary>When the last re-confirmation link was mailed.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? ContactDeletedAt { get; set; }

    public bool IsDemo { get; set; }

    public string? OptInEmail => ContactEmail;

    public string? ConfirmTokenHash { get; set; }

    public DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }
}

/// <summary>One re-confirmation link mailed to a venue ("Wir sind weiter dabei"), through the same double opt-in as every address.</summary>
public sealed class VenueReconfirmation : IEmailOptIn
{
    public int Id { get; set; }

    public int VenueId { get; set; }

    /// <summary>The address the link went to; deleted with the venue's contact data.</summary>
    public string? Email { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string? OptInEmail => Email;

    public string? ConfirmTokenHash { get; set; }

    public DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }
}

/// <summary>Campaign material a venue ordered (002 lines 129–130: material for private bars, clubs and cultural venues).</summary>
public sealed class MaterialOrder : IAudited
{
    public int Id { get; set; }

    public int VenueId { get; set; }

    public int Posters { get; set; }

    public int Stickers { get; set; }

    public int Flyers { get; set; }

    public DateTimeOffset OrderedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
