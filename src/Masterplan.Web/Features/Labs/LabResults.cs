using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs;

/// <summary>What the Office decides about a recommendation.</summary>
public sealed record OutcomeInput(RecommendationOutcome? Outcome, int? FieldOfActionId, string? Title, string? ForwardedTo, string? DeclineReason);

/// <summary>
/// The results of a lab (docs/domain.md#lab-results): recommendations the participants wrote and the places they mapped, and what
/// became of each recommendation. Results shall be implemented (002); new fields of action may come out of a lab (004 §5).
/// </summary>
public sealed class LabResults(AppDbContext db, Measures measures, CatalogueEditor editor, Locations locations, TimeProvider time)
{

    public async Task<Outcome> AddRecommendationAsync(int labId, string? text, int? fieldOfActionId, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        var errors = new FieldErrors();
        if (lab.State < LabState.Held)
        {
            errors.Add("", "Empfehlungen erfassen Sie, wenn das Labor stattgefunden hat.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("", "Bitte geben Sie den Text der Empfehlung ein.");
        }
        else if (text.Length > 4000)
        {
            errors.Add("", "Eine Empfehlung darf höchstens 4000 Zeichen lang sein.");
        }

        if (fieldOfActionId is { } field && !await db.FieldsOfAction.AnyAsync(f => f.Id == field && !f.IsRetired, ct))
        {
            errors.Add("", "Dieses Handlungsfeld gibt es im aktuellen Katalog nicht.");
        }

        if (errors.Count > 0)
        {
            return Outcome.From(errors);
        }

        db.LabRecommendations.Add(new LabRecommendation { LabId = labId, Text = text!.Trim(), FieldOfActionId = fieldOfActionId, Outcome = RecommendationOutcome.Open });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>
    /// A place the participants mapped: by typed address (the gazetteer), by a click on the map or by typed coordinates, all
    /// checked by the shared <see cref="Locations"/>; the messages belong to the form's fields under <paramref name="prefix"/>.
    /// </summary>
    public async Task<Outcome> AddPlaceAsync(int labId, LocationInput place, string prefix, PlaceCategory? category, string? comment, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        var errors = new FieldErrors();
        if (lab.State < LabState.Held)
        {
            errors.Add("", "Orte erfassen Sie, wenn das Labor stattgefunden hat.");
        }

        var location = await locations.ResolveAsync(place, prefix, districtRequired: false, ct);
        errors.AddRange(location.Errors);
        if (category is null)
        {
            errors.Add("category", "Bitte wählen Sie, ob der Ort als sicher oder unsicher genannt wurde.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            errors.Add("comment", "Bitte beschreiben Sie kurz, was zu dem Ort gesagt wurde.");
        }
        else if (comment.Length > 1000)
        {
            errors.Add("comment", "Der Kommentar darf höchstens 1000 Zeichen lang sein.");
        }

        if (errors.Count > 0)
        {
            return Outcome.From(errors);
        }

        var point = location.Value!;
        db.LabPlaces.Add(new LabPlace { LabId = labId, Latitude = point.Latitude, Longitude = point.Longitude, Address = point.Address, Category = category!.Value, Comment = comment!.Trim() });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>
    /// Records what became of a recommendation: a new measure (through the catalogue's <see cref="Measures"/>,
    /// source = this lab), a new field of action (through <see cref="CatalogueEditor"/>, source = this lab),
    /// forwarded (to whom) or declined (with a reason). Decided once.
    /// </summary>
    public async Task<Outcome> DecideAsync(int labId, int recommendationId, OutcomeInput input, CancellationToken ct)
    {
        var recommendation = await db.LabRecommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.LabId == labId, ct);
        if (recommendation is null)
        {
            return Outcome.Invalid("", "Diese Empfehlung gibt es bei diesem Labor nicht.");
        }

        if (recommendation.Outcome != RecommendationOutcome.Open)
        {
            return Outcome.Invalid("", "Über diese Empfehlung ist schon entschieden.");
        }

        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        var source = $"Quartierslabor {lab.District}, {lab.QuarterLabel}: {lab.Title}";
        if (source.Length > 500)
        {
            source = source[..500];
        }

        switch (input.Outcome)
        {
            case RecommendationOutcome.NewMeasure:
            {
                var saved = await measures.SaveAsync(null, null, new MeasureInput(
                    input.FieldOfActionId ?? recommendation.FieldOfActionId, input.Title, recommendation.Text, null, MeasureStatus.Proposed, 0, 1, null, null, null, null, null,
                    await DistrictIdsAsync(lab.District, ct), [], CatalogueSourceKind.LabRecommendation, source, true), ct);
                if (saved.Value is not { } measure)
                {
                    // The measure's fields are not on this form: its messages show above the form.
                    return Outcome.Invalid(saved.Errors.Select(e => e with { Field = "" }));
                }

                recommendation.MeasureId = measure.Id;
                break;
            }

            case RecommendationOutcome.NewFieldOfAction:
            {
                if (string.IsNullOrWhiteSpace(input.Title))
                {
                    return Outcome.Invalid("", "Bitte geben Sie den Titel des neuen Handlungsfeldes an.");
                }

                // 004 §5: new fields of action may come out of a lab.
                var added = await editor.AddAsync(input.FieldOfActionId, input.Title, new ChangeSource(CatalogueSourceKind.LabRecommendation, source, "Empfehlung eines Quartierslabors (004 §5)"), ct);
                if (added.Value is not { } node)
                {
                    return Outcome.Invalid(added.Errors.Select(e => e with { Field = "" }));
                }

                recommendation.NewFieldOfActionId = node.Id;

                break;
            }

            case RecommendationOutcome.Forwarded:
                if (string.IsNullOrWhiteSpace(input.ForwardedTo) || input.ForwardedTo.Length > 300)
                {
                    return Outcome.Invalid("", "Bitte geben Sie an, an wen die Empfehlung weitergeleitet wurde (höchstens 300 Zeichen).");
                }

                recommendation.ForwardedTo = input.ForwardedTo.Trim();
                break;
            case RecommendationOutcome.Declined:
                if (string.IsNullOrWhiteSpace(input.DeclineReason) || input.DeclineReason.Length > 2000)
                {
                    return Outcome.Invalid("", "Bitte begründen Sie, warum die Empfehlung nicht übernommen wird (höchstens 2000 Zeichen).");
                }

                recommendation.DeclineReason = input.DeclineReason.Trim();
                break;
            default:
                return Outcome.Invalid("", "Bitte wählen Sie, was aus der Empfehlung wird.");
        }

        recommendation.Outcome = input.Outcome!.Value;
        recommendation.DecidedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    private async Task<List<int>> DistrictIdsAsync(string district, CancellationToken ct) =>
        await db.Districts.Where(d => d.Name == district).Select(d => d.Id).ToListAsync(ct);
}
