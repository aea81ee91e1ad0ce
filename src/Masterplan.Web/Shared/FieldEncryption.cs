using System.Security.Cryptography;
using System.Text;
using Masterplan.Web.Data;

namespace Masterplan.Web.Shared;

/// <summary>
/// Envelope encryption of single fields (AES-256-GCM from .NET): every record gets a data key of its own, stored only
/// wrapped (encrypted) by a key-encryption key that is never in the database, together with that key's id. A database
/// copy, a dump or a backup restored elsewhere without the key-encryption keys shows only ciphertext.
/// <para>
/// The key-encryption keys come from <c>FieldEncryption:Keys:&lt;id&gt;</c> (base64, 32 bytes) with
/// <c>FieldEncryption:CurrentKeyId</c>, or else from the file <c>FieldEncryption:KeyFile</c> (default
/// <c>data/field-encryption.keys</c> beside the app; lines <c>id=base64</c> and one <c>current=id</c>), which the first
/// encryption creates with one key, readable by its owner only. New records are wrapped with the current key; older ones
/// keep the id of the key that wrapped them, so a new key can be added and made current without downtime, and
/// <see cref="Rewrap"/> moves the data keys to it (only the small wrapped key changes) before the old key is removed
/// (docs/operations.md).
/// </para>
/// </summary>
public sealed class FieldEncryption(IConfiguration configuration, IHostEnvironment environment)
{
    public const string DefaultFile = "data/field-encryption.keys";

    private const byte Version = 1;
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly Lock _lock = new();
    private KeyRing? _ring;

    private sealed record KeyRing(IReadOnlyDictionary<string, byte[]> Keys, string Current);

    /// <summary>The id of the key that wraps new data keys.</summary>
    public string CurrentKeyId => Ring().Current;

    /// <summary>The ids of every configured key-encryption key.</summary>
    public IReadOnlyCollection<string> KeyIds => [.. Ring().Keys.Keys];

    /// <summary>
    /// A new data key for one record, wrapped with the current key. <paramref name="context"/> names the record for good
    /// (e.g. its case number) and binds the wrapped key and every field to it: a field copied into another record does not decrypt.
    /// </summary>
    public (FieldCipher Cipher, string KeyId, byte[] Wrapped) NewDataKey(string context)
    {
        var ring = Ring();
        var dataKey = RandomNumberGenerator.GetBytes(KeyBytes);
        return (new FieldCipher(dataKey, context), ring.Current, Seal(ring.Keys[ring.Current], dataKey, "data-key/" + context));
    }

    /// <summary>The cipher of a record from its wrapped data key; throws when the key id is not configured or the data was changed.</summary>
    public FieldCipher Open(string keyId, byte[] wrapped, string context) =>
        new(Unseal(KeyFor(keyId), wrapped, "data-key/" + context), context);

    /// <summary>The same data key wrapped with the current key-encryption key (for rotation); the fields stay as they are.</summary>
    public (string KeyId, byte[] Wrapped) Rewrap(string keyId, byte[] wrapped, string context)
    {
        var ring = Ring();
        if (keyId == ring.Current)
        {
            return (keyId, wrapped);
        }

        var dataKey = Unseal(KeyFor(keyId), wrapped, "data-key/" + context);
        try
        {
            return (ring.Current, Seal(ring.Keys[ring.Current], dataKey, "data-key/" + context));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    internal static byte[] Seal(byte[] key, byte[] plain, string associated)
    {
        var output = new byte[1 + NonceBytes + plain.Length + TagBytes];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagBytes);
        gcm.Encrypt(nonce, plain, output.AsSpan(1 + NonceBytes, plain.Length), output.AsSpan(1 + NonceBytes + plain.Length), Encoding.UTF8.GetBytes(associated));
        return output;
    }

    internal static byte[] Unseal(byte[] key, byte[] sealedData, string associated)
    {
        if (sealedData.Length < 1 + NonceBytes + TagBytes || sealedData[0] != Version)
        {
            throw new CryptographicException("The encrypted field has an unknown format.");
        }

        var length = sealedData.Length - 1 - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var gcm = new AesGcm(key, TagBytes);
        gcm.Decrypt(sealedData.AsSpan(1, NonceBytes), sealedData.AsSpan(1 + NonceBytes, length), sealedData.AsSpan(1 + NonceBytes + length), plain, Encoding.UTF8.GetBytes(associated));
        return plain;
    }

    private byte[] KeyFor(string keyId) => Ring().Keys.TryGetValue(keyId, out var key)
        ? key
        : throw new CryptographicException($"The key-encryption key '{keyId}' is not configured (FieldEncryption:Keys or the key file); records wrapped with it cannot be read.");

    private KeyRing Ring()
    {
        lock (_lock)
        {
            return _ring ??= FromConfiguration() ?? FromFile(FilePath);
        }
    }

    /// <summary>The key file (whether or not it exists).</summary>
    public string FilePath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["FieldEncryption:KeyFile"] is { Length: > 0 } file ? file : DefaultFile));

    private KeyRing? FromConfiguration()
    {
        var section = configuration.GetSection("FieldEncryption:Keys");
        var keys = section.GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => Decode(c.Value!, $"FieldEncryption:Keys:{c.Key}"), StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return null;
        }

        var current = configuration["FieldEncryption:CurrentKeyId"] is { Length: > 0 } id ? id : keys.Keys.Single();
        return keys.ContainsKey(current)
            ? new KeyRing(keys, current)
            : throw new StartupException($"FieldEncryption:CurrentKeyId names '{current}', which is not among FieldEncryption:Keys.");
    }

    private static KeyRing FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot read the field encryption key file {path}: {e.Message}", e);
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new StartupException($"The field encryption key file {path} has a line that is not 'id=base64' or 'current=id'.");
            }

            var (name, value) = (line[..at].Trim(), line[(at + 1)..].Trim());
            if (name == "current")
            {
                current = value;
            }
            else
            {
                keys[name] = Decode(value, $"Key '{name}' in {path}");
            }
        }

        current ??= keys.Keys.LastOrDefault();
        return current is not null && keys.ContainsKey(current)
            ? new KeyRing(keys, current)
            : throw new StartupException($"The field encryption key file {path} names no current key that it holds.");
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(temporary, options)))
        {
            writer.WriteLine("# Key-encryption keys of the confidential fields. Keep a copy apart from the database backups (docs/operations.md).");
            writer.WriteLine("k1=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
            writer.WriteLine("current=k1");
        }

        try
        {
            // Moved into place, so a second process starting at the same moment reads the one file that won.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Decode(string text, string source)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var length) && length == KeyBytes
            ? buffer[..length]
            : throw new StartupException($"{source} must be {KeyBytes} random bytes in base64 (e.g. from 'openssl rand -base64 32').");
    }
}

/// <summary>Encrypts and decrypts the fields of one record with its data key; each field is bound to the record and its name.</summary>
public sealed class FieldCipher(byte[] dataKey, string context)
{
    public byte[]? Encrypt(string? text, string field) =>
        text is null ? null : FieldEncryption.Seal(dataKey, Encoding.UTF8.GetBytes(text), context + "/" + field);

    public string? Decrypt(byte[]? data, string field) =>
        data is null ? null : Encoding.UTF8.GetString(FieldEncryption.Unseal(dataKey, data, context + "/" + field));

    public byte[] EncryptBytes(byte[] plain, string field) => FieldEncryption.Seal(dataKey, plain, context + "/" + field);

    public byte[] DecryptBytes(byte[] data, string field) => FieldEncryption.Unseal(dataKey, data, context + "/" + field);
}
