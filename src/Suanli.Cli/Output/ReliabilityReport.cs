using Spectre.Console;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Cli.Output;

/// <summary>What <c>suanli reliability</c> computes and shows.</summary>
internal sealed class ReliabilityReport
{
    /// <summary>Label of the main simulation's progress and timing.</summary>
    public const string SimulatingLabel = "simulating";

    private ReliabilityReport(Scenario scenario, TrainingReliability model)
    {
        Scenario = scenario;
        Model = model;
        Closed = ClosedForms.For(model);
        Terms = FailureModel.Terms(model);
        CalibrationCheck = Calibrations.Check(model);
        Warnings = Calibrations.Warnings(model);
    }

    public Scenario Scenario { get; }

    public TrainingReliability Model { get; }

    public ClosedFormResult Closed { get; }

    public IReadOnlyList<FailureTerm> Terms { get; }

    public CalibrationCheck? CalibrationCheck { get; }

    public IReadOnlyList<ReliabilityWarning> Warnings { get; }

    public SimulationResult? Simulated { get; private set; }

    public int Threads { get; private set; }

    public SweepKind? SweepKind { get; private set; }

    public IReadOnlyList<SweepRow>? Sweep { get; private set; }

    public LineFit? SweepFit { get; private set; }

    public IntervalSearchResult? IntervalSearch { get; private set; }

    /// <summary>Everything the command asked for, simulations through <paramref name="runner"/> so they show progress.</summary>
    public static ReliabilityReport Compute(Scenario scenario, TrainingReliability model, int trials, ulong seed, SweepKind? sweep, bool optimizeInterval,
        int? threads, long maxEvents, ISimulationRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var report = new ReliabilityReport(scenario, model) { Threads = threads ?? Environment.ProcessorCount };
        if (trials > 0)
        {
            report.Simulated = runner.Run(SimulatingLabel, trials, p => ReliabilitySimulation.Run(model, trials, seed, null, p, threads, default, maxEvents));
        }

        if (sweep is { } kind)
        {
            report.SweepKind = kind;
            var points = ReliabilitySweeps.Points(model, kind).Count;
            report.Sweep = runner.Run("sweeping", (long)Math.Max(1, trials) * points, p =>
            {
                long done = 0;
                return ReliabilitySweeps.Run(model, kind, trials > 0
                    ? point =>
                    {
                        var offset = done;
                        var ettr = ReliabilitySimulation.Run(point, trials, seed, null, new Forward(n => p.Report(offset + n)), threads, default, maxEvents).EttrMean;
                        done += trials;
                        return ettr;
                    }
                    : null);
            });
            report.SweepFit = ReliabilitySweeps.FitLnSurvival(report.Sweep, kind);
        }

        if (optimizeInterval)
        {
            report.IntervalSearch = runner.Run("searching the checkpoint interval", (long)trials * CheckpointIntervalSearch.PlannedEvaluations,
                p => CheckpointIntervalSearch.Run(model, trials, seed, threads, default, p, maxEvents));
        }

        return report;
    }

