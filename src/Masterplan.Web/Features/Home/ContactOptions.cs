namespace Masterplan.Web.Features.Home;

/// <summary>
/// The Office's contact details on <c>/kontakt</c>, from the section <c>Contact</c>. Configuration rather than data:
/// names and numbers belong to the instance (like its branding), change with staff without a release, and need no
/// history; appsettings.json holds the defaults of the Dortmund instance.
/// </summary>
public sealed class ContactOptions
{
    /// <summary>The Office's name in the address, German (translated like every text).</summary>
    public string Office { get; set; } = "Ordnungsamt, Geschäftsführung Masterplan Kommunale Sicherheit 2.0";

    public string Street { get; set; } = "Friedensplatz 1";

    public string PostalCode { get; set; } = "44135";

    public string City { get; set; } = "Dortmund";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>When the Office answers the phone, German ("Montag bis Freitag, 9 bis 12 Uhr").</summary>
    public string? Hours { get; set; }

    public List<ContactPerson> People { get; set; } = [];
}

/// <summary>A contact person: a name and what they answer for (German), and how to reach them.</summary>
public sealed class ContactPerson
{
    public string Name { get; set; } = "";

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
