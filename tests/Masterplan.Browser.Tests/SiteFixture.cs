using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.ServiceRequests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Masterplan.Browser.Tests;

/// <summary>
/// The real app on a loopback port (Kestrel) with a fresh SQLite database holding reference and demo
/// data, and one headless Chromium shared by the tests of a collection.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "masterplan-browser", $"{Guid.NewGuid():N}.db");
    private Factory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            return; // the tests skip (or, in CI, fail on their own)
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        _factory = new Factory(_databasePath);
        _factory.UseKestrel(0);
        await Task.Run(_factory.StartServer); // off xunit's synchronization context (see AppFactory.StartServerAsync)
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public const string Password = "korrekt pferd batterie heftklammer";

    public sealed record Account(string Email, string AuthenticatorKey);

    /// <summary>An administrator with an enrolled authenticator (the key is what the app on the phone would hold).</summary>
    public Task<Account> CreateAdministratorAsync() => CreateAccountAsync(Roles.Administrator);

    /// <summary>An account of a role that signs in with two factors, with its authenticator enrolled.</summary>
    public async Task<Account> CreateAccountAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@stadtdo.de";
        await using var scope = _factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ada Admin", CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(user, Password);
        await users.AddToRoleAsync(user, role);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return new Account(email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    public async Task<string> CreateUserWithoutSecondFactorAsync(string role)
    {
        var email = $"neu-{Guid.NewGuid():N}@stadtdo.de";
        await using var scope = _factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Neu Person", CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(user, Password);
        await users.AddToRoleAsync(user, role);
        return email;
    }

    /// <summary>A confirmed person of a new association of the grant programme (role Applicant, no second factor).</summary>
    public async Task<string> CreateApplicantAsync()
    {
        var email = await CreateUserWithoutSecondFactorAsync(Roles.Applicant);
        await using var scope = _factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var association = new Masterplan.Web.Features.Grants.Association { Name = "Browserverein e. V.", Address = "Kampstraße 1\n44137 Dortmund", RegisteredAt = DateTimeOffset.UtcNow };
        db.Add(association);
        await db.SaveChangesAsync();
        db.Add(new Masterplan.Web.Features.Grants.AssociationMember { AssociationId = association.Id, UserId = user.Id, Email = email, JoinedAt = DateTimeOffset.UtcNow, EmailConfirmedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>Makes the account a member of the department that handles the category (the department staff's queue).</summary>
    public async Task AssignDepartmentOfCategoryAsync(string email, string categoryCode)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.DepartmentId = await db.ServiceCategories.Where(c => c.Code == categoryCode).Select(c => c.DepartmentId).SingleAsync();
        await users.UpdateAsync(user);
    }

    /// <summary>Changes rows of the site's database directly (a background task's state, say), in one scope.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static string Totp(string base32Key) => Masterplan.Tests.Shared.Totp.Code(base32Key);

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "de-DE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(_databasePath);
        }
    }

    private sealed class Factory(string databasePath) : WebApplicationFactory<Program>
    {
        // The server starts while the reference data still loads (PlatformHost); wait, since we look into the database at once.
        protected override IHost CreateHost(IHostBuilder builder) => Masterplan.Web.Shared.DatabaseReady.WaitUntilPrepared(base.CreateHost(builder));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Masterplan", $"Data Source={databasePath}");
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("FieldEncryption:KeyFile", Path.Combine(Path.GetTempPath(), "masterplan-browser-tests", "field-encryption.keys"));
            builder.UseSetting("Confidential:SecretIterations", "10000");
            builder.UseSetting("OpenData:Folder", Path.Combine(Path.GetTempPath(), "masterplan-browser-tests", "opendata-" + Guid.NewGuid().ToString("N")));

            // Tests never fetch map tiles (no network here, and none in CI): maps show their points on a plain background.
            builder.UseSetting("Map:TileUrl", "");

            // All browser tests share this site and 127.0.0.1: the lab test alone posts more public forms in a
            // minute than the limit of 30, and a sign-in after it got 429 (SignInTests covers the limit).
            builder.UseSetting("Accounts:FormPostsPerMinute", "1000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
