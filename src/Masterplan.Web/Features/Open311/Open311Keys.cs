using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Open311;

/// <summary>Issues, revokes and checks the API keys of Open311 clients; issuing and revoking are audited.</summary>
public sealed class Open311Keys(AppDbContext db, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxContactLength = 500;

    /// <summary>A key is written down once; later it is only known by this many leading characters.</summary>
    private const int PrefixLength = 6;

    /// <summary>A new key for a client: the key itself (shown once, never stored) and the saved client.</summary>
    public async Task<Outcome<(Open311Client Client, string Key)>> IssueAsync(string? name, string? contact, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        contact = contact?.Trim() ?? "";
        var errors = new FieldErrors();
        if (name.Length == 0)
        {
            errors.Add("Name", "Bitte geben Sie an, wer den Schlüssel nutzt.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("Name", "Der Name darf höchstens {0} Zeichen lang sein.", MaxNameLength);
        }

        if (contact.Length == 0)
        {
            errors.Add("Contact", "Bitte geben Sie eine Kontaktmöglichkeit an.");
        }
        else if (contact.Length > MaxContactLength)
        {
            errors.Add("Contact", "Der Kontakt darf höchstens {0} Zeichen lang sein.", MaxContactLength);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var key = HashedCodes.NewLinkToken();
        var client = new Open311Client
        {
            Name = name, Contact = contact, KeyHash = HashedCodes.Hash(key), KeyPrefix = key[..PrefixLength], IssuedAt = time.GetUtcNow(),
            IssuedBy = db.CurrentActorName(),
        };
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(ct);
        db.Audit("open311.key.issued", nameof(Open311Client), client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { client.Name, client.KeyPrefix });
        await db.SaveChangesAsync(ct);
        return Outcome<(Open311Client, string)>.Ok((client, key));
    }

    /// <summary>Revokes a key at once; a revoked key stays revoked.</summary>
    public async Task<Outcome> RevokeAsync(int id, CancellationToken ct)
    {
        var client = await db.Open311Clients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return Outcome.NotFound();
        }

        if (client.RevokedAt is null)
        {
            client.RevokedAt = time.GetUtcNow();
            client.RevokedBy = db.CurrentActorName();
            db.Audit("open311.key.revoked", nameof(Open311Client), client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { client.Name, client.KeyPrefix });
            await db.SaveChangesAsync(ct);
        }

        return Outcome.Done;
    }

    /// <summary>
    /// The client of a key that is valid now, or null. Its last use is recorded (at most once a minute, so a burst of
    /// reports does not write the same row each time).
    /// </summary>
    public async Task<Open311Client?> UseAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }

        var hash = HashedCodes.Hash(key);
        var client = await db.Open311Clients.SingleOrDefaultAsync(c => c.KeyHash == hash, ct);
        if (client is null || client.RevokedAt is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (client.LastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1))
        {
            client.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return client;
    }
}
