using System.Globalization;
using System.Security.Claims;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>Settings of the Meldungen (<c>ServiceRequests:*</c>).</summary>
public sealed class ServiceRequestOptions
{
    /// <summary>Days a double opt-in link stays valid.</summary>
    public int ConfirmLinkDays { get; set; } = 7;

    /// <summary>Days after a report is closed until its contact data and unpublished photos are deleted.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Radius in metres in which open reports of the same category are shown before sending (duplicate deterrence).</summary>
    public double DuplicateRadiusMetres { get; set; } = 50;

    public ImageIntakeOptions Photos { get; set; } = new();
}

/// <summary>
/// What a resident sends: the category as its service code, and the place as the map piece's <see cref="LocationInput"/>
/// (typed address, a choice among ambiguous addresses, or coordinates as typed; the district while no boundaries exist).
/// </summary>
public sealed record ReportInput(string? Category, string? Description, LocationInput Place, string? ReporterName, string? Email)
{
    /// <summary>A description of the place stored when the point came from coordinates, not from the address list (Open311's <c>address_string</c> next to lat/long).</summary>
    public string? PlaceNote { get; init; }

    /// <summary>The receipt number issued with the form: the same form sent twice is one report with one receipt.</summary>
    public string? Receipt { get; init; }

    /// <summary>Answers to the category's extra questions, by question id (<see cref="ServiceCategoryQuestion"/>).</summary>
    public IReadOnlyDictionary<int, string?> Answers { get; init; } = new Dictionary<int, string?>();
}

/// <summary>A photo as uploaded: its content and the file name it was sent with.</summary>
public sealed record PhotoUpload(Stream Content, string? FileName);

/// <summary>The where and what of a report, checked: the first step of the form.</summary>
public sealed record CheckedPlace(ServiceCategory Category, double Latitude, double Longitude, District District, string? Address)
{
    /// <summary>The point and the address came from the address list (not from typed coordinates with a note).</summary>
    public bool FromAddressList { get; init; }
}

/// <summary>A status change by staff.</summary>
public sealed record StatusInput(string? Status, string? Note, int? DuplicateOfId, string? ForwardedTo);

