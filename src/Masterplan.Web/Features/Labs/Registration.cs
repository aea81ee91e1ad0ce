using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// Stage 2, the residents' step (docs/domain.md#two-stage-draw): an invitee registers with the code from the letter and
/// answers what the quotas need. Used by the public registration page.
/// </summary>
public sealed class Registration(AppDbContext db, TimeProvider time)
{
    // Said where it is checked first and again where the unique index catches a simultaneous second attempt.
    private const string CodeUsed = "Mit diesem Code hat sich schon jemand angemeldet. Jeder Code gilt für eine Anmeldung.";

    /// <summary>The invitation a typed code belongs to, or a precise message at the field Code.</summary>
    public async Task<(LabInvitation? Invitation, NeighbourhoodLab? Lab, FieldError? Error)> FindCodeAsync(string? typed, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, null, new FieldError("Code", "Bitte geben Sie den Code aus Ihrem Einladungsschreiben ein."));
        }

        if (HashedCodes.HashOfTyped(typed) is not { } hash)
        {
            return (null, null, new FieldError("Code", "Dieser Code ist nicht richtig geschrieben. Ein Code hat zwölf Zeichen wie K7QM-3XTR-P9ZC (ohne 0, O, 1, I und L). Bitte prüfen Sie die Zeichen."));
        }

        var invitation = await db.LabInvitations.FirstOrDefaultAsync(i => i.CodeHash == hash, ct);
        if (invitation is null)
        {
            return (null, null, new FieldError("Code", "Diesen Code kennen wir nicht. Bitte prüfen Sie ihn; gilt er für ein neueres Schreiben, nehmen Sie den Code aus diesem."));
        }

        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == invitation.LabId, ct);
        if (invitation.UsedAt is not null)
        {
            return (null, lab, new FieldError("Code", CodeUsed));
        }

        if (lab.State != LabState.RegistrationOpen)
        {
            return (null, lab, lab.State < LabState.RegistrationOpen
                ? new FieldError("Code", "Die Anmeldung zu diesem Quartierslabor ist noch nicht geöffnet. Bitte versuchen Sie es später noch einmal.")
                : new FieldError("Code", "Die Anmeldung zu diesem Quartierslabor ist geschlossen."));
        }

        return (invitation, lab, null);
    }

    /// <summary>
    /// Stage 2: stores a registration with the answers the quotas need, for an invitation <see cref="FindCodeAsync"/>
    /// found open; the code can be used once.
    /// </summary>
    public async Task<Outcome> RegisterAsync(LabInvitation invitation, NeighbourhoodLab lab, RegistrationInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.AgeBand is null || !LabsModule.AgeBandLabels.Contains(input.AgeBand))
        {
            errors.Add("", "Bitte wählen Sie Ihre Altersgruppe.");
        }

        var gender = LabsModule.ParseGender(input.Gender);
        if (gender is null)
        {
            errors.Add("", "Bitte wählen Sie beim Geschlecht eine Angabe (auch „keine Angabe“ ist möglich).");
        }

        var answers = new List<string>();
        foreach (var (name, values) in LabCategories.Parse(lab.Categories).Categories)
        {
            var answer = input.Answers?.GetValueOrDefault(name);
            if (answer is null || !values.Contains(answer))
            {
                errors.Add("", "Bitte wählen Sie bei „{0}“ eine Angabe (auch „keine Angabe“ ist möglich).", name);
            }
            else
            {
                answers.Add($"{name}={answer}");
            }
        }

        var contact = input.Contact?.Trim();
        if (string.IsNullOrEmpty(contact))
        {
            errors.Add("", "Bitte geben Sie eine E-Mail-Adresse oder Telefonnummer an, damit wir Sie zum Labor erreichen.");
        }
        else if (contact.Length > 320 || !(contact.Contains('@', StringComparison.Ordinal) || contact.Count(char.IsDigit) >= 6))
        {
            errors.Add("", "Die Kontaktangabe ist weder eine E-Mail-Adresse noch eine Telefonnummer.");
        }

        if (input.Availability?.Length > 1000 || input.AccessibilityNeeds?.Length > 1000)
        {
            errors.Add("", "Die Angaben zu Terminen und Barrierefreiheit dürfen je höchstens 1000 Zeichen lang sein.");
        }

        if (!input.Consent)
        {
            errors.Add("", "Bitte bestätigen Sie, dass Sie mit der Verarbeitung Ihrer Angaben für das Quartierslabor einverstanden sind.");
        }

        if (errors.Count > 0)
        {
            return Outcome.From(errors);
        }

        var now = time.GetUtcNow();
        invitation.UsedAt = now;
        db.LabRegistrations.Add(new LabRegistration
        {
            LabId = lab.Id, InvitationId = invitation.Id, AgeBand = input.AgeBand!, Gender = gender!, Answers = answers.Count == 0 ? null : string.Join('\n', answers),
            Availability = Blank(input.Availability), AccessibilityNeeds = Blank(input.AccessibilityNeeds), Contact = contact!, RegisteredAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two submissions with the same code at once: the unique index lets only one through.
            db.ChangeTracker.Clear();
            return Outcome.Invalid("Code", CodeUsed);
        }

        return Outcome.Done;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a resident enters on the registration form.</summary>
public sealed record RegistrationInput(string? AgeBand, string? Gender, IReadOnlyDictionary<string, string>? Answers, string? Availability, string? AccessibilityNeeds, string? Contact, bool Consent);
