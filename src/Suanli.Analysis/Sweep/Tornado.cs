using System.Globalization;
using Suanli.Analysis.Results;
using Suanli.Analysis.Solve;
using Suanli.Core;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Sweep;

/// <summary>One bar of a tornado: an input moved down and up, and the metric at each end.</summary>
/// <param name="Input">The scenario path.</param>
/// <param name="BaseValue">Its value in the scenario.</param>
/// <param name="LowValue">The low end it was set to.</param>
/// <param name="HighValue">The high end.</param>
/// <param name="Low">The metric at the low end, or null when the model gives none there.</param>
/// <param name="High">The metric at the high end, or null.</param>
/// <param name="Refused">Why an end gives no value (the scenario refuses it), or null.</param>
public sealed record TornadoBar(string Input, double BaseValue, double LowValue, double HighValue, double? Low, double? High, Diagnostic? Refused = null)
{
    /// <summary>|high − low|, or null without both.</summary>
    public double? Swing => Low is { } l && High is { } h ? Math.Abs(h - l) : null;
}

/// <summary>The answer of <c>suanli sensitivity</c>.</summary>
public sealed record TornadoResult : IModelResult
{
    /// <inheritdoc/>
    public required ResultHeader Header { get; init; }

    /// <summary>The model command.</summary>
    public required string Model { get; init; }

    /// <summary>The metric.</summary>
    public required string Metric { get; init; }

    /// <summary>Its unit.</summary>
    public required Unit MetricUnit { get; init; }

    /// <summary>Its currency, when money.</summary>
    public required Currency? MetricCurrency { get; init; }

    /// <summary>The metric at the scenario's own values.</summary>
    public required double? BaseMetric { get; init; }

    /// <summary>How far each input is moved, relative (0.2 = ±20 %).</summary>
    public required double Change { get; init; }

    /// <summary>The bars, largest swing first (inputs whose ends the model refuses last).</summary>
    public required IReadOnlyList<TornadoBar> Bars { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>
/// A one-at-a-time tornado (issue 13, first slice): every numeric input the scenario states (a layout reads site.* too), moved
/// by ±<c>change</c> of its value (clamped to the schema's range; whole numbers rounded), the others held; bars ranked by the swing
/// of the metric. Inputs stated as 0 cannot move relatively and are left out. Until inputs can carry distributions, this is the
/// <c>--all</c> form of the issue: ±20 % of each plain number.
/// </summary>
public static class Tornado
{
    /// <summary>The most inputs a tornado evaluates.</summary>
    public const int MaxInputs = 500;

    /// <summary>Runs the tornado.</summary>
    public static (TornadoResult? Result, Diagnostic? Refusal) Run(Scenario scenario, Func<IReadOnlyList<string>, LoadResult> loadWith, string metric, string? command,
        double change, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(loadWith);
        var (model, refusal) = MetricModel.Pick(scenario, metric, command, "--output", cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var inputs = scenario.Inputs
            .Where(i => i.Origin != InputOrigin.Default && i.File != "catalog" && !i.Path.StartsWith("claims", StringComparison.Ordinal))
            .Select(i => (i.Path, Range: ScenarioPaths.Numeric(i.Path),
                Value: double.TryParse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN))
            .Where(x => x.Range is not null && double.IsFinite(x.Value) && x.Value != 0)
            .GroupBy(x => x.Path).Select(g => g.Last())
            .Take(MaxInputs)
            .ToList();
        var baseResult = MetricModel.Run(scenario, model!, cancellationToken);
        var unit = baseResult?.Metrics.FirstOrDefault(m => m.Key == metric);
        (double? Value, Diagnostic? Refused) At(string path, double value)
        {
            var load = loadWith([path + "=" + value.ToString("R", CultureInfo.InvariantCulture)]);
            return load.Scenario is { } s ? (MetricModel.Value(MetricModel.Run(s, model!, cancellationToken), metric), null)
                : (null, load.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error));
        }

        var bars = new List<TornadoBar>();
        var unmoved = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new AnalysisProgress("sensitivity", k, inputs.Count));
            var (path, range, value) = inputs[k];
            double Clamp(double x)
            {
                var c = Math.Clamp(x, range!.Min, range.Max);
                return range.IsInteger ? Math.Round(c) : c;
            }

            var low = Clamp(value * (1 - change));
            var high = Clamp(value * (1 + change));
            if (low == value && high == value)
            {
                unmoved++;
                continue;
            }

            var (lowMetric, lowRefused) = At(path, Math.Min(low, high));
            var (highMetric, highRefused) = At(path, Math.Max(low, high));
            bars.Add(new TornadoBar(path, value, Math.Min(low, high), Math.Max(low, high), lowMetric, highMetric, lowRefused ?? highRefused));
        }

        progress?.Report(new AnalysisProgress("sensitivity", inputs.Count, inputs.Count));
        if (bars.Count == 0)
        {
            return (null, CommandLineRefusal.Of("--change", Messages.Of("diag2.sensitivity.nothingMoves", ("change", NumberFormat.Plain(change))),
                Messages.Of("diag2.sensitivity.nothingMoves.allowed")));
        }

        var ranked = bars.OrderByDescending(b => b.Swing ?? double.NegativeInfinity).ThenBy(b => b.Input, StringComparer.Ordinal).ToList();
        var findings = new List<Finding>();
        if (ranked.FirstOrDefault() is { Swing: not null } top)
        {
            findings.Add(Finding.Info("sensitivity.top", ("input", top.Input), ("metric", metric), ("low", top.Low!.Value), ("high", top.High!.Value), ("change", change)));
        }

        if (unmoved > 0)
        {
            findings.Add(Finding.Info("sensitivity.unmoved", ("count", unmoved), ("change", change)));
        }

        if (ranked.Count(b => b.Swing is null) is var missing and > 0)
        {
            findings.Add(Finding.Warning("sensitivity.refused", ("count", missing), ("total", ranked.Count)));
        }

        return (new TornadoResult
        {
            Header = ResultHeader.For("sensitivity", scenario),
            Model = model!.Command,
            Metric = metric,
            MetricUnit = unit?.Unit ?? Unit.None,
            MetricCurrency = unit?.Currency,
            BaseMetric = MetricModel.Value(baseResult, metric),
            Change = change,
            Bars = ranked,
            Metrics = [new("inputs", ranked.Count, Unit.None)],
            Findings = findings,
        }, null);
    }
}
