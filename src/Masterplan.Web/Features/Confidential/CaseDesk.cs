using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Masterplan.Algorithms.Invitations;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// Every rule of the confidential units, for the public forms, the mailbox and the units' pages: intake (checked
/// completely before anything is stored, stored in one save, encrypted), the mailbox (one answer for an unknown number
/// and a wrong secret, throttled per case and per address), and the unit's work (statuses and deadlines, notes, replies,
/// advice, forwarding only what the person agreed to). Every call for a unit names the unit, and a case of another unit
/// is "not found"; every read by a unit is audited in the unit's scope. Nothing here logs, and nothing about the sender's
/// connection reaches this class except the throttle's keyed hash of the address.
/// </summary>
public sealed partial class CaseDesk(
    AppDbContext db, FieldEncryption encryption, Locations locations, MailboxThrottle throttle, TimeProvider time, IOptions<ConfidentialOptions> options)
{
    public const string PlacePrefix = "Place";

    public ConfidentialOptions Options => options.Value;

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\+?[0-9 ()/\-]{3,40}$")]
    private static partial Regex Phone();

    /// <summary>Null when the text is acceptable; otherwise the reason, for the field.</summary>
    private static void CheckText(FieldErrors errors, string field, string? text, int max, bool required, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, missing);
            }

            return;
        }

        if (text.Length > max)
        {
            errors.Add(field, "Der Text ist {0} Zeichen lang; höchstens {1} Zeichen gehen.", text.Length, max);
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, "Der Text enthält Steuerzeichen. Bitte tippen Sie ihn neu oder kopieren Sie ihn ohne Formatierung.");
        }
        else if (Markup().IsMatch(text))
        {
            errors.Add(field, "Text in spitzen Klammern wie „<script>“ nehmen wir nicht an. Bitte schreiben Sie ohne < vor einem Buchstaben.");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Checks a complaint or report completely; stores it (case and files) in one save or not at all.</summary>
    public async Task<Outcome<CaseReceipt>> SubmitAsync(
        string unit, CaseInput input, LocationInput place, IReadOnlyList<UploadedAttachment> files, FieldError? guard, (string Name, string Email)? account, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (guard is not null)
        {
            errors.Add(guard);
        }

        var complaint = unit == ConfidentialModule.Complaints;
        if (input.Kind is null || !ConfidentialModule.KindsOf(unit).Contains(input.Kind))
        {
            errors.Add("Input.Kind", complaint ? "Bitte wählen Sie, um welche Behörde es geht." : "Bitte wählen Sie, welche Art von Übergriff es war.");
        }

        CheckText(errors, "Input.What", input.What, ConfidentialModule.MaxText, true, "Bitte schreiben Sie, was geschehen ist.");
        CheckText(errors, "Input.WhenText", input.WhenText, ConfidentialModule.MaxShort, false, "");
        CheckText(errors, "Input.Details", input.Details, ConfidentialModule.MaxText, false, "");
        var today = CityTime.Today(time);
        if (input.HappenedOn is { } day && day > today)
        {
            errors.Add("Input.HappenedOn", "Das Datum {0:dd.MM.yyyy} liegt in der Zukunft.", day.ToDateTime(TimeOnly.MinValue));
        }
        else if (!complaint && input.HappenedOn is null)
        {
            errors.Add("Input.HappenedOn", "Bitte geben Sie das Datum des Übergriffs an.");
        }

        if (!complaint)
        {
            if (input.Service is null || !ConfidentialModule.Services.Contains(input.Service))
            {
                errors.Add("Input.Service", "Bitte wählen Sie Ihren Dienst.");
            }

            CheckText(errors, "Input.Injuries", input.Injuries, ConfidentialModule.MaxShort * 4, false, "");
        }

        var way = input.ContactWay ?? ConfidentialModule.ContactMailbox;
        if (!ConfidentialModule.ContactWays.Contains(way))
        {
            errors.Add("Input.ContactWay", "Bitte wählen Sie, wie wir Sie erreichen dürfen.");
        }

        CheckText(errors, "Input.ContactName", input.ContactName, 200, false, "");
        var email = Blank(input.ContactEmail);
        if (way == ConfidentialModule.ContactEmail && (email is null || !MailModule.IsAddress(email)))
        {
            errors.Add("Input.ContactEmail", "Bitte geben Sie eine gültige E-Mail-Adresse an, wenn wir Ihnen schreiben sollen.");
        }

        var phone = Blank(input.ContactPhone);
        if (way == ConfidentialModule.ContactPhone && (phone is null || !Phone().IsMatch(phone)))
        {
            errors.Add("Input.ContactPhone", "Bitte geben Sie eine Telefonnummer an (nur Ziffern, Leerzeichen, +, /, - und Klammern).");
        }

        if (input.Forward.Any(f => !ConfidentialModule.ForwardFields.Contains(f)))
        {
            errors.Add("Input.Forward", "Diese Angabe zur Weitergabe kennen wir nicht.");
        }

        var resolved = await ResolvePlaceAsync(place, errors, ct);
        var attachments = CheckFiles(files, "Files", errors);
        if (errors.Count > 0)
        {
            return Outcome<CaseReceipt>.Invalid(errors);
        }

        var number = $"{(complaint ? 'B' : 'M')}-{InvitationCode.Create()}";
        var secret = MailboxSecret.Create();
        var (cipher, keyId, wrapped) = encryption.NewDataKey(number);
        var contact = way == ConfidentialModule.ContactMailbox && Blank(input.ContactName) is null
            ? null
            : string.Join('\n', new[] { ("Name", Blank(input.ContactName)), ("E-Mail", way == ConfidentialModule.ContactEmail ? email : null), ("Telefon", way == ConfidentialModule.ContactPhone ? phone : null) }
                .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}"));
        var received = new ConfidentialCase
        {
            Unit = unit, Number = number, SecretHash = MailboxSecret.Hash(secret, options.Value.SecretIterations), KeyId = keyId, WrappedKey = wrapped,
            ReceivedOn = today, AcknowledgeBy = today.AddDays(7), FeedbackBy = today.AddMonths(3), Kind = input.Kind!, Service = complaint ? null : input.Service,
            DistrictId = resolved?.DistrictId, ContactWay = way, SignedIn = !complaint && input.WithAccount && account is not null,
            ChargesPressed = !complaint && input.ChargesPressed, AdviceWanted = !complaint && input.AdviceWanted,
            ForwardConsent = complaint ? string.Join(',', ConfidentialModule.ForwardFields.Where(input.Forward.Contains)) : "",
            What = cipher.Encrypt(input.What!.Trim(), "what"),
            When = cipher.Encrypt(Blank(string.Join(", ", new[] { input.HappenedOn?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), Blank(input.WhenText) }.Where(s => s is not null))), "when"),
            Where = cipher.Encrypt(resolved?.Text, "where"),
            Details = cipher.Encrypt(Blank(input.Details), "details"),
            Injuries = complaint ? null : cipher.Encrypt(Blank(input.Injuries), "injuries"),
            Contact = cipher.Encrypt(Blank(contact), "contact"),
            Reporter = !complaint && input.WithAccount && account is { } a ? cipher.Encrypt($"{a.Name} <{a.Email}>", "reporter") : null,
        };
        foreach (var (name, media, bytes) in attachments)
        {
            received.Files.Add(new ConfidentialFile { MediaType = media, Size = bytes.Length, AddedOn = today, Name = cipher.EncryptBytes(Encoding.UTF8.GetBytes(name), "file-name"), Content = cipher.EncryptBytes(bytes, "file") });
        }

        db.ConfidentialCases.Add(received);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseReceipt>.Ok(new CaseReceipt(number, secret));
    }

    private sealed record PlaceText(int? DistrictId, string Text);

    /// <summary>Where: nothing, only a district, or a place through the map piece (which also gives the district).</summary>
    private async Task<PlaceText?> ResolvePlaceAsync(LocationInput place, FieldErrors errors, CancellationToken ct)
    {
        var noPoint = string.IsNullOrWhiteSpace(place.Address) && place.Choice is null && string.IsNullOrWhiteSpace(place.Latitude) && string.IsNullOrWhiteSpace(place.Longitude);
        if (noPoint)
        {
            if (place.DistrictId is not { } only)
            {
                return null;
            }

            var name = await db.Districts.Where(d => d.Id == only).Select(d => d.Name).FirstOrDefaultAsync(ct);
            if (name is null)
            {
                errors.Add($"{PlacePrefix}.{nameof(LocationInput.DistrictId)}", "Diesen Stadtbezirk gibt es nicht.");
                return null;
            }

            return new PlaceText(only, "Stadtbezirk " + name);
        }

        var resolved = await locations.ResolveAsync(place, PlacePrefix, districtRequired: false, ct);
        errors.AddRange(resolved.Errors);
        if (resolved.Value is not { } r)
        {
            return null;
        }

        var district = r.DistrictId is { } id ? await db.Districts.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        var text = string.Join(", ", new[] { r.Address, string.Create(CultureInfo.InvariantCulture, $"{r.Latitude:0.00000} {r.Longitude:0.00000}"), district is null ? null : "Stadtbezirk " + district }
            .Where(s => s is not null));
        return new PlaceText(r.DistrictId, text);
    }

    /// <summary>Photos re-encoded (no metadata), PDFs checked by their content; anything else refused by name.</summary>
    private List<(string Name, string MediaType, byte[] Bytes)> CheckFiles(IReadOnlyList<UploadedAttachment> files, string field, FieldErrors errors)
    {
        var accepted = new List<(string, string, byte[])>();
        if (files.Count > options.Value.MaxFiles)
        {
            errors.Add(field, "Bitte hängen Sie höchstens {0} Dateien an.", options.Value.MaxFiles);
            return accepted;
        }

        foreach (var file in files)
        {
            var shown = Path.GetFileName(file.Name.Trim());
            shown = shown.Length > 100 ? shown[..100] : shown;
            if (file.Bytes.Length > options.Value.MaxFileBytes)
            {
                errors.Add(field, "Die Datei „{0}“ ist größer als {1} MB.", shown, options.Value.MaxFileBytes / (1024 * 1024));
            }
            else if (UploadedFile.Detect(file.Bytes) == UploadedFile.Pdf)
            {
                accepted.Add((shown, UploadedFile.Pdf.MediaType, file.Bytes));
            }
            else if (UploadedFile.Detect(file.Bytes) is { } type && type != UploadedFile.Png && type != UploadedFile.Jpeg)
            {
                errors.Add(field, "Die Datei „{0}“ ist ein {1}. Bitte senden Sie Fotos (JPEG, PNG) oder PDF-Dateien.", shown, type.Label);
            }
            else
            {
                var image = ImageIntake.Accept(file.Bytes, field, shown, new ImageIntakeOptions { MaxBytes = options.Value.MaxFileBytes });
                errors.AddRange(image.Errors);
                if (image.Value is { } photo)
                {
                    accepted.Add((Path.ChangeExtension(shown, ".jpg"), "image/jpeg", photo.Jpeg));
                }
            }
        }

        return accepted;
    }

    /// <summary>A typed case number in its stored spelling, or null when it cannot be one.</summary>
    public static string? NormalizeNumber(string? typed)
    {
        var letters = new string([.. (typed ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return letters.Length == 13 && letters[0] is 'B' or 'M' && InvitationCode.TryNormalize(letters[1..], out var code)
            ? $"{letters[0]}-{code}"
            : null;
    }

    /// <summary>
    /// Opens a mailbox: the case's id, or null — the same null, after the same slow hash, for an unknown number, a wrong
    /// secret, a case whose mailbox is shut after too many wrong secrets, and an address that tried too often.
    /// </summary>
    public async Task<int?> OpenMailboxAsync(string? typedNumber, string? secret, string addressKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var number = NormalizeNumber(typedNumber);
        var found = number is null ? null : await db.ConfidentialCases.FirstOrDefaultAsync(c => c.Number == number && c.SecretHash != null, ct);
        var addressBlocked = throttle.IsBlocked(addressKey);
        var caseBlocked = found?.BlockedUntil is { } until && until > now;
        var right = MailboxSecret.Verify(secret, found?.SecretHash, options.Value.SecretIterations);
        if (found is not null && right && !caseBlocked && !addressBlocked)
        {
            if (found.FailedOpens > 0 || found.BlockedUntil is not null)
            {
                found.FailedOpens = 0;
                found.BlockedUntil = null;
                await db.SaveChangesAsync(ct);
            }

            return found.Id;
        }

        throttle.Fail(addressKey);
        if (found is not null && !caseBlocked)
        {
            found.FailedOpens++;
            if (found.FailedOpens >= options.Value.MaxFailedOpens)
            {
                found.FailedOpens = 0;
                found.BlockedUntil = now.AddMinutes(options.Value.BlockMinutes);
            }

            await db.SaveChangesAsync(ct);
        }

        return null;
    }

    private async Task<(ConfidentialCase Case, FieldCipher Cipher)?> LoadAsync(int id, string? unit, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.ConfidentialCases : db.ConfidentialCases.AsNoTracking();
        var found = await query.FirstOrDefaultAsync(c => c.Id == id && (unit == null || c.Unit == unit) && c.ContentDeletedOn == null, ct);
        return found is null ? null : (found, encryption.Open(found.KeyId, found.WrappedKey, found.Number));
    }

    private async Task<(List<MessageView> Messages, List<FileView> Files)> ThreadAsync(int caseId, FieldCipher cipher, bool withAuthors, CancellationToken ct)
    {
        var messages = await db.ConfidentialMessages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync(ct);
        var files = (await db.ConfidentialFiles.AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.MessageId, f.MediaType, f.Size, f.Name }).ToListAsync(ct))
            .Select(f => (f.MessageId, View: new FileView(f.Id, Encoding.UTF8.GetString(cipher.DecryptBytes(f.Name, "file-name")), f.MediaType, f.Size))).ToList();
        return (
            [.. messages.Select(m => new MessageView(m.Id, m.FromUnit, m.On, withAuthors ? m.AuthorName : null, cipher.Decrypt(m.Body, "message")!,
                [.. files.Where(f => f.MessageId == m.Id).Select(f => f.View)]))],
            [.. files.Where(f => f.MessageId is null).Select(f => f.View)]);
    }

    /// <summary>What the person sees; reading it clears the "new reply" mark. Not audited: the time of a visit could identify the person.</summary>
    public async Task<MailboxView?> MailboxAsync(int caseId, CancellationToken ct)
    {
        if (await LoadAsync(caseId, null, true, ct) is not var (found, cipher))
        {
            return null;
        }

        if (found.UnreadReply)
        {
            found.UnreadReply = false;
            await db.SaveChangesAsync(ct);
        }

        var (messages, files) = await ThreadAsync(found.Id, cipher, false, ct);
        return new MailboxView(found.Number, found.Unit, found.Status, messages, files);
    }

    /// <summary>The person answers or adds information and files through the mailbox.</summary>
    public async Task<Outcome> AddMessageAsync(int caseId, string? text, IReadOnlyList<UploadedAttachment> files, CancellationToken ct)
    {
        if (await LoadAsync(caseId, null, true, ct) is not var (found, cipher))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        CheckText(errors, "Text", text, ConfidentialModule.MaxText, true, "Bitte schreiben Sie eine Nachricht.");
        var attachments = CheckFiles(files, "Files", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var today = CityTime.Today(time);
        var message = new ConfidentialMessage { CaseId = found.Id, FromUnit = false, On = today, Body = cipher.Encrypt(text!.Trim(), "message")! };
        found.Messages.Add(message);
        found.UnreadMessage = true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (name, media, bytes) in attachments)
        {
            found.Files.Add(new ConfidentialFile { MessageId = message.Id, MediaType = media, Size = bytes.Length, AddedOn = today, Name = cipher.EncryptBytes(Encoding.UTF8.GetBytes(name), "file-name"), Content = cipher.EncryptBytes(bytes, "file") });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>A file of a case for the person (mailbox) or the unit (audited).</summary>
    public async Task<(string Name, string MediaType, byte[] Bytes)?> FileAsync(int caseId, string? unit, int fileId, CancellationToken ct)
    {
        if (await LoadAsync(caseId, unit, false, ct) is not var (found, cipher))
        {
            return null;
        }

        var file = await db.ConfidentialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.CaseId == found.Id, ct);
        if (file is null)
        {
            return null;
        }

        if (unit is not null)
        {
            db.Audit("confidential.file.read", nameof(ConfidentialCase), found.Id.ToString(CultureInfo.InvariantCulture), new { file = fileId }, scope: ConfidentialModule.Scope(unit));
            await db.SaveChangesAsync(ct);
        }

        return (Encoding.UTF8.GetString(cipher.DecryptBytes(file.Name, "file-name")), file.MediaType, cipher.DecryptBytes(file.Content, "file"));
    }

    /// <summary>The unit's list, newest first, open cases or all; the excerpts shown are a read, audited once per list.</summary>
    public async Task<List<CaseRow>> ListAsync(string unit, bool all, int page, int pageSize, CancellationToken ct)
    {
        var query = db.ConfidentialCases.AsNoTracking().Where(c => c.Unit == unit && c.ContentDeletedOn == null);
        if (!all)
        {
            query = query.Where(c => c.Status != ConfidentialModule.Closed);
        }

        // The page's ids first (a narrow sort), then only those rows with their encrypted excerpt: sorting every row with its
        // ciphertext made a later page of 10,000 cases slow on SQLite.
        var ids = await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Select(c => c.Id).ToListAsync(ct);
        var rows = (await db.ConfidentialCases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Status, c.Kind, c.ReceivedOn, c.AcknowledgeBy, c.FeedbackBy, c.AcknowledgedOn, c.FeedbackOn, c.UnreadMessage, c.KeyId, c.WrappedKey, c.What, c.IsDemo })
            .ToListAsync(ct)).OrderBy(c => ids.IndexOf(c.Id)).ToList();
        var list = rows.Select(c =>
        {
            var what = encryption.Open(c.KeyId, c.WrappedKey, c.Number).Decrypt(c.What, "what") ?? "";
            return new CaseRow(c.Id, c.Number, c.Status, c.Kind, c.ReceivedOn, c.AcknowledgeBy, c.FeedbackBy, c.AcknowledgedOn, c.FeedbackOn, c.UnreadMessage, Excerpts.Excerpt(what, 120), c.IsDemo);
        }).ToList();
        if (list.Count > 0)
        {
            db.Audit("confidential.cases.listed", nameof(ConfidentialCase), null, new { cases = list.Select(c => c.Id).ToArray() }, scope: ConfidentialModule.Scope(unit));
            await db.SaveChangesAsync(ct);
        }

        return list;
    }

    /// <summary>One case for its unit, decrypted; the read is audited in the unit's scope and clears the "new message" mark.</summary>
    public async Task<CaseView?> GetAsync(string unit, int id, CancellationToken ct)
    {
        if (await LoadAsync(id, unit, true, ct) is not var (c, cipher))
        {
            return null;
        }

        c.UnreadMessage = false;
        db.Audit("confidential.case.read", nameof(ConfidentialCase), c.Id.ToString(CultureInfo.InvariantCulture), scope: ConfidentialModule.Scope(unit));
        await db.SaveChangesAsync(ct);
        var (messages, files) = await ThreadAsync(c.Id, cipher, true, ct);
        var notes = (await db.ConfidentialNotes.AsNoTracking().Where(n => n.CaseId == c.Id).OrderBy(n => n.Id).ToListAsync(ct))
            .Select(n => new NoteView(n.At, n.AuthorName, cipher.Decrypt(n.Body, "note")!)).ToList();
        var district = c.DistrictId is { } d ? await db.Districts.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new CaseView(
            c.Id, c.Unit, c.Number, c.Status, c.Kind, c.Service, district, c.ReceivedOn, c.AcknowledgeBy, c.FeedbackBy, c.AcknowledgedOn, c.FeedbackOn, c.ClosedOn,
            c.OutcomeCategory, c.ContactWay, c.SignedIn, c.ChargesPressed, c.AdviceWanted, c.ForwardConsent.Split(',', StringSplitOptions.RemoveEmptyEntries), c.ForwardedOn,
            cipher.Decrypt(c.What, "what"), cipher.Decrypt(c.When, "when"), cipher.Decrypt(c.Where, "where"), cipher.Decrypt(c.Details, "details"),
            cipher.Decrypt(c.Injuries, "injuries"), cipher.Decrypt(c.Contact, "contact"), cipher.Decrypt(c.Reporter, "reporter"), cipher.Decrypt(c.Advice, "advice"),
            cipher.Decrypt(c.OutcomeText, "outcome"), messages, notes, files, c.ContentDeletedOn is not null, c.IsDemo);
    }

    /// <summary>
    /// Moves a case to a status. "Ergebnis mitgeteilt" needs the outcome category (and sends the outcome text to the mailbox);
    /// "abgeschlossen" needs an outcome recorded. The deadlines count as kept on the day of acknowledgement and of the outcome.
    /// </summary>
    public async Task<Outcome> SetStatusAsync(string unit, int id, string? status, string? outcome, string? outcomeText, CancellationToken ct)
    {
        if (await LoadAsync(id, unit, true, ct) is not var (c, cipher))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        if (status is null || !ConfidentialModule.Statuses.Contains(status))
        {
            errors.Add("Status", "Bitte wählen Sie einen Status.");
        }

        if (status == ConfidentialModule.Discussed && unit != ConfidentialModule.Complaints)
        {
            errors.Add("Status", "„Mit der Behörde besprochen“ gibt es nur bei Beschwerden.");
        }

        if (status == ConfidentialModule.Outcome && (outcome is null || !ConfidentialModule.OutcomesOf(unit).Contains(outcome)))
        {
            errors.Add("OutcomeCategory", "Bitte wählen Sie das Ergebnis.");
        }

        if (status == ConfidentialModule.Outcome)
        {
            CheckText(errors, "OutcomeText", outcomeText, ConfidentialModule.MaxText, true, "Bitte schreiben Sie, was Sie der Person als Ergebnis mitteilen.");
        }

        if (status == ConfidentialModule.Closed && c.OutcomeCategory is null)
        {
            errors.Add("Status", "Bitte teilen Sie erst ein Ergebnis mit, bevor Sie den Fall abschließen.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var today = CityTime.Today(time);
        var before = c.Status;
        c.Status = status!;
        if (status != ConfidentialModule.Received)
        {
            c.AcknowledgedOn ??= today;
        }

        if (status == ConfidentialModule.Acknowledged && before == ConfidentialModule.Received)
        {
            Reply(c, cipher, today, "Ihre Nachricht ist bei uns angekommen. Wir prüfen sie und melden uns hier in Ihrem Postfach. Bitte schauen Sie ab und zu hinein.");
        }

        if (status == ConfidentialModule.Outcome)
        {
            c.OutcomeCategory = outcome;
            c.OutcomeText = cipher.Encrypt(outcomeText!.Trim(), "outcome");
            c.FeedbackOn ??= today;
            Reply(c, cipher, today, outcomeText.Trim());
        }

        c.ClosedOn = status == ConfidentialModule.Closed ? today : null;
        db.Audit("confidential.case.status", nameof(ConfidentialCase), c.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?[]> { ["Status"] = [before, status], ["OutcomeCategory"] = [null, c.OutcomeCategory] }, scope: ConfidentialModule.Scope(unit));
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    private void Reply(ConfidentialCase c, FieldCipher cipher, DateOnly today, string text)
    {
        c.Messages.Add(new ConfidentialMessage { FromUnit = true, On = today, AuthorName = db.CurrentActorName(), Body = cipher.Encrypt(text, "message")! });
        c.UnreadReply = true;
    }

    /// <summary>The unit answers in the person's mailbox.</summary>
    public async Task<Outcome> ReplyAsync(string unit, int id, string? text, CancellationToken ct) =>
        await WriteAsync(unit, id, "Reply", text, "Bitte schreiben Sie eine Antwort.", "confidential.case.replied", (c, cipher, today) => Reply(c, cipher, today, text!.Trim()), ct);

    /// <summary>An internal note (never shown to the person).</summary>
    public async Task<Outcome> AddNoteAsync(string unit, int id, string? text, CancellationToken ct) =>
        await WriteAsync(unit, id, "Note", text, "Bitte schreiben Sie eine Notiz.", "confidential.case.noted",
            (c, cipher, _) => c.Notes.Add(new ConfidentialNote { At = time.GetUtcNow(), AuthorName = db.CurrentActorName(), Body = cipher.Encrypt(text!.Trim(), "note")! }), ct);

    /// <summary>The advice given (on pressing charges, on rights); replaces the earlier text.</summary>
    public async Task<Outcome> SaveAdviceAsync(string unit, int id, string? text, CancellationToken ct) =>
        await WriteAsync(unit, id, "Advice", text, "Bitte schreiben Sie, wie Sie beraten haben.", "confidential.case.advised",
            (c, cipher, _) => c.Advice = cipher.Encrypt(text!.Trim(), "advice"), ct);

    private async Task<Outcome> WriteAsync(
        string unit, int id, string field, string? text, string missing, string action, Action<ConfidentialCase, FieldCipher, DateOnly> write, CancellationToken ct)
    {
        if (await LoadAsync(id, unit, true, ct) is not var (c, cipher))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        CheckText(errors, field, text, ConfidentialModule.MaxText, true, missing);
        if (errors.Count > 0)
        {
            return errors;
        }

        write(c, cipher, CityTime.Today(time));
        db.Audit(action, nameof(ConfidentialCase), c.Id.ToString(CultureInfo.InvariantCulture), scope: ConfidentialModule.Scope(unit));
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>
    /// What may go to the authority: only the fields the person agreed to, as text for the unit to pass on. Recording it
    /// as passed on is audited with the field names (not their content).
    /// </summary>
    public async Task<Outcome<string>> ForwardAsync(string unit, int id, bool record, CancellationToken ct)
    {
        if (await GetAsync(unit, id, ct) is not { } view)
        {
            return Outcome<string>.NotFound();
        }

        if (view.ForwardConsent.Count == 0)
        {
            return Outcome<string>.Invalid("Forward", "Die Person hat einer Weitergabe nicht zugestimmt. Ohne ihre Zustimmung geben wir nichts an die Behörde.");
        }

        var text = new StringBuilder().Append("Fall ").Append(view.Number).Append(" (").Append(ConfidentialModule.KindLabel(view.Kind)).AppendLine(")");
        foreach (var field in view.ForwardConsent)
        {
            var value = field switch { "what" => view.What, "when" => view.When, "where" => view.Where, "details" => view.Details, _ => view.Contact };
            if (value is not null)
            {
                text.AppendLine().Append(field).Append(": ").AppendLine(value);
            }
        }

        if (record)
        {
            var c = await db.ConfidentialCases.FirstAsync(x => x.Id == id, ct);
            c.ForwardedOn = CityTime.Today(time);
            db.Audit("confidential.case.forwarded", nameof(ConfidentialCase), c.Id.ToString(CultureInfo.InvariantCulture), new { fields = view.ForwardConsent }, scope: ConfidentialModule.Scope(unit));
            await db.SaveChangesAsync(ct);
        }

        return Outcome<string>.Ok(text.ToString());
    }
}
