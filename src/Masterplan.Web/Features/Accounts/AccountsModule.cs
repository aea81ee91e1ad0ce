using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Settings under <c>Accounts:*</c>.</summary>
public sealed class AccountOptions
{
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a "Passwort vergessen" link works (it works once).</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sessions end after this long without a request (WCAG 2.2.1: the user is warned and can extend).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);
}

/// <summary>Accounts, sessions, roles and the module's permissions (docs/domain.md#access).</summary>
public sealed class AccountsModule : IModule
{
    public const string ManageUsers = "Accounts.ManageUsers";

    public const string SessionCookie = "__Host-mp-session";

    public IReadOnlyList<PageAccess> Pages =>
    [
        PageAccess.PublicPage("/Accounts/Login"),
        PageAccess.PublicPage("/Accounts/LoginTwoFactor"),
        PageAccess.PublicPage("/Accounts/AcceptInvitation"),
        PageAccess.PublicPage("/Accounts/ForgotPassword"),
        PageAccess.PublicPage("/Accounts/ResetPassword"),
        PageAccess.Folder("/Accounts/Admin", ManageUsers),
    ];

    public IReadOnlyList<RecurringJob> Jobs =>
        [RecurringJob.Create<HousekeepingJob>(HousekeepingJob.Key, new("housekeeping-hourly", "platform"), "Jobs:Housekeeping:Cron", "0 17 * * * ?")];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Account, 10, "Benutzer verwalten", "/verwaltung/benutzer", ManageUsers)];

    public IEnumerable<string> TranslationLabels => Roles.Stored.Append(Roles.Member).Select(Roles.Label);

    public IReadOnlyList<Type> PublicApi => [typeof(AppUser), typeof(Roles), typeof(AccountOptions)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().BindConfiguration("Accounts");
        services.AddHttpContextAccessor();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // ASVS 5 §6.2: length only, no composition rules; PasswordPolicy adds the rest.
                o.Password.RequiredLength = PasswordPolicy.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = false; // LoginThrottling does it per name and address
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AccountManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<PasswordPolicy>()
            .AddClaimsPrincipalFactory<MemberClaimsFactory>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<AccountOptions>>((o, store, accounts) =>
            {
                o.SessionStore = store;
                o.Cookie.Name = SessionCookie;
                o.ExpireTimeSpan = accounts.Value.IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/konto/anmelden";
                o.LogoutPath = "/konto/abmelden";
                o.AccessDeniedPath = "/fehler/403";
                o.Events.OnRedirectToLogin = ctx => Refuse(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Refuse(ctx, StatusCodes.Status403Forbidden);
            });
        services.ConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "__Host-mp-2fa");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.Name = "__Host-mp-ext");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "__Host-mp-2fa-remember");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-mp-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);

            // The validation rebuilds the principal from the database every minute; how the session signed in
            // (password alone or with a second factor) is a fact of the session, not of the account, so it is
            // carried over from the stored ticket. Without it the second factor would lapse after a minute.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var claim in current.FindAll(c => c.Type is "amr" or System.Security.Claims.ClaimTypes.AuthenticationMethod))
                    {
                        if (!identity.HasClaim(claim.Type, claim.Value))
                        {
                            identity.AddClaim(new Claim(claim.Type, claim.Value));
                        }
                    }
                }

                return Task.CompletedTask;
            };
        });

        // Deny by default: every endpoint needs a signed-in user unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInUnlessNoEndpoint()).Build())
            .AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        services.AddSingleton<IAuthorizationHandler, SignedInUnlessNoEndpoint>();
        services.AddScoped<LoginThrottling>();
        services.AddScoped<Invitations>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<PasswordResets>();
        services.AddMailQueue();
    }

    /// <summary>After authentication: roles that need two-factor sign-in are sent to enrol before anything else.</summary>
    public void UseMiddleware(WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && !user.HasClaim("amr", "mfa")
                && Roles.RequireTwoFactor.Any(user.IsInRole)
                && !AllowedWithoutSecondFactor(context.Request.Path))
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect("/konto/zwei-faktor");
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
    }

    public void MapEndpoints(WebApplication app)
    {
        // The idle-timeout warning's "stay signed in" button: any authenticated request renews the sliding session.
        app.MapPost("/konto/sitzung", () => TypedResults.NoContent()).ExcludeFromDescription();
    }

    private static bool AllowedWithoutSecondFactor(PathString path) =>
        path.StartsWithSegments("/konto/zwei-faktor") || path.StartsWithSegments("/konto/abmelden")
        || path.StartsWithSegments("/fehler") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");

    /// <summary>Audited, and the roles the page needs noted for the 403 page, which names them.</summary>
    private static async Task DeniedAsync(HttpContext http)
    {
        await AccessDenied.NoteRequiredRolesAsync(http, Roles.Label);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        db.Audit("security.access.denied", reason: $"{http.Request.Method} {http.Request.Path}");
        await db.SaveChangesAsync();
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden)
        {
            // APIs never redirect; a signed-in user without the right gets the 403 page, not a login form.
            ctx.Response.StatusCode = status;
            if (status == StatusCodes.Status403Forbidden)
            {
                return DeniedAsync(ctx.HttpContext);
            }

            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Identity's user manager without its own lockout: <see cref="LoginThrottling"/> throttles per name and address and
/// per account for the second factor. Identity's count of failures would write the user row at every wrong code, and
/// at the same moment those writes collide with each other and with the one sign-in that is right.
/// </summary>
public sealed class AccountManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}

/// <summary>
/// Deny by default: an endpoint without its own policy needs a signed-in user. Requests that reached no
/// endpoint of the application (unknown address: 404; routing's own 405/415 answers) pass, so everybody
/// gets those answers instead of a sign-in prompt.
/// </summary>
internal sealed class SignedInUnlessNoEndpoint : AuthorizationHandler<SignedInUnlessNoEndpoint>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInUnlessNoEndpoint requirement)
    {
        var endpoint = (context.Resource as HttpContext)?.GetEndpoint();
        if (context.User.Identity?.IsAuthenticated == true || endpoint is null || IsRoutingRejection(endpoint))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    // Routing makes these when a path exists but not for this method or content type; they carry no metadata.
    private static bool IsRoutingRejection(Endpoint endpoint) =>
        endpoint.Metadata.Count == 0 && endpoint.DisplayName is "405 HTTP Method Not Supported" or "415 HTTP Unsupported Media Type";
}

/// <summary>Adds the derived Member role and the user's organizations and department to the sign-in (docs/domain.md#access).</summary>
internal sealed class MemberClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db, TimeProvider time)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim("department", department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.PersonId is { } person)
        {
            var today = Masterplan.Web.Shared.CityTime.Today(time);
            var organizations = await db.Memberships.AsNoTracking()
                .Where(m => m.PersonId == person && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
                .Select(m => m.OrganizationId).Distinct().ToListAsync();
            if (organizations.Count > 0)
            {
                identity.AddClaim(new Claim(identity.RoleClaimType, Roles.Member));
                identity.AddClaims(organizations.Select(o => new Claim("organization", o.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return identity;
    }
}
