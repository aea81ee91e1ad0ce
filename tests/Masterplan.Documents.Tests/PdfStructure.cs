using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Masterplan.Documents.Tests;

/// <summary>Reads a PDF's catalog and structure tree with PdfPig, independently of PDFsharp.</summary>
internal sealed class PdfStructure : IDisposable
{
    readonly PdfDocument _pdf;

    public PdfStructure(byte[] bytes) => _pdf = PdfDocument.Open(bytes);

    public PdfDocument Document => _pdf;

    public DictionaryToken Catalog => _pdf.Structure.Catalog.CatalogDictionary;

    public IToken Resolve(IToken token) => token is IndirectReferenceToken reference
        ? _pdf.Structure.GetObject(reference.Data).Data
        : token;

    public IToken? Get(DictionaryToken dictionary, string key)
        => dictionary.TryGet(NameToken.Create(key), out var value) ? Resolve(value) : null;

    /// <summary>The structure elements depth-first as (type, /Alt, depth).</summary>
    public List<(string Type, string? Alt, int Depth)> Elements()
    {
        var result = new List<(string, string?, int)>();
        var root = (DictionaryToken)Get(Catalog, "StructTreeRoot")!;
        Walk(Get(root, "K"), 0);
        return result;

        void Walk(IToken? kids, int depth)
        {
            switch (kids)
            {
                case ArrayToken array:
                    foreach (var kid in array.Data)
                        Walk(Resolve(kid), depth);
                    break;
                case DictionaryToken element when Get(element, "S") is NameToken type:
                    result.Add((type.Data, (Get(element, "Alt") as StringToken)?.Data, depth));
                    Walk(Get(element, "K"), depth + 1);
                    break;
            }
        }
    }

    public void Dispose() => _pdf.Dispose();
}
