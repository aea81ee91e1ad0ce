using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Labs;

/// <summary>The life of a lab (docs/domain.md#quartierslabore); each step needs what the one before produced.</summary>
public enum LabState
{
    Planned,
    ConceptApproved,
    InvitationsSent,
    RegistrationOpen,
    PanelSelected,
    Held,
    ResultsDocumented,
    Reported,
}

/// <summary>
/// A Quartierslabor: one per quarter, each in another district (001 "Handlungsfeld 4"), with a concept
/// approved before it starts (004 §5) and results that go to the Vollversammlung, its working groups and the
/// Lenkungskreis (004 §5, 001).
/// </summary>
public sealed class NeighbourhoodLab : IAudited
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string District { get; set; }

    public int Year { get; set; }

    /// <summary>1–4.</summary>
    public int Quarter { get; set; }

    public LabState State { get; set; }

    /// <summary>Why the rotation planner proposed this district, e.g. "noch kein Labor".</summary>
    public string? PlanBasis { get; set; }

    /// <summary>Set when the Office chose another district than the plan: the recorded reason.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>004 §5: how local politics is informed and involved.</summary>
    public string? ConceptPolitics { get; set; }

    /// <summary>004 §5: how residents give input digitally, and how it is published and evaluated.</summary>
    public string? ConceptDigitalInput { get; set; }

    /// <summary>004 §5: how associations, youth and social work take part.</summary>
    public string? ConceptParticipation { get; set; }

    public DateOnly? ConceptApprovedOn { get; set; }

    /// <summary>The body that approved the concept (committee, district council).</summary>
    public string? ConceptApprovedBy { get; set; }

    /// <summary>Optional quota categories of the registration form, one per line: "Bildungsabschluss: Hauptschule, Realschule, Abitur".</summary>
    public string? Categories { get; set; }

    /// <summary>When the invitation letters were made (the "invitation run"); the register extract is deleted a grace period later.</summary>
    public DateTimeOffset? LettersCreatedAt { get; set; }

    public DateTimeOffset? RegisterDeletedAt { get; set; }

    public DateOnly? HeldOn { get; set; }

    public string? ResultsSummary { get; set; }

    public DateOnly? ReportedOn { get; set; }

    /// <summary>To whom the results went (004 §5: Vollversammlung and working groups; 001: Lenkungskreis).</summary>
    public string? ReportedTo { get; set; }

    /// <summary>When the registrations (contact data, answers) were deleted at the end of the retention period.</summary>
    public DateTimeOffset? RegistrationsDeletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set for a lab held before the platform and entered afterwards (004 §5: labs ran until 2024): where its record comes from,
    /// e.g. a report or a paper. Such a lab has no concept, draw or registrations here; the rotation planner counts it.
    /// </summary>
    public string? HistorySource { get; set; }

    public string QuarterLabel => $"{Quarter}. Quartal {Year}";
}

/// <summary>
/// One resident of the register extract (personal data). Kept only until the grace period after the invitation
/// run ends; never audited field by field (the audit log must not become a copy of the register).
/// </summary>
public sealed class RegisterEntry
{
    public long Id { get; set; }

    public int LabId { get; set; }

    /// <summary>Position in the extract (0-based, file order): what the draw's indices refer to.</summary>
    public int RowIndex { get; set; }

    public int Line { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public int BirthYear { get; set; }

    /// <summary>m, w, d or x.</summary>
    public required string Gender { get; set; }

    public required string District { get; set; }

    public string? SubDistrict { get; set; }
}

/// <summary>Stage 1 as recorded: enough to replay it from the extract, and nothing personal.</summary>
public sealed class InviteeDrawRecord : IAudited
{
    public int Id { get; set; }

    public int LabId { get; set; }

    /// <summary>From a public act, e.g. numbers drawn in a public session.</summary>
    public required string Seed { get; set; }

    /// <summary>The public act the seed came from (when, where, who drew), as the Office recorded it.</summary>
    public string? SeedAct { get; set; }

    /// <summary>
    /// The public replay input frozen at draw time (<see cref="PublicDraw"/>): the extract's rows hash and the strata counts, never
    /// the register; it stays when the extract is deleted.
    /// </summary>
    public string? PublicInput { get; set; }

    /// <summary>simple or stratified.</summary>
    public required string Method { get; set; }

    public DateOnly ReferenceDate { get; set; }

    /// <summary><see cref="Masterplan.Algorithms.Invitations.InviteeDraw.InputHash(Masterplan.Algorithms.Invitations.RegisterExtract, int, Masterplan.Algorithms.Invitations.SamplingMethod, DateOnly)"/>.</summary>
    public required string InputHash { get; set; }

    public int Rows { get; set; }

    public int Count { get; set; }

