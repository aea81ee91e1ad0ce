using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// Which person an account belongs to (memberships make the Member role; members' documents, comments and the
/// personal calendar follow from it) and which department (DepartmentStaff reminders); the choices and their checks.
/// </summary>
public static class AccountAssignments
{
    public sealed record Choice(int Id, string Label);

    /// <summary>All persons, by family name; the e-mail address tells two people of the same name apart.</summary>
    public static async Task<IReadOnlyList<Choice>> PersonsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Persons.AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id).ToListAsync(ct))
            .Select(p => new Choice(p.Id, p.Email is null ? $"{p.FamilyName}, {p.GivenName}" : $"{p.FamilyName}, {p.GivenName} ({p.Email})"))
            .ToList();

    /// <summary>The organizations of kind Department (Dezernate, Ämter).</summary>
    public static async Task<IReadOnlyList<Choice>> DepartmentsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>German messages for a person or department that cannot be linked, or nulls when both can.</summary>
    public static async Task<(string? Person, string? Department)> CheckAsync(AppDbContext db, int? personId, int? departmentId, string? accountId, CancellationToken ct)
    {
        string? person = null;
        if (personId is { } pid)
        {
            if (!await db.Persons.AnyAsync(p => p.Id == pid, ct))
            {
                person = "Diese Person gibt es nicht.";
            }
            else if (await db.Users.AnyAsync(u => u.PersonId == pid && u.Id != accountId, ct))
            {
                person = "Diese Person ist schon mit einem anderen Konto verknüpft.";
            }
        }

        string? department = null;
        if (departmentId is { } did && !await db.Organizations.AnyAsync(o => o.Id == did && o.Kind == OrganizationKind.Department, ct))
        {
            department = "Diese Dienststelle gibt es nicht.";
        }

        return (person, department);
    }
}
