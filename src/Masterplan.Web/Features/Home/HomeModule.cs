using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Home;

/// <summary>Start page, accessibility statement, privacy, imprint and the error pages: open to everyone.</summary>
public sealed class HomeModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContactOptions>().BindConfiguration("Contact");
        // What the start page reads itself; the news sources add theirs.
        services.AddSingleton(new DataVersion(NewsFeed.VersionName, new HashSet<Type> { typeof(Meeting), typeof(Organization), typeof(NeighbourhoodLab) }));
        services.AddSingleton<StartPageSnapshot>();
        services.AddOptions<SignLanguageOptions>().BindConfiguration("SignLanguage").ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SignLanguageOptions>, SignLanguageValidation>();
    }

    public void MapEndpoints(WebApplication app) => SignLanguageOptions.Map(app);

    /// <summary>The invitation letters of the labs name the contact persons of /kontakt.</summary>
    public IReadOnlyList<Type> PublicApi => [typeof(ContactOptions), typeof(ContactPerson)];

    public IReadOnlyList<PageAccess> Pages => [PageAccess.PublicFolder("/Home")];

    public IReadOnlyList<NavigationEntry> Navigation => [new(NavigationArea.Main, 0, "Start", "/"), new(NavigationArea.Main, 5, "Mitmachen", "/mitmachen")];

    public IEnumerable<string> TranslationLabels => ErrorModel.Texts.Values.SelectMany(t => new[] { t.Heading, t.Explanation })
        .Concat(ApiReferenceModel.TagHeadings.Values).Concat(ApiReferenceModel.StatusTexts.Values).Concat(ApiReferenceModel.ParameterPlaces.Values);
}
