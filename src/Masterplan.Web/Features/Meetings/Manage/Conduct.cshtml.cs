using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings.Manage;

/// <summary>The meeting as it happens: attendance with deputies, quorum, votes and recommendations (docs/domain.md#meetings, docs/domain.md#recommendations).</summary>
public sealed class ConductModel(AppDbContext db, MeetingRoll roll, CatalogueTree catalogue, TimeProvider time) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public QuorumState Quorum { get; private set; } = null!;

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public IReadOnlyList<Vote> Votes { get; private set; } = [];

    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];

    public IReadOnlyList<Organization> Addressees { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> Fields { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Warning { get; private set; }

    [BindProperty]
    public int? VoteItemId { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "Der Gegenstand darf höchstens 500 Zeichen lang sein.")]
    public string? Subject { get; set; }

    [BindProperty, Range(0, 1000, ErrorMessage = "Die Ja-Stimmen müssen zwischen 0 und 1000 liegen.")]
    public int Yes { get; set; }

    [BindProperty, Range(0, 1000, ErrorMessage = "Die Nein-Stimmen müssen zwischen 0 und 1000 liegen.")]
    public int No { get; set; }

    [BindProperty, Range(0, 1000, ErrorMessage = "Die Enthaltungen müssen zwischen 0 und 1000 liegen.")]
    public int Abstain { get; set; }

    [BindProperty]
    public bool IsRollCall { get; set; }

    /// <summary>The Office confirms that a vote was taken although the body was not quorate; without it such a vote is not stored.</summary>
    [BindProperty]
    public bool ConfirmWithoutQuorum { get; set; }

    /// <summary>The roll-call choices as sent, so a form shown again keeps them.</summary>
    public Dictionary<int, VoteChoice> Choices { get; private set; } = [];

    [BindProperty, StringLength(4000, ErrorMessage = "Der Beschlusstext darf höchstens 4000 Zeichen lang sein.")]
    public string? Resolution { get; set; }

    [BindProperty]
    public int? RecommendationItemId { get; set; }

    [BindProperty, StringLength(300, ErrorMessage = "Der Titel darf höchstens 300 Zeichen lang sein.")]
    public string? RecommendationTitle { get; set; }

    [BindProperty, StringLength(10000, ErrorMessage = "Der Text darf höchstens 10.000 Zeichen lang sein.")]
    public string? RecommendationText { get; set; }

    [BindProperty]
    public AddresseeKind AddresseeKind { get; set; } = AddresseeKind.Council;

    [BindProperty]
    public int? AddresseeOrganizationId { get; set; }

    [BindProperty]
    public List<int> FieldIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync(int id, List<int> present, List<int> deputies, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var byId = Quorum.Memberships.ToDictionary(m => m.Id);
        if (Meeting.State == MeetingState.Cancelled)
        {
            ModelState.AddModelError("", "Die Sitzung ist abgesagt; es gibt keine Anwesenheit.");
        }
        else if (Meeting.Start > time.GetUtcNow())
        {
            ModelState.AddModelError("", "Die Sitzung hat noch nicht begonnen. Die Anwesenheit wird ab Beginn erfasst.");
        }

        foreach (var unknown in present.Concat(deputies).Where(m => !byId.ContainsKey(m)))
        {
            this.ShowError("", "Die Mitgliedschaft {0} gehört nicht zu diesem Gremium.", unknown);
        }

        var standIns = deputies.Where(byId.ContainsKey).Select(d => byId[d]).ToList();
        foreach (var deputy in standIns)
        {
            if (deputy.DeputyForId is not { } seat)
            {
                this.ShowError("", "{0} ist keine Vertretung.", deputy.Person.DisplayName);
            }
            else if (present.Contains(seat))
            {
                this.ShowError("", "{0} ist selbst anwesend; {1} kann nicht zugleich als Vertretung gezählt werden.", byId[seat].Person.DisplayName, deputy.Person.DisplayName);
            }
        }

        foreach (var twice in standIns.Where(d => d.DeputyForId is not null).GroupBy(d => d.DeputyForId!.Value).Where(g => g.Count() > 1))
        {
            this.ShowError("", "Für {0} kann nur eine Vertretung zählen, angegeben sind {1}.", byId[twice.Key].Person.DisplayName, string.Join(" und ", twice.Select(d => d.Person.DisplayName)));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
        db.Attendances.RemoveRange(await db.Attendances.Where(a => a.MeetingId == id).ToListAsync(ct));
        var rows = present.Distinct().Select(m => new Attendance { MeetingId = id, PersonId = byId[m].PersonId, MembershipId = m })
            .Concat(standIns.Select(d => new Attendance { MeetingId = id, PersonId = d.PersonId, MembershipId = d.Id, RepresentsMembershipId = d.DeputyForId }))
            .GroupBy(a => a.PersonId).Select(g => g.OrderByDescending(a => a.RepresentsMembershipId is not null).First());
        db.Attendances.AddRange(rows);
        meeting.State = MeetingState.Held;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Die Anwesenheit ist gespeichert.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Recommendation", StringComparison.Ordinal) || k is nameof(AddresseeKind) or nameof(FieldIds)).ToList())
        {
            ModelState.Remove(key);
        }

        var item = Items.FirstOrDefault(i => i.Id == VoteItemId);
        if (item is null)
        {
            ModelState.AddModelError(nameof(VoteItemId), "Bitte wählen Sie den Tagesordnungspunkt, über den abgestimmt wurde.");
        }

        if (string.IsNullOrWhiteSpace(Subject))
        {
            ModelState.AddModelError(nameof(Subject), "Bitte geben Sie an, worüber abgestimmt wurde.");
        }

        var filled = Quorum.Seats.Where(s => s.Filled).ToDictionary(s => s.Holder.Id);
        // Roll call: fields "choice-{voting seat}" → Yes/No/Abstain (read by hand: a bound dictionary would swallow every other field).
        var cast = Request.Form.Keys.Where(k => k.StartsWith("choice-", StringComparison.Ordinal))
            .Select(k => (Seat: int.TryParse(k["choice-".Length..], System.Globalization.CultureInfo.InvariantCulture, out var seat) ? seat : -1,
                Choice: Enum.TryParse<VoteChoice>(Request.Form[k].ToString(), out var choice) ? choice : (VoteChoice?)null))
            .Where(c => c.Choice is not null).Select(c => new KeyValuePair<int, VoteChoice?>(c.Seat, c.Choice)).ToList();
        if (IsRollCall)
        {
            foreach (var (seat, _) in cast.Where(c => !filled.ContainsKey(c.Key)))
            {
                var holder = Quorum.Seats.FirstOrDefault(s => s.Holder.Id == seat)?.Holder.Person.DisplayName ?? seat.ToString(System.Globalization.CultureInfo.InvariantCulture);
                this.ShowError("", "Der Sitz von {0} ist nicht besetzt und kann nicht abstimmen.", holder);
            }

            (Yes, No, Abstain) = (cast.Count(c => c.Value == VoteChoice.Yes), cast.Count(c => c.Value == VoteChoice.No), cast.Count(c => c.Value == VoteChoice.Abstain));
        }

        if (Yes + No + Abstain > Quorum.VotingPresent)
        {
            this.ShowError(nameof(Yes), "Eingetragen sind {0} Stimmen, anwesend sind aber nur {1} Stimmberechtigte (Vertretungen eingerechnet).", Yes + No + Abstain, Quorum.VotingPresent);
        }

        if (Yes + No + Abstain == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(Yes), "Bitte tragen Sie das Ergebnis ein; eine Abstimmung ohne Stimmen gibt es nicht.");
        }

        // docs/domain.md#meetings: a vote without quorum is kept only when the Office confirms it; it is then marked wherever it is shown.
        if (!Quorum.Reached && !ConfirmWithoutQuorum)
        {
            this.ShowError(nameof(ConfirmWithoutQuorum), "Das Gremium ist nicht beschlussfähig: {0} von {1} stimmberechtigten Sitzen sind besetzt, nötig sind {2}. Bitte bestätigen Sie, dass trotzdem abgestimmt wurde; die Abstimmung wird dann mit dem Hinweis „ohne Beschlussfähigkeit abgestimmt“ gespeichert und so in der Niederschrift gezeigt.",
                Quorum.VotingPresent, Quorum.VotingSeats, Quorum.Required);
        }

        Choices = cast.Where(c => c.Value is not null).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Last().Value!.Value);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var vote = new Vote
        {
            AgendaItemId = item!.Id, Subject = Subject!.Trim(), Yes = Yes, No = No, Abstain = Abstain, IsRollCall = IsRollCall,
            VotingSeats = Quorum.VotingSeats, VotingPresent = Quorum.VotingPresent, QuorumReached = Quorum.Reached,
            Resolution = string.IsNullOrWhiteSpace(Resolution) ? null : Resolution.Trim(), Adopted = Yes > No, RecordedAt = time.GetUtcNow(),
            RollCall = IsRollCall ? cast.Select(c => new RollCallVote { MembershipId = c.Key, PersonId = filled[c.Key].Voter!.Id, Choice = c.Value!.Value }).ToList() : [],
        };
        db.Votes.Add(vote);
        db.AuditReason = Quorum.Reached ? null : "ohne Beschlussfähigkeit abgestimmt, von der Geschäftsstelle bestätigt";
        await db.SaveChangesAsync(ct);
        TempData["Message"] = Quorum.Reached
            ? $"Die Abstimmung zu TOP {item.Number} ist gespeichert: {(vote.Adopted ? "angenommen" : "abgelehnt")}."
            : $"Die Abstimmung zu TOP {item.Number} ist gespeichert, aber ohne Beschlussfähigkeit ({Quorum.VotingPresent} von {Quorum.VotingSeats} Sitzen besetzt, nötig {Quorum.Required}).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecommendationAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var key in ModelState.Keys.Where(k => !(k.StartsWith("Recommendation", StringComparison.Ordinal) || k is nameof(AddresseeKind) or nameof(AddresseeOrganizationId) or nameof(FieldIds))).ToList())
        {
            ModelState.Remove(key);
        }

        var item = RecommendationItemId is { } itemId ? Items.FirstOrDefault(i => i.Id == itemId) : null;
        if (RecommendationItemId is not null && item is null)
        {
            ModelState.AddModelError(nameof(RecommendationItemId), "Diesen Tagesordnungspunkt gibt es in dieser Sitzung nicht.");
        }

        if (string.IsNullOrWhiteSpace(RecommendationTitle))
        {
            ModelState.AddModelError(nameof(RecommendationTitle), "Bitte geben Sie einen Titel für die Empfehlung ein.");
        }

        if (string.IsNullOrWhiteSpace(RecommendationText))
        {
            ModelState.AddModelError(nameof(RecommendationText), "Bitte geben Sie den Text der Empfehlung ein.");
        }

        if (AddresseeOrganizationId is { } org && Addressees.All(o => o.Id != org))
        {
            ModelState.AddModelError(nameof(AddresseeOrganizationId), "Dieses Gremium gibt es nicht.");
        }

        if (FieldIds.Except(Fields.Select(f => f.Id)).Any())
        {
            ModelState.AddModelError(nameof(FieldIds), "Mindestens eines der gewählten Handlungsfelder gibt es nicht (mehr).");
        }

        if (Meeting.State != MeetingState.Held)
        {
            ModelState.AddModelError("", "Empfehlungen werden in einer durchgeführten Sitzung beschlossen; bitte erfassen Sie zuerst die Anwesenheit.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Recommendations.Add(new Recommendation
        {
            MeetingId = id, AgendaItemId = item?.Id, Title = RecommendationTitle!.Trim(), Text = RecommendationText!.Trim(), AddresseeKind = AddresseeKind,
            AddresseeOrganizationId = AddresseeOrganizationId, Status = RecommendationStatus.Open, AdoptedOn = DateOnly.FromDateTime(CityTime.Local(Meeting.Start)),
            IsPublic = Meeting.IsPublic && (item?.IsPublic ?? true), Fields = FieldIds.Distinct().Select(f => new RecommendationField { FieldOfActionId = f }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Die Empfehlung ist gespeichert und erscheint in der Liste der offenen Empfehlungen.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Quorum = await roll.QuorumAsync(meeting, ct);
        Items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.SortKey).ToListAsync(ct);
        var itemIds = Items.Select(i => i.Id).ToList();
        Votes = await db.Votes.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId)).OrderBy(v => v.RecordedAt).ToListAsync(ct);
        Recommendations = await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Addressees = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != OrganizationKind.Fraction && o.Kind != OrganizationKind.Institution)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        Fields = (await catalogue.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).Select(n => (n.Id, $"{n.Number} {n.Title}")).ToList();
        return true;
    }
}
