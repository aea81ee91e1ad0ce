using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.OParl;

/// <summary>One OParl object as written: its <c>id</c> and its bytes, which are exactly its own answer and go unchanged into every list page or object that embeds it.</summary>
public sealed record Written(string Id, byte[] Bytes);

/// <summary>
/// Writes OParl objects straight to UTF-8 (a page of meetings holds some 2,000 objects; building a <c>JsonNode</c> tree of
/// them and writing it cost three times the database's time). Each object is written on its own, after the objects it
/// embeds, so its bytes are its answer; every object written in the request is kept in <see cref="Written"/> for the cache.
/// One per request (scoped, like <see cref="OParlObjects"/>), not thread-safe.
/// </summary>
public sealed class OParlWriter : IDisposable
{
    /// <summary>Umlauts stay readable; JSON escaping is allowed by the spec, HTML escaping is not wanted.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Stack<ObjectBuilder> _free = new();

    /// <summary>Every object written in this request, in the order they were finished.</summary>
    public List<Written> Written { get; } = [];

    /// <summary>Starts an object with its head (<c>id</c>, <c>type</c>); <see cref="ObjectBuilder.Stamp"/> or <see cref="ObjectBuilder.End"/> finishes it.</summary>
    public ObjectBuilder Begin(string id, string type)
    {
        var builder = _free.Count > 0 ? _free.Pop() : new ObjectBuilder(this);
        builder.Start(id, type);
        return builder;
    }

    internal Written Finish(ObjectBuilder builder, Written written)
    {
        Written.Add(written);
        _free.Push(builder);
        return written;
    }

    public void Dispose()
    {
        while (_free.TryPop(out var builder))
        {
            builder.Dispose();
        }
    }

    /// <summary>A deleted or depublished object as the spec keeps it: id, type, created, modified (the deletion), deleted.</summary>
    public Written Deleted(string id, string type, Tombstone tombstone) =>
        Begin(id, type).Put("created", OParlJson.Moment(tombstone.Created)).Put("modified", OParlJson.Moment(tombstone.Deleted)).With("deleted", true).End();

    /// <summary>A whole JSON document (a list page's envelope) into one buffer.</summary>
    public static byte[] Document(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>
/// One object being written. Properties follow OParl's rule for empty values (spec 2.4): no null, no empty string, no empty
/// list; <c>With</c> writes a value that must be there even when false or zero.
/// </summary>
public sealed class ObjectBuilder : IDisposable
{
    private readonly OParlWriter _owner;
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _json;
    private string _id = "";

    internal ObjectBuilder(OParlWriter owner)
    {
        _owner = owner;
        _json = new Utf8JsonWriter(_buffer, OParlWriter.Options);
    }

    internal void Start(string id, string type)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _id = id;
        _json.WriteStartObject();
        _json.WriteString("id", id);
        _json.WriteString("type", OParlJson.Type(type));
    }

    public ObjectBuilder Put(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _json.WriteString(name, value);
        }

        return this;
    }

    /// <summary>A list of strings (URLs, titles).</summary>
    public ObjectBuilder Strings(string name, IEnumerable<string> values)
    {
        var started = false;
        foreach (var value in values)
        {
            if (!started)
            {
                _json.WriteStartArray(name);
                started = true;
            }

            _json.WriteStringValue(value);
        }

        if (started)
        {
            _json.WriteEndArray();
        }

        return this;
    }

    /// <summary>Embedded objects, as they were written.</summary>
    public ObjectBuilder Objects(string name, IEnumerable<Written> objects)
    {
        var started = false;
        foreach (var o in objects)
        {
            if (!started)
            {
                _json.WriteStartArray(name);
                started = true;
            }

            _json.WriteRawValue(o.Bytes, skipInputValidation: true);
        }

        if (started)
        {
            _json.WriteEndArray();
        }

        return this;
    }

    public ObjectBuilder Embedded(string name, Written? o)
    {
        if (o is not null)
        {
            _json.WritePropertyName(name);
            _json.WriteRawValue(o.Bytes, skipInputValidation: true);
        }

        return this;
    }

    public ObjectBuilder With(string name, bool value)
    {
        _json.WriteBoolean(name, value);
        return this;
    }

    /// <summary>A flag written only when set (<c>cancelled</c>).</summary>
    public ObjectBuilder TrueOnly(string name, bool value) => value ? With(name, true) : this;

    public ObjectBuilder With(string name, long value)
    {
        _json.WriteNumber(name, value);
        return this;
    }

    /// <summary>Writes <c>created</c> and <c>modified</c> last and finishes the object.</summary>
    public Written Stamp(ITimestamped stamps) =>
        Put("created", OParlJson.Moment(stamps.Created)).Put("modified", OParlJson.Moment(stamps.Modified)).End();

    public void Dispose() => _json.Dispose();

    public Written End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return _owner.Finish(this, new Written(_id, _buffer.WrittenSpan.ToArray()));
    }
}
