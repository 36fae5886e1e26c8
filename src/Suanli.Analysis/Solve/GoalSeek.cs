using System.Globalization;
using Suanli.Analysis.Results;
using Suanli.Analysis.Run;
using Suanli.Core;
using Suanli.Core.Numerics;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Solve;

/// <summary>What <c>suanli solve</c> is asked: the input to vary, the metric and the value it should reach.</summary>
/// <param name="Path">The scenario input varied (a numeric path, list items by index).</param>
/// <param name="Metric">A named metric of the model's result (e.g. <c>irr</c>, <c>npv</c>).</param>
/// <param name="Target">The value the metric should reach.</param>
/// <param name="Command">The model command whose metric it is (<c>econ</c>, <c>layout</c>, …), or null to find it.</param>
/// <param name="Lower">A lower end for the search narrower than the input's allowed range, or null.</param>
/// <param name="Upper">An upper end for the search narrower than the input's allowed range, or null.</param>
public sealed record SolveRequest(string Path, string Metric, double Target, string? Command = null, double? Lower = null, double? Upper = null);

/// <summary>An interval of the input where the metric also crosses the target (another solution).</summary>
/// <param name="Lower">Its lower end.</param>
/// <param name="Upper">Its upper end.</param>
public sealed record Bracket(double Lower, double Upper);

/// <summary>The answer of <c>suanli solve</c>.</summary>
public sealed record SolveResult : IModelResult
{
    /// <inheritdoc/>
    public required ResultHeader Header { get; init; }

    /// <summary>The model command whose metric was solved for.</summary>
    public required string Model { get; init; }

    /// <summary>The input varied.</summary>
    public required string Path { get; init; }

    /// <summary>The input's value that brings the metric to the target.</summary>
    public required double Value { get; init; }

    /// <summary>The input's value in the scenario as loaded, when it states one.</summary>
    public required double? StartValue { get; init; }

    /// <summary>Whether the input takes whole numbers (the value is then the whole number nearest the crossing).</summary>
    public required bool IsInteger { get; init; }

    /// <summary>The metric.</summary>
    public required string Metric { get; init; }

    /// <summary>The target.</summary>
    public required double Target { get; init; }

    /// <summary>The metric at <see cref="Value"/>.</summary>
    public required double Achieved { get; init; }

    /// <summary>The metric's unit.</summary>
    public required Unit MetricUnit { get; init; }

    /// <summary>The metric's currency, when money.</summary>
    public required Currency? MetricCurrency { get; init; }

    /// <summary>The input's unit as the schema names it.</summary>
    public required string? InputUnit { get; init; }

    /// <summary>The range searched.</summary>
    public required Bracket Searched { get; init; }

    /// <summary>Model evaluations made.</summary>
    public required int Evaluations { get; init; }