    public ReliabilityJson ToJson()
    {
        var s = Simulated;
        return new ReliabilityJson
        {
            Scenario = Scenario.Name,
            Origin = Scenario.Origin,
            JobAccelerators = Model.JobAccelerators,
            JobNodes = Model.JobNodes,
            Sites = Model.Sites,
            DistanceKm = Model.DistanceKm,
            Links = Model.Links,
            HorizonDays = Model.HorizonDays,
            LambdaPerHour = Closed.LambdaPerHour,
            LambdaPerDay = Closed.LambdaPerHour * 24,
            MttiHours = JsonOutput.Finite(Closed.MttiHours),
            ExpectedInterruptions = Closed.ExpectedInterruptions,
            PNoInterruption24h = Closed.PNoInterruption24h,
            PNoInterruptionHorizon = Closed.PNoInterruptionHorizon,
            YoungIntervalMinutes = JsonOutput.Finite(Closed.YoungIntervalMinutes),
            DalyIntervalMinutes = JsonOutput.Finite(Closed.DalyIntervalMinutes),
            IntervalMinutes = JsonOutput.Finite(Closed.IntervalMinutes),
            IntervalIsAuto = Model.CheckpointIntervalMinutes is null,
            EttrClosedForm = Closed.Ettr,
            EttrFirstOrder = JsonOutput.Finite(Closed.EttrFirstOrder),
            Terms = [.. Terms.Select(t => new TermJson(t.Name, t.Kind, t.Units, JsonOutput.Finite(t.MtbfHours), t.RatePerHour * 24,
                Closed.LambdaPerHour > 0 ? t.RatePerHour / Closed.LambdaPerHour : 0, t.RatePerHour * Model.HorizonHours, t.PublishedCount, t.Distribution, t.Recovery))],
            PublishedInterruptions = PublishedTotal,
            Simulated = s is null ? null : new SimulatedJson(s.Trials, s.Seed, Threads, s.IntervalMinutes, s.InterruptionsMean, s.InterruptionsStdError, s.InterruptionsP5, s.InterruptionsP50,
                s.InterruptionsP95, JsonOutput.Finite(s.MttiHours), s.EttrMean, s.EttrStdError, s.EttrP5, s.EttrP95, s.LostAcceleratorHoursMean, s.CheckpointHoursMean, s.LostWorkHoursMean,
                s.RestartHoursMean, s.WaitHoursMean, s.AbsorbedFailuresMean, s.PNoInterruption24h, s.Events),
            Sweep = Sweep?.Select(r => new SweepJson(r.Sites, r.DistanceKm, r.Links, r.LambdaPerHour, r.PNoInterruption24h, r.LnPNoInterruption24h, r.Ettr,
                JsonOutput.Finite(r.IntervalMinutes), r.EttrSimulated, r.SiteShare, r.WanShare)).ToList(),
            SweepFit = SweepFit,
            IntervalSearch = IntervalSearch,
            Findings = [.. Findings()],
            ModelNotes = ModelNotes,
            Calibration = CalibrationCheck is { } check
                ? new CalibrationJson(Model.Calibration!.Name, check.JobAccelerators, check.Days, check.PublishedInterruptions, check.ModelInterruptions, check.Ratio, Calibrations.RangeFactor)
                : null,
            Warnings = [.. Warnings.Select(w => new WarningJson(w.Code, w.JobAccelerators, w.CalibrationJobAccelerators, w.Ratio, w.RangeFactor, Words(w)))],
        };
    }

    private int? PublishedTotal => Terms.Any(t => t.PublishedCount is not null) ? Terms.Sum(t => t.PublishedCount ?? 0) : null;

    public static IReadOnlyList<string> ModelNotes { get; } =
    [
        "λ = Σ units_i / MTBF_i over the job's components, + S × site events + links(S) × (link equipment + fibre cuts/km × d + time-outs/ms × RTT(d)); links(S) = S - 1 (chain), S (ring), S(S - 1)/2 (mesh).",
        "Every component is counted per accelerator, node, rack or site, so λ grows with the job: software faults, collective time-outs and dependency failures too, per node. Rates are calibrated on one published job; far from its size other causes may dominate.",
        "Closed forms assume exponential failures: MTTI = 1/λ, P(no interruption in T) = exp(-λT), Young τ = √(2CM), Daly τ = √(2CM)[1 + ⅓√(C/2M) + (C/2M)/9] - C, ETTR = τ / (M e^(R/M) (e^((τ+C)/M) - 1)); they ignore waits for repairs or spares.",
        "The simulation plays each trial's timeline: failures of every term (Weibull units start new and are renewed on failure), detection + restart R (itself interruptible), swaps to spare nodes or waits for repaired ones, waits for repairs, checkpoint cycles of τ work + C blocking write, and the work lost since the last checkpoint.",
        "ETTR = useful work / elapsed time; work in progress when the horizon ends counts as useful. Failures while the job already waits are handled (spares, repairs) but not counted as interruptions.",
    ];

    public void WriteTables(IAnsiConsole console)
    {
        console.WriteLine(Fmt.Text($"Suanli reliability - {Scenario.Name} ({Scenario.Origin})"));
        if (Scenario.Description is { } d)
        {
            console.WriteLine(d);
        }

        foreach (var w in Warnings)
        {
            console.WriteLine("Warning: " + Words(w));
        }

        console.WriteLine();
        console.Write(SummaryTable());
        console.WriteLine();
        console.Write(TermsTable());
        console.WriteLine();
        if (Simulated is not null)
        {
            console.Write(SimulationTable());
            console.WriteLine();
        }

        if (IntervalSearch is { } search)
        {
            console.Write(IntervalTable(search));
            console.WriteLine();
        }

        if (Sweep is not null)
        {
            console.Write(SweepTable());
            console.WriteLine();
        }

        console.WriteLine("What this says:");
        foreach (var line in Findings())
        {
            console.WriteLine("  - " + line);
        }

        console.WriteLine();
        console.WriteLine("Model (docs/reliability.md has the details):");
        foreach (var note in ModelNotes)
        {
            console.WriteLine("  - " + note);
        }
    }

