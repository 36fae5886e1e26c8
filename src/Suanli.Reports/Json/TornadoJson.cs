using Suanli.Analysis.Results;
using Suanli.Analysis.Sweep;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli sensitivity --json</c>: the metric at the scenario's values and the <c>tornado</c> rows, ranked.</summary>
public sealed record TornadoJson : ScenarioCommandJson
{
    internal TornadoJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>The model command.</summary>
    public required string Model { get; init; }

    /// <summary>The metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The metric's currency, when money.</summary>
    public required string? MetricCurrency { get; init; }

    /// <summary>The metric at the scenario's own values.</summary>
    public required double? Base { get; init; }

    /// <summary>How each input was moved: ±this share of its value.</summary>
    public required double Change { get; init; }

    /// <summary>The bars, largest swing first.</summary>
    public required IReadOnlyList<TornadoRowJson> Tornado { get; init; }

    /// <summary>Readings: code, arguments and text.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>A bar.</summary>
/// <param name="Input">The scenario path.</param>
/// <param name="BaseValue">Its value.</param>
/// <param name="LowValue">Moved down to.</param>
/// <param name="HighValue">Moved up to.</param>
/// <param name="Low">The metric at the low value, or null.</param>
/// <param name="High">The metric at the high value, or null.</param>
/// <param name="Swing">|high − low|, or null.</param>
/// <param name="Refused">Why an end gives no value, or null.</param>
public sealed record TornadoRowJson(string Input, double BaseValue, double LowValue, double HighValue, double? Low, double? High, double? Swing, string? Refused);

/// <summary>Turns a <see cref="TornadoResult"/> into <see cref="TornadoJson"/>.</summary>
public static class TornadoJsonWriter
{
    /// <summary>The JSON record.</summary>
    public static TornadoJson ToJson(TornadoResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        return new TornadoJson(result.Header, words)
        {
            Model = result.Model,
            Metric = result.Metric,
            MetricCurrency = result.MetricCurrency?.ToString(),
            Base = result.BaseMetric,
            Change = result.Change,
            Tornado = [.. result.Bars.Select(b => new TornadoRowJson(b.Input, b.BaseValue, b.LowValue, b.HighValue, b.Low, b.High, b.Swing, b.Refused is { } d ? words.DiagnosticLine(d) : null))],
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }
}