    /// <summary>Other intervals where the metric crosses the target (the solution nearest the start is given).</summary>
    public required IReadOnlyList<Bracket> OtherSolutions { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>The result, or why there is none (a diagnostic naming the option).</summary>
/// <param name="Result">The result.</param>
/// <param name="Refusal">Why there is none.</param>
public sealed record SolveOutcome(SolveResult? Result, Diagnostic? Refusal);

/// <summary>
/// Goal seeking on any model on the seam: the value of one numeric input at which a named metric of the model's result reaches a
/// target. The input's allowed range (from the schema, narrowed by <c>--lower</c>/<c>--upper</c>) is scanned on a grid (linear,
/// or geometric when it spans three decades or more; every whole number for an integer input), the crossing nearest the start is
/// bracketed and Brent's method solves it. Points where the model refuses the input or the metric is undefined are skipped.
/// </summary>
public static class GoalSeek
{
    /// <summary>Grid intervals over the range searched.</summary>
    public const int GridIntervals = 48;

    /// <summary>Solves <paramref name="request"/>; <paramref name="loadWith"/> loads the scenario with one more <c>--set</c> (the varied input).</summary>
    public static SolveOutcome Solve(Scenario scenario, Func<string, LoadResult> loadWith, SolveRequest request, IProgress<AnalysisProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(loadWith);
        ArgumentNullException.ThrowIfNull(request);
        static Diagnostic Refuse(string field, MessageText message, MessageText allowed) => CommandLineRefusal.Of(field, message, allowed);

        var range = ScenarioPaths.Numeric(request.Path);
        if (range is null)
        {
            var head = request.Path.Split('.')[0];
            var near = ScenarioPaths.NumericPaths(head + ".");
            return new(null, Refuse("--vary", Messages.Of(ScenarioPaths.Exists(request.Path) ? "diag2.solve.notNumber" : "diag2.solve.unknownPath", ("path", Diagnostic.Shown(request.Path))),
                Messages.Literal(near.Count > 0 ? string.Join(", ", near.Take(40)) : "site.rentPerKwMonth, site.vacancy, training.sites.distanceKm, …")));
        }

        if (scenario.Overrides.Any(o => o.Split('=')[0].Trim() == request.Path))
        {
            return new(null, Refuse("--vary", Messages.Of("diag2.solve.alsoSet", ("path", request.Path)), Messages.Of("diag2.solve.alsoSet.allowed")));
        }

        var (picked, refusal) = MetricModel.Pick(scenario, request.Metric, request.Command, "--target", cancellationToken);
        if (refusal is not null)
        {
            return new(null, refusal);
        }

        var model = picked!;
        IModelResult? Run(Scenario s, ScenarioSection section) => MetricModel.Run(s, section, cancellationToken);
        var baseResult = Run(scenario, model);

        // The range: the schema's, narrowed by the options (never widened: a bound outside it is refused); an open end is moved in by a hair.
        if ((request.Lower is { } askedLow && askedLow < range.Min) || (request.Upper is { } askedHigh && askedHigh > range.Max))
        {
            var low = request.Lower is { } l && l < range.Min;
            return new(null, Refuse(low ? "--lower" : "--upper", Messages.Of("diag2.solve.outsideRange", ("value", G(low ? request.Lower!.Value : request.Upper!.Value)),
                ("path", request.Path)), Messages.Of("diag2.solve.emptyRange.allowed", ("min", G(range.Min)), ("max", G(range.Max)))));
        }

        var lo = Math.Max(range.Min, request.Lower ?? double.NegativeInfinity);
        var hi = Math.Min(range.Max, request.Upper ?? double.PositiveInfinity);
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            return new(null, Refuse(double.IsFinite(lo) ? "--upper" : "--lower", Messages.Of("diag2.solve.openRange", ("path", request.Path)), Messages.Of("diag2.solve.openRange.allowed")));
        }

        if (range.MinExclusive && lo == range.Min)
        {
            lo += Math.Max(Math.Abs(lo), 1) * 1e-9;
        }

        if (range.MaxExclusive && hi == range.Max)
        {
            hi -= Math.Max(Math.Abs(hi), 1) * 1e-9;
        }

        if (!(lo < hi))
        {
            return new(null, Refuse("--lower", Messages.Of("diag2.solve.emptyRange", ("lower", G(lo)), ("upper", G(hi))),
                Messages.Of("diag2.solve.emptyRange.allowed", ("min", G(range.Min)), ("max", G(range.Max)))));
        }

        double? start = scenario.Inputs.FirstOrDefault(i => i.Path == request.Path) is { } input
            && double.TryParse(input.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

        List<double> Grid(double a, double b)
        {
            var geometric = a > 0 && b / a >= 1000;
            var points = Enumerable.Range(0, GridIntervals + 1).Select(i => geometric ? a * Math.Pow(b / a, (double)i / GridIntervals) : a + ((b - a) * i / GridIntervals)).ToList();
            points[^1] = b;
            return points;
        }

        List<double> grid;
        if (range.IsInteger)
        {
            lo = Math.Ceiling(lo);
            hi = Math.Floor(hi);
            if (!(lo < hi))
            {
                return new(null, Refuse("--lower", Messages.Of("diag2.solve.emptyRange", ("lower", G(lo)), ("upper", G(hi))),
                    Messages.Of("diag2.solve.emptyRange.allowed", ("min", G(range.Min)), ("max", G(range.Max)))));
            }

            // Every whole number of a short range; else whole numbers on the grid, the crossing then halved down to neighbours.
            grid = hi - lo <= GridIntervals ? [.. Enumerable.Range(0, (int)(hi - lo) + 1).Select(i => lo + i)] : [.. Grid(lo, hi).Select(x => Math.Round(x)).Distinct()];
        }
        else
        {
            grid = Grid(lo, hi);
            if (start is { } s && s > lo && s < hi)
            {
                grid.Add(s);
            }
        }

        var evaluations = 0;
        var total = (3 * (GridIntervals + 1)) + 60;
        double Miss(double x) => MetricAt(x) - request.Target;
        double MetricAt(double x)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluations++;
            progress?.Report(new AnalysisProgress("solve", Math.Min(evaluations, total), total));
            var load = loadWith(request.Path + "=" + x.ToString("R", CultureInfo.InvariantCulture));
            if (load.Scenario is not { } trial || Run(trial, model) is not { } result)
            {
                return double.NaN;
            }

            var value = result.Metrics.FirstOrDefault(m => m.Key == request.Metric)?.Value;
            return value is { } v && double.IsFinite(v) ? v : double.NaN;
        }

        // The model may accept only part of the schema's range (a plausibility bound narrower than the schema's): while most of a
        // grid is refused, a finer grid is laid over the accepted part and its refused neighbours (at most twice more).
        // The first point shows whether the input can be set at all (a list item that does not exist, a value another check refuses).
        var probe = loadWith(request.Path + "=" + (start ?? lo).ToString("R", CultureInfo.InvariantCulture));
        if (probe.Scenario is null && probe.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } why && start is null
            && why.Path == request.Path && why.Message.Contains("no such list item", StringComparison.Ordinal))
        {
            return new(null, why with { File = "command-line", Line = 1, Column = 1, Path = "--vary" });
        }

        var metricAt = new SortedDictionary<double, double>();
        var seen = new SortedDictionary<double, double>();
        foreach (var x in grid.Distinct())
        {
            metricAt[x] = MetricAt(x);
            seen[x] = metricAt[x] - request.Target;
        }

        for (var pass = 0; pass < 2 && !range.IsInteger; pass++)
        {
            var xs = seen.Keys.ToList();
            var finiteAt = xs.Select((x, i) => (x, i)).Where(p => double.IsFinite(seen[p.x])).Select(p => p.i).ToList();
            if (finiteAt.Count == 0 || finiteAt.Count * 2 >= xs.Count)
            {
                break;
            }

            var a = xs[Math.Max(0, finiteAt[0] - 1)];
            var b = xs[Math.Min(xs.Count - 1, finiteAt[^1] + 1)];
            foreach (var x in Grid(a, b).Where(x => !seen.ContainsKey(x)))
            {
                metricAt[x] = MetricAt(x);
                seen[x] = metricAt[x] - request.Target;
            }
        }

        grid = [.. seen.Keys];
        var values = grid.Select(x => seen[x]).ToList();
        var brackets = new List<Bracket>();
        for (var i = 0; i < grid.Count; i++)
        {
            if (values[i] == 0)
            {
                brackets.Add(new Bracket(grid[i], grid[i]));
            }
            else if (i + 1 < grid.Count && double.IsFinite(values[i]) && double.IsFinite(values[i + 1]) && values[i + 1] != 0 && Math.Sign(values[i]) != Math.Sign(values[i + 1]))
            {
                brackets.Add(new Bracket(grid[i], grid[i + 1]));
            }
        }

        if (brackets.Count == 0)
        {
            var finite = metricAt.Values.Where(double.IsFinite).ToList();
            if (finite.Count > 1 && finite.Max() - finite.Min() <= 1e-12 * Math.Max(1, Math.Abs(finite.Max())))
            {
                return new(null, Refuse("--vary", Messages.Of("diag2.solve.constant", ("metric", request.Metric), ("path", request.Path), ("value", G(finite[0]))),
                    Messages.Of("diag2.solve.constant.allowed")));
            }

            return new(null, finite.Count == 0
                ? Refuse("--target", Messages.Of("diag2.solve.undefined", ("metric", request.Metric), ("path", request.Path), ("lower", G(lo)), ("upper", G(hi))),
                    Messages.Of("diag2.solve.undefined.allowed"))
                : Refuse("--target", Messages.Of("diag2.solve.unreachable", ("metric", request.Metric), ("target", G(request.Target)), ("path", request.Path), ("lower", G(lo)), ("upper", G(hi)),
                    ("low", G(finite.Min())), ("high", G(finite.Max()))), Messages.Of("diag2.solve.unreachable.allowed", ("low", G(finite.Min())), ("high", G(finite.Max())))));
        }

        // The crossing nearest the start (or the lowest, without one).
        var anchor = start ?? lo;
        var chosen = brackets.OrderBy(b => Math.Min(Math.Abs(b.Lower - anchor), Math.Abs(b.Upper - anchor))).ThenBy(b => b.Lower).First();
        double value;
        if (chosen.Lower == chosen.Upper)
        {
            value = chosen.Lower;
        }
        else if (range.IsInteger)
        {
            // Halve the bracket over whole numbers until its ends are neighbours; the nearer to the target wins.
            var (a, b) = (chosen.Lower, chosen.Upper);
            var (fa, fb) = (seen[a], seen[b]);
            while (b - a > 1)
            {
                var m = Math.Floor((a + b) / 2);
                var fm = Miss(m);
                if (fm == 0 || double.IsNaN(fm))
                {
                    (a, fa) = (m, fm);
                    break;
                }

                if (Math.Sign(fm) == Math.Sign(fa))
                {
                    (a, fa) = (m, fm);
                }
                else
                {
                    (b, fb) = (m, fm);
                }
            }

            value = double.IsNaN(fa) || Math.Abs(fb) < Math.Abs(fa) ? b : a;
        }
        else
        {
            var tolerance = Math.Max((chosen.Upper - chosen.Lower) * 1e-12, Math.Max(Math.Abs(chosen.Lower), Math.Abs(chosen.Upper)) * 1e-14);
            value = RootFinder.Brent(x => Miss(x) is var m && double.IsNaN(m) ? throw new ArithmeticException("undefined inside the bracket") : m, chosen.Lower, chosen.Upper,
                tolerance, 100) ?? Bisect(Miss, chosen.Lower, chosen.Upper);
        }

        var achieved = Miss(value) + request.Target;
        var metric = baseResult?.Metrics.First(m => m.Key == request.Metric);
        var header = ResultHeader.For("solve", scenario);
        var others = brackets.Where(b => b != chosen).ToList();
        var findings = new List<Finding>
        {
            Finding.Info("solve.found", ("path", request.Path), ("value", value), ("metric", request.Metric), ("target", request.Target), ("achieved", achieved),
                ("model", model.Command)),
        };
        if (others.Count > 0)
        {
            findings.Add(Finding.Warning("solve.otherSolutions", ("count", others.Count), ("lows", FindingArg.List(others.Select(b => b.Lower)))));
        }

        if (values.Any(double.IsNaN))
        {
            findings.Add(Finding.Info("solve.skipped", ("count", values.Count(double.IsNaN)), ("total", values.Count)));
        }

        return new(new SolveResult
        {
            Header = header,
            Model = model.Command,
            Path = request.Path,
            Value = value,
            StartValue = start,
            IsInteger = range.IsInteger,
            Metric = request.Metric,
            Target = request.Target,
            Achieved = achieved,
            MetricUnit = metric?.Unit ?? Unit.None,
            MetricCurrency = metric?.Currency,
            InputUnit = range.Unit,
            Searched = new Bracket(lo, hi),
            Evaluations = evaluations,
            OtherSolutions = others,
            Metrics = [new("value", value, Unit.None), new("achieved", achieved, metric?.Unit ?? Unit.None, metric?.Currency)],
            Findings = findings,
        }, null);
    }

    private static string G(double x) => NumberFormat.Plain(x, "G6");

    private static double Bisect(Func<double, double> f, double a, double b)
    {
        var fa = f(a);
        for (var i = 0; i < 200 && b - a > Math.Max(Math.Abs(a), Math.Abs(b)) * 1e-15; i++)
        {
            var m = (a + b) / 2;
            var fm = f(m);
            if (double.IsNaN(fm) || Math.Sign(fm) == Math.Sign(fa))
            {
                (a, fa) = (m, fm);
            }
            else
            {
                b = m;
            }
        }

        return (a + b) / 2;
    }
}
