using System.Globalization;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Analysis.Reliability;

/// <summary>
/// The application entry of the training-job reliability model (MODEL.md §4): a validated scenario's <c>training</c>
/// section and the options → <see cref="ReliabilityResult"/>. Estimates the simulations' work before any runs (and
/// refuses what is past the budget), runs them with progress and cancellation, and says what the figures mean as codes.
/// </summary>
public static class ReliabilityAnalysis
{
    /// <summary>Progress step of the main simulation.</summary>
    public const string SimulateStep = "reliability.simulate";

    /// <summary>Progress step of the sweep.</summary>
    public const string SweepStep = "reliability.sweep";

    /// <summary>Progress step of the checkpoint interval search.</summary>
    public const string IntervalSearchStep = "reliability.intervalSearch";

    /// <summary>The largest number of trials a run may ask for.</summary>
    public const int MaxTrials = 10_000_000;

    /// <summary>The most threads a run may ask for.</summary>
    public const int MaxThreads = 1024;

    /// <summary>A sweep's fit counts as a straight line from this R² up.</summary>
    public const double StraightLineRSquared = 0.999;

    /// <summary>The simplifications of the model, each a resource code; docs/reliability.md has the details.</summary>
    public static IReadOnlyList<string> ModelNotes { get; } =
    [
        "reliability.model.rate", "reliability.model.perUnit", "reliability.model.closedForms", "reliability.model.simulation", "reliability.model.ettr",
    ];

    /// <summary>The default budget of a run, in events (tens of seconds).</summary>
    public static long DefaultMaxEvents => SimulationWork.DefaultMaxEvents;

    /// <summary>
    /// The work the options ask for on the scenario, and why they cannot run when they cannot (past the budget, a
    /// trial holding too much, a sweep without WAN rates, an interval search with nothing to search).
    /// </summary>
    public static (ReliabilityWork Work, ReliabilityRefusal? Refusal) Plan(Scenario scenario, ReliabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var model = scenario.Training ?? throw new ArgumentException("The scenario has no training section.", nameof(scenario));
        var main = SimulationWork.Estimate(model);
        var runs = Runs(model, options);
        var simulations = runs.Sum(r => r.Runs);
        double work = 0;
        var refusal = Checks(scenario, model, options);
        foreach (var (m, count) in runs)
        {
            var estimate = SimulationWork.Estimate(m);
            if (estimate.HeldPerTrial > SimulationWork.MaxHeldFailuresPerTrial && refusal is null)
            {
                var term = Describe(m, FailureModel.Terms(m)[estimate.DominantHeldTerm]);
                refusal = new ReliabilityRefusal(term.InputPath,
                    Finding.Info("reliability.refused.heldFailures", ("term", term.Label), ("held", estimate.HeldPerTrial), ("limit", SimulationWork.MaxHeldFailuresPerTrial)),
                    Finding.Info("reliability.refused.heldFailures.allowed"));
            }

            work += estimate.WorkFor((long)options.Trials * count);
        }

        var planned = new ReliabilityWork(main.EventsPerTrial, simulations, work, options.MaxEvents);
        refusal ??= Budget(model, options, main, simulations, work);
        return (planned, refusal);
    }

