using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.OParl;

/// <summary>
/// The answers of the API as written, by URL: every object (also each one written inside a list page or embedded in
/// another object) under its <c>id</c>, and every list page under its URL. A strict client GETs each object it has
/// already received in a list once more; from here that costs one small command instead of three or four. Valid for one
/// number of the <see cref="DataVersion"/> <see cref="VersionName"/> (see <see cref="AnswerCache"/>).
/// </summary>
public sealed class OParlCache() : AnswerCache(VersionName, MaxBytes)
{
    public const string VersionName = "oparl";

    /// <summary>The strict crawl of ten years writes about 100 MiB; beyond this, answers are written but not kept.</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Serves <paramref name="key"/> from the cache, or renders it; a rendered 200 answer is kept (when it has a key), and so is
    /// every object written inside it unless <c>omit_internal</c> left parts of them out.
    /// </summary>
    public async Task<IResult> AnswerAsync(HttpContext http, AppDbContext db, string? key, Func<Task<IResult>> render, CancellationToken ct)
    {
        var scope = await OpenAsync(db, ct);
        if (key is not null && scope.TryGet(key, out var cached))
        {
            return new BytesResult(cached);
        }

        var result = await render();
        if (result is not OParlJson.NodeResult { Status: StatusCodes.Status200OK } answer)
        {
            return result;
        }

        var whole = !http.Request.Query.ContainsKey("omit_internal");
        var bytes = OParlJson.Serialize(answer.Node, whole ? scope.Put : null);
        if (key is not null)
        {
            scope.Put(key, bytes);
        }

        return new BytesResult(bytes);
    }

    private sealed class BytesResult(byte[] bytes) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}

/// <summary>Writes a JSON tree once, handing out the bytes of every OParl object in it as they are written.</summary>
internal static class OParlWriter
{
    public static byte[] Write(JsonNode node, JsonWriterOptions options, Action<string, byte[]>? onObject)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteNode(writer, node, options, onObject);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, JsonWriterOptions options, Action<string, byte[]>? onObject)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o when onObject is not null && IsObject(o, out var id):
                // Written on its own first: those bytes are the object's answer, and they go into this answer unchanged.
                var bytes = WriteObject(o, options, onObject);
                onObject(id, bytes);
                writer.WriteRawValue(bytes, skipInputValidation: true);
                break;
            case JsonObject o:
                WriteProperties(writer, o, options, onObject);
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a)
                {
                    WriteNode(writer, item, options, onObject);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static byte[] WriteObject(JsonObject o, JsonWriterOptions options, Action<string, byte[]> onObject)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteProperties(writer, o, options, onObject);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteProperties(Utf8JsonWriter writer, JsonObject o, JsonWriterOptions options, Action<string, byte[]>? onObject)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in o)
        {
            writer.WritePropertyName(name);
            WriteNode(writer, value, options, onObject);
        }

        writer.WriteEndObject();
    }

    /// <summary>An OParl object: it has its URL as <c>id</c> and a schema <c>type</c> (a list page's envelope has neither).</summary>
    private static bool IsObject(JsonObject o, out string id)
    {
        id = "";
        if (o.TryGetPropertyValue("id", out var idNode) && idNode is JsonValue idValue && idValue.TryGetValue<string>(out var text)
            && o.TryGetPropertyValue("type", out var typeNode) && typeNode is JsonValue typeValue && typeValue.TryGetValue<string>(out var type)
            && type.StartsWith(OParlJson.Version, StringComparison.Ordinal))
        {
            id = text;
            return true;
        }

        return false;
    }
}
