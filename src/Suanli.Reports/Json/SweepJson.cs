using Suanli.Analysis.Results;
using Suanli.Analysis.Sweep;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli sweep --json</c>: the axes and one <c>grid</c> row per cell (the last axis varying fastest).</summary>
public sealed record SweepJson : ScenarioCommandJson
{
    internal SweepJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>The model command.</summary>
    public required string Model { get; init; }

    /// <summary>The metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The metric's currency, when money.</summary>
    public required string? MetricCurrency { get; init; }

    /// <summary>The axes, first varying slowest.</summary>
    public required IReadOnlyList<SweepAxisJson> Axes { get; init; }

    /// <summary>One row per cell.</summary>
    public required IReadOnlyList<SweepRowJson> Grid { get; init; }

    /// <summary>Readings: code, arguments and text.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>An axis.</summary>
/// <param name="Path">The scenario path.</param>
/// <param name="Values">Its values as given to --set.</param>
public sealed record SweepAxisJson(string Path, IReadOnlyList<string> Values);

/// <summary>A cell.</summary>
/// <param name="Values">Path → value.</param>
/// <param name="Value">The metric, or null.</param>
/// <param name="Refused">Why the cell could not be evaluated, or null.</param>
/// <param name="Currency">The value's currency at this cell, when money.</param>
public sealed record SweepRowJson(IReadOnlyDictionary<string, string> Values, double? Value, string? Refused, string? Currency);

/// <summary>Turns a <see cref="SweepResult"/> into <see cref="SweepJson"/> and CSV.</summary>
public static class SweepJsonWriter
{
    /// <summary>The JSON record.</summary>
    public static SweepJson ToJson(SweepResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        return new SweepJson(result.Header, words)
        {
            Model = result.Model,
            Metric = result.Metric,
            MetricCurrency = result.MetricCurrency?.ToString(),
            Axes = [.. result.Axes.Select(a => new SweepAxisJson(a.Path, a.Values))],
            Grid = [.. result.Cells.Select(c => new SweepRowJson(new OrderedDictionaryOf<string>(result.Axes.Select((a, i) => KeyValuePair.Create(a.Path, c.Values[i]))), c.Metric,
                c.Refused is { } d ? words.DiagnosticLine(d) : null, c.Currency?.ToString()))],
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    /// <summary>The grid as CSV: one column per axis, then the metric (empty when there is none); invariant numbers, \n line ends.</summary>
    public static string ToCsv(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        static string Cell(string text) => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        var money = result.Cells.Any(c => c.Currency is not null);
        var header = result.Axes.Select(a => Cell(a.Path)).Append(Cell(result.Metric));
        var lines = new List<string> { string.Join(',', money ? header.Append("currency") : header) };
        foreach (var c in result.Cells)
        {
            var row = c.Values.Select(Cell).Append(c.Metric is { } v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            lines.Add(string.Join(',', money ? row.Append(c.Currency?.ToString() ?? string.Empty) : row));
        }
        return string.Join('\n', lines) + "\n";
    }
}