    /// <summary>Evaluates the job: closed forms, and the simulations, sweep and interval search the options ask for.</summary>
    /// <exception cref="ReliabilityRefusedException">The options cannot run on this scenario (see <see cref="Plan"/>), or a run reached a bound.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; a simulation stops within milliseconds.</exception>
    public static ReliabilityResult Evaluate(Scenario scenario, ReliabilityOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var model = scenario.Training ?? throw new ArgumentException("The scenario has no training section.", nameof(scenario));
        var (work, refusal) = Plan(scenario, options);
        if (refusal is not null)
        {
            throw new ReliabilityRefusedException(refusal);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var closed = ClosedForms.For(model);
        var terms = FailureModel.Terms(model).Select(t => Describe(model, t, closed.LambdaPerHour)).ToList();
        var trials = options.Trials;
        // The backstop while running: four times the budget the estimate was checked against.
        var backstop = options.MaxEvents > long.MaxValue / 4 ? long.MaxValue : options.MaxEvents * 4;
        SimulationResult? simulated = null;
        IReadOnlyList<SweepRow>? rows = null;
        IntervalSearchResult? search = null;
        try
        {
            if (trials > 0)
            {
                var step = new StepProgress(progress, SimulateStep, trials);
                simulated = ReliabilitySimulation.Run(model, trials, options.Seed, null, step.From(0), options.Threads, cancellationToken, backstop);
                step.Done();
            }

            if (options.Sweep is { } kind)
            {
                var points = ReliabilitySweeps.Points(model, kind).Count;
                var step = new StepProgress(progress, SweepStep, (long)Math.Max(1, trials) * points);
                long done = 0;
                // Without trials the sweep is closed forms only (no simulated ETTR), and instant.
                rows = ReliabilitySweeps.Run(model, kind, trials == 0 ? null : point =>
                {
                    var ettr = ReliabilitySimulation.Run(point, trials, options.Seed, null, step.From(done), options.Threads, cancellationToken, backstop).EttrMean;
                    done += trials;
                    return ettr;
                });
                step.Done();
            }

            if (options.OptimizeInterval)
            {
                var step = new StepProgress(progress, IntervalSearchStep, (long)trials * CheckpointIntervalSearch.PlannedEvaluations);
                search = CheckpointIntervalSearch.Run(model, trials, options.Seed, options.Threads, cancellationToken, step.From(0), backstop);
                step.Done();
            }
        }
        catch (SimulationLimitException e)
        {
            throw new ReliabilityRefusedException(LimitReached(model, e, options.MaxEvents));
        }

        var lambda = closed.LambdaPerHour;
        double Share(Func<FailureTerm, bool> which) => lambda > 0 ? terms.Where(t => which(t.Term)).Sum(t => t.Term.RatePerHour) / lambda : 0;
        var calibration = Calibrations.Check(model) is { } check
            ? new ReliabilityCalibrationResult(model.Calibration!.Name, check, check.Ratio - 1, Calibrations.RangeFactor)
            : null;
        var horizon = model.HorizonHours;
        var sweep = rows is null ? null : SweepOf(options.Sweep!.Value, rows);
        var result = new ReliabilityResult
        {
            Header = ResultHeader.For("reliability", scenario),
            Options = options,
            Model = model,
            Closed = closed,
            Terms = terms,
            PublishedInterruptions = terms.Any(t => t.Term.PublishedCount is not null) ? terms.Sum(t => t.Term.PublishedCount ?? 0) : null,
            SiteShare = Share(t => t.Kind == TermKind.SiteEvents),
            WanShare = Share(IsWan),
            AcceleratorHours = horizon * model.JobAccelerators,
            LostAcceleratorHours = (1 - closed.Ettr) * horizon * model.JobAccelerators,
            Calibration = calibration,
            Warnings = [.. Calibrations.Warnings(model).Select(w => new ReliabilityWarningResult(w, WarningFinding(w, model)))],
            Simulated = simulated is null ? null : new ReliabilitySimulated(simulated, simulated.CheckpointHoursMean / horizon, simulated.LostWorkHoursMean / horizon,
                simulated.RestartHoursMean / horizon, simulated.WaitHoursMean / horizon, simulated.InterruptionsMean / Math.Max(closed.ExpectedInterruptions, 1e-300) - 1),
            Sweep = sweep,
            IntervalSearch = search,
            Work = work,
            Metrics = [],
            Findings = [],
            ModelNotes = ModelNotes,
        };
        return result with
        {
            Metrics = Metrics(result),
            Findings = Findings(result, Share(t => t.Kind == TermKind.FiberCuts), Share(t => t.Kind == TermKind.CollectiveTimeouts)),
        };
    }

    /// <summary>The scenario key that sets a term's rate.</summary>
    public static string InputPath(FailureTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Kind switch
        {
            TermKind.Component => string.Create(CultureInfo.InvariantCulture, $"training.reliability.components[{term.ComponentIndex}].mtbfHours"),
            TermKind.SiteEvents => "training.sites.facilityEventsPerYear",
            TermKind.LinkEvents => "training.wan.linkEventsPerYear",
            TermKind.FiberCuts => "training.wan.fiberCutsPerKmYear",
            _ => "training.wan.collectiveTimeoutsPerDayPerMsRtt",
        };
    }

    /// <summary>A term's name as a finding argument: the component's own name, or the word for a site or WAN term.</summary>
    public static FindingArg Label(FailureTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Kind == TermKind.Component ? term.Name : new Term("reliability.term." + Camel(term.Kind.ToString()));
    }

    private static bool IsWan(FailureTerm t) => t.Kind is TermKind.LinkEvents or TermKind.FiberCuts or TermKind.CollectiveTimeouts;

    private static ReliabilityTerm Describe(TrainingReliability model, FailureTerm t, double lambda = 0) =>
        new(t, Label(t), t.RatePerHour * 24, lambda > 0 ? t.RatePerHour / lambda : 0, t.RatePerHour * model.HorizonHours, InputPath(t));

    /// <summary>Every simulation the options ask for: the model simulated and how many times <c>trials</c> trials.</summary>
    private static List<(TrainingReliability Model, int Runs)> Runs(TrainingReliability model, ReliabilityOptions options) => options.Trials == 0 ? [] :
        [
            (model, 1 + (options.OptimizeInterval ? CheckpointIntervalSearch.PlannedEvaluations : 0)),
            .. options.Sweep is { } kind ? ReliabilitySweeps.Points(model, kind).Select(p => (p, 1)) : [],
        ];

    /// <summary>
    /// What the options need of themselves, before any scenario is read: trials and threads in range, a positive
    /// budget, trials for the interval search. Null when they are consistent.
    /// </summary>
    public static ReliabilityRefusal? CheckOptions(ReliabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Trials is < 0 or > MaxTrials)
        {
            return new ReliabilityRefusal("--trials", Finding.Info("reliability.refused.trialsOutOfRange", ("trials", options.Trials), ("max", MaxTrials)),
                Finding.Info("reliability.refused.trialsOutOfRange.allowed", ("max", MaxTrials)));
        }

        if (options.Threads is < 1 or > MaxThreads)
        {
            return new ReliabilityRefusal("--threads", Finding.Info("reliability.refused.threadsOutOfRange", ("threads", options.Threads.Value), ("max", MaxThreads)),
                Finding.Info("reliability.refused.threadsOutOfRange.allowed", ("max", MaxThreads)));
        }

        if (options.MaxEvents < 1)
        {
            return new ReliabilityRefusal("--max-events", Finding.Info("reliability.refused.maxEventsNotPositive", ("maxEvents", options.MaxEvents)),
                Finding.Info("reliability.refused.maxEventsNotPositive.allowed"));
        }

        return options.OptimizeInterval && options.Trials == 0
            ? new ReliabilityRefusal("--optimize-interval", Finding.Info("reliability.refused.searchNeedsTrials"), Finding.Info("reliability.refused.searchNeedsTrials.allowed"))
            : null;
    }

