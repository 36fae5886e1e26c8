using Suanli.Analysis.Results;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Essay;

namespace Suanli.Analysis.Essay;

/// <summary>One test of a claim: a computation on an essay scenario, or the evidence set against the essay's figures.</summary>
/// <param name="Key">Stable key, e.g. <c>breakEvenRent</c>, <c>evidence</c>, <c>stepTime</c>.</param>
/// <param name="Verdict">What this test concludes.</param>
/// <param name="Primary">Whether the claim's verdict rests on it (a missing primary test makes the claim not yet computable).</param>
/// <param name="Reason">Why, as a finding (code and arguments).</param>
public sealed record ClaimTest(string Key, Verdict Verdict, bool Primary, Finding Reason);

/// <summary>One essay figure set against one piece of numeric evidence.</summary>
/// <param name="Figure">The essay figure's key.</param>
/// <param name="Evidence">The evidence's key.</param>
/// <param name="Agrees">Whether the evidence lies within what the essay's words allow.</param>
/// <param name="GapFactor">How far apart they are, as the factor between their nearest ends (1 when they agree).</param>
public sealed record EvidenceComparison(string Figure, string Evidence, bool Agrees, double GapFactor);

/// <summary>A variant's outcome: the claim's main test tried again on alternative inputs.</summary>
/// <param name="Key">The variant's key.</param>
/// <param name="Set">Its overrides.</param>
/// <param name="Source">Why this alternative.</param>
/// <param name="Holds">Whether the claim still holds.</param>
/// <param name="Figures">The figure the test reads, under the variant.</param>
public sealed record VariantOutcome(string Key, IReadOnlyList<string> Set, string Source, bool Holds, IReadOnlyList<Metric> Figures);

/// <summary>Everything Suanli says about one claim.</summary>
public sealed record ClaimResult
{
    /// <summary>C1 … C9.</summary>
    public required string Id { get; init; }

    /// <summary>The claim as the catalog states it (quote, essay figures, evidence with sources).</summary>
    public required EssayClaim Claim { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The reason for the verdict, as a finding.</summary>
    public required Finding Reason { get; init; }

    /// <summary>Suanli's figures from the essay scenarios, by key.</summary>
    public required IReadOnlyList<Metric> Figures { get; init; }

    /// <summary>The tests the verdict rests on.</summary>
    public required IReadOnlyList<ClaimTest> Tests { get; init; }

    /// <summary>The essay's figures against the numeric evidence.</summary>
    public required IReadOnlyList<EvidenceComparison> Comparisons { get; init; }

    /// <summary>The main test tried on documented alternative inputs.</summary>
    public required IReadOnlyList<VariantOutcome> Variants { get; init; }

    /// <summary>Readings, assumptions the figures rest on, and what is missing.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The inputs the figures rest on, by scenario origin (e.g. <c>presets/cn-2025-essay.yaml</c>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<InputValue>> Inputs { get; init; }
}

/// <summary>The closing summary: how many claims hold, under which assumptions, and the biggest gap.</summary>
/// <param name="Counts">How many claims got each verdict (every verdict listed, zeros included).</param>
/// <param name="Holding">Claims reproduced, with or without assumptions.</param>
/// <param name="Overturning">For claims reproduced under assumptions: the documented alternatives (variant keys) that overturn them, by claim.</param>
/// <param name="AssumedInputs">For claims reproduced under assumptions: the inputs that are assumptions rather than published figures, by claim.</param>
/// <param name="BiggestGap">The essay figure farthest from its evidence, or null when none disagrees.</param>
/// <param name="BiggestGapClaim">The claim of <paramref name="BiggestGap"/>.</param>
public sealed record EssaySummary(
    IReadOnlyDictionary<Verdict, int> Counts,
    IReadOnlyList<string> Holding,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Overturning,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AssumedInputs,
    EvidenceComparison? BiggestGap,
    string? BiggestGapClaim);

/// <summary>The essay's claims, each computed and set beside the evidence.</summary>
/// <param name="Title">The essay's title.</param>
/// <param name="Author">Its author.</param>
/// <param name="Date">Its date.</param>
/// <param name="Claims">The claims asked for, in order.</param>
/// <param name="Summary">The closing summary over those claims.</param>
public sealed record EssayResult(string Title, string Author, string Date, IReadOnlyList<ClaimResult> Claims, EssaySummary Summary);