    public DateTimeOffset DrawnAt { get; set; }
}

/// <summary>
/// One invitation: pseudonymous. Only the SHA-256 of its code is stored; the code itself exists on the letter
/// alone (made in the same request that stores the hash).
/// </summary>
public sealed class LabInvitation
{
    public int Id { get; set; }

    public int LabId { get; set; }

    /// <summary>The drawn position in the extract; stays after the extract is deleted, so the draw can be checked against a copy of it.</summary>
    public int RowIndex { get; set; }

    public string? CodeHash { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>A registration through the public form (stage 2). Personal data: deleted with the lab's retention period.</summary>
public sealed class LabRegistration
{
    public int Id { get; set; }

    public int LabId { get; set; }

    public int InvitationId { get; set; }

    public required string AgeBand { get; set; }

    public required string Gender { get; set; }

    /// <summary>The optional categories, one "Kategorie=Wert" per line.</summary>
    public string? Answers { get; set; }

    public string? Availability { get; set; }

    public string? AccessibilityNeeds { get; set; }

    public required string Contact { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The pseudonym the panel selection and the transparency page use.</summary>
    public string RespondentId => $"R{Id}";
}

/// <summary>Stage 2 as recorded: algorithm, seed, quotas and input hash, and the outcome per pseudonym.</summary>
public sealed class PanelSelectionRecord : IAudited
{
    public int Id { get; set; }

    public int LabId { get; set; }

    /// <summary>leximin or legacy.</summary>
    public required string Algorithm { get; set; }

    public required string Seed { get; set; }

    /// <summary>The public act the seed came from (when, where, who drew), as the Office recorded it.</summary>
    public string? SeedAct { get; set; }

    /// <summary>
    /// The pseudonymous pool frozen at draw time for the public replay (<see cref="PublicDraw"/>): per respondent number only the
    /// values of the quota categories; it stays when the registrations are deleted.
    /// </summary>
    public string? PublicInput { get; set; }

    public int PanelSize { get; set; }

    /// <summary>One quota per line: "Kategorie; Wert; min; max".</summary>
    public required string Quotas { get; set; }

    public required string InputHash { get; set; }

    public int Respondents { get; set; }

    public int PanelCount { get; set; }

    public double MinimumProbability { get; set; }

    public double MedianProbability { get; set; }

    public double MaximumProbability { get; set; }

    public DateTimeOffset SelectedAt { get; set; }

    public List<PanelOutcome> Outcomes { get; set; } = [];
}

/// <summary>One respondent's outcome, by pseudonym only (R17), so it survives the deletion of the registrations.</summary>
public sealed class PanelOutcome
{
    public long Id { get; set; }

    public int SelectionId { get; set; }

    public required string RespondentId { get; set; }

    public double Probability { get; set; }

    public bool OnPanel { get; set; }

    /// <summary>1-based place on the reserve list; null if not a reserve.</summary>
    public int? ReserveRank { get; set; }

    /// <summary>When a panel member cancelled; they stay marked as drawn (the draw is what it was).</summary>
    public DateTimeOffset? DroppedOutAt { get; set; }

    /// <summary>For a reserve who moved up: whose place they took.</summary>
    public string? ReplacesRespondentId { get; set; }

    /// <summary>Whether the respondent takes part now: drawn or moved up, and not cancelled.</summary>
    public bool Participates => (OnPanel || ReplacesRespondentId is not null) && DroppedOutAt is null;
}

public enum RecommendationOutcome
{
    Open,
    NewMeasure,
    NewFieldOfAction,
    Forwarded,
    Declined,
}

/// <summary>A Handlungsempfehlung the participants wrote (001 §II, Handlungsfeld 4) and what became of it (docs/domain.md#lab-results).</summary>
public sealed class LabRecommendation : IAudited
{
    public int Id { get; set; }

    public int LabId { get; set; }

    public required string Text { get; set; }

    /// <summary>The field of action it concerns, if any.</summary>
    public int? FieldOfActionId { get; set; }

    public RecommendationOutcome Outcome { get; set; }

    public int? MeasureId { get; set; }

    public int? NewFieldOfActionId { get; set; }

    public string? ForwardedTo { get; set; }

    public string? DeclineReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

public enum PlaceCategory
{
    Safe,
    Unsafe,
}

/// <summary>A place the participants mapped as safe or unsafe (Angsträume, 001 Aktionsplan "Angsträume City").</summary>
public sealed class LabPlace : IAudited
{
    public int Id { get; set; }

    public int LabId { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The gazetteer's address when the place was given by address; null for a point set on the map or typed.</summary>
    public string? Address { get; set; }

    public PlaceCategory Category { get; set; }

    public required string Comment { get; set; }
}