    /// <summary>What the options need from the scenario.</summary>
    private static ReliabilityRefusal? Checks(Scenario scenario, TrainingReliability model, ReliabilityOptions options)
    {
        if (CheckOptions(options) is { } refusal)
        {
            return refusal;
        }

        if (options.Sweep is not null && !scenario.HasWan)
        {
            return new ReliabilityRefusal("training.wan", Finding.Info("reliability.refused.sweepNeedsWan"), Finding.Info("reliability.refused.sweepNeedsWan.allowed"));
        }

        if (options.OptimizeInterval && model.CheckpointBlockingMinutes <= 0)
        {
            return new ReliabilityRefusal("--optimize-interval", Finding.Info("reliability.refused.freeCheckpoints"), Finding.Info("reliability.refused.freeCheckpoints.allowed"));
        }

        if (options.OptimizeInterval && FailureModel.LambdaPerHour(model) <= 0)
        {
            return new ReliabilityRefusal("--optimize-interval", Finding.Info("reliability.refused.neverFails"), Finding.Info("reliability.refused.neverFails.allowed"));
        }

        return null;
    }

    /// <summary>The refusal when the work is past the budget: naming --trials when their number drives it, else the term whose rate does.</summary>
    private static ReliabilityRefusal? Budget(TrainingReliability model, ReliabilityOptions options, WorkEstimate main, int simulations, double work)
    {
        var budget = options.MaxEvents;
        if (work <= budget)
        {
            return null;
        }

        var needed = Math.Ceiling(work);
        if (main.WorkFor(1) * simulations <= budget || main.DominantTerm < 0)
        {
            // One trial of each run fits (or nothing fails): the trial count drives the work.
            var most = Math.Floor(budget / (main.WorkFor(1) * simulations));
            return new ReliabilityRefusal("--trials",
                Finding.Info("reliability.refused.tooManyTrials", ("trials", options.Trials), ("simulations", simulations), ("eventsPerTrial", main.EventsPerTrial),
                    ("events", work), ("budget", budget)),
                most > 0
                    ? Finding.Info("reliability.refused.tooManyTrials.allowed", ("most", most), ("needed", needed))
                    : Finding.Info("reliability.refused.raiseBudget.allowed", ("needed", needed)));
        }

        var dominant = Describe(model, FailureModel.Terms(model)[main.DominantTerm]);
        return new ReliabilityRefusal(dominant.InputPath,
            Finding.Info("reliability.refused.tooManyEvents", ("term", dominant.Label), ("perTrial", main.EventsPerTrialByTerm[main.DominantTerm]),
                ("trials", options.Trials), ("simulations", simulations), ("events", work), ("budget", budget)),
            Finding.Info("reliability.refused.tooManyEvents.allowed", ("key", LastKey(dominant.InputPath)), ("needed", needed)));
    }