    private Table SummaryTable()
    {
        var c = Closed;
        var m = Model;
        var table = new Table().Title("Closed forms (exponential failures)").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("note");
        void Row(string figure, string value, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(note));
        Row("Job", Fmt.Int(m.JobAccelerators), Fmt.Text($"accelerators in {m.JobNodes:#,0} nodes, {m.SpareNodes:#,0} spare nodes"));
        Row("Sites", Fmt.Int(m.Sites), m.Sites > 1 ? Fmt.Text($"{m.Topology.ToString().ToLowerInvariant()} of {m.Links} link(s), {Fmt.N(m.DistanceKm, 0)} km, RTT {Fmt.N(m.RoundTripMs, 2)} ms") : "one site");
        Row("Horizon", Fmt.N(m.HorizonDays, 1), "days");
        Row("Interruption rate λ", Fmt.N(c.LambdaPerHour * 24, 3), Fmt.Text($"per day ({c.LambdaPerHour:0.######} per hour)"));
        Row("MTTI", double.IsFinite(c.MttiHours) ? Fmt.N(c.MttiHours, 2) : "never", "hours between interruptions, 1/λ");
        var published = Model.Calibration is { } cal
            ? Fmt.Text($"over the horizon, λT; published: {Fmt.N(cal.PublishedInterruptions, 1)} on {Fmt.Int(cal.JobAccelerators)} accelerators in {Fmt.N(cal.Days, 0)} days")
            : PublishedTotal is { } p ? Fmt.Text($"over the horizon; published: {p}") : "over the horizon, λT";
        Row("Expected interruptions", Fmt.N(c.ExpectedInterruptions, 1), published);
        Row("P(no interruption in 24 h)", Probability(c.PNoInterruption24h), "exp(-24λ)");
        Row("P(no interruption over the horizon)", Probability(c.PNoInterruptionHorizon), "exp(-λT)");
        Row("Young interval", Fmt.N(c.YoungIntervalMinutes, 2), Fmt.Text($"minutes, √(2CM) with C = {Fmt.N(m.CheckpointBlockingMinutes, 2)} min"));
        Row("Daly interval", Fmt.N(c.DalyIntervalMinutes, 2), "minutes, higher-order optimum");
        Row("Checkpoint interval used", Fmt.N(c.IntervalMinutes, 2), m.CheckpointIntervalMinutes is null ? "minutes (auto: Daly)" : "minutes (scenario)");
        Row("ETTR", Fmt.Pct(c.Ettr, 2), Fmt.Text($"useful share of time (Daly's expected wall time), restart R = {Fmt.N(m.RestartHours * 60, 1)} min"));
        Row("ETTR, first order", double.IsFinite(c.EttrFirstOrder) ? Fmt.Pct(c.EttrFirstOrder, 2) : "n/a", "1 - C/τ - (τ/2 + R)/M");
        return table;
    }

