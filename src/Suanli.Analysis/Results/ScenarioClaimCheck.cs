using Suanli.Scenarios;
using Suanli.Scenarios.Schema;

namespace Suanli.Analysis.Results;

/// <summary>A claim a scenario states (its <c>claims:</c> section) beside the figure the model computed.</summary>
/// <param name="Id">Claim id.</param>
/// <param name="Text">The claim, as the scenario words it.</param>
/// <param name="Metric">The computed figure's name.</param>
/// <param name="EssayValue">The essay's figure.</param>
/// <param name="ComputedValue">Suanli's figure, null when it does not exist.</param>
/// <param name="Comparison">How they are compared.</param>
/// <param name="Consistent">Whether the computed figure bears the claim out; null when it cannot be computed.</param>
/// <param name="Evidence">Published evidence, as the scenario gives it.</param>
public sealed record ScenarioClaimCheck(string Id, string Text, ClaimMetric Metric, double EssayValue, double? ComputedValue, ClaimComparison Comparison, bool? Consistent, string? Evidence)
{
    /// <summary>Relative tolerance of an "about" claim.</summary>
    public const double AboutTolerance = 0.15;

    /// <summary>Sets a claim beside the computed figure.</summary>
    public static ScenarioClaimCheck Of(Claim claim, double? computed)
    {
        ArgumentNullException.ThrowIfNull(claim);
        bool? consistent = computed is not { } c ? null : claim.Comparison switch
        {
            ClaimComparison.AtLeast => c >= claim.EssayValue,
            ClaimComparison.AtMost => c <= claim.EssayValue,
            _ => Math.Abs(c - claim.EssayValue) <= AboutTolerance * Math.Abs(claim.EssayValue),
        };
        return new ScenarioClaimCheck(claim.Id, claim.Text, claim.Metric, claim.EssayValue, computed, claim.Comparison, consistent, claim.Evidence);
    }
}
