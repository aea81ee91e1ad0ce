using System.Security.Cryptography;
using System.Text;
using Masterplan.Web.Data;

namespace Masterplan.Web.Features.Audit;

/// <summary>
/// The secret that seals the audit log (an HMAC-SHA256 of each entry's hash, and of each checkpoint). It is
/// kept outside the database: whoever can write the database can recompute a plain hash chain, but not the
/// seals without this key. From <c>Audit:ChainKey</c> (base64, at least 32 bytes) or else from the file
/// <c>Audit:ChainKeyFile</c> (default <c>data/audit-chain.key</c> beside the app), which the first writer
/// of the audit log creates, readable by its owner only.
/// </summary>
public sealed class AuditKey(IConfiguration configuration, IHostEnvironment environment)
{
    public const string DefaultFile = "data/audit-chain.key";

    private const int MinimumBytes = 32;

    private readonly Lock _lock = new();
    private byte[]? _key;

    /// <summary>Where the key file is (whether or not it exists); null when the key comes from configuration.</summary>
    public string? FilePath => string.IsNullOrWhiteSpace(configuration["Audit:ChainKey"])
        ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Audit:ChainKeyFile"] is { Length: > 0 } file ? file : DefaultFile))
        : null;

    /// <summary>The key, or null when none is configured and the key file does not exist. Never creates one.</summary>
    public byte[]? Find()
    {
        lock (_lock)
        {
            return _key ??= FromConfiguration() ?? (File.Exists(FilePath) ? ReadFile(FilePath!) : null);
        }
    }

    /// <summary>The key; creates the key file when there is neither a configured key nor a file.</summary>
    public byte[] GetOrCreate()
    {
        lock (_lock)
        {
            return _key ??= FromConfiguration() ?? CreateOrRead(FilePath!);
        }
    }

    /// <summary>The seal of a hash (an entry's, or a checkpoint's text): hex HMAC-SHA256 with the key.</summary>
    public static string Seal(byte[] key, string text) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Reads a key file as the app writes it: the key in base64 on one line.</summary>
    public static byte[] ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot read the audit key file {path}: {e.Message}", e);
        }

        return Decode(text, $"The audit key file {path}");
    }

    private byte[]? FromConfiguration() =>
        configuration["Audit:ChainKey"] is { Length: > 0 } text ? Decode(text.Trim(), "Audit:ChainKey") : null;

    private static byte[] Decode(string text, string source)
    {
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var length) || length < MinimumBytes)
        {
            throw new StartupException($"{source} must hold at least {MinimumBytes} random bytes in base64 (e.g. from 'openssl rand -base64 32').");
        }

        return buffer[..length];
    }

    private static byte[] CreateOrRead(string path)
    {
        if (File.Exists(path))
        {
            return ReadFile(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        // Written aside and moved into place, so that another process starting at the same moment reads either
        // no file or the whole key, and one of the two keys wins for both.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(temporary, options)))
        {
            writer.WriteLine(Convert.ToBase64String(key));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return ReadFile(path);
        }
    }
}