/// <summary>
/// Meldungen from the form to the last status, shared by the pages and (through the module's public API) the Open311
/// API: every rule of the issue's bad-input list lives here once. A report is acknowledged only after its commit.
/// </summary>
public sealed class ServiceRequestDesk(
    AppDbContext db, Locations locations, ServiceCatalogue catalogue, TimeProvider time, IOptions<MailOptions> mailOptions, IOptions<ServiceRequestOptions> options)
    : IConfirmLinks
{
    private ServiceCatalogueSnapshot? _catalogue;
    /// <summary>The name under which forms bind the place (<see cref="ReportInput.Place"/>); field messages are "Place.Address", ….</summary>
    public const string PlacePrefix = "Place";

    public ServiceRequestOptions Options => options.Value;

    /// <summary>The categories, questions and districts a report is checked against; read once per request (this service is scoped).</summary>
    public async Task<ServiceCatalogueSnapshot> CatalogueAsync(CancellationToken ct) => _catalogue ??= await catalogue.GetAsync(db, ct);

    /// <summary>Checks category, coordinates, district and address; on success the resolved rows.</summary>
    public async Task<Outcome<CheckedPlace>> CheckPlaceAsync(ReportInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ServiceCategory? category = null;
        var code = Clean(input.Category, multiline: false);
        if (code.Length == 0)
        {
            errors.Add("Category", "Bitte wählen Sie, was Sie melden möchten.");
        }
        else
        {
            category = (await CatalogueAsync(ct)).ActiveByCode.GetValueOrDefault(code)?.Category;
            if (category is null)
            {
                errors.Add("Category", "Die Kategorie „{0}“ gibt es nicht. Bitte wählen Sie eine aus der Liste.", Shorten(code));
            }
        }

        // The map piece's one check: address, choice or coordinates, "in Dortmund", and the district (from the boundaries,
        // or as chosen while none are imported). Its messages are under "Place.*", the form's names.
        var catalogue = await CatalogueAsync(ct);
        var located = await locations.ResolveAsync(input.Place, PlacePrefix, districtRequired: true, ct, catalogue.Districts.ContainsKey);
        errors.AddRange(located.Errors);
        District? district = null;
        if (located.Kind == OutcomeKind.Done)
        {
            district = catalogue.Districts.GetValueOrDefault(located.Value!.DistrictId ?? 0);
            if (district is null)
            {
                errors.Add(PlacePrefix + "." + nameof(LocationInput.DistrictId), "Bitte wählen Sie den Stadtbezirk, in dem der Ort liegt.");
            }
        }

        var address = located.Value?.Address ?? Blank(Clean(input.PlaceNote, multiline: false));
        if (address?.Length > ServiceRequestsModule.MaxAddressLength)
        {
            errors.Add(PlacePrefix + "." + nameof(LocationInput.Address), "Die Adresse darf höchstens {0} Zeichen lang sein.", ServiceRequestsModule.MaxAddressLength);
        }

        return errors.Count > 0 ? errors : Outcome<CheckedPlace>.Ok(new CheckedPlace(category!, located.Value!.Latitude, located.Value.Longitude, district!, address)
        {
            FromAddressList = located.Value.Address is not null,
        });
    }

    /// <summary>
    /// Checks and stores a report with its photos in one transaction; on success it is committed before this returns, and
    /// the answer carries the receipt number. Nothing is stored when anything is wrong.
    /// </summary>
    /// <param name="refused">The public form's own refusal (<see cref="FormGuard"/>), reported with the field messages.</param>
    public async Task<Outcome<(ServiceRequest Request, string Receipt)>> SubmitAsync(ReportInput input, IReadOnlyList<PhotoUpload> photos, FieldError? refused, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (refused is not null)
        {
            errors.Add(refused);
        }

        var place = await CheckPlaceAsync(input, ct);
        errors.AddRange(place.Errors);

        var description = Clean(input.Description, multiline: true);
        if (description.Length == 0)
        {
            errors.Add("Description", "Bitte beschreiben Sie, was nicht in Ordnung ist.");
        }
        else if (description.Length > ServiceRequestsModule.MaxDescriptionLength)
        {
            errors.Add("Description", "Ihre Beschreibung ist {0} Zeichen lang; möglich sind höchstens {1}. Bitte kürzen Sie sie.", description.Length, ServiceRequestsModule.MaxDescriptionLength);
        }

        var name = Blank(Clean(input.ReporterName, multiline: false));
        if (name?.Length > 200)
        {
            errors.Add("ReporterName", "Der Name darf höchstens 200 Zeichen lang sein.");
        }

        var email = Blank(Clean(input.Email, multiline: false));
        if (email is not null && !MailModule.IsAddress(email))
        {
            errors.Add("Email", "Das ist keine gültige E-Mail-Adresse. Lassen Sie das Feld leer, wenn Sie keine Nachricht über den Stand möchten.");
        }

        var answers = new List<ServiceRequestAnswer>();
        var answered = new List<(string Prompt, string Value)>();
        if (place.Value?.Category is { } asked)
        {
            foreach (var question in await QuestionsAsync(asked.Id, ct))
            {
                var value = ExtraQuestions.CheckAnswer(question, Clean(input.Answers.GetValueOrDefault(question.Id), multiline: false), AnswerField(question.Id),
                    ServiceRequestsModule.MaxAnswerLength, errors);
                if (value is not null)
                {
                    answers.Add(new ServiceRequestAnswer { QuestionId = question.Id, Value = value });
                    answered.Add((question.Prompt, value));
                }
            }
        }

        var images = new List<IntakeImage>();
        if (photos.Count > ServiceRequestsModule.MaxPhotos)
        {
            errors.Add("Photos", "Sie können höchstens {0} Fotos senden; Sie haben {1} gewählt.", ServiceRequestsModule.MaxPhotos, photos.Count);
        }
        else
        {
            foreach (var photo in photos)
            {
                var accepted = await ImageIntake.AcceptAsync(photo.Content, "Photos", photo.FileName, options.Value.Photos, ct);
                if (accepted.Kind == OutcomeKind.Done)
                {
                    images.Add(accepted.Value!);
                }
                else
                {
                    errors.AddRange(accepted.Errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var issuedHash = input.Receipt is { } issued ? HashedCodes.HashOfTyped(issued) : null;
        var (receipt, receiptHash) = issuedHash is not null ? (input.Receipt!, issuedHash) : HashedCodes.Create();

        // Only a receipt number issued with the form can have been sent before; a new random one cannot (Open311 clients).
        if (issuedHash is not null && await SentBeforeAsync(receiptHash, ct) is { } before)
        {
            return Outcome<(ServiceRequest, string)>.Ok((before, receipt));
        }

        var now = time.GetUtcNow();
        var (category, lat, lon, district, address) = place.Value!;
        var request = new ServiceRequest
        {
            ReceiptHash = receiptHash, CategoryId = category.Id, Description = description, Latitude = lat, Longitude = lon, Address = address,
            DistrictId = district.Id, Status = ServiceRequestsModule.Open, ReporterName = name, ReporterEmail = email,
        };
        var token = EmailOptIn.Issue(request, now, options.Value.ConfirmLinkDays);
        db.ServiceRequests.Add(request);
        try
        {
            // The report and its photos are one submission: stored together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var answer in answers)
            {
                answer.ServiceRequestId = request.Id;
            }

            db.ServiceRequestAnswers.AddRange(answers);
            db.ServiceRequestPhotos.AddRange(images.Select((image, i) => new ServiceRequestPhoto
            {
                ServiceRequestId = request.Id, Position = i + 1, Jpeg = image.Jpeg, Width = image.Width, Height = image.Height, CreatedAt = now,
            }));

            // The mails that tell of it are stored with it (they need its number), so a report that is "received" is never unmailed.
            await QueueDepartmentMailAsync(request, category, district, images.Count, answered, ct);
            if (token is not null)
            {
                Queue(email!, "Bitte bestätigen Sie Ihre E-Mail-Adresse für Ihre Meldung",
                    $"""
                    Guten Tag,

                    Sie haben der Stadt Dortmund einen Mangel gemeldet („{category.Name}“, Meldung Nr. {request.Id}) und möchten über den Stand informiert werden.
                    Bitte bestätigen Sie dafür Ihre E-Mail-Adresse mit diesem Link (gültig bis {CityTime.Local(request.ConfirmTokenExpiresAt!.Value):dd.MM.yyyy HH:mm} Uhr):

                    {mailOptions.Value.Link("/meldungen/bestaetigen/" + token)}

                    Ohne Bestätigung schicken wir Ihnen nichts. Ihre Adresse wird nie veröffentlicht und {options.Value.RetentionDays} Tage nach dem Abschluss der Meldung gelöscht.
                    Wenn Sie nichts gemeldet haben, können Sie diese Nachricht einfach löschen.

                    Stadt Dortmund, Masterplan Kommunale Sicherheit
                    """);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same form, sent again while the first was being stored: that one counts.
            db.ChangeTracker.Clear();
            if (await SentBeforeAsync(receiptHash, ct) is { } first)
            {
                return Outcome<(ServiceRequest, string)>.Ok((first, receipt));
            }

            throw;
        }

        return Outcome<(ServiceRequest, string)>.Ok((request, receipt));
    }

    /// <summary>The extra questions of a category, in order.</summary>
    public async Task<IReadOnlyList<ServiceCategoryQuestion>> QuestionsAsync(int categoryId, CancellationToken ct) =>
        (await CatalogueAsync(ct)).ActiveByCode.Values.FirstOrDefault(c => c.Category.Id == categoryId)?.Questions
        ?? await db.ServiceCategoryQuestions.AsNoTracking().Where(q => q.CategoryId == categoryId).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);

    /// <summary>The field of an answer's messages (<c>Answer12</c>, the id of its input); Open311 names it <c>attribute[frage-12]</c>.</summary>
    public static string AnswerField(int questionId) => "Answer" + questionId.ToString(CultureInfo.InvariantCulture);

    private async Task<ServiceRequest?> SentBeforeAsync(string receiptHash, CancellationToken ct) =>
        await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ReceiptHash == receiptHash, ct);

    /// <summary>The department learns of a new report: at its routing address, or else at its staff accounts. No personal data in it.</summary>
    private async Task QueueDepartmentMailAsync(ServiceRequest request, ServiceCategory category, District district, int photos,
        IReadOnlyList<(string Prompt, string Value)> answered, CancellationToken ct)
    {
        var to = category.RoutingEmail is { Length: > 0 } routing ? [routing] : await StaffAddressesAsync(category.DepartmentId, ct);
        var body = $"""
            Guten Tag,

            eine neue Meldung ist eingegangen:

            Kategorie: {category.Name}
            Stadtbezirk: {district.Name}
            Ort: {request.Address ?? "(keine Adresse angegeben)"} ({request.Latitude.ToString("0.00000", CultureInfo.InvariantCulture)}, {request.Longitude.ToString("0.00000", CultureInfo.InvariantCulture)})
            Fotos: {photos} (erscheinen erst nach Ihrer Freigabe)

            {request.Description}
            {string.Concat(answered.Select(a => $"\n{a.Prompt} {a.Value}"))}

            Bearbeiten: {mailOptions.Value.Link("/verwaltung/meldungen/" + request.Id.ToString(CultureInfo.InvariantCulture))}
            Fällig nach {category.OverdueAfterDays} Tagen.
            """;
        foreach (var address in to)
        {
            Queue(address, $"Neue Meldung Nr. {request.Id}: {category.Name}", body);
        }
    }

    private Task<List<string>> StaffAddressesAsync(int departmentId, CancellationToken ct) =>
        db.Users.Where(u => !u.IsDisabled && u.Email != null && u.DepartmentId == departmentId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.DepartmentStaff)))
            .Select(u => u.Email!).ToListAsync(ct);

    /// <summary>What a double opt-in link is, without using it.</summary>
    public async Task<ConfirmLink> CheckLinkAsync(string? token, CancellationToken ct) =>
        (await EmailOptIn.FindAsync(db.ServiceRequests, token, time.GetUtcNow(), ct)).State;

    /// <summary>Confirms the address of a valid link.</summary>
    public Task<ConfirmLink> ConfirmAsync(string? token, CancellationToken ct) => EmailOptIn.ConfirmAsync(db, db.ServiceRequests, token, time.GetUtcNow(), ct);

    /// <summary>A "me too" from one browser (<paramref name="browserId"/> is its random cookie value) for a public report still being processed.</summary>
    public async Task<Outcome> SupportAsync(int requestId, string browserId, CancellationToken ct)
    {
        var request = await db.ServiceRequests.AsNoTracking().Where(r => r.Id == requestId && r.IsPublic).Select(r => new { r.Status }).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return Outcome.NotFound();
        }

        if (ServiceRequestsModule.IsFinal(request.Status))
        {
            return Outcome.Invalid("", "Diese Meldung ist abgeschlossen und kann nicht mehr unterstützt werden.");
        }

        var hash = HashedCodes.Hash(browserId);
        const string twice = "Sie haben diese Meldung schon unterstützt. Jede Meldung zählt pro Browser einmal.";
        if (await db.ServiceRequestSupports.AnyAsync(s => s.ServiceRequestId == requestId && s.BrowserHash == hash, ct))
        {
            return Outcome.Invalid("", twice);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ServiceRequestSupports.Add(new ServiceRequestSupport { ServiceRequestId = requestId, BrowserHash = hash, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid("", twice);
        }

        // Not through the change tracker: a support is not a change of the report (its Modified stays).
        await db.ServiceRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SupportCount, r => r.SupportCount + 1), ct);
        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The department a member of staff handles: null for the Office (all), a department id for DepartmentStaff, or none.</summary>
    public async Task<(bool All, int? Department)> ScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Office))
        {
            return (true, null);
        }

        if (!user.IsInRole(Roles.DepartmentStaff) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return (false, null);
        }

        return (false, await db.Users.Where(u => u.Id == id).Select(u => u.DepartmentId).FirstOrDefaultAsync(ct));
    }

    /// <summary>The reports <paramref name="user"/> may handle: all for the Office, their department's categories for DepartmentStaff.</summary>
    public async Task<IQueryable<ServiceRequest>> HandledByAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var (all, department) = await ScopeAsync(user, ct);
        if (all)
        {
            return db.ServiceRequests;
        }

        if (department is not { } d)
        {
            return db.ServiceRequests.Where(_ => false);
        }

        var categories = db.ServiceCategories.Where(c => c.DepartmentId == d).Select(c => c.Id);
        return db.ServiceRequests.Where(r => categories.Contains(r.CategoryId));
    }

    /// <summary>
    /// Changes the status with a public note (mailed to a confirmed reporter), audited. A report of another department is
    /// "not found", so its existence is not revealed either.
    /// </summary>
    public async Task<Outcome> ChangeStatusAsync(int id, StatusInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await (await HandledByAsync(user, ct)).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        var status = Clean(input.Status, multiline: false);
        if (!ServiceRequestsModule.Statuses.Contains(status))
        {
            errors.Add("Status", "Bitte wählen Sie einen der Status aus der Liste.");
        }
        else if (status == request.Status && status != ServiceRequestsModule.Duplicate && status != ServiceRequestsModule.NotResponsible)
        {
            errors.Add("Status", "Die Meldung hat diesen Status schon. Für eine Ergänzung wählen Sie bitte den nächsten Schritt.");
        }

        var note = Clean(input.Note, multiline: true);
        if (note.Length == 0)
        {
            errors.Add("Note", "Bitte schreiben Sie eine öffentliche Notiz: Sie steht auf der Seite der Meldung und geht an die meldende Person.");
        }
        else if (note.Length > ServiceRequestsModule.MaxNoteLength)
        {
            errors.Add("Note", "Die Notiz ist {0} Zeichen lang; möglich sind höchstens {1}.", note.Length, ServiceRequestsModule.MaxNoteLength);
        }

        int? duplicateOf = null;
        string? forwardedTo = null;
        if (status == ServiceRequestsModule.Duplicate)
        {
            if (input.DuplicateOfId is not { } original)
            {
                errors.Add("DuplicateOfId", "Bitte geben Sie die Nummer der Meldung an, die diese wiederholt.");
            }
            else if (original == id)
            {
                errors.Add("DuplicateOfId", "Eine Meldung kann nicht sich selbst wiederholen.");
            }
            else if (!await db.ServiceRequests.AnyAsync(r => r.Id == original, ct))
            {
                errors.Add("DuplicateOfId", "Eine Meldung Nr. {0} gibt es nicht.", original);
            }
            else
            {
                duplicateOf = original;
            }
        }

        if (status == ServiceRequestsModule.NotResponsible)
        {
            forwardedTo = Blank(Clean(input.ForwardedTo, multiline: false));
            if (forwardedTo is null)
            {
                errors.Add("ForwardedTo", "Bitte geben Sie an, an wen die Meldung weitergeleitet wurde.");
            }
            else if (forwardedTo.Length > 300)
            {
                errors.Add("ForwardedTo", "Die Angabe darf höchstens 300 Zeichen lang sein.");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var before = request.Status;
        request.Status = status;
        request.DuplicateOfId = duplicateOf;
        request.ForwardedTo = forwardedTo;
        request.ClosedAt = ServiceRequestsModule.IsFinal(status) ? request.ClosedAt ?? now : null;
        var update = new ServiceRequestUpdate
        {
            ServiceRequestId = id, Status = status, Note = note, At = now, ByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), ByName = db.CurrentActorName(),
        };
        db.ServiceRequestUpdates.Add(update);
        db.Audit("serviceRequest.status", nameof(ServiceRequest), Id(request), new { Status = new[] { before, status }, DuplicateOf = duplicateOf, ForwardedTo = forwardedTo });
        if (request is { ReporterEmail: { } to, EmailConfirmedAt: not null })
        {
            // Queued with the change itself: the reporter hears of every status that was stored.
            var category = await db.ServiceCategories.AsNoTracking().FirstAsync(c => c.Id == request.CategoryId, ct);
            update.MailedAt = now;
            Queue(to, $"Ihre Meldung Nr. {request.Id}: {ServiceRequestsModule.StatusLabel(status)}",
                $"""
                Guten Tag,

                Ihre Meldung „{category.Name}“ (Nr. {request.Id}) hat einen neuen Stand: {ServiceRequestsModule.StatusLabel(status)}.

                {note}

                Die Meldung: {mailOptions.Value.Link("/meldungen/" + Id(request))}

                Stadt Dortmund, Masterplan Kommunale Sicherheit
                """);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>
    /// The Office takes a report off the public pages (list, page, map, feed, Open311, overview) with a reason, or puts it
    /// back; audited. The reason is for staff only: nothing is published or mailed about it.
    /// </summary>
    public async Task<Outcome> SetPublicAsync(int id, bool isPublic, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Office))
        {
            return Outcome.NotFound();
        }

        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome.NotFound();
        }

        var why = Clean(reason, multiline: true);
        if (!isPublic && why.Length == 0)
        {
            return Outcome.Invalid("HiddenReason", "Bitte begründen Sie, warum die Meldung nicht mehr öffentlich sein soll; die Begründung sehen nur Mitarbeitende.");
        }

        if (why.Length > ServiceRequestsModule.MaxNoteLength)
        {
            return Outcome.Invalid("HiddenReason", "Die Begründung ist {0} Zeichen lang; möglich sind höchstens {1}.", why.Length, ServiceRequestsModule.MaxNoteLength);
        }

        if (request.IsPublic == isPublic)
        {
            return Outcome.Invalid("HiddenReason", isPublic ? "Die Meldung ist schon öffentlich." : "Die Meldung ist schon nicht mehr öffentlich.");
        }

        request.IsPublic = isPublic;
        request.HiddenReason = isPublic ? null : why;
        db.Audit(isPublic ? "serviceRequest.published" : "serviceRequest.hidden", nameof(ServiceRequest), Id(request), new { Reason = why.Length == 0 ? null : why });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Publishes or rejects a photo (nothing is public before), audited.</summary>
    public async Task<Outcome> ModeratePhotoAsync(int requestId, int photoId, bool publish, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await (await HandledByAsync(user, ct)).AnyAsync(r => r.Id == requestId, ct))
        {
            return Outcome.NotFound();
        }

        var photo = await db.ServiceRequestPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.ServiceRequestId == requestId, ct);
        if (photo is null)
        {
            return Outcome.NotFound();
        }

        var before = photo.Moderation;
        photo.Moderation = publish ? ServiceRequestsModule.PhotoPublished : ServiceRequestsModule.PhotoRejected;
        photo.ModeratedAt = time.GetUtcNow();
        db.Audit("serviceRequest.photo." + (publish ? "published" : "rejected"), nameof(ServiceRequestPhoto), photoId.ToString(CultureInfo.InvariantCulture),
            new { Request = requestId, Moderation = new[] { before, photo.Moderation } });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Whether a report waits longer than its category allows.</summary>
    public static bool IsOverdue(string status, DateTimeOffset created, int overdueAfterDays, DateTimeOffset now) =>
        !ServiceRequestsModule.IsFinal(status) && created.AddDays(overdueAfterDays) < now;

    private void Queue(string to, string subject, string body) => db.QueueMail(MailModule.Create(mailOptions.Value, to, subject, body), "Meldungen");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;


    private static string Id(ServiceRequest r) => r.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    /// <summary>The text without control characters, line ends as \n, trimmed; single-line fields lose their line breaks too.</summary>
    internal static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (ch == '\n' && multiline)
            {
                sb.Append('\n');
            }
            else if (ch == '\t' || (ch == '\n' && !multiline))
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(ch) && ch is not '\u2028' and not '\u2029' and not '\u200B' and not '\uFEFF')
            {
                sb.Append(ch);
            }
        }

        return sb.ToString().Trim();
    }
}
