using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Accounts.Admin;

/// <summary>Administration of accounts: invite (with person and department), change roles, disable (docs/domain.md#access).</summary>
public sealed class UsersModel(AppDbContext db, UserManager<AppUser> users, Invitations invitations, TimeProvider time, Microsoft.Extensions.Options.IOptions<Shared.Mail.MailOptions> mail) : PageModel
{
    public sealed record Row(string Id, string DisplayName, string Email, bool Disabled, bool TwoFactor, IReadOnlyList<string> Roles, string? Person, string? Department);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public IReadOnlyList<Invitation> OpenInvitations { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse ein.")]
    [EmailAddress(ErrorMessage = "Das ist keine gültige E-Mail-Adresse.")]
    [StringLength(320, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie den Namen ein.")]
    [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    [Display(Name = "Person")]
    public int? PersonId { get; set; }

    [BindProperty]
    [Display(Name = "Dienststelle")]
    public int? DepartmentId { get; set; }

    public IReadOnlyList<AccountAssignments.Choice> Persons { get; private set; } = [];

    public IReadOnlyList<AccountAssignments.Choice> Departments { get; private set; } = [];

    /// <summary>Shown once after an invitation, so the administrator can hand the link over when mail is slow.</summary>
    public string? InvitationLink { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (SelectedRoles.Any(r => !Roles.Assignable.Contains(r)))
        {
            this.ShowError(nameof(SelectedRoles), "Diese Rolle gibt es nicht.");
        }

        if (await users.FindByEmailAsync(Email.Trim()) is not null)
        {
            this.ShowError(nameof(Email), "Für diese E-Mail-Adresse gibt es schon ein Konto. Ein neues Passwort bekommt es mit „Neue Einladung senden“ auf der Seite des Kontos.");
        }

        var (person, department) = await AccountAssignments.CheckAsync(db, PersonId, DepartmentId, null, ct);
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
            await LoadAsync(ct);
            return Page();
        }

        var created = await invitations.InviteAsync(Email, DisplayName, SelectedRoles, PersonId, DepartmentId, mail.Value.BaseUrl, ct);
        InvitationLink = mail.Value.Link($"/konto/einladung/{created.Token}");
        Message = $"Die Einladung an {created.Invitation.Email} wurde verschickt.";
        ModelState.Clear();
        Email = DisplayName = "";
        SelectedRoles = [];
        PersonId = DepartmentId = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disable, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User) && disable)
        {
            Message = "Sie können Ihr eigenes Konto nicht sperren.";
            await LoadAsync(ct);
            return Page();
        }

        user.IsDisabled = disable;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        if (disable)
        {
            // Ends every session of the account at once, on every instance.
            await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        }

        db.Audit(disable ? "account.disabled" : "account.enabled", nameof(AppUser), user.Id, new { user.Email });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, List<string> roles, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = roles.Where(r => Roles.Assignable.Contains(r)).Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        db.Audit("account.roles.changed", nameof(AppUser), user.Id, new { Roles = new[] { string.Join(",", current.Order()), string.Join(",", wanted.Order()) } });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        Persons = await AccountAssignments.PersonsAsync(db, ct);
        Departments = await AccountAssignments.DepartmentsAsync(db, ct);
        var personNames = Persons.ToDictionary(p => p.Id, p => p.Label);
        var departmentNames = Departments.ToDictionary(d => d.Id, d => d.Label);
        Accounts = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct))
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.IsDisabled, u.TwoFactorEnabled, userRoles[u.Id].ToList(),
                u.PersonId is { } p ? personNames.GetValueOrDefault(p) : null, u.DepartmentId is { } d ? departmentNames.GetValueOrDefault(d) : null))
            .ToList();
        var now = time.GetUtcNow();
        OpenInvitations = (await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null).ToListAsync(ct))
            .Where(i => i.ExpiresAt > now).OrderBy(i => i.ExpiresAt).ToList();
    }
}
