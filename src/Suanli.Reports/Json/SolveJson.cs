using Suanli.Analysis.Results;
using Suanli.Analysis.Solve;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>
/// The JSON of <c>suanli solve --json</c>: the input varied (<c>path</c>), the <c>value</c> that brings the <c>metric</c> to the
/// <c>target</c>, the value <c>achieved</c> there, the model, the range searched and any other solutions.
/// </summary>
public sealed record SolveJson : ScenarioCommandJson
{
    internal SolveJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>The model command whose metric was solved for.</summary>
    public required string Model { get; init; }

    /// <summary>The input varied.</summary>
    public required string Path { get; init; }

    /// <summary>The input's value that reaches the target.</summary>
    public required double Value { get; init; }

    /// <summary>The input's unit as the schema names it, or null.</summary>
    public required string? Unit { get; init; }

    /// <summary>The input's value in the scenario, when it states one.</summary>
    public required double? StartValue { get; init; }

    /// <summary>Whether the input takes whole numbers.</summary>
    public required bool IsInteger { get; init; }

    /// <summary>The metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The target.</summary>
    public required double Target { get; init; }

    /// <summary>The metric at the value.</summary>
    public required double Achieved { get; init; }

    /// <summary>The metric's currency, when money.</summary>
    public required string? MetricCurrency { get; init; }

    /// <summary>The range searched.</summary>
    public required BracketJson Searched { get; init; }

    /// <summary>Model evaluations made.</summary>
    public required int Evaluations { get; init; }

    /// <summary>Other intervals where the metric crosses the target.</summary>
    public required IReadOnlyList<BracketJson> OtherSolutions { get; init; }

    /// <summary>Every input of the scenario with its value and source.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>Readings: code, arguments and text.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>An interval of the varied input.</summary>
/// <param name="Lower">Its lower end.</param>
/// <param name="Upper">Its upper end.</param>
public sealed record BracketJson(double Lower, double Upper);

/// <summary>Turns a <see cref="SolveResult"/> into <see cref="SolveJson"/>.</summary>
public static class SolveJsonWriter
{
    /// <summary>The JSON record of a result, texts in the words' language.</summary>
    public static SolveJson ToJson(SolveResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        return new SolveJson(result.Header, words)
        {
            Model = result.Model,
            Path = result.Path,
            Value = result.Value,
            Unit = result.InputUnit,
            StartValue = result.StartValue,
            IsInteger = result.IsInteger,
            Metric = result.Metric,
            Target = result.Target,
            Achieved = result.Achieved,
            MetricCurrency = result.MetricCurrency?.ToString(),
            Searched = new BracketJson(result.Searched.Lower, result.Searched.Upper),
            Evaluations = result.Evaluations,
            OtherSolutions = [.. result.OtherSolutions.Select(b => new BracketJson(b.Lower, b.Upper))],
            Inputs = result.Header.Inputs,
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }
}
