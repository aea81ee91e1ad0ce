using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masterplan.Algorithms;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.Sortition;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// The two-stage draw of a lab (docs/domain.md#two-stage-draw): register extract, invitees, letters, registrations and the panel.
/// The algorithms live in Masterplan.Algorithms; here they meet the database, the Office's forms and the public.
/// </summary>
public sealed class LabDraws(AppDbContext db, TimeProvider time, IOptions<LabsOptions> options)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    // Each said where it is checked first and again where the unique index catches a simultaneous second attempt.
    private const string AlreadyDrawn = "Für dieses Labor wurde schon gelost. Eine Auslosung wird nicht wiederholt.";
    private const string CodeUsed = "Mit diesem Code hat sich schon jemand angemeldet. Jeder Code gilt für eine Anmeldung.";
    private const string AlreadySelected = "Die Teilnehmenden sind schon ausgelost. Eine Auslosung wird nicht wiederholt.";

    /// <summary>
    /// Imports a register extract: every check of the reader, German line-numbered messages, and nothing stored
    /// unless the whole file is valid. A new import replaces an earlier one as long as nobody was drawn.
    /// </summary>
    public async Task<Outcome> ImportAsync(int labId, Stream csv, string fileName, DateOnly? referenceDate, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        if (lab.State != LabState.ConceptApproved)
        {
            return Outcome.Invalid("", "Einen Melderegister-Auszug importieren Sie, wenn das Konzept beschlossen ist und bevor Einladungen versandt sind.");
        }

        if (await db.InviteeDraws.AnyAsync(d => d.LabId == labId, ct))
        {
            return Outcome.Invalid("", "Für dieses Labor wurde schon gelost; der Auszug lässt sich nicht mehr ersetzen.");
        }

        if (referenceDate is null)
        {
            return Outcome.Invalid("", "Bitte geben Sie den Stichtag des Auszugs an.");
        }

        RegisterExtract extract;
        try
        {
            extract = RegisterExtractReader.Read(csv, fileName, new RegisterReadOptions { ReferenceDate = referenceDate.Value });
        }
        catch (RegisterExtractException e)
        {
            var messages = new FieldErrors();
            messages.Add("", "Der Auszug wurde nicht importiert: {0} Fehler. Eine Datei mit Fehlern wird gar nicht übernommen.", e.Errors.Count + e.Omitted);
            messages.AddRange(e.Errors.Select(Translate));
            if (e.Omitted > 0)
            {
                messages.Add("", "… und {0} weitere Fehler.", e.Omitted);
            }

            return messages;
        }

        if (extract.Count == 0)
        {
            return Outcome.Invalid("", "Der Auszug enthält keine Einwohnerinnen und Einwohner.");
        }

        // One transaction, written in batches without change tracking of earlier batches: 600,000 rows stay within memory.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.RegisterEntries.Where(r => r.LabId == labId).ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            const int batch = 5_000;
            for (var start = 0; start < extract.Count; start += batch)
            {
                for (var i = start; i < Math.Min(start + batch, extract.Count); i++)
                {
                    db.RegisterEntries.Add(new RegisterEntry
                    {
                        LabId = labId, RowIndex = i, Line = extract.LineOf(i), Name = extract.NameOf(i), Address = extract.AddressOf(i), BirthYear = extract.BirthYearOf(i),
                        Gender = GenderCode(extract.GenderOf(i)), District = extract.Districts[extract.DistrictIndexOf(i)],
                        SubDistrict = extract.SubDistrictIndexOf(i) < 0 ? null : extract.SubDistricts[extract.SubDistrictIndexOf(i)],
                    });
                }

                if (start + batch >= extract.Count)
                {
                    // Only the fact and the fingerprint go to the audit log, never the residents.
                    db.Audit("lab.register.imported", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture),
                        new { rows = extract.Count, rowsSha256 = extract.RowsSha256, referenceDate = referenceDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done;
    }

    /// <summary>The stored extract as the algorithms see it (file order).</summary>
    public async Task<RegisterExtract?> LoadExtractAsync(int labId, CancellationToken ct)
    {
        var rows = await db.RegisterEntries.AsNoTracking().Where(r => r.LabId == labId).OrderBy(r => r.RowIndex).ToListAsync(ct);
        return rows.Count == 0
            ? null
            : RegisterExtract.FromPersons(rows.Select(r => new RegisterPerson(r.Line, r.Name, r.Address, r.BirthYear, ParseGender(r.Gender), r.District, r.SubDistrict)), DortmundDistricts.Names);
    }

    /// <summary>Stage 1: draws the invitees with the seed from a public act and stores the record (docs/domain.md#two-stage-draw).</summary>
    public async Task<Outcome> DrawAsync(int labId, int? count, string? method, string? seed, DateOnly? referenceDate, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        var errors = new FieldErrors();
        if (lab.State != LabState.ConceptApproved)
        {
            errors.Add("", "Gelost wird, wenn das Konzept beschlossen ist und bevor Einladungen versandt sind.");
        }

        if (await db.InviteeDraws.AnyAsync(d => d.LabId == labId, ct))
        {
            errors.Add("", AlreadyDrawn);
        }

        CheckSeed(errors, seed, "Bitte geben Sie den Startwert (Seed) an, der in einem öffentlichen Akt bestimmt wurde, z. B. die in öffentlicher Sitzung gezogenen Zahlen.");

        if (method is not ("simple" or "stratified"))
        {
            errors.Add("", "Bitte wählen Sie das Verfahren: einfache oder geschichtete Zufallsstichprobe.");
        }

        if (referenceDate is null)
        {
            errors.Add("", "Bitte geben Sie den Stichtag an.");
        }

        var extract = errors.Count > 0 ? null : await LoadExtractAsync(labId, ct);
        if (errors.Count == 0 && extract is null)
        {
            errors.Add("", "Es ist kein Melderegister-Auszug importiert.");
        }

        if (count is null or < 1)
        {
            errors.Add("", "Bitte geben Sie an, wie viele Personen eingeladen werden (mindestens 1).");
        }
        else if (extract is not null && count > extract.Count)
        {
            errors.Add("", "Es sollen {0} Personen eingeladen werden, der Auszug enthält aber nur {1}.", count, extract.Count);
        }

        if (errors.Count > 0)
        {
            return Outcome.From(errors);
        }

        var samplingMethod = method == "stratified" ? SamplingMethod.Stratified : SamplingMethod.Simple;
        var result = InviteeDraw.Draw(extract!, count!.Value, samplingMethod, referenceDate!.Value, seed!.Trim());
        db.InviteeDraws.Add(new InviteeDrawRecord
        {
            LabId = labId, Seed = result.Seed, Method = method!, ReferenceDate = result.ReferenceDate, InputHash = result.InputSha256, Rows = extract!.Count,
            Count = result.Invitees.Count, DrawnAt = time.GetUtcNow(),
        });
        foreach (var index in result.Invitees)
        {
            db.LabInvitations.Add(new LabInvitation { LabId = labId, RowIndex = index });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A second click or a colleague drew at the same moment: the unique index keeps the first draw.
            db.ChangeTracker.Clear();
            return Outcome.Invalid("", AlreadyDrawn);
        }

        return Outcome.Done;
    }

    /// <summary>
    /// Makes the invitation letters as one PDF: a new code for every invitation that was not used yet, stored only as
    /// its SHA-256; the code itself is printed on the letter and nowhere else. Making them again invalidates the
    /// earlier letters' codes, so it is possible only until the extract is deleted and registration opens.
    /// </summary>
    public async Task<(byte[]? Pdf, Outcome Result)> LettersAsync(int labId, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        if (lab.State is not (LabState.ConceptApproved or LabState.InvitationsSent))
        {
            return (null, Outcome.Invalid("", "Einladungsschreiben entstehen nach der Auslosung und bevor die Anmeldung öffnet."));
        }

        var invitations = await db.LabInvitations.Where(i => i.LabId == labId && i.UsedAt == null).OrderBy(i => i.RowIndex).ToListAsync(ct);
        if (invitations.Count == 0)
        {
            return (null, Outcome.Invalid("", "Es sind noch keine Einzuladenden gelost."));
        }

        var indices = invitations.Select(i => i.RowIndex).ToList();
        var people = await db.RegisterEntries.AsNoTracking().Where(r => r.LabId == labId && indices.Contains(r.RowIndex)).ToDictionaryAsync(r => r.RowIndex, ct);
        if (people.Count != invitations.Count)
        {
            return (null, Outcome.Invalid("", "Der Melderegister-Auszug ist schon gelöscht; Einladungsschreiben lassen sich nicht mehr erzeugen."));
        }

        var taken = (await db.LabInvitations.Where(i => i.CodeHash != null).Select(i => i.CodeHash!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codes = HashedCodes.CreateUnused(invitations.Count, taken);

        var letters = new List<Block>();
        for (var i = 0; i < invitations.Count; i++)
        {
            invitations[i].CodeHash = HashedCodes.Hash(codes[i]);
            letters.AddRange(Letter(lab, people[invitations[i].RowIndex], codes[i]));
        }

        lab.LettersCreatedAt = time.GetUtcNow();
        if (lab.State == LabState.ConceptApproved)
        {
            lab.State = LabState.InvitationsSent;
        }

        db.Audit("lab.letters.created", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture), new { letters = invitations.Count });
        var document = new Document($"Einladungen zum Quartierslabor {lab.District}, {lab.QuarterLabel}", letters)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = "Einladungsschreiben Quartierslabor",
            // Each letter is counted on its own: "Seite 1 von 1" is what the resident holds.
            NumberPagesPerSection = true,
        };
        var pdf = PdfRenderer.Render(document);
        await db.SaveChangesAsync(ct);
        return (pdf, Outcome.Done);
    }

    private IEnumerable<Block> Letter(NeighbourhoodLab lab, RegisterEntry person, string code)
    {
        var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/quartierslabore/anmeldung?code={code}";
        yield return new Paragraph($"{person.Name}\n{person.Address.Replace(", ", "\n", StringComparison.Ordinal)}");
        yield return new Paragraph($"Dortmund, {CityTime.Today(time).ToString("dd.MM.yyyy", German)}");
        yield return new Heading(1, $"Einladung zum Quartierslabor {lab.District}");
        yield return new Paragraph("Guten Tag,");
        yield return new Paragraph(
            $"die Stadt Dortmund lädt Sie zum Quartierslabor in {lab.District} ein ({lab.QuarterLabel}). Im Quartierslabor sprechen Bewohnerinnen und Bewohner " +
            "über Sicherheit, den öffentlichen Raum und das Zusammenleben im Stadtbezirk. Am Ende schreiben Sie selbst Empfehlungen, was die Stadt tun soll.");
        yield return new Paragraph(
            "Sie haben diesen Brief, weil Ihr Name aus dem Melderegister ausgelost wurde. Jede und jeder hatte die gleiche Chance. " +
            "Wenn Sie mitmachen möchten, melden Sie sich bitte mit Ihrem persönlichen Code an. Aus allen Anmeldungen wird dann noch einmal gelost, " +
            "damit die Gruppe so vielfältig ist wie der Stadtbezirk.");
        yield return KeyValueList.Of(("Ihr Code", code), ("Anmeldung im Internet", $"{options.Value.PublicBaseUrl.TrimEnd('/')}/quartierslabore/anmeldung"));
        // 4 pixels per module print sharply at 35 mm (no smoothing in PDF) and keep 3,000 letters within seconds, not minutes.
        yield return new Figure(QrCode.Png(url, pixelsPerModule: 4), $"QR-Code: führt zur Anmeldung mit Ihrem Code {code}") { WidthMm = 35 };
        yield return new Paragraph(
            "Ihre Adresse wird nach dem Versand der Einladungen gelöscht. Die Anmeldung ist freiwillig. Wenn Sie nicht mitmachen möchten, müssen Sie nichts tun.");
        yield return new Paragraph("Mit freundlichen Grüßen\nIhre Geschäftsstelle Masterplan Kommunale Sicherheit");
        yield return new PageBreak();
    }

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
        foreach (var (name, values) in LabsModule.ParseCategories(lab.Categories))
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

    /// <summary>
    /// The pool for stage 2: every registration as a respondent with its quota values, in registration order. Gender is
    /// stored as a code; the quota lines name its German word ("Geschlecht; weiblich; 4; 6"), so the pool uses the word.
    /// </summary>
    public static IReadOnlyList<Respondent> Respondents(NeighbourhoodLab lab, IReadOnlyList<LabRegistration> registrations)
    {
        var categories = LabsModule.ParseCategories(lab.Categories);
        return registrations.OrderBy(r => r.Id).Select(r =>
        {
            var answers = (r.Answers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).Where(a => a.Length == 2).ToDictionary(a => a[0], a => a[1]);
            var features = new Dictionary<string, string> { [LabsModule.AgeCategory] = r.AgeBand, [LabsModule.GenderCategory] = LabsModule.GenderLabel(r.Gender) };
            foreach (var (name, _) in categories)
            {
                features[name] = answers.GetValueOrDefault(name) ?? LabsModule.NoAnswer;
            }

            return new Respondent(r.RespondentId, features);
        }).ToList();
    }

    /// <summary>A starting point for the quota form: every value that occurs, from 0 to the panel size.</summary>
    public static string SuggestQuotas(IReadOnlyList<Respondent> pool, int panelSize) =>
        string.Join('\n', pool.SelectMany(r => r.Features).Select(f => (f.Key, f.Value)).Distinct().OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}; {f.Value}; 0; {panelSize}")));

    /// <summary>SHA-256 of the canonical stage-2 input: algorithm, panel size, quotas and the pool (pseudonyms and their values).</summary>
    public static string SelectionInputHash(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize, string algorithm)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"masterplan lab panel v1\nalgorithm: {algorithm}\npanel: {panelSize}\n");
        foreach (var q in quotas)
        {
            text.Append(CultureInfo.InvariantCulture, $"quota\t{q.Category}\t{q.Value}\t{q.Min}\t{q.Max}\n");
        }

        foreach (var r in pool)
        {
            text.Append(r.Id);
            foreach (var (k, v) in r.Features.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append('\t').Append(k).Append('=').Append(v);
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString().Normalize(NormalizationForm.FormC))));
    }

    /// <summary>Reads "Kategorie; Wert; min; max" per line; German messages for what is malformed.</summary>
    public static (List<Quota> Quotas, FieldErrors Errors) ParseQuotas(string? text)
    {
        var quotas = new List<Quota>();
        var errors = new FieldErrors();
        var lineNumber = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || parts[0].Length == 0 || parts[1].Length == 0
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var min) || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                errors.Add("", "Quotenzeile {0}: erwartet wird „Kategorie; Wert; Mindestzahl; Höchstzahl“, z. B. „Geschlecht; weiblich; 4; 6“.", lineNumber);
                continue;
            }

            if (min > max)
            {
                errors.Add("", "Quotenzeile {0}: Für {1} = {2} liegt die Mindestzahl {3} über der Höchstzahl {4}.", lineNumber, parts[0], parts[1], min, max);
            }

            if (quotas.Any(q => q.Category == parts[0] && q.Value == parts[1]))
            {
                errors.Add("", "Quotenzeile {0}: Für {1} = {2} gibt es schon eine Quote.", lineNumber, parts[0], parts[1]);
                continue;
            }

            quotas.Add(new Quota(parts[0], parts[1], min, max));
        }

        if (quotas.Count == 0 && errors.Count == 0)
        {
            errors.Add("", "Bitte geben Sie die Quoten an, eine je Zeile.");
        }

        return (quotas, errors);
    }

    /// <summary>
    /// German checks of quotas and panel size against the pool, before the solver runs (docs/domain.md#bad-input):
    /// panel size above the pool, minimums above the panel size, maximums that cannot fill it, values without a quota.
    /// </summary>
    public static FieldErrors CheckQuotas(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize)
    {
        var errors = new FieldErrors();
        if (panelSize < 1)
        {
            errors.Add("", "Die Zahl der Teilnehmenden muss mindestens 1 sein.");
        }
        else if (panelSize > pool.Count)
        {
            errors.Add("", "Es sollen {0} Teilnehmende ausgelost werden, angemeldet haben sich aber nur {1}.", panelSize, pool.Count);
        }

        var asked = pool.SelectMany(r => r.Features.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var category in quotas.Select(q => q.Category).Distinct().Where(c => !asked.Contains(c)))
        {
            errors.Add("", "Das Merkmal „{0}“ wird bei der Anmeldung nicht erfragt; möglich sind: {1}.", category, string.Join(", ", asked.Order(StringComparer.Ordinal)));
        }

        foreach (var category in quotas.Select(q => q.Category).Distinct().Where(asked.Contains))
        {
            var ofCategory = quotas.Where(q => q.Category == category).ToList();
            var available = ofCategory.ToDictionary(q => q.Value, q => pool.Count(r => r.Features.GetValueOrDefault(category) == q.Value));
            var minSum = ofCategory.Sum(q => q.Min);
            if (minSum > panelSize)
            {
                errors.Add("", "Die Mindestzahlen bei „{0}“ ergeben zusammen {1}, mehr als die {2} Plätze.", category, minSum, panelSize);
            }

            var reachable = ofCategory.Sum(q => Math.Min(q.Max, available[q.Value]));
            if (panelSize <= pool.Count && reachable < panelSize)
            {
                errors.Add("", "Die Höchstzahlen bei „{0}“ lassen mit den vorhandenen Anmeldungen höchstens {1} Plätze zu, gebraucht werden {2}.", category, reachable, panelSize);
            }

            foreach (var q in ofCategory.Where(q => q.Min > available[q.Value]))
            {
                errors.Add(available[q.Value] == 1
                    ? new FieldError("", "Für {0} = {1} verlangt die Quote mindestens {2}, angemeldet ist aber nur {3}.", category, q.Value, q.Min, available[q.Value])
                    : new FieldError("", "Für {0} = {1} verlangt die Quote mindestens {2}, angemeldet sind aber nur {3}.", category, q.Value, q.Min, available[q.Value]));
            }

            foreach (var value in pool.Select(r => r.Features.GetValueOrDefault(category)).Where(v => v is not null && !available.ContainsKey(v)).Distinct())
            {
                errors.Add("", "Für {0} = {1} fehlt eine Quote; {2} Anmeldungen haben diesen Wert.", category, value!, pool.Count(r => r.Features.GetValueOrDefault(category) == value));
            }
        }

        foreach (var category in pool.SelectMany(r => r.Features.Keys).Distinct().Where(c => quotas.All(q => q.Category != c)))
        {
            errors.Add("", "Für die Kategorie „{0}“ fehlen die Quoten.", category);
        }

        return errors;
    }

    /// <summary>
    /// Stage 2: selects the panel from the registrations with LEXIMIN or LEGACY and stores algorithm, seed, quotas,
    /// input hash, the number of panels, every respondent's probability, the panel and the ordered reserve list.
    /// </summary>
    public async Task<(Outcome Result, IReadOnlyList<string> Relaxation)> SelectAsync(int labId, int? panelSize, string? quotasText, string? algorithm, string? seed, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        var errors = new FieldErrors();
        if (lab.State != LabState.RegistrationOpen)
        {
            errors.Add("", "Ausgelost wird, während die Anmeldung offen ist; danach steht das Ergebnis fest.");
        }

        if (await db.PanelSelections.AnyAsync(s => s.LabId == labId, ct))
        {
            errors.Add("", AlreadySelected);
        }

        if (algorithm is not ("leximin" or "legacy"))
        {
            errors.Add("", "Bitte wählen Sie das Verfahren: LEXIMIN oder LEGACY.");
        }

        CheckSeed(errors, seed, "Bitte geben Sie den Startwert (Seed) an, der in einem öffentlichen Akt bestimmt wurde.");

        if (panelSize is null)
        {
            errors.Add("", "Bitte geben Sie an, wie viele Teilnehmende ausgelost werden.");
        }

        var (quotas, quotaErrors) = ParseQuotas(quotasText);
        errors.AddRange(quotaErrors);
        var registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == labId).ToListAsync(ct);
        var pool = Respondents(lab, registrations);
        if (pool.Count == 0)
        {
            errors.Add("", "Es liegen keine Anmeldungen vor.");
        }

        if (errors.Count == 0)
        {
            errors.AddRange(CheckQuotas(pool, quotas, panelSize!.Value));
        }

        if (errors.Count > 0)
        {
            return (Outcome.From(errors), []);
        }

        var algo = algorithm == "legacy" ? SortitionAlgorithm.Legacy : SortitionAlgorithm.Leximin;
        SelectionResult result;
        try
        {
            result = PanelSelection.Select(new SortitionProblem(pool, quotas, panelSize!.Value), algo, seed!.Trim(), Options, ct);
        }
        catch (InfeasibleQuotasException e)
        {
            var relaxation = e.Report.Relaxations
                .Select(r => $"{r.Quota.Category} = {r.Quota.Value}: {r.Quota.Min} bis {r.Quota.Max} → {r.RelaxedMin} bis {r.RelaxedMax}").ToList();
            return (relaxation.Count > 0
                ? Outcome.Invalid("", "Keine Gruppe erfüllt alle Quoten zugleich. Die kleinste Lockerung, die eine Gruppe möglich macht (insgesamt {0} Plätze), steht unten.", e.Report.TotalRelaxation)
                : Outcome.Invalid("", "Keine Gruppe erfüllt alle Quoten zugleich. Bitte lockern Sie die Quoten."), relaxation);
        }
        catch (SortitionInputException e)
        {
            return (Outcome.Invalid(e.Errors.Select(x => new FieldError("", "Die Eingaben passen nicht zusammen: {0}", x))), []);
        }

        var record = new PanelSelectionRecord
        {
            LabId = labId, Algorithm = algorithm!, Seed = result.Seed, PanelSize = panelSize!.Value,
            Quotas = string.Join('\n', quotas.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Category}; {q.Value}; {q.Min}; {q.Max}"))),
            InputHash = SelectionInputHash(pool, quotas, panelSize.Value, algorithm!), Respondents = pool.Count, PanelCount = result.PanelCount,
            MinimumProbability = result.MinimumProbability, MedianProbability = result.MedianProbability, MaximumProbability = result.MaximumProbability,
            SelectedAt = time.GetUtcNow(),
        };
        var onPanel = result.Panel.ToHashSet(StringComparer.Ordinal);
        var reserveRank = result.Reserve.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i + 1, StringComparer.Ordinal);
        foreach (var p in result.Probabilities)
        {
            record.Outcomes.Add(new PanelOutcome { RespondentId = p.Id, Probability = p.Probability, OnPanel = onPanel.Contains(p.Id), ReserveRank = reserveRank.TryGetValue(p.Id, out var rank) ? rank : null });
        }

        db.PanelSelections.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return (Outcome.Invalid("", AlreadySelected), []);
        }

        return (Outcome.Done, []);
    }

    /// <summary>
    /// A panel member cancelled: the first reserve with whom the group still meets every quota moves up
    /// (<see cref="PanelSelection.FindReplacement"/>, the rule of the reserve list).
    /// </summary>
    public async Task<Outcome> ReplaceAsync(int labId, string? respondentId, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        var selection = await db.PanelSelections.Include(s => s.Outcomes).FirstOrDefaultAsync(s => s.LabId == labId, ct);
        if (selection is null || lab.State is not (LabState.RegistrationOpen or LabState.PanelSelected))
        {
            return Outcome.Invalid("", "Nachrücken ist möglich, wenn die Teilnehmenden ausgelost sind und das Labor noch nicht stattgefunden hat.");
        }

        var dropout = selection.Outcomes.FirstOrDefault(o => o.RespondentId == respondentId && o.Participates);
        if (dropout is null)
        {
            return Outcome.Invalid("", "Diese Person gehört nicht zu den Teilnehmenden.");
        }

        var registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == labId).ToListAsync(ct);
        var (quotas, _) = ParseQuotas(selection.Quotas);
        var problem = new SortitionProblem(Respondents(lab, registrations), quotas, selection.PanelSize);
        var panel = selection.Outcomes.Where(o => o.Participates).Select(o => o.RespondentId).ToList();
        var reserve = selection.Outcomes.Where(o => o.ReserveRank is not null && !o.OnPanel && o.ReplacesRespondentId is null).OrderBy(o => o.ReserveRank).Select(o => o.RespondentId).ToList();
        var next = PanelSelection.FindReplacement(problem, panel, reserve, dropout.RespondentId);
        dropout.DroppedOutAt = time.GetUtcNow();
        if (next is not null)
        {
            selection.Outcomes.Single(o => o.RespondentId == next).ReplacesRespondentId = dropout.RespondentId;
        }

        db.Audit("lab.panel.dropout", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture), new { dropout = dropout.RespondentId, replacement = next });
        await db.SaveChangesAsync(ct);
        return next is null
            ? Outcome.Invalid("", "{0} ist als abgesagt vermerkt. Niemand auf der Nachrückliste erfüllt mit der übrigen Gruppe alle Quoten; der Platz bleibt frei.", dropout.RespondentId)
            : Outcome.Done;
    }

    /// <summary>The selection options every lab uses; fixed so that a replay uses the same.</summary>
    public static readonly SelectionOptions Options = new() { LegacyRuns = 1_000 };

    internal static string GenderCode(RegisterGender gender) => gender switch
    {
        RegisterGender.Male => "m",
        RegisterGender.Female => "w",
        RegisterGender.Diverse => "d",
        _ => "x",
    };

    internal static RegisterGender ParseGender(string code) => code switch
    {
        "m" => RegisterGender.Male,
        "w" => RegisterGender.Female,
        "d" => RegisterGender.Diverse,
        _ => RegisterGender.Unspecified,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The reader's problem in German, with its line number and the offending value (docs/domain.md#bad-input).</summary>
    private static FieldError Translate(RegisterExtractError e)
    {
        var quoted = System.Text.RegularExpressions.Regex.Match(e.Message, "'([^']*)'");
        var value = quoted.Success ? $"„{quoted.Groups[1].Value}“" : "";
        var number = System.Text.RegularExpressions.Regex.Match(e.Message, @"\b(\d{3,4})\b");
        var what = e.Kind switch
        {
            RegisterErrorKind.EmptyFile => new FieldError("", "Die Datei ist leer."),
            RegisterErrorKind.Encoding => new FieldError("", "Die Datei ist nicht in UTF-8 gespeichert (z. B. Windows-1252 oder UTF-16). Bitte speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch."),
            RegisterErrorKind.Header when e.Message.StartsWith("Missing", StringComparison.Ordinal) =>
                new FieldError("", "In der Kopfzeile fehlt: {0}. Erwartet werden die Spalten name, anschrift, geburtsjahr, geschlecht und stadtbezirk (optional statistischer_bezirk).", string.Join(", ", System.Text.RegularExpressions.Regex.Matches(e.Message.Split('.')[0], @"(\w+) \(").Select(m => m.Groups[1].Value))),
            RegisterErrorKind.Header => new FieldError("", "Die Kopfzeile passt nicht. Erwartet werden die Spalten name, anschrift, geburtsjahr, geschlecht und stadtbezirk (optional statistischer_bezirk), jede genau einmal."),
            RegisterErrorKind.RowShape => new FieldError("", "Die Zeile hat nicht so viele Felder wie die Kopfzeile. Ein Feld mit Trennzeichen muss in Anführungszeichen stehen."),
            RegisterErrorKind.EmptyField => value.Length > 0 ? new FieldError("", "Ein Pflichtfeld ist leer ({0}).", value) : new FieldError("", "Ein Pflichtfeld ist leer."),
            RegisterErrorKind.ControlCharacter => new FieldError("", "Ein Feld enthält einen Zeilenumbruch oder ein Steuerzeichen."),
            RegisterErrorKind.BirthYear when e.Message.Contains("is not a year", StringComparison.Ordinal) => new FieldError("", "Das Geburtsjahr {0} ist keine Jahreszahl (vier Ziffern erwartet).", value),
            RegisterErrorKind.BirthYear when e.Message.Contains("after the reference date", StringComparison.Ordinal) => new FieldError("", "Das Geburtsjahr {0} liegt nach dem Stichtag.", number.Value),
            RegisterErrorKind.BirthYear when e.Message.Contains("impossible", StringComparison.Ordinal) => new FieldError("", "Das Geburtsjahr {0} ergibt ein Alter über 120 Jahren; das ist unmöglich.", number.Value),
            RegisterErrorKind.BirthYear => new FieldError("", "Das Geburtsjahr {0} ergibt ein Alter unter 16 Jahren; der Auszug soll nur Personen ab 16 enthalten.", number.Value),
            RegisterErrorKind.Gender => new FieldError("", "Das Geschlecht {0} ist unbekannt; das Melderegister verwendet m, w, d und x.", value),
            RegisterErrorKind.District => new FieldError("", "Der Stadtbezirk {0} ist keiner der zwölf Dortmunder Stadtbezirke.", value),
            RegisterErrorKind.Duplicate => new FieldError("", "Dieselbe Person (gleicher Name, gleiche Anschrift, gleiches Geburtsjahr) steht schon in Zeile {0}.", System.Text.RegularExpressions.Regex.Match(e.Message, @"line (\d+)").Groups[1].Value),
            _ => new FieldError("", "Die Zeile ist fehlerhaft."),
        };
        return e.Line > 0 ? new FieldError("", "Zeile {0}: {1}", e.Line, what) : what;
    }

    /// <summary>Both draws need a seed from a public act, at most 500 characters.</summary>
    private static void CheckSeed(FieldErrors errors, string? seed, string missing)
    {
        if (string.IsNullOrWhiteSpace(seed))
        {
            errors.Add("", missing);
        }
        else if (seed.Length > 500)
        {
            errors.Add("", "Der Startwert darf höchstens 500 Zeichen lang sein.");
        }
    }
}

/// <summary>What a resident enters on the registration form.</summary>
public sealed record RegistrationInput(string? AgeBand, string? Gender, IReadOnlyDictionary<string, string>? Answers, string? Availability, string? AccessibilityNeeds, string? Contact, bool Consent);
