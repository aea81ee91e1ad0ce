using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Masterplan.Web.Features.Open311;

/// <summary>
/// One Open311 answer, written as XML (the format the spec requires) or JSON from the same tree, so both always carry the
/// same data. The JSON follows the spec's mapping of the XML (the "Spark convention"): a root that holds a list of items
/// (<c>&lt;services&gt;&lt;service&gt;…</c>) is a JSON array of objects; a root that holds fields
/// (<c>&lt;service_definition&gt;</c>, <c>&lt;discovery&gt;</c>) is a JSON object; a nested list
/// (<c>&lt;attributes&gt;&lt;attribute&gt;…</c>) is an array under the list's name. Missing values are left out in both.
/// </summary>
public abstract record Open311Node
{
    /// <summary>Text, a whole number, a decimal number or true/false.</summary>
    public sealed record Value(object Content) : Open311Node;

    /// <summary>Named fields in the spec's order.</summary>
    public sealed record Fields(IReadOnlyList<KeyValuePair<string, Open311Node>> Items) : Open311Node;

    /// <summary>A list whose XML elements are named <paramref name="ItemName"/>.</summary>
    public sealed record List(string ItemName, IReadOnlyList<Open311Node> Items) : Open311Node;

    /// <summary>Fields from (name, value) pairs; pairs whose value is null are left out.</summary>
    public static Fields Of(params (string Name, object? Value)[] fields) =>
        new([.. fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, Open311Node>(f.Name, f.Value as Open311Node ?? new Value(f.Value!)))]);
}

/// <summary>The two formats of every Open311 resource, chosen by the path's extension (<c>services.xml</c>, <c>services.json</c>).</summary>
public enum Open311Format
{
    Xml,
    Json,
}

/// <summary>An answer: its root element's name, the tree and the HTTP status; <see cref="IResult"/> in the request's format.</summary>
public sealed class Open311Result(string root, Open311Node body, Open311Format format, int status = StatusCodes.Status200OK) : IResult
{
    public int Status => status;

    /// <summary>The answer's bytes in its format (what <see cref="ExecuteAsync"/> writes).</summary>
    public byte[] Render() => format == Open311Format.Json ? Json(body) : Xml(root, body);

    public Task ExecuteAsync(HttpContext httpContext) => Write(httpContext, status, format, Render());

    /// <summary>Writes rendered bytes (also those kept in <see cref="Open311Cache"/>) as an answer in <paramref name="format"/>.</summary>
    public static Task Write(HttpContext httpContext, int status, Open311Format format, byte[] bytes)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
    }

    /// <summary>The date-time form of the spec (W3C note, with the offset): Dortmund's local time, as the city's clocks show it.</summary>
    public static string Time(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Shared.CityTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static byte[] Json(Open311Node body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, body);
        }

        return stream.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter w, Open311Node node)
    {
        switch (node)
        {
            case Open311Node.Fields fields:
                w.WriteStartObject();
                foreach (var (name, value) in fields.Items)
                {
                    w.WritePropertyName(name);
                    WriteJson(w, value);
                }

                w.WriteEndObject();
                break;
            case Open311Node.List list:
                w.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(w, item);
                }

                w.WriteEndArray();
                break;
            case Open311Node.Value { Content: bool b }:
                w.WriteBooleanValue(b);
                break;
            case Open311Node.Value { Content: int i }:
                w.WriteNumberValue(i);
                break;
            case Open311Node.Value { Content: double d }:
                w.WriteNumberValue(d);
                break;
            case Open311Node.Value v:
                w.WriteStringValue(Convert.ToString(v.Content, CultureInfo.InvariantCulture));
                break;
        }
    }

    public static byte[] Xml(string root, Open311Node body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = false }))
        {
            writer.WriteStartDocument();
            WriteXml(writer, root, body);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteXml(XmlWriter w, string name, Open311Node node)
    {
        w.WriteStartElement(name);
        switch (node)
        {
            case Open311Node.Fields fields:
                foreach (var (field, value) in fields.Items)
                {
                    WriteXml(w, field, value);
                }

                break;
            case Open311Node.List list:
                foreach (var item in list.Items)
                {
                    WriteXml(w, list.ItemName, item);
                }

                break;
            case Open311Node.Value { Content: bool b }:
                w.WriteString(b ? "true" : "false");
                break;
            case Open311Node.Value { Content: double d }:
                w.WriteString(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case Open311Node.Value v:
                w.WriteString(XmlSafe(Convert.ToString(v.Content, CultureInfo.InvariantCulture) ?? ""));
                break;
        }

        w.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot carry most control characters; a stored text with one (typed through another channel) loses it rather than the answer failing.</summary>
    private static string XmlSafe(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            var ok = pair || XmlConvert.IsXmlChar(text[i]);
            if (!ok && clean is null)
            {
                clean = new StringBuilder(text, 0, i, text.Length);
            }

            if (ok)
            {
                clean?.Append(text[i]);
            }

            if (pair)
            {
                clean?.Append(text[i + 1]);
                i++;
            }
        }

        return clean?.ToString() ?? text;
    }
}
