namespace Masterplan.Web.Features.Accounts;

/// <summary>The roles of the platform (docs/domain.md#access). Member is derived from memberships, never assigned.</summary>
public static class Roles
{
    /// <summary>Users and settings; no access to confidential cases.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Geschäftsstelle: runs the process.</summary>
    public const string Office = "Office";

    public const string Moderator = "Moderator";

    /// <summary>Staff of a responsible unit (Dezernat, Amt).</summary>
    public const string DepartmentStaff = "DepartmentStaff";

    /// <summary>Derived at sign-in from a current membership of the user's person.</summary>
    public const string Member = "Member";

    /// <summary>The independent complaints office (002): confidential complaints only.</summary>
    public const string ComplaintsOffice = "ComplaintsOffice";

    /// <summary>Specialist unit "Gewalt gegen Rettungs- und Ordnungskräfte" (002): assault reports only.</summary>
    public const string AssaultReportsUnit = "AssaultReportsUnit";

    /// <summary>An officer of the Kommunaler Ordnungsdienst: records checks (stop receipts) and use-of-force and bodycam records.</summary>
    public const string FieldOfficer = "FieldOfficer";

    /// <summary>The lead of the Ordnungsdienst: signs off use-of-force records, sees the officers' identities, writes the committee report.</summary>
    public const string EnforcementLead = "EnforcementLead";

    /// <summary>
    /// A person who signs in for an association of the grant programme (Grants). Never granted by an administrator: the
    /// account registers itself and gets the role when its e-mail address is confirmed. It opens nothing of the staff.
    /// </summary>
    public const string Applicant = "Applicant";

    /// <summary>Roles an administrator can grant (Member is derived).</summary>
    public static readonly string[] Assignable = [Administrator, Office, Moderator, DepartmentStaff, ComplaintsOffice, AssaultReportsUnit, FieldOfficer, EnforcementLead];

    /// <summary>Roles stored in the database: the assignable ones and the self-registered applicants.</summary>
    public static readonly string[] Stored = [.. Assignable, Applicant];

    /// <summary>Roles that must use two-factor sign-in (docs/domain.md#access): administration and every role that reads confidential data.</summary>
    public static readonly string[] RequireTwoFactor = [Administrator, Office, ComplaintsOffice, AssaultReportsUnit, EnforcementLead];

    public static string Label(string role) => role switch
    {
        Administrator => "Administration",
        Office => "Geschäftsstelle",
        Moderator => "Moderation",
        DepartmentStaff => "Fachdienststelle",
        Member => "Mitglied eines Gremiums",
        ComplaintsOffice => "Beschwerdestelle",
        AssaultReportsUnit => "Fachstelle Gewalt gegen Einsatzkräfte",
        Applicant => "Antragstellender Verein",
        FieldOfficer => "Einsatzkraft des Ordnungsdienstes",
        EnforcementLead => "Leitung des Ordnungsdienstes",
        _ => role,
    };
}
