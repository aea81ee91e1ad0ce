using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts.Admin;

/// <summary>One account: its person and department, and a new invitation that replaces a lost or stolen password.</summary>
public sealed class UserModel(AppDbContext db, UserManager<AppUser> users, Invitations invitations, IOptions<MailOptions> mail, TimeProvider time) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public bool HasPassword { get; private set; }

    public int Sessions { get; private set; }

    public bool IsSelf { get; private set; }

    public IReadOnlyList<AccountAssignments.Choice> Persons { get; private set; } = [];

    public IReadOnlyList<AccountAssignments.Choice> Departments { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Person")]
    public int? PersonId { get; set; }

    [BindProperty]
    [Display(Name = "Dienststelle")]
    public int? DepartmentId { get; set; }

    public string? Message { get; private set; }

    /// <summary>Shown once after a new invitation, so the administrator can hand the link over when mail is slow.</summary>
    public string? InvitationLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? gespeichert, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        PersonId = Account.PersonId;
        DepartmentId = Account.DepartmentId;
        Message = gespeichert is null ? null : "Die Verknüpfungen sind gespeichert.";
        return Page();
    }

    public async Task<IActionResult> OnPostLinksAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (person, department) = await AccountAssignments.CheckAsync(db, PersonId, DepartmentId, Account.Id, ct);
        if (person is not null)
        {
            this.ShowError(nameof(PersonId), person);
        }

        if (department is not null)
        {
            this.ShowError(nameof(DepartmentId), department);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Account.PersonId != PersonId || Account.DepartmentId != DepartmentId)
        {
            var before = new { Account.PersonId, Account.DepartmentId };
            Account.PersonId = PersonId;
            Account.DepartmentId = DepartmentId;
            var updated = await users.UpdateAsync(Account);
            if (!updated.Succeeded)
            {
                ModelState.AddModelError("", AccountPasswords.German(updated.Errors.First()));
                return Page();
            }

            db.Audit("account.links.changed", nameof(AppUser), Account.Id, new
            {
                PersonId = new[] { before.PersonId, PersonId }, DepartmentId = new[] { before.DepartmentId, DepartmentId },
            });
            await db.SaveChangesAsync(ct);
        }

        return Redirect($"/verwaltung/benutzer/{Uri.EscapeDataString(Account.Id)}?gespeichert=1");
    }

    public Task<IActionResult> OnPostReinviteAsync(string id, CancellationToken ct) => ReinviteAsync(id, resetSecondFactor: false, ct);

    /// <summary>For a lost authenticator: the second factor goes together with the password, so only the mailbox's owner sets up the next one.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) => ReinviteAsync(id, resetSecondFactor: true, ct);

    private async Task<IActionResult> ReinviteAsync(string id, bool resetSecondFactor, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        PersonId = Account.PersonId;
        DepartmentId = Account.DepartmentId;
        if (IsSelf || Account.IsDisabled || Account.Email is null)
        {
            Message = IsSelf ? "Ihr eigenes Passwort ändern Sie unter „Passwort ändern“ auf Ihrer Kontoseite."
                : "Das Konto ist gesperrt. Entsperren Sie es zuerst, wenn die Person wieder Zugang bekommen soll.";
            return Page();
        }

        var baseUrl = mail.Value.BaseUrl;
        var created = await invitations.ReinviteAsync(Account, baseUrl, ct, resetSecondFactor);
        InvitationLink = $"{baseUrl}/konto/einladung/{created.Token}";
        Message = resetSecondFactor
            ? "Der zweite Faktor ist zurückgesetzt und die neue Einladung verschickt. Das bisherige Passwort gilt nicht mehr, alle Sitzungen des Kontos sind beendet. Nach dem neuen Passwort richtet die Person einen neuen zweiten Faktor ein."
            : "Die neue Einladung ist verschickt. Das bisherige Passwort gilt nicht mehr, alle Sitzungen des Kontos sind beendet.";
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        RoleNames = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
        HasPassword = await users.HasPasswordAsync(account);
        var now = time.GetUtcNow();
        Sessions = await db.UserSessions.CountAsync(s => s.UserId == account.Id && s.ExpiresAt > now, ct);
        IsSelf = account.Id == users.GetUserId(User);
        Persons = await AccountAssignments.PersonsAsync(db, ct);
        Departments = await AccountAssignments.DepartmentsAsync(db, ct);
        return true;
    }
}