    /// <summary>The refusal when a bound was reached while running.</summary>
    private static ReliabilityRefusal LimitReached(TrainingReliability model, SimulationLimitException e, long budget)
    {
        var terms = FailureModel.Terms(model);
        var kind = Camel(e.Kind.ToString());
        if (e.Term < 0 || e.Term >= terms.Count)
        {
            return new ReliabilityRefusal("--max-events", Finding.Info("reliability.limit." + kind, ("limit", e.Limit), ("budget", budget)),
                Finding.Info("reliability.limit.allowed"));
        }

        var term = Describe(model, terms[e.Term]);
        return new ReliabilityRefusal(term.InputPath, Finding.Info("reliability.limit." + kind + ".term", ("term", term.Label), ("limit", e.Limit), ("budget", budget)),
            Finding.Info("reliability.limit.term.allowed", ("key", LastKey(term.InputPath))));
    }

    private static ReliabilitySweep SweepOf(SweepKind kind, IReadOnlyList<SweepRow> rows)
    {
        var fit = ReliabilitySweeps.FitLnSurvival(rows, kind);
        var perStep = kind == SweepKind.Sites ? fit.Slope : fit.Slope * 1000;
        var first = rows[0];
        var last = rows[^1];
        return new ReliabilitySweep(kind, rows, fit, perStep, Math.Exp(perStep), last.LambdaPerHour / Math.Max(first.LambdaPerHour, 1e-300),
            1 - last.SiteShare - last.WanShare);
    }

    // JobOutsideCalibration is the only code; a new one gets its own words.
    private static Finding WarningFinding(ReliabilityWarning w, TrainingReliability model) =>
        Finding.Warning("reliability.jobOutsideCalibration." + (w.Ratio >= 1 ? "larger" : "smaller"),
            ("jobAccelerators", w.JobAccelerators), ("factor", w.Ratio >= 1 ? w.Ratio : 1 / w.Ratio), ("calibrationJobAccelerators", w.CalibrationJobAccelerators),
            ("calibration", model.Calibration?.Name ?? string.Empty), ("rangeFactor", w.RangeFactor));

