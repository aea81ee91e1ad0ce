using System.Security.Cryptography;
using Masterplan.Web.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Masterplan.Web.Tests.Features.Confidential;

/// <summary>Envelope encryption without a host: fields bound to their record and name, and key rotation in its three steps.</summary>
public sealed class FieldEncryptionTests
{
    private static readonly string K1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string K2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static FieldEncryption Ring(string? current, params (string Id, string Key)[] keys)
    {
        var settings = keys.ToDictionary(k => $"FieldEncryption:Keys:{k.Id}", k => (string?)k.Key);
        settings["FieldEncryption:CurrentKeyId"] = current;
        return new FieldEncryption(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Environment());
    }

    [Fact]
    public void A_field_decrypts_only_in_its_record_and_under_its_name()
    {
        var ring = Ring("k1", ("k1", K1));
        var (cipher, keyId, wrapped) = ring.NewDataKey("B-AAAA");
        var data = cipher.Encrypt("vertraulich", "what")!;
        Assert.Equal("vertraulich", ring.Open(keyId, wrapped, "B-AAAA").Decrypt(data, "what"));
        Assert.ThrowsAny<CryptographicException>(() => ring.Open(keyId, wrapped, "B-AAAA").Decrypt(data, "contact"));
        Assert.ThrowsAny<CryptographicException>(() => ring.Open(keyId, wrapped, "B-BBBB"));
        var (other, _, _) = ring.NewDataKey("B-BBBB");
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(data, "what"));
        data[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => ring.Open(keyId, wrapped, "B-AAAA").Decrypt(data, "what"));
    }

    [Fact]
    public void A_new_key_is_added_made_current_and_the_old_one_removed_after_rewrapping()
    {
        // Before: only k1.
        var before = Ring("k1", ("k1", K1));
        var (cipher, keyId, wrapped) = before.NewDataKey("M-1");
        var field = cipher.Encrypt("Angriff", "what")!;

        // Step 1 and 2: k2 added everywhere, then made current; old records still open with k1, new ones use k2.
        var both = Ring("k2", ("k1", K1), ("k2", K2));
        Assert.Equal("Angriff", both.Open(keyId, wrapped, "M-1").Decrypt(field, "what"));
        Assert.Equal("k2", both.NewDataKey("M-2").KeyId);

        // Step 3: rewrap; the field itself is not touched.
        var (newId, rewrapped) = both.Rewrap(keyId, wrapped, "M-1");
        Assert.Equal("k2", newId);

        // Step 4: k1 removed; the record opens with k2 alone, and the old wrapping no longer opens anywhere.
        var after = Ring("k2", ("k2", K2));
        Assert.Equal("Angriff", after.Open(newId, rewrapped, "M-1").Decrypt(field, "what"));
        Assert.ThrowsAny<CryptographicException>(() => after.Open(keyId, wrapped, "M-1"));
    }

    [Fact]
    public void Without_configured_keys_a_key_file_is_made_once_and_read_back()
    {
        var folder = Path.Combine(Path.GetTempPath(), "masterplan-field-keys-" + Guid.NewGuid().ToString("N"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FieldEncryption:KeyFile"] = Path.Combine(folder, "keys") }).Build();
        var first = new FieldEncryption(config, new Environment());
        var (cipher, keyId, wrapped) = first.NewDataKey("B-1");
        var field = cipher.Encrypt("x", "what");
        Assert.Equal("k1", keyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "keys")));
        }

        Assert.Equal("x", new FieldEncryption(config, new Environment()).Open(keyId, wrapped, "B-1").Decrypt(field, "what"));
        Directory.Delete(folder, true);
    }
}
