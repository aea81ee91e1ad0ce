namespace Masterplan.Web;

/// <summary>
/// Marker for the UI texts. Keys are the German texts (German is the default language);
/// Resources/SharedResource.en.resx holds the English translations.
/// </summary>
public sealed class SharedResource;