    private Table TermsTable()
    {
        var horizon = Model.HorizonDays;
        var table = new Table().Title("Where the interruptions come from: λ adds up term by term")
            .AddColumn("term").AddColumn(new TableColumn("units").RightAligned()).AddColumn(new TableColumn("MTBF/unit h").RightAligned())
            .AddColumn(new TableColumn("per day").RightAligned()).AddColumn(new TableColumn("share").RightAligned())
            .AddColumn(new TableColumn(Fmt.Text($"in {Fmt.N(horizon, 0)} d")).RightAligned()).AddColumn(new TableColumn("published").RightAligned()).AddColumn("recovery");
        foreach (var t in Terms.OrderByDescending(t => t.RatePerHour))
        {
            table.AddRow(Markup.Escape(t.Name + (t.Distribution == FailureDistribution.Weibull ? Fmt.Text($" (Weibull k={Fmt.N(t.WeibullShape, 2)})") : string.Empty)),
                Fmt.N(t.Units, t.Units == Math.Floor(t.Units) ? 0 : 2),
                double.IsFinite(t.MtbfHours) ? Fmt.N(t.MtbfHours, 0) : "-",
                Fmt.N(t.RatePerHour * 24, 4),
                Closed.LambdaPerHour > 0 ? Fmt.Pct(t.RatePerHour / Closed.LambdaPerHour) : "-",
                Fmt.N(t.RatePerHour * Model.HorizonHours, 1),
                t.PublishedCount is { } p ? Fmt.Int(p) : "-",
                Markup.Escape(Recovery(t)));
        }

        table.AddRow("[bold]total λ[/]", string.Empty, string.Empty, "[bold]" + Fmt.N(Closed.LambdaPerHour * 24, 4) + "[/]", "100.0%",
            "[bold]" + Fmt.N(Closed.ExpectedInterruptions, 1) + "[/]", PublishedTotal is { } total ? "[bold]" + Fmt.Int(total) + "[/]" : "-", string.Empty);
        return table;
    }

    private Table SimulationTable()
    {
        var s = Simulated!;
        var c = Closed;
        var horizon = Model.HorizonHours;
        var table = new Table().Title(Fmt.Text($"Monte Carlo: {s.Trials:#,0} trials, seed {s.Seed}, {Threads} thread(s), {s.Events:#,0} failure events (timings: --verbose)"))
            .AddColumn("figure").AddColumn(new TableColumn("simulated").RightAligned()).AddColumn(new TableColumn("closed form").RightAligned()).AddColumn("note");
        void Row(string figure, string simulated, string closed, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(simulated), Markup.Escape(closed), Markup.Escape(note));
        Row("Interruptions", Fmt.Text($"{Fmt.N(s.InterruptionsMean, 1)} ± {Fmt.N(s.InterruptionsStdError, 1)}"), Fmt.N(c.ExpectedInterruptions, 1), Fmt.Text($"mean ± standard error; P5 {Fmt.N(s.InterruptionsP5, 0)}, P50 {Fmt.N(s.InterruptionsP50, 0)}, P95 {Fmt.N(s.InterruptionsP95, 0)}"));
        Row("MTTI", Fmt.N(s.MttiHours, 2), Fmt.N(c.MttiHours, 2), "hours");
        Row("P(no interruption in 24 h)", Probability(s.PNoInterruption24h), Probability(c.PNoInterruption24h), "share of trials without one in the first day");
        Row("ETTR", Fmt.Text($"{Fmt.Pct(s.EttrMean, 2)} ± {Fmt.Pct(s.EttrStdError, 3)}"), Fmt.Pct(c.Ettr, 2), Fmt.Text($"P5 {Fmt.Pct(s.EttrP5, 2)}, P95 {Fmt.Pct(s.EttrP95, 2)}; interval {Fmt.N(s.IntervalMinutes, 2)} min"));
        Row("Lost accelerator-hours", Fmt.Int(s.LostAcceleratorHoursMean), Fmt.Int((1 - c.Ettr) * horizon * Model.JobAccelerators), Fmt.Text($"of {Fmt.Int(horizon * Model.JobAccelerators)}; where the time went, hours per trial:"));
        Row("  writing checkpoints", Fmt.N(s.CheckpointHoursMean, 1), string.Empty, Fmt.Pct(s.CheckpointHoursMean / horizon, 2) + " of the horizon");
        Row("  work lost since the last checkpoint", Fmt.N(s.LostWorkHoursMean, 1), string.Empty, Fmt.Pct(s.LostWorkHoursMean / horizon, 2));
        Row("  detecting and restarting", Fmt.N(s.RestartHoursMean, 1), string.Empty, Fmt.Pct(s.RestartHoursMean / horizon, 2));
        Row("  waiting for repairs or spares", Fmt.N(s.WaitHoursMean, 1), string.Empty, Fmt.Pct(s.WaitHoursMean / horizon, 2) + Fmt.Text($"; {Fmt.N(s.AbsorbedFailuresMean, 1)} more failures met the job already down"));
        return table;
    }