    /// <summary>The result in readings, in the order the report says them: what adds, what decays, what dominates.</summary>
    private static List<Finding> Findings(ReliabilityResult r, double fiberShare, double timeoutShare)
    {
        var c = r.Closed;
        var m = r.Model;
        var findings = new List<Finding>();
        if (c.LambdaPerHour > 0)
        {
            var top = r.Terms.OrderByDescending(t => t.Term.RatePerHour).First();
            findings.Add(Finding.Info("reliability.rateAddsUp", ("lambdaPerDay", c.LambdaPerHour * 24), ("mttiHours", c.MttiHours), ("term", top.Label), ("share", top.Share)));
        }
        else
        {
            findings.Add(Finding.Info("reliability.neverFails"));
        }

        if (r.Calibration is { } cal)
        {
            findings.Add(Finding.Info("reliability.calibration", ("calibration", cal.Name), ("jobAccelerators", cal.Check.JobAccelerators),
                ("modelInterruptions", cal.Check.ModelInterruptions), ("days", cal.Check.Days), ("publishedInterruptions", cal.Check.PublishedInterruptions),
                ("deviation", cal.Deviation)));
        }
        else if (r.PublishedInterruptions is { } published)
        {
            findings.Add(Finding.Info("reliability.calibrationPublished", ("expected", c.ExpectedInterruptions), ("days", m.HorizonDays), ("published", published)));
        }

        findings.AddRange(r.Warnings.Select(w => w.Finding));
        if (!c.FirstOrderHolds)
        {
            // Said instead of a negative or absurd ratio: the metric and the JSON key are null, Daly's exact ETTR stands.
            findings.Add(Finding.Info("reliability.firstOrderDoesNotHold", ("intervalMinutes", c.IntervalMinutes), ("ettr", c.Ettr)));
        }

        findings.Add(Finding.Info("reliability.survivalDecays", ("pClean", c.PNoInterruption24h)));
        if (m.Sites > 1)
        {
            findings.Add(Finding.Info("reliability.wanShares", ("sites", m.Sites), ("distanceKm", m.DistanceKm), ("siteShare", r.SiteShare), ("wanShare", r.WanShare),
                ("fiberShare", fiberShare), ("timeoutShare", timeoutShare)));
        }

        if (r.Sweep is { Rows.Count: > 1 } sweep)
        {
            var kind = Camel(sweep.Kind.ToString());
            var first = sweep.Rows[0];
            var last = sweep.Rows[^1];
            var range = new (string, FindingArg)[]
            {
                ("fromPerDay", first.LambdaPerHour * 24), ("toPerDay", last.LambdaPerHour * 24), ("ratio", sweep.LambdaRatio), ("rSquared", sweep.Fit.RSquared),
            };
            findings.Add(sweep.Fit.RSquared >= StraightLineRSquared
                ? Finding.Info("reliability.sweep.linear." + kind, [.. range, ("slope", sweep.SlopePerStep), ("factor", sweep.FactorPerStep)])
                : Finding.Info("reliability.sweep.curved." + kind, [.. range, ("topology", new Term("reliability.topology." + Camel(m.Topology.ToString())))]));
            findings.Add(Finding.Info("reliability.sweep.farEnd." + (last.SiteShare >= last.WanShare ? "site" : "wan"),
                ("inSiteShare", sweep.InSiteShareAtFarEnd), ("siteShare", last.SiteShare), ("wanShare", last.WanShare)));
        }
        else if (m.Sites == 1)
        {
            findings.Add(Finding.Info("reliability.oneSite"));
        }

        if (m.Sites > 1 || r.Sweep is not null)
        {
            // Failures are half of what distance does to a job across sites; the other half is its step time.
            findings.Add(Finding.Info("reliability.failuresOnly"));
        }

        if (r.Simulated is { } s)
        {
            findings.Add(Finding.Info("reliability.simulationAgrees", ("interruptions", s.Result.InterruptionsMean), ("closedInterruptions", c.ExpectedInterruptions),
                ("deviation", s.InterruptionsDeviation), ("ettr", s.Result.EttrMean), ("closedEttr", c.Ettr), ("waitHours", s.Result.WaitHoursMean)));
        }

        return findings;
    }

