namespace Masterplan.Web.Features.Geo;

/// <summary>
/// Where the map tiles come from (<c>Map:*</c>). The default is the official German basemap.de web raster of the BKG. An empty
/// <see cref="TileUrl"/> shows maps without a background (tests, CI, or a site that wants no third-party requests); every
/// form works without tiles, and without JavaScript.
/// </summary>
public sealed class MapOptions
{
    public const string DefaultTileUrl =
        "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_farbe/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png";

    /// <summary>A Leaflet tile URL template with <c>{z}</c>, <c>{x}</c>, <c>{y}</c> (and optionally <c>{s}</c>); absolute or a local path.</summary>
    public string TileUrl { get; set; } = DefaultTileUrl;

    /// <summary>The attribution the tile provider asks for, shown on every map.</summary>
    public string Attribution { get; set; } = "© basemap.de / BKG";

    public int MaxZoom { get; set; } = 18;

    /// <summary>
    /// The origin the Content-Security-Policy must allow in <c>img-src</c> for the configured tiles: scheme, host and port of
    /// an absolute http(s) URL (a <c>{s}</c> subdomain becomes <c>*</c>); null for a local path or no tiles.
    /// </summary>
    public static string? ImageSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }

        var url = tileUrl.Trim().Replace("{s}", "subdomain", StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var host = uri.IdnHost.Replace("subdomain", "*", StringComparison.Ordinal);
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