    private Table IntervalTable(IntervalSearchResult r)
    {
        var table = new Table().Title(Fmt.Text($"Checkpoint interval searched on the simulation ({r.Evaluations} simulations, same seed)"))
            .AddColumn("interval").AddColumn(new TableColumn("minutes").RightAligned()).AddColumn(new TableColumn("simulated ETTR").RightAligned());
        table.AddRow("best found", Fmt.N(r.IntervalMinutes, 2), Fmt.Pct(r.Ettr, 3));
        table.AddRow("Daly", Fmt.N(r.DalyIntervalMinutes, 2), Fmt.Pct(r.EttrAtDaly, 3));
        table.AddRow("Young", Fmt.N(r.YoungIntervalMinutes, 2), Fmt.Pct(r.EttrAtYoung, 3));
        return table;
    }

    private Table SweepTable()
    {
        var table = new Table().Title(SweepKind == Core.Reliability.SweepKind.Sites ? "Sweep over sites (job spread evenly)" : Fmt.Text($"Sweep over distance ({Sweep![0].Sites} sites)"))
            .AddColumn(new TableColumn("sites").RightAligned()).AddColumn(new TableColumn("km").RightAligned()).AddColumn(new TableColumn("links").RightAligned())
            .AddColumn(new TableColumn("λ per day").RightAligned()).AddColumn(new TableColumn("ln P(24 h)").RightAligned()).AddColumn(new TableColumn("P(no interruption 24 h)").RightAligned())
            .AddColumn(new TableColumn("site share").RightAligned()).AddColumn(new TableColumn("WAN share").RightAligned()).AddColumn(new TableColumn("ETTR").RightAligned());
        if (Sweep!.Any(r => r.EttrSimulated is not null))
        {
            table.AddColumn(new TableColumn("ETTR simulated").RightAligned());
        }

        foreach (var r in Sweep!)
        {
            var cells = new List<string>
            {
                Fmt.Int(r.Sites), Fmt.N(r.DistanceKm, 0), Fmt.Int(r.Links), Fmt.N(r.LambdaPerHour * 24, 3), Fmt.N(r.LnPNoInterruption24h, 3),
                Probability(r.PNoInterruption24h), Fmt.Pct(r.SiteShare, 2), Fmt.Pct(r.WanShare, 2), Fmt.Pct(r.Ettr, 2),
            };
            if (r.EttrSimulated is { } e)
            {
                cells.Add(Fmt.Pct(e, 2));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    /// <summary>The result said in words, with its numbers: what adds, what decays, what dominates.</summary>
    public IEnumerable<string> Findings()
    {
        var lambdaDay = Closed.LambdaPerHour * 24;
        var top = Terms.OrderByDescending(t => t.RatePerHour).First();
        var share = lambdaDay > 0 ? top.RatePerHour * 24 / lambdaDay : 0;
        yield return Fmt.Text($"The interruption rate adds up term by term: λ = {Fmt.N(lambdaDay, 3)} per day, one every {Fmt.N(Closed.MttiHours, 2)} h. The largest term is '{top.Name}' with {Fmt.Pct(share)} of λ.");
        if (CalibrationCheck is { } check)
        {
            yield return Fmt.Text($"Calibration ({Model.Calibration!.Name}): at its job of {Fmt.Int(check.JobAccelerators)} accelerators the rates give {Fmt.N(check.ModelInterruptions, 1)} interruptions in {Fmt.N(check.Days, 0)} days against {Fmt.N(check.PublishedInterruptions, 1)} published ({Fmt.Pct(check.Ratio - 1, 2)}).");
        }
        else if (PublishedTotal is { } published)
        {
            yield return Fmt.Text($"Calibration: the per-unit rates give {Fmt.N(Closed.ExpectedInterruptions, 1)} expected interruptions over {Fmt.N(Model.HorizonDays, 0)} days against {published} published.");
        }

        foreach (var w in Warnings)
        {
            yield return Words(w);
        }

        yield return Fmt.Text($"The chance of a clean day is exp(-24λ) = {Probability(Closed.PNoInterruption24h)}: it decays exponentially in λ, so it falls exponentially with every unit added (nodes, sites, km) even though λ itself grows only linearly.");
        var siteShare = Terms.Where(t => t.Kind == TermKind.SiteEvents).Sum(t => t.RatePerHour) * 24 / Math.Max(lambdaDay, 1e-300);
        var wanShare = Terms.Where(t => t.Kind is TermKind.LinkEvents or TermKind.FiberCuts or TermKind.CollectiveTimeouts).Sum(t => t.RatePerHour) * 24 / Math.Max(lambdaDay, 1e-300);
        if (Model.Sites > 1)
        {
            yield return Fmt.Text($"Across {Model.Sites} sites {Fmt.N(Model.DistanceKm, 0)} km apart, site events are {Fmt.Pct(siteShare, 2)} of λ and the WAN {Fmt.Pct(wanShare, 2)} (fibre cuts alone {Fmt.Pct(Share(TermKind.FiberCuts), 2)}, time-outs {Fmt.Pct(Share(TermKind.CollectiveTimeouts), 2)}); the in-site components are the rest.");
        }

        if (Sweep is { Count: > 1 } rows && SweepFit is { } fit)
        {
            var first = rows[0];
            var last = rows[^1];
            var unit = SweepKind == Core.Reliability.SweepKind.Sites ? "number of sites" : "distance";
            var perUnit = SweepKind == Core.Reliability.SweepKind.Sites ? fit.Slope : fit.Slope * 1000;
            var perText = SweepKind == Core.Reliability.SweepKind.Sites ? "per added site" : "per 1,000 km";
            var range = Fmt.Text($"Over the sweep λ goes from {Fmt.N(first.LambdaPerHour * 24, 3)} to {Fmt.N(last.LambdaPerHour * 24, 3)} per day (x{Fmt.N(last.LambdaPerHour / Math.Max(first.LambdaPerHour, 1e-300), 3)})");
            yield return fit.RSquared >= 0.999
                ? Fmt.Text($"{range}; ln P(no interruption in 24 h) is a straight line in the {unit} (slope {perUnit:0.####} {perText}, R² = {fit.RSquared:0.0000}), i.e. P falls exponentially by a factor {Math.Exp(perUnit):0.####} {perText}.")
                : Fmt.Text($"{range}; ln P(no interruption in 24 h) is not a straight line in the {unit} (R² of a line = {fit.RSquared:0.0000}): a {Model.Topology.ToString().ToLowerInvariant()} needs links growing faster than the sites, so λ grows faster than linearly and P falls faster than exponentially.");
            var dominant = last.SiteShare >= last.WanShare ? "site power/cooling events" : "the WAN terms";
            yield return Fmt.Text($"At the far end of the sweep the in-site components are still {Fmt.Pct(1 - last.SiteShare - last.WanShare)} of λ; of what the extra sites and distance add, {dominant} dominate (site {Fmt.Pct(last.SiteShare, 2)}, WAN {Fmt.Pct(last.WanShare, 2)}).");
        }
        else if (Model.Sites == 1)
        {
            yield return "One site: no site or WAN terms beyond the scenario's site events. Use --sweep sites or --sweep distance to see what spreading the job would add.";
        }

        if (Simulated is { } s)
        {
            yield return Fmt.Text($"The simulation agrees with the closed form where both apply: {Fmt.N(s.InterruptionsMean, 1)} vs {Fmt.N(Closed.ExpectedInterruptions, 1)} interruptions ({Fmt.Pct(s.InterruptionsMean / Math.Max(Closed.ExpectedInterruptions, 1e-300) - 1, 2)}), ETTR {Fmt.Pct(s.EttrMean, 2)} vs {Fmt.Pct(Closed.Ettr, 2)}; the difference is what the closed form leaves out (waiting for repairs or spares: {Fmt.N(s.WaitHoursMean, 2)} h per trial).");
        }

        double Share(TermKind kind) => Terms.Where(t => t.Kind == kind).Sum(t => t.RatePerHour) * 24 / Math.Max(lambdaDay, 1e-300);
    }

    private static string Recovery(FailureTerm t) => t.Recovery switch
    {
        RecoveryAction.Restart => "restart",
        RecoveryAction.ReplaceNode => t.NodesLost > 1 ? Fmt.Text($"swap {t.NodesLost} spare nodes") : "swap a spare node",
        _ => Fmt.Text($"wait ~{Fmt.N(t.RepairHours, 1)} h for repair"),
    };

    /// <summary>A warning in words.</summary>
    public string Words(ReliabilityWarning w) => w.Code switch
    {
        ReliabilityWarningCode.JobOutsideCalibration => Fmt.Text($"This job of {Fmt.Int(w.JobAccelerators)} accelerators is {Fmt.N(w.Ratio >= 1 ? w.Ratio : 1 / w.Ratio, 1)}x {(w.Ratio >= 1 ? "larger" : "smaller")} than the {Fmt.Int(w.CalibrationJobAccelerators)} of the job its failure rates were calibrated on ({Model.Calibration?.Name}), outside the {Fmt.N(w.RangeFactor, 0)}x either way the calibration is trusted: the per-node scaling is an extrapolation, and at this size other causes (user code, storage, the scheduler) may dominate."),
        _ => w.Code.ToString(),
    };

    private static string Probability(double p) => p >= 0.001 ? Fmt.Pct(p, 2) : p.ToString("0.00e+0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One interruption term in JSON.</summary>
internal sealed record TermJson(string Name, TermKind Kind, double Units, double? MtbfHours, double PerDay, double Share, double ExpectedOverHorizon, int? PublishedCount,
    FailureDistribution Distribution, RecoveryAction Recovery);

/// <summary>Simulation results in JSON.</summary>
internal sealed record SimulatedJson(int Trials, ulong Seed, int Threads, double IntervalMinutes, double InterruptionsMean, double InterruptionsStdError, double InterruptionsP5,
    double InterruptionsP50, double InterruptionsP95, double? MttiHours, double EttrMean, double EttrStdError, double EttrP5, double EttrP95, double LostAcceleratorHoursMean,
    double CheckpointHoursMean, double LostWorkHoursMean, double RestartHoursMean, double WaitHoursMean, double AbsorbedFailuresMean, double PNoInterruption24h, long Events);

/// <summary>The calibration check in JSON.</summary>
internal sealed record CalibrationJson(string Name, int JobAccelerators, double Days, double PublishedInterruptions, double ModelInterruptions, double Ratio, double RangeFactor);

/// <summary>A warning in JSON: its code and numbers, and the words.</summary>
internal sealed record WarningJson(ReliabilityWarningCode Code, int JobAccelerators, int CalibrationJobAccelerators, double Ratio, double RangeFactor, string Message);

/// <summary>A sweep row in JSON.</summary>
internal sealed record SweepJson(int Sites, double DistanceKm, int Links, double LambdaPerHour, double PNoInterruption24h, double LnPNoInterruption24h, double Ettr,
    double? IntervalMinutes, double? EttrSimulated, double SiteShare, double WanShare);

/// <summary>The JSON shape of <c>suanli reliability --json</c>.</summary>
internal sealed record ReliabilityJson
{
    public required string Scenario { get; init; }

    public required string Origin { get; init; }

    public required int JobAccelerators { get; init; }

    public required int JobNodes { get; init; }

    public required int Sites { get; init; }

    public required double DistanceKm { get; init; }

    public required int Links { get; init; }

    public required double HorizonDays { get; init; }

    public required double LambdaPerHour { get; init; }

    public required double LambdaPerDay { get; init; }

    public required double? MttiHours { get; init; }

    public required double ExpectedInterruptions { get; init; }

    public required double PNoInterruption24h { get; init; }

    public required double PNoInterruptionHorizon { get; init; }

    public required double? YoungIntervalMinutes { get; init; }

    public required double? DalyIntervalMinutes { get; init; }

    public required double? IntervalMinutes { get; init; }

    public required bool IntervalIsAuto { get; init; }

    public required double EttrClosedForm { get; init; }

    public required double? EttrFirstOrder { get; init; }

    public required IReadOnlyList<TermJson> Terms { get; init; }

    public required int? PublishedInterruptions { get; init; }

    public required SimulatedJson? Simulated { get; init; }

    public required IReadOnlyList<SweepJson>? Sweep { get; init; }

    public required LineFit? SweepFit { get; init; }

    public required IntervalSearchResult? IntervalSearch { get; init; }

    public required IReadOnlyList<string> Findings { get; init; }

    public required IReadOnlyList<string> ModelNotes { get; init; }

    public required CalibrationJson? Calibration { get; init; }

    public required IReadOnlyList<WarningJson> Warnings { get; init; }
}

/// <summary>Runs one simulation phase of a report, showing progress the way the front end wants.</summary>
internal interface ISimulationRunner
{
    /// <summary>Runs <paramref name="work"/>, which reports trials completed out of <paramref name="totalTrials"/>.</summary>
    T Run<T>(string label, long totalTrials, Func<IProgress<long>, T> work);
}

/// <summary>Forwards progress on the calling thread, shifted by what earlier simulations already did.</summary>
internal sealed class Forward(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