    private static List<Metric> Metrics(ReliabilityResult r)
    {
        var c = r.Closed;
        var m = r.Model;
        var metrics = new List<Metric>
        {
            new("jobAccelerators", m.JobAccelerators, Unit.Accelerators),
            new("sites", m.Sites, Unit.None),
            new("distanceKm", m.DistanceKm, Unit.Km),
            new("horizonDays", m.HorizonDays, Unit.Days),
            new("lambdaPerDay", c.LambdaPerHour * 24, Unit.PerDay),
            new("mttiHours", Finite(c.MttiHours), Unit.Hours),
            new("expectedInterruptions", c.ExpectedInterruptions, Unit.None),
            new("pNoInterruption24h", c.PNoInterruption24h, Unit.Fraction),
            new("pNoInterruptionHorizon", c.PNoInterruptionHorizon, Unit.Fraction),
            new("youngIntervalMinutes", Finite(c.YoungIntervalMinutes), Unit.Minutes),
            new("dalyIntervalMinutes", Finite(c.DalyIntervalMinutes), Unit.Minutes),
            new("intervalMinutes", Finite(c.IntervalMinutes), Unit.Minutes),
            new("ettr", c.Ettr, Unit.Fraction),
            new("ettrFirstOrder", c.EttrFirstOrderWhereItHolds, Unit.Fraction),
            new("acceleratorHours", r.AcceleratorHours, Unit.AcceleratorHours),
            new("lostAcceleratorHours", r.LostAcceleratorHours, Unit.AcceleratorHours),
            new("siteShare", r.SiteShare, Unit.Fraction),
            new("wanShare", r.WanShare, Unit.Fraction),
        };
        if (r.Calibration is { } cal)
        {
            metrics.Add(new("calibrationModelInterruptions", cal.Check.ModelInterruptions, Unit.None));
            metrics.Add(new("calibrationPublishedInterruptions", cal.Check.PublishedInterruptions, Unit.None));
            metrics.Add(new("calibrationRatio", cal.Check.Ratio, Unit.None));
        }

        if (r.Simulated?.Result is { } s)
        {
            metrics.AddRange(
            [
                new("interruptionsMean", s.InterruptionsMean, Unit.None),
                new("interruptionsStdError", s.InterruptionsStdError, Unit.None),
                new("interruptionsP5", s.InterruptionsP5, Unit.None),
                new("interruptionsP50", s.InterruptionsP50, Unit.None),
                new("interruptionsP95", s.InterruptionsP95, Unit.None),
                new("mttiHoursSimulated", Finite(s.MttiHours), Unit.Hours),
                new("ettrSimulated", s.EttrMean, Unit.Fraction),
                new("ettrSimulatedStdError", s.EttrStdError, Unit.Fraction),
                new("ettrSimulatedP5", s.EttrP5, Unit.Fraction),
                new("ettrSimulatedP95", s.EttrP95, Unit.Fraction),
                new("lostAcceleratorHoursSimulated", s.LostAcceleratorHoursMean, Unit.AcceleratorHours),
                new("pNoInterruption24hSimulated", s.PNoInterruption24h, Unit.Fraction),
                new("checkpointHours", s.CheckpointHoursMean, Unit.Hours),
                new("lostWorkHours", s.LostWorkHoursMean, Unit.Hours),
                new("restartHours", s.RestartHoursMean, Unit.Hours),
                new("waitHours", s.WaitHoursMean, Unit.Hours),
            ]);
        }

        if (r.IntervalSearch is { } search)
        {
            metrics.Add(new("optimizedIntervalMinutes", search.IntervalMinutes, Unit.Minutes));
            metrics.Add(new("ettrAtOptimizedInterval", search.Ettr, Unit.Fraction));
        }

        if (r.Sweep is { } sweep)
        {
            metrics.Add(new("sweepLnPSlopePerStep", sweep.SlopePerStep, Unit.None));
            metrics.Add(new("sweepRSquared", sweep.Fit.RSquared, Unit.None));
        }

        return metrics;
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string LastKey(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Trials done of one step (over all its simulations), as <see cref="AnalysisProgress"/>.</summary>
    private sealed class StepProgress
    {
        private readonly IProgress<AnalysisProgress>? sink;
        private readonly string step;
        private readonly int total;

        public StepProgress(IProgress<AnalysisProgress>? sink, string step, long total)
        {
            this.sink = sink;
            this.step = step;
            this.total = (int)Math.Min(int.MaxValue, total);
            sink?.Report(new AnalysisProgress(step, 0, this.total));
        }

        /// <summary>Progress of one simulation of the step, which starts after <paramref name="offset"/> trials of it.</summary>
        public IProgress<long>? From(long offset) => sink is null ? null : new Shifted(this, offset);

        public void Report(long done) => sink?.Report(new AnalysisProgress(step, (int)Math.Min(total, done), total));

        public void Done() => Report(total);

        private sealed class Shifted(StepProgress step, long offset) : IProgress<long>
        {
            public void Report(long value) => step.Report(offset + value);
        }
    }
}
