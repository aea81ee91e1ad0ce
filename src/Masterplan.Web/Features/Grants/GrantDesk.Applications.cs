using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants;

public sealed partial class GrantDesk
{
    // ---- Associations ----

    /// <summary>
    /// An association registers with its first person: an account without any role and a confirmation link by mail. The
    /// role <see cref="Roles.Applicant"/> comes with the confirmation, so an unconfirmed address opens nothing.
    /// </summary>
    public async Task<Outcome> RegisterAsync(RegisterInput input, FieldError? guard, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (guard is not null)
        {
            errors.Add(guard);
        }

        var now = time.GetUtcNow();
        Association? joining = null;
        string? name = null;
        string? address = null;
        if (Blank(input.InviteCode) is { } code)
        {
            var hash = HashedCodes.HashOfTyped(code);
            joining = hash is null ? null : await db.Associations.FirstOrDefaultAsync(a => a.InviteCodeHash == hash && a.InviteCodeExpiresAt > now, ct);
            if (joining is null)
            {
                errors.Add("Input.InviteCode", "Den Einladungscode kennen wir nicht, oder er ist abgelaufen. Bitte lassen Sie sich einen neuen geben.");
            }
        }
        else
        {
            name = Blank(input.AssociationName);
            if (name is null || name.Length > GrantsModule.MaxTitle)
            {
                errors.Add("Input.AssociationName", "Bitte geben Sie den Namen des Vereins oder der Initiative an (höchstens {0} Zeichen).", GrantsModule.MaxTitle);
            }

            address = Blank(input.Address);
            if (address is null || address.Length > 500)
            {
                errors.Add("Input.Address", "Bitte geben Sie die Postanschrift an (höchstens 500 Zeichen); an sie geht der Bescheid.");
            }
        }

        var person = Blank(input.PersonName);
        if (person is null || person.Length > 200)
        {
            errors.Add("Input.PersonName", "Bitte geben Sie Ihren Namen an (höchstens 200 Zeichen).");
        }

        var email = Blank(input.Email);
        var known = false;
        if (email is null || !MailModule.IsAddress(email))
        {
            errors.Add("Input.Email", "Bitte geben Sie eine gültige E-Mail-Adresse an; an sie schicken wir den Bestätigungslink.");
        }
        else
        {
            // The form must not tell whether an address has an account: a known address gets the same answer, and its
            // owner gets a mail saying so instead of a confirmation link.
            known = await users.FindByEmailAsync(email) is not null;
        }

        if (!input.Consent)
        {
            errors.Add("Input.Consent", "Ohne Ihre Einwilligung können wir Ihre Angaben für den Antrag nicht speichern.");
        }

        var user = new AppUser { UserName = email, Email = email, DisplayName = person ?? "", CreatedAt = time.GetUtcNow() };
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("Input.Password", "Bitte wählen Sie ein Passwort.");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, input.Password);
                foreach (var e in result.Errors)
                {
                    errors.Add("Input.Password", e.Description);
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (known)
        {
            // The password is hashed as for a new account, so the answer takes as long either way.
            _ = users.PasswordHasher.HashPassword(user, input.Password!);
            Queue(email!, "Ihr Konto für das Förderprogramm", $"""
                Guten Tag,

                mit Ihrer E-Mail-Adresse wollte sich jemand für das Förderprogramm des Masterplans Kommunale Sicherheit registrieren.
                Für diese Adresse gibt es schon ein Konto. Bitte melden Sie sich an:

                {mailOptions.Value.Link("/konto/anmelden")}

                Haben Sie Ihr Passwort vergessen, können Sie hier ein neues wählen:

                {mailOptions.Value.Link("/konto/passwort-vergessen")}

                Waren Sie das nicht, brauchen Sie nichts zu tun.
                """);
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }

        var member = new AssociationMember { UserId = user.Id, Email = email, JoinedAt = now };
        var token = EmailOptIn.Issue(member, now, options.Value.ConfirmLinkDays)!;
        // Account, association and member in one transaction: nothing partial stored.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var created = await users.CreateAsync(user, input.Password!);
            if (!created.Succeeded)
            {
                return Outcome.Invalid(created.Errors.Select(e => new FieldError("Input.Email", e.Description)));
            }

            var association = joining ?? new Association { Name = name!, Address = address, RegisteredAt = now };
            if (joining is null)
            {
                db.Associations.Add(association);
                await db.SaveChangesAsync(ct);
            }

            name = association.Name;
            member.AssociationId = association.Id;
            db.AssociationMembers.Add(member);
            Queue(email!, "Bitte bestätigen Sie Ihr Konto für das Förderprogramm", $"""
                Guten Tag {person},

                Sie haben sich für „{name}“ beim Förderprogramm des Masterplans Kommunale Sicherheit registriert.
                Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link (gültig bis {CityTime.Local(member.ConfirmTokenExpiresAt!.Value):dd.MM.yyyy HH:mm} Uhr):

                {mailOptions.Value.Link("/foerderung/bestaetigen/" + token)}

                Danach können Sie sich anmelden und Anträge stellen.
                """);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return Outcome.Done;
    }

