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
    /// every object <paramref name="writer"/> wrote for it unless <c>omit_internal</c> left parts of them out.
    /// </summary>
    public async Task<IResult> AnswerAsync(HttpContext http, AppDbContext db, OParlWriter writer, string? key, Func<Task<IResult>> render, CancellationToken ct)
    {
        var scope = await OpenAsync(db, ct);
        if (key is not null && scope.TryGet(key, out var cached))
        {
            return new OParlJson.Answer(cached);
        }

        var result = await render();
        if (result is not OParlJson.Answer answer)
        {
            return result;
        }

        if (!http.Request.Query.ContainsKey("omit_internal"))
        {
            foreach (var o in writer.Written)
            {
                scope.Put(o.Id, o.Bytes);
            }
        }

        if (key is not null)
        {
            scope.Put(key, answer.Bytes);
        }

        return answer;
    }
}
