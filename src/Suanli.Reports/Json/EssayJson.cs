using Suanli.Analysis.Essay;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Essay;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli essay --json</c>.</summary>
public sealed record EssayJson : CommandJson
{
    internal EssayJson(Words words)
        : base("essay", words)
    {
    }

    /// <summary>The <c>--set</c> overrides: none, the essay runs on its built-in scenarios as they are.</summary>
    public required IReadOnlyList<string> Overrides { get; init; }

    /// <summary>Every input the claims' figures rest on, by scenario or catalog entry (each claim lists its own too).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<InputValue>> Inputs { get; init; }

    /// <summary>The essay.</summary>
    public required EssayInfoJson Essay { get; init; }

    /// <summary>The claims asked for.</summary>
    public required IReadOnlyList<ClaimJson> Claims { get; init; }

    /// <summary>The summary over them.</summary>
    public required EssaySummaryJson Summary { get; init; }
}

/// <summary>Title, author, date.</summary>
/// <param name="Title">As published.</param>
/// <param name="Author">Author.</param>
/// <param name="Date">Date.</param>
public sealed record EssayInfoJson(string Title, string Author, string Date);

/// <summary>The essay's sentences: verbatim, Suanli's English rendering, and as shown in the output's language.</summary>
/// <param name="Original">Verbatim, Traditional Chinese as published.</param>
/// <param name="English">Suanli's English rendering.</param>
/// <param name="Text">As shown in the chosen language (Simplified characters for zh-Hans).</param>
public sealed record QuoteJson(string Original, string English, string Text);

/// <summary>One claim in JSON.</summary>
public sealed record ClaimJson
{
    /// <summary>C1 … C9.</summary>
    public required string Id { get; init; }

    /// <summary>A short title in the chosen language.</summary>
    public required string Title { get; init; }

    /// <summary>The essay's section.</summary>
    public required string Section { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The verdict in words.</summary>
    public required string VerdictText { get; init; }

    /// <summary>Why.</summary>
    public required FindingJson Reason { get; init; }

    /// <summary>The essay's sentences.</summary>
    public required QuoteJson Quote { get; init; }

    /// <summary>The essay's figures.</summary>
    public required IReadOnlyList<EssayFigureJson> EssayFigures { get; init; }

    /// <summary>Suanli's figures by key.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Figures { get; init; }

    /// <summary>The published evidence.</summary>
    public required IReadOnlyList<EvidenceJson> Evidence { get; init; }

    /// <summary>The essay's figures against the numeric evidence.</summary>
    public required IReadOnlyList<EvidenceComparison> Comparisons { get; init; }

    /// <summary>The tests the verdict rests on.</summary>
    public required IReadOnlyList<TestJson> Tests { get; init; }

    /// <summary>The main test on documented alternative inputs.</summary>
    public required IReadOnlyList<VariantJson> Variants { get; init; }

    /// <summary>Readings, assumptions and what is missing.</summary>
    public required IReadOnlyList<FindingJson> Findings { get; init; }

    /// <summary>The inputs the figures rest on, by scenario.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<InputValue>> Inputs { get; init; }
}

/// <summary>An essay figure in JSON.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Name">Its name in the chosen language.</param>
/// <param name="Comparison">How the essay states it.</param>
/// <param name="Value">The value (about, at least, at most, order of magnitude).</param>
/// <param name="Low">Low end of a range.</param>
/// <param name="High">High end of a range.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Currency">Currency.</param>
/// <param name="Period">Period.</param>
public sealed record EssayFigureJson(string Key, string Name, FigureComparison Comparison, double? Value, double? Low, double? High, Unit Unit, string? Currency, string? Period);

/// <summary>A piece of evidence in JSON.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Name">What it is, in the chosen language.</param>
/// <param name="Compares">The essay figure it is set against.</param>
/// <param name="Bears">What it says of the claim without a number.</param>
/// <param name="Value">A single value.</param>
/// <param name="Low">Low end of a range.</param>
/// <param name="High">High end of a range.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Currency">Currency.</param>
/// <param name="Period">Period.</param>
/// <param name="Grade">How well it is sourced.</param>
/// <param name="Source">Title, publisher, date, URL.</param>
public sealed record EvidenceJson(string Key, string Name, string? Compares, EvidenceBearing? Bears, double? Value, double? Low, double? High, Unit? Unit, string? Currency, string? Period, EvidenceGrade Grade, string Source);

/// <summary>A test in JSON.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Name">Its name in the chosen language.</param>
/// <param name="Verdict">What it concludes.</param>
/// <param name="Primary">Whether the claim's verdict rests on it.</param>
/// <param name="Reason">Why.</param>
public sealed record TestJson(string Key, string Name, Verdict Verdict, bool Primary, FindingJson Reason);

/// <summary>A variant in JSON.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Name">Its name in the chosen language.</param>
/// <param name="Set">Its overrides.</param>
/// <param name="Source">Why this alternative.</param>
/// <param name="Holds">Whether the claim still holds.</param>
/// <param name="Figures">The figures under the variant.</param>
public sealed record VariantJson(string Key, string Name, IReadOnlyList<string> Set, string Source, bool Holds, IReadOnlyDictionary<string, MetricJson> Figures);

/// <summary>The summary in JSON.</summary>
/// <param name="Counts">Claims per verdict.</param>
/// <param name="Holding">Claims reproduced, with or without assumptions.</param>
/// <param name="Overturning">Alternatives that overturn claims reproduced under assumptions, by claim.</param>
/// <param name="AssumedInputs">Assumed inputs those claims rest on, by claim.</param>
/// <param name="BiggestGap">The essay figure farthest from its evidence.</param>
/// <param name="Text">The summary in words.</param>
public sealed record EssaySummaryJson(IReadOnlyDictionary<Verdict, int> Counts, IReadOnlyList<string> Holding, IReadOnlyDictionary<string, IReadOnlyList<string>> Overturning, IReadOnlyDictionary<string, IReadOnlyList<string>> AssumedInputs, GapJson? BiggestGap, IReadOnlyList<string> Text);

/// <summary>The biggest gap between the essay and the evidence.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Figure">The essay figure.</param>
/// <param name="Evidence">The evidence.</param>
/// <param name="GapFactor">How far apart, as a factor.</param>
public sealed record GapJson(string Claim, string Figure, string Evidence, double GapFactor);