    /// <summary>A new code with which a further person registers for the association (valid 14 days; shown once, only its hash stored).</summary>
    public async Task<string> NewInviteCodeAsync(int associationId, CancellationToken ct)
    {
        var association = await db.Associations.FirstAsync(a => a.Id == associationId, ct);
        var (code, hash) = HashedCodes.Create();
        association.InviteCodeHash = hash;
        association.InviteCodeExpiresAt = time.GetUtcNow().AddDays(14);
        db.Audit("grants.association.invite", nameof(Association), associationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return code;
    }

    public async Task<ConfirmLink> CheckLinkAsync(string? token, CancellationToken ct) =>
        (await EmailOptIn.FindAsync(db.AssociationMembers, token, time.GetUtcNow(), ct)).State;

    /// <summary>Confirms the address and gives the account the role <see cref="Roles.Applicant"/>.</summary>
    public async Task<ConfirmLink> ConfirmAsync(string? token, CancellationToken ct)
    {
        var (state, member) = await EmailOptIn.FindAsync(db.AssociationMembers, token, time.GetUtcNow(), ct);
        if (state != ConfirmLink.Valid)
        {
            return state;
        }

        var user = await users.FindByIdAsync(member!.UserId);
        if (user is null)
        {
            return ConfirmLink.Unknown;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        member.EmailConfirmedAt = time.GetUtcNow();
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        if (!await users.IsInRoleAsync(user, Roles.Applicant))
        {
            await users.AddToRoleAsync(user, Roles.Applicant);
        }

        db.Audit("grants.account.confirmed", nameof(AssociationMember), member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return state;
    }

    /// <summary>The association the signed-in applicant acts for; null when the account is none (or not confirmed).</summary>
    public Task<int?> AssociationOfAsync(string? userId, CancellationToken ct) =>
        db.AssociationMembers.Where(m => m.UserId == userId && m.EmailConfirmedAt != null).Select(m => (int?)m.AssociationId).FirstOrDefaultAsync(ct);

    // ---- Applications ----

    /// <summary>Starts a draft for an open call; one application per association and call.</summary>
    public async Task<Outcome<int>> StartAsync(int callId, int associationId, CancellationToken ct)
    {
        var call = await PublicCallAsync(callId, ct);
        if (call is null)
        {
            return Outcome<int>.NotFound();
        }

        return await db.RetryOnUniqueViolationAsync(async () =>
        {
            var existing = await db.GrantApplications.Where(a => a.CallId == callId && a.AssociationId == associationId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return Outcome<int>.Ok(id);
            }

            if (!IsOpen(call))
            {
                return Outcome<int>.Invalid("", "Die Frist dieses Aufrufs ist abgelaufen ({0:dd.MM.yyyy HH:mm} Uhr).", CityTime.Local(call.Deadline));
            }

            var application = new GrantApplication { CallId = callId, AssociationId = associationId, Status = GrantStatus.Draft, CreatedAt = time.GetUtcNow() };
            db.GrantApplications.Add(application);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Ok(application.Id);
        });
    }

    /// <summary>An application of the association with its lines; null for another association's.</summary>
    public Task<GrantApplication?> OwnApplicationAsync(int id, int associationId, CancellationToken ct) =>
        db.GrantApplications.Include(a => a.Lines.OrderBy(l => l.Position)).FirstOrDefaultAsync(a => a.Id == id && a.AssociationId == associationId, ct);

    /// <summary>
    /// Saves a draft, or (<paramref name="submit"/>) sends it: then everything must be there, the lines must add up to the
    /// requested amount plus co-funding, the amount must not exceed the call's maximum, and the deadline (Dortmund time,
    /// the server's clock) must not have passed — except when the Office asked for more.
    /// </summary>
    public async Task<Outcome> SaveApplicationAsync(int id, int associationId, ApplicationInput input, bool submit, CancellationToken ct)
    {
        var application = await OwnApplicationAsync(id, associationId, ct);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        if (application.Status is not (GrantStatus.Draft or GrantStatus.Incomplete))
        {
            return Outcome.Invalid("", "Der Antrag ist abgeschickt und kann nicht mehr geändert werden.");
        }

        var call = await db.GrantCalls.AsNoTracking().FirstAsync(c => c.Id == application.CallId, ct);
        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        if (submit && application.Status == GrantStatus.Draft && now >= call.Deadline)
        {
            errors.Add("", "Die Frist ist am {0:dd.MM.yyyy} um {0:HH:mm} Uhr abgelaufen; der Antrag kann nicht mehr abgeschickt werden.", CityTime.Local(call.Deadline));
        }

        string? Text(string field, string? value, int max, string missing, string tooLong)
        {
            var text = Blank(value);
            if (text is null && submit)
            {
                errors.Add(field, missing);
            }
            else if (text?.Length > max)
            {
                errors.Add(field, tooLong, max);
            }

            return text;
        }

        var title = Text("Input.ProjectTitle", input.ProjectTitle, GrantsModule.MaxTitle, "Bitte geben Sie den Titel des Projekts an.", "Der Titel ist zu lang (höchstens {0} Zeichen).");
        var description = Text("Input.Description", input.Description, GrantsModule.MaxText, "Bitte beschreiben Sie das Projekt.", "Die Beschreibung ist zu lang (höchstens {0} Zeichen).");
        var target = Text("Input.TargetGroup", input.TargetGroup, GrantsModule.MaxShort, "Bitte nennen Sie die Zielgruppe.", "Die Zielgruppe ist zu lang beschrieben (höchstens {0} Zeichen).");
        var contactName = Text("Input.ContactName", input.ContactName, 200, "Bitte nennen Sie eine Ansprechperson.", "Der Name ist zu lang (höchstens {0} Zeichen).");
        var contactEmail = Blank(input.ContactEmail);
        if ((contactEmail is null && submit) || (contactEmail is not null && !MailModule.IsAddress(contactEmail)))
        {
            errors.Add("Input.ContactEmail", "Bitte geben Sie eine gültige E-Mail-Adresse der Ansprechperson an.");
        }

        var phone = Blank(input.ContactPhone);
        if (phone is not null && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9 ()/\-]{3,40}$"))
        {
            errors.Add("Input.ContactPhone", "Die Telefonnummer darf nur Ziffern, Leerzeichen, +, /, - und Klammern enthalten (z. B. 0231 50-0).");
        }

        var districts = input.DistrictIds.Distinct().ToList();
        var known = await db.Set<District>().Where(d => districts.Contains(d.Id)).CountAsync(ct);
        if (known != districts.Count)
        {
            errors.Add("Input.DistrictIds", "Bitte wählen Sie Stadtbezirke aus der Liste.");
        }
        else if (districts.Count == 0 && submit)
        {
            errors.Add("Input.DistrictIds", "Bitte wählen Sie mindestens einen Stadtbezirk, in dem das Projekt stattfindet.");
        }

        if (submit && (input.StartsOn is null || input.EndsOn is null))
        {
            errors.Add("Input.StartsOn", "Bitte geben Sie Beginn und Ende des Projekts an.");
        }
        else if (input.StartsOn > input.EndsOn)
        {
            errors.Add("Input.EndsOn", "Das Projekt endet ({0:dd.MM.yyyy}) vor seinem Beginn ({1:dd.MM.yyyy}).", input.EndsOn!.Value.ToDateTime(TimeOnly.MinValue), input.StartsOn!.Value.ToDateTime(TimeOnly.MinValue));
        }

        long? requested = null;
        long? coFunding = null;
        if (input.Requested is not null || submit)
        {
            requested = EuroAmount.Check(errors, "Input.Requested", input.Requested, "Die beantragte Summe");
        }

        if (input.CoFunding is not null)
        {
            coFunding = EuroAmount.Check(errors, "Input.CoFunding", input.CoFunding, "Die Eigen- und Drittmittel", zeroAllowed: true);
        }

        if (requested > call.MaxPerProjectCents)
        {
            errors.Add("Input.Requested", "Die beantragte Summe ({0}) ist höher als der Höchstbetrag je Projekt in diesem Aufruf ({1}).", Euro(requested.Value), Euro(call.MaxPerProjectCents));
        }

        var lines = new List<GrantBudgetLine>();
        var filled = input.Lines.Select((l, i) => (Line: l, Index: i)).Where(x => Blank(x.Line.Label) is not null || x.Line.Amount is not null).ToList();
        if (filled.Count > GrantsModule.MaxLines)
        {
            errors.Add("Input.Lines", "Ein Finanzplan hat höchstens {0} Zeilen.", GrantsModule.MaxLines);
        }

        foreach (var (line, index) in filled)
        {
            var label = Blank(line.Label);
            if (label is null || label.Length > GrantsModule.MaxTitle)
            {
                errors.Add($"Input.Lines[{index}].Label", "Zeile {0} des Finanzplans: Bitte sagen Sie, wofür das Geld ist (höchstens {1} Zeichen).", index + 1, GrantsModule.MaxTitle);
            }

            var amount = EuroAmount.Check(errors, $"Input.Lines[{index}].Amount", line.Amount, new FieldError("", "Zeile {0} des Finanzplans", index + 1));
            lines.Add(new GrantBudgetLine { Position = lines.Count + 1, Label = label ?? "", AmountCents = amount ?? 0 });
        }

        if (submit && filled.Count == 0)
        {
            errors.Add("Input.Lines", "Bitte stellen Sie den Finanzplan mit mindestens einer Zeile auf.");
        }

        var total = lines.Sum(l => l.AmountCents);
        if (submit && errors.Count == 0 && total != requested!.Value + (coFunding ?? 0))
        {
            errors.Add("Input.Lines", "Der Finanzplan geht nicht auf: Die Zeilen ergeben {0}, beantragte Summe und Eigen- und Drittmittel zusammen {1}.", Euro(total), Euro(requested.Value + (coFunding ?? 0)));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        application.ProjectTitle = title ?? "";
        application.Description = description ?? "";
        application.TargetGroup = target ?? "";
        application.DistrictIds = districts;
        application.StartsOn = input.StartsOn;
        application.EndsOn = input.EndsOn;
        application.RequestedCents = requested ?? 0;
        application.CoFundingCents = coFunding ?? 0;
        application.ContactName = contactName;
        application.ContactEmail = contactEmail;
        application.ContactPhone = phone;
        db.GrantBudgetLines.RemoveRange(application.Lines);
        application.Lines = lines;
        if (submit)
        {
            application.Status = GrantStatus.Submitted;
            application.SubmittedAt = now;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (submit && application.ReceiptNumber is null)
        {
            application.ReceiptNumber = ReceiptNumber(call.Year, application.Id);
            await db.SaveChangesAsync(ct);
        }

        if (submit)
        {
            await QueueForAssociationAsync(associationId, $"Eingangsbestätigung Förderantrag {application.ReceiptNumber}", $"""
                Guten Tag,

                Ihr Antrag „{application.ProjectTitle}“ zum Aufruf „{call.Title}“ ist am {CityTime.Local(now):dd.MM.yyyy} um {CityTime.Local(now):HH:mm} Uhr eingegangen.
                Eingangsnummer: {application.ReceiptNumber}
                Beantragte Summe: {Euro(application.RequestedCents)}

                Die Geschäftsstelle prüft, ob er vollständig ist. Den Stand sehen Sie unter {mailOptions.Value.Link("/foerderung/antraege/" + application.Id)}.
                """, ct);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    public static string ReceiptNumber(int year, int id) => $"F-{year}-{id:0000}";

    /// <summary>A file of the application: a document for the application (while it can be changed) or a receipt for the proof of use.</summary>
    public async Task<Outcome> AddFileAsync(int id, int associationId, string? title, string fileName, byte[] data, bool receipt, CancellationToken ct)
    {
        var application = await db.GrantApplications.FirstOrDefaultAsync(a => a.Id == id && a.AssociationId == associationId, ct);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        var allowed = receipt ? application.Status == GrantStatus.Approved : application.Status is GrantStatus.Draft or GrantStatus.Incomplete;
        if (!allowed)
        {
            return Outcome.Invalid("Upload", receipt ? "Belege gehören zum Verwendungsnachweis eines bewilligten Projekts." : "Der Antrag ist abgeschickt; Unterlagen können nur noch auf Nachforderung ergänzt werden.");
        }

        var errors = new FieldErrors();
        var name = Blank(title);
        if (name is null || name.Length > GrantsModule.MaxTitle)
        {
            errors.Add("UploadTitle", "Bitte sagen Sie, was die Datei ist (höchstens {0} Zeichen).", GrantsModule.MaxTitle);
        }

        if (UploadedFile.TooLarge(fileName, data.Length, options.Value.MaxFileBytes) is { } tooLarge)
        {
            errors.Add(tooLarge with { Field = "Upload" });
        }
        else if (data.Length == 0)
        {
            errors.Add("Upload", "Bitte wählen Sie eine Datei.");
        }

        UploadedFile.FileType? type = null;
        if (errors.Count == 0)
        {
            (type, var error) = UploadedFile.Check(fileName, data);
            if (error is not null)
            {
                errors.Add(error with { Field = "Upload" });
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.GrantFiles.Add(new GrantFile
        {
            ApplicationId = id, IsReceipt = receipt, Title = name!, FileName = Path.GetFileName(fileName), MediaType = type!.MediaType, Sha512 = UploadedFile.Sha512Hex(data),
            Length = data.Length, UploadedAt = time.GetUtcNow(), Data = data,
        });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The files of an application, without their content.</summary>
    public Task<List<GrantFileView>> FilesAsync(int applicationId, CancellationToken ct) =>
        db.GrantFiles.Where(f => f.ApplicationId == applicationId).OrderBy(f => f.Id)
            .Select(f => new GrantFileView(f.Id, f.Title, f.FileName, f.MediaType, f.Length, f.IsReceipt, f.UploadedAt)).ToListAsync(ct);

    // ---- Completeness ----

    /// <summary>The Office's completeness check: complete (on to review) or a Nachforderung the applicant sees.</summary>
    public async Task<Outcome> CheckCompletenessAsync(int id, CompletenessInput input, CancellationToken ct)
    {
        var application = await db.GrantApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || application.Status == GrantStatus.Draft)
        {
            return Outcome.NotFound();
        }

        if (application.Status != GrantStatus.Submitted)
        {
            return Outcome.Invalid("", "Nur eingegangene Anträge werden auf Vollständigkeit geprüft.");
        }

        var missing = Blank(input.Missing);
        if (!input.Complete && (missing is null || missing.Length > GrantsModule.MaxShort))
        {
            return Outcome.Invalid("Missing", "Bitte schreiben Sie, was fehlt (höchstens {0} Zeichen); das sieht der Verein.", GrantsModule.MaxShort);
        }

        application.Status = input.Complete ? GrantStatus.InReview : GrantStatus.Incomplete;
        application.MissingNote = input.Complete ? null : missing;
        if (!input.Complete)
        {
            await QueueForAssociationAsync(application.AssociationId, $"Nachforderung zu Ihrem Förderantrag {application.ReceiptNumber}", $"""
                Guten Tag,

                zu Ihrem Antrag „{application.ProjectTitle}“ fehlt noch etwas:

                {missing}

                Bitte ergänzen Sie den Antrag unter {mailOptions.Value.Link("/foerderung/antraege/" + application.Id)} und schicken Sie ihn wieder ab.
                """, ct);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}

/// <summary>A file of an application as lists show it.</summary>
public sealed record GrantFileView(int Id, string Title, string FileName, string MediaType, long Length, bool IsReceipt, DateTimeOffset UploadedAt);
