using System.Globalization;
using Suanli.Analysis.Results;
using Suanli.Analysis.Solve;
using Suanli.Core;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Sweep;

/// <summary>One axis of a sweep: a scenario path and the values it takes (as <c>--set</c> writes them).</summary>
/// <param name="Path">The path.</param>
/// <param name="Values">The values, in order.</param>
/// <param name="Numeric">Whether the values are numbers (an evenly spaced range).</param>
/// <param name="Requested">The points asked for (more than the values when whole-number rounding merged some).</param>
public sealed record SweepAxis(string Path, IReadOnlyList<string> Values, bool Numeric, int Requested = 0);

/// <summary>One cell of the grid.</summary>
/// <param name="Values">The value of each axis, in axis order.</param>
/// <param name="Metric">The metric there, or null when the model gives none.</param>
/// <param name="Refused">Why the scenario could not be built or evaluated at this cell, or null.</param>
/// <param name="Currency">The metric's currency at this cell (a sweep over <c>currency</c> changes it), or null.</param>
public sealed record SweepCell(IReadOnlyList<string> Values, double? Metric, Diagnostic? Refused, Currency? Currency = null);

/// <summary>The answer of <c>suanli sweep</c>.</summary>
public sealed record SweepResult : IModelResult
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

    /// <summary>The axes, first varying slowest.</summary>
    public required IReadOnlyList<SweepAxis> Axes { get; init; }

    /// <summary>One cell per combination, the last axis varying fastest.</summary>
    public required IReadOnlyList<SweepCell> Cells { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>The result, or why there is none.</summary>
/// <param name="Result">The result.</param>
/// <param name="Refusal">Why there is none.</param>
public sealed record SweepOutcome(SweepResult? Result, Diagnostic? Refusal);

/// <summary>
/// A one- or two-dimensional grid over scenario inputs (issue 13): each cell is the scenario loaded with the user's <c>--set</c>s
/// and one more per axis, evaluated by the model whose named metric is asked for — the same as running the model command with
/// those <c>--set</c>s, cell by cell.
/// </summary>
public static class GridSweep
{
    /// <summary>The most points on one axis.</summary>
    public const int MaxSteps = 1000;

    /// <summary>The most cells in a grid.</summary>
    public const int MaxCells = 10_000;

    /// <summary>Parses an axis: <c>PATH=FROM:TO:STEPS</c> (STEPS evenly spaced points, both ends included) or <c>PATH=a,b,c</c>.</summary>
    public static (SweepAxis? Axis, Diagnostic? Refusal) ParseAxis(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        static Diagnostic Refuse(MessageText message, MessageText allowed) => CommandLineRefusal.Of("--vary", message, allowed);
        var cut = text.IndexOf('=', StringComparison.Ordinal);
        if (cut <= 0 || cut == text.Length - 1)
        {
            return (null, Refuse(Messages.Of("diag2.sweep.syntax", ("value", Diagnostic.Shown(text))), Messages.Of("diag2.sweep.syntax.allowed")));
        }

        var path = text[..cut].Trim();
        var spec = text[(cut + 1)..].Trim();
        if (!ScenarioPaths.Exists(path))
        {
            return (null, Refuse(Messages.Of("diag2.solve.unknownPath", ("path", Diagnostic.Shown(path))), Messages.Of("diag2.sweep.syntax.allowed")));
        }

        var parts = spec.Split(':');
        if (parts.Length == 3)
        {
            if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var from) || !double.IsFinite(from)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var to) || !double.IsFinite(to)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var steps) || steps < 2 || steps > MaxSteps)
            {
                return (null, Refuse(Messages.Of("diag2.sweep.range", ("value", Diagnostic.Shown(spec))), Messages.Of("diag2.sweep.range.allowed", ("max", F(MaxSteps)))));
            }

            var range = ScenarioPaths.Numeric(path);
            var integer = range?.IsInteger == true;
            var values = Enumerable.Range(0, steps).Select(i => i == steps - 1 ? to : from + ((to - from) * i / (steps - 1)))
                .Select(v => integer ? Math.Round(v) : Tidy(v)).Distinct().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList();
            return range is null
                ? (null, Refuse(Messages.Of("diag2.solve.notNumber", ("path", path)), Messages.Of("diag2.sweep.syntax.allowed")))
                : (new SweepAxis(path, values, true, steps), null);
        }

        var list = spec.Split(',').Select(v => v.Trim()).ToList();
        if (list.Count > MaxSteps)
        {
            return (null, Refuse(Messages.Of("diag2.sweep.tooManyValues", ("count", F(list.Count))), Messages.Of("diag2.sweep.range.allowed", ("max", F(MaxSteps)))));
        }

        if (list.Any(v => v.Length == 0))
        {
            return (null, Refuse(Messages.Of("diag2.sweep.syntax", ("value", Diagnostic.Shown(text))), Messages.Of("diag2.sweep.syntax.allowed")));
        }

        return (new SweepAxis(path, list, false), null);
    }

    /// <summary>Evaluates the grid; <paramref name="loadWith"/> loads the scenario with more <c>--set</c>s after the user's.</summary>
    public static SweepOutcome Run(Scenario scenario, Func<IReadOnlyList<string>, LoadResult> loadWith, IReadOnlyList<SweepAxis> axes, string metric, string? command,
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(loadWith);
        ArgumentNullException.ThrowIfNull(axes);
        static Diagnostic Refuse(MessageText message, MessageText allowed) => CommandLineRefusal.Of("--vary", message, allowed);
        if (axes.Count is < 1 or > 2)
        {
            return new(null, Refuse(Messages.Of("diag2.sweep.axes", ("count", F(axes.Count))), Messages.Of("diag2.sweep.axes.allowed")));
        }

        if (axes.Count == 2 && axes[0].Path == axes[1].Path)
        {
            return new(null, Refuse(Messages.Of("diag2.sweep.samePath", ("path", axes[0].Path)), Messages.Of("diag2.sweep.axes.allowed")));
        }

        if (axes.FirstOrDefault(a => scenario.Overrides.Any(o => o.Split('=')[0].Trim() == a.Path)) is { } twice)
        {
            return new(null, Refuse(Messages.Of("diag2.solve.alsoSet", ("path", twice.Path)), Messages.Of("diag2.solve.alsoSet.allowed")));
        }

        var cells = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (cells > MaxCells)
        {
            return new(null, Refuse(Messages.Of("diag2.sweep.tooMany", ("cells", F(cells))), Messages.Of("diag2.sweep.tooMany.allowed", ("max", F(MaxCells)))));
        }

        var (model, refusal) = MetricModel.Pick(scenario, metric, command, "--output", cancellationToken);
        if (refusal is not null)
        {
            return new(null, refusal);
        }

        // Each value alone must be one its path takes (a number in range, a known choice, an existing list item): a typo is
        // refused here, not shown as a grid of n/a. Values refused only in combination stay cells with their reason.
        foreach (var axis in axes)
        {
            foreach (var value in axis.Values)
            {
                var alone = loadWith([axis.Path + "=" + value]);
                if (alone.Scenario is null && alone.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error && d.Path == axis.Path && ValueFaults.Contains(d.Code)) is { } bad)
                {
                    return new(null, bad with { File = "command-line", Line = 1, Column = 1, Path = "--vary" });
                }
            }
        }

        var combos = axes.Count == 1
            ? axes[0].Values.Select(v => (IReadOnlyList<string>)[v]).ToList()
            : [.. axes[0].Values.SelectMany(a => axes[1].Values.Select(b => (IReadOnlyList<string>)[a, b]))];
        var result = new List<SweepCell>();
        for (var i = 0; i < combos.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new AnalysisProgress("sweep", i, combos.Count));
            var sets = combos[i].Select((v, k) => axes[k].Path + "=" + v).ToList();
            var load = loadWith(sets);
            if (load.Scenario is not { } cell)
            {
                result.Add(new SweepCell(combos[i], null, load.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)));
                continue;
            }

            var run = MetricModel.Run(cell, model!, cancellationToken);
            result.Add(new SweepCell(combos[i], MetricModel.Value(run, metric), null, run?.Metrics.FirstOrDefault(m => m.Key == metric)?.Currency));
        }

        progress?.Report(new AnalysisProgress("sweep", combos.Count, combos.Count));
        var unit = MetricModel.Run(scenario, model!, cancellationToken)?.Metrics.FirstOrDefault(m => m.Key == metric);
        var findings = new List<Finding>();
        var refused = result.Count(c => c.Refused is not null);
        if (refused > 0)
        {
            findings.Add(Finding.Warning("sweep.refused", ("count", refused), ("total", result.Count)));
        }

        if (refused == 0 && result.All(c => c.Metric is null))
        {
            findings.Add(Finding.Warning("sweep.undefined", ("metric", metric)));
        }

        foreach (var axis in axes.Where(a => a.Requested > a.Values.Count))
        {
            findings.Add(Finding.Info("sweep.merged", ("path", axis.Path), ("requested", axis.Requested), ("points", axis.Values.Count)));
        }

        return new(new SweepResult
        {
            Header = ResultHeader.For("sweep", scenario),
            Model = model!.Command,
            Metric = metric,
            MetricUnit = unit?.Unit ?? Unit.None,
            MetricCurrency = unit?.Currency,
            Axes = axes,
            Cells = result,
            Metrics = [new("cells", result.Count, Unit.None)],
            Findings = findings,
        }, null);
    }

    private static string F(double x) => NumberFormat.Plain(x);

    // Faults of a value on its own (its type, range, choice, or a list item that does not exist); a value refused only with
    // the rest of the scenario (an FP8 run on a chip without FP8) is a cell with its reason instead.
    private static readonly HashSet<string> ValueFaults =
    [
        DiagnosticCodes.WrongType, DiagnosticCodes.NotFinite, DiagnosticCodes.OutOfRange, DiagnosticCodes.UnknownChoice, DiagnosticCodes.SetSyntax,
        DiagnosticCodes.SetUnknownPath,
    ];

    /// <summary>An evenly spaced point without the binary noise of its arithmetic: 0.15, not 0.15000000000000002 (12 significant digits).</summary>
    private static double Tidy(double x) => double.Parse(x.ToString("G12", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
