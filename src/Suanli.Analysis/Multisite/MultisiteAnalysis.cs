using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Multisite;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Analysis.Multisite;

/// <summary>What a multisite sweep varies.</summary>
public enum MultisiteSweepKind
{
    /// <summary>Distance between sites, km.</summary>
    Distance,

    /// <summary>WAN bandwidth per site, Gbps.</summary>
    Bandwidth,

    /// <summary>Number of sites.</summary>
    Sites,
}

/// <summary>How sites exchange what a step needs.</summary>
public enum MultisiteMode
{
    /// <summary>Every step synchronised across sites.</summary>
    Synchronous,

    /// <summary>Sites synchronise every H steps, compressed (DiLoCo style).</summary>
    LowCommunication,
}

/// <summary>What <c>suanli multisite</c> is asked besides the scenario.</summary>
/// <param name="TargetEfficiency">The step efficiency the distance and bandwidth targets aim at, in (0, 1].</param>
/// <param name="Sweep">A sweep, when asked for.</param>
public sealed record MultisiteOptions(double TargetEfficiency = MultisiteAnalysis.DefaultTargetEfficiency, MultisiteSweepKind? Sweep = null);

/// <summary>One mode of the job at the scenario's sites, distance and bandwidth.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Step">Where a step's time goes.</param>
/// <param name="Ettr">Effective training time ratio at the scenario's sites and distance (the reliability engine's closed form).</param>
/// <param name="StepsToEqualLoss">The mode's quality cost (1 for synchronous).</param>
/// <param name="EffectiveThroughput">Step efficiency × ETTR ÷ steps to equal loss, as a fraction of the same job on one site.</param>
/// <param name="MaxDistanceKmForTarget">The largest distance meeting the target step efficiency; null when even 0 km misses it or nothing crosses a WAN.</param>
/// <param name="RequiredWanGbpsForTarget">WAN bandwidth per site that meets the target at the scenario's distance; null when none does or nothing crosses a WAN.</param>
/// <param name="WanCostPerYear">What the scenario's WAN bandwidth costs a year over the links, when a price is given.</param>
/// <param name="RequiredWanCostPerYear">What the bandwidth for the target costs a year, when both exist.</param>
/// <param name="LowCommunication">The low-communication settings (null for synchronous).</param>
public sealed record MultisiteModeResult(
    MultisiteMode Mode,
    StepTime Step,
    double Ettr,
    double StepsToEqualLoss,
    double EffectiveThroughput,
    double? MaxDistanceKmForTarget,
    double? RequiredWanGbpsForTarget,
    double? WanCostPerYear,
    double? RequiredWanCostPerYear,
    LowCommunication? LowCommunication);

/// <summary>One mode at one sweep point.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="StepEfficiency">t_c / (t_c + exposed).</param>
/// <param name="Ettr">Effective training time ratio.</param>
/// <param name="EffectiveThroughput">As a fraction of the same job on one site.</param>
/// <param name="ExposedCommSeconds">Exposed communication per step.</param>
public sealed record MultisitePoint(MultisiteMode Mode, double StepEfficiency, double Ettr, double EffectiveThroughput, double ExposedCommSeconds);

/// <summary>One row of a sweep: the sites, distance and bandwidth of the point and each mode there.</summary>
/// <param name="Sites">Sites.</param>
/// <param name="DistanceKm">Distance between sites, km.</param>
/// <param name="WanGbpsPerSite">WAN bandwidth per site, Gbps.</param>
/// <param name="Modes">Each mode at the point.</param>
public sealed record MultisiteSweepRow(int Sites, double DistanceKm, double WanGbpsPerSite, IReadOnlyList<MultisitePoint> Modes);

/// <summary>The answer of <c>suanli multisite</c>.</summary>
public sealed record MultisiteResult : IModelResult
{
    /// <inheritdoc/>
    public required ResultHeader Header { get; init; }

    /// <summary>The options it was computed with.</summary>
    public required MultisiteOptions Options { get; init; }

    /// <summary>The step's inputs as the scenario gives them.</summary>
    public required MultisiteSpec Spec { get; init; }

    /// <summary>The job (reliability inputs: sites, distance, WAN).</summary>
    public required TrainingReliability Job { get; init; }

    /// <summary>The step-model inputs at the scenario's sites, distance and bandwidth.</summary>
    public required StepInputs Inputs { get; init; }

    /// <summary>Data-parallel ranks reducing together inside a site.</summary>
    public required int IntraSiteRanks { get; init; }

    /// <summary>The same job on one site: its step.</summary>
    public required StepTime OneSite { get; init; }

    /// <summary>The same job on one site: its ETTR.</summary>
    public required double OneSiteEttr { get; init; }

    /// <summary>The modes: synchronous first, then low-communication when the scenario describes it.</summary>
    public required IReadOnlyList<MultisiteModeResult> Modes { get; init; }

    /// <summary>The sweep rows, when asked for.</summary>
    public IReadOnlyList<MultisiteSweepRow>? Sweep { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The model's simplifications, as resource keys.</summary>
    public IReadOnlyList<string> ModelNotes { get; init; } = MultisiteAnalysis.ModelNotes;
}

/// <summary>The seam's entry for the step time of a training job across sites, joined with its reliability (MODEL.md §5 with §4).</summary>
public static class MultisiteAnalysis
{
    /// <summary>The target step efficiency when none is asked for.</summary>
    public const double DefaultTargetEfficiency = 0.95;

    /// <summary>Distances of the distance sweep, km (the scenario's own is added).</summary>
    public static IReadOnlyList<double> SweepDistancesKm { get; } = [0, 10, 50, 100, 200, 500, 1000, 2000, 3000, 5000, 10000];

    /// <summary>Bandwidths of the bandwidth sweep, Gbps per site (the scenario's own is added).</summary>
    public static IReadOnlyList<double> SweepBandwidthsGbps { get; } = [100, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 102400, 204800];

    /// <summary>Half the equator, km: no two sites on Earth are farther apart, so a larger distance answer means "any".</summary>
    public const double HalfEarthCircumferenceKm = 20_037.5;

    /// <summary>Largest site count of the sites sweep.</summary>
    public const int SweepMaxSites = 16;

    /// <summary>The model's simplifications (resource keys).</summary>
    public static IReadOnlyList<string> ModelNotes { get; } =
    [
        "multisite.note.compute", "multisite.note.collective", "multisite.note.overlap", "multisite.note.lowCommunication", "multisite.note.ettr",
    ];

    /// <summary>Evaluates the scenario's training step across its sites, in each mode it describes.</summary>
    public static MultisiteResult Evaluate(Scenario scenario, MultisiteOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var spec = scenario.Multisite ?? throw new ArgumentException("The scenario has no training.step section.", nameof(scenario));
        var job = scenario.Training ?? throw new ArgumentException("The scenario has no training section.", nameof(scenario));
        if (MultisiteChecks.Check(scenario) is { } refused)
        {
            throw new ArgumentException(refused.ToString(), nameof(scenario));
        }

        if (options.TargetEfficiency is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TargetEfficiency, "The target efficiency is in (0, 1].");
        }

        var bandwidth = spec.WanGbpsPerSite ?? 0;
        var inputs = spec.Inputs(job, job.Sites, job.DistanceKm, bandwidth);
        var oneSiteInputs = spec.Inputs(job, 1, 0, bandwidth);
        var oneSite = StepTimeModel.Evaluate(oneSiteInputs);
        var oneSiteEttr = Ettr(job, 1, 0);
        var oneSiteRate = oneSite.Efficiency * oneSiteEttr;
        var ettr = Ettr(job, job.Sites, job.DistanceKm);
        var modes = new List<MultisiteModeResult> { Mode(MultisiteMode.Synchronous, null) };
        if (spec.LowCommunication is { } lc && spec.CrossSite == CrossSiteParallelism.DataParallel)
        {
            modes.Add(Mode(MultisiteMode.LowCommunication, lc));
        }

        if (CheckOptions(scenario, options) is { } refusedOptions)
        {
            throw new ArgumentException(refusedOptions.ToString(), nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var skipped = new List<int>();
        var sweep = options.Sweep is { } kind ? Sweep(kind, scenario, spec, job, oneSiteRate, skipped, progress, cancellationToken) : null;
        var result = new MultisiteResult
        {
            Header = ResultHeader.For("multisite", scenario),
            Options = options,
            Spec = spec,
            Job = job,
            Inputs = inputs,
            IntraSiteRanks = StepTimeModel.IntraSiteRanks(inputs),
            OneSite = oneSite,
            OneSiteEttr = oneSiteEttr,
            Modes = modes,
            Sweep = sweep,
            Metrics = [],
            Findings = [],
        };
        return result with { Metrics = Metrics(result), Findings = Findings(result, skipped) };

        MultisiteModeResult Mode(MultisiteMode mode, LowCommunication? lowCommunication)
        {
            // On one site nothing crosses a WAN: low-communication training is every-step synchronisation there.
            var used = job.Sites > 1 ? lowCommunication : null;
            var step = StepTimeModel.Evaluate(inputs, used);
            var quality = used?.StepsToEqualLoss ?? 1;
            var required = StepTimeModel.RequiredWanGbps(inputs, used, options.TargetEfficiency);
            return new MultisiteModeResult(mode, step, ettr, quality, step.Efficiency * ettr / quality / oneSiteRate,
                StepTimeModel.MaxDistanceKm(inputs, used, options.TargetEfficiency), required,
                WanCost(spec, job, job.Sites, job.DistanceKm, bandwidth), required is { } r ? WanCost(spec, job, job.Sites, job.DistanceKm, r) : null, lowCommunication);
        }
    }

    /// <summary>
    /// The sites a distance or bandwidth sweep runs at: the scenario's when it has several, else the fewest above one
    /// over which the job splits evenly; null when none up to <see cref="SweepMaxSites"/> does.
    /// </summary>
    public static int? SweepSites(MultisiteSpec spec, TrainingReliability job)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(job);
        return job.Sites > 1 ? job.Sites
            : Enumerable.Range(2, SweepMaxSites - 1).Cast<int?>().FirstOrDefault(s => spec.Splits(job.JobAccelerators, s!.Value) && s <= job.JobAccelerators);
    }

    /// <summary>Why the options cannot run on the scenario, located at the option; null when they can.</summary>
    public static Diagnostic? CheckOptions(Scenario scenario, MultisiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sweep is not { } kind || scenario is not { Multisite: { } spec, Training: { } job })
        {
            return null;
        }

        if (kind != MultisiteSweepKind.Sites && SweepSites(spec, job) is null)
        {
            return MultisiteChecks.SweepNoSplit(job.JobAccelerators / (double)spec.AcceleratorsPerReplica, SweepMaxSites);
        }

        if (kind != MultisiteSweepKind.Bandwidth && spec.WanGbpsPerSite is null)
        {
            return MultisiteChecks.SweepNeedsBandwidth();
        }

        return null;
    }

    /// <summary>ETTR of the job at <paramref name="sites"/> sites <paramref name="distanceKm"/> apart: the reliability engine's closed form.</summary>
    private static double Ettr(TrainingReliability job, int sites, double distanceKm) =>
        ClosedForms.For(job with { Sites = sites, DistanceKm = sites > 1 ? distanceKm : 0 }).Ettr;

    /// <summary>Links × bandwidth × route km × price, a year; null without a price or a link.</summary>
    private static double? WanCost(MultisiteSpec spec, TrainingReliability job, int sites, double distanceKm, double gbps) =>
        spec.CostPerGbpsKmYear is { } price && sites > 1
            ? TrainingReliability.LinksFor(job.Topology, sites) * gbps * distanceKm * job.RouteFactor * price
            : null;

    private static List<MultisiteSweepRow> Sweep(MultisiteSweepKind kind, Scenario scenario, MultisiteSpec spec, TrainingReliability job, double oneSiteRate,
        List<int> skipped, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var sites = SweepSites(spec, job) ?? throw new ArgumentException("No site count splits the job: check with MultisiteAnalysis.CheckOptions.", nameof(spec));
        var bandwidth = kind == MultisiteSweepKind.Bandwidth ? 0
            : spec.WanGbpsPerSite ?? throw new ArgumentException("The sweep needs the WAN bandwidth: check with MultisiteAnalysis.CheckOptions.", nameof(spec));
        var points = kind switch
        {
            MultisiteSweepKind.Distance => SweepDistancesKm.Append(job.DistanceKm).Distinct().Order().Select(d => (sites, d, bandwidth)).ToList(),
            MultisiteSweepKind.Bandwidth => SweepBandwidthsGbps.Concat(spec.WanGbpsPerSite is { } b ? [b] : []).Distinct().Order().Select(b => (sites, job.DistanceKm, b)).ToList(),
            _ => Enumerable.Range(1, SweepMaxSites).Append(job.Sites).Distinct().Order().Select(s => (s, job.DistanceKm, bandwidth)).ToList(),
        };
        var rows = new List<MultisiteSweepRow>();
        for (var i = 0; i < points.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (s, d, b) = points[i];
            if (!spec.Splits(job.JobAccelerators, s) || s > job.JobAccelerators)
            {
                skipped.Add(s);
                continue;
            }

            var inputs = spec.Inputs(job, s, d, b);
            var ettr = Ettr(job, s, d);
            var modes = new List<MultisitePoint>();
            foreach (var lc in spec.LowCommunication is { } l && spec.CrossSite == CrossSiteParallelism.DataParallel ? new[] { null, l } : [null])
            {
                // On one site nothing crosses a WAN: the low-communication mode is every-step synchronisation there.
                var used = s > 1 ? lc : null;
                var step = StepTimeModel.Evaluate(inputs, used);
                var quality = used?.StepsToEqualLoss ?? 1;
                modes.Add(new MultisitePoint(lc is null ? MultisiteMode.Synchronous : MultisiteMode.LowCommunication, step.Efficiency, ettr,
                    step.Efficiency * ettr / quality / oneSiteRate, step.ExposedSeconds));
            }

            rows.Add(new MultisiteSweepRow(s, s > 1 ? d : 0, b, modes));
            progress?.Report(new AnalysisProgress("multisite.sweep", i + 1, points.Count));
        }

        return rows;
    }

    private static List<Metric> Metrics(MultisiteResult r)
    {
        var currency = r.Spec.Currency;
        var metrics = new List<Metric>();
        foreach (var m in r.Modes)
        {
            var p = m.Mode == MultisiteMode.Synchronous ? string.Empty : "lowCommunication.";
            metrics.AddRange(
            [
                new(p + "stepComputeSeconds", m.Step.ComputeSeconds, Unit.Seconds),
                new(p + "stepCommSeconds", m.Step.CommSeconds, Unit.Seconds),
                new(p + "intraSiteCommSeconds", m.Step.IntraSiteSeconds, Unit.Seconds),
                new(p + "wanBandwidthSeconds", m.Step.WanBandwidthSeconds, Unit.Seconds),
                new(p + "wanLatencySeconds", m.Step.WanLatencySeconds, Unit.Seconds),
                new(p + "exposedCommSeconds", m.Step.ExposedSeconds, Unit.Seconds),
                new(p + "stepSeconds", m.Step.StepSeconds, Unit.Seconds),
                new(p + "wanGigabytesPerStepPerSite", m.Step.WanBytesPerStepPerSite / 1e9, Unit.Gigabytes),
                new(p + "stepEfficiency", m.Step.Efficiency, Unit.Fraction),
                new(p + "ettr", m.Ettr, Unit.Fraction),
                new(p + "stepsToEqualLoss", m.StepsToEqualLoss, Unit.Times),
                new(p + "effectiveThroughput", m.EffectiveThroughput, Unit.Fraction),
                new(p + "maxDistanceKmForTarget", m.MaxDistanceKmForTarget, Unit.Km),
                new(p + "requiredWanGbpsForTarget", m.RequiredWanGbpsForTarget, Unit.Gbps),
                new(p + "wanCostPerYear", m.WanCostPerYear, Unit.MoneyPerYear, currency),
                new(p + "requiredWanCostPerYear", m.RequiredWanCostPerYear, Unit.MoneyPerYear, currency),
            ]);
        }

        if (r.Modes.Count == 1)
        {
            // The low-communication mode was not evaluated (not described, or a pipeline split): its keys, null.
            metrics.AddRange([.. metrics.Select(m => m with { Key = "lowCommunication." + m.Key, Value = null })]);
        }

        metrics.Add(new("oneSiteStepEfficiency", r.OneSite.Efficiency, Unit.Fraction));
        metrics.Add(new("oneSiteEttr", r.OneSiteEttr, Unit.Fraction));
        metrics.Add(new("targetEfficiency", r.Options.TargetEfficiency, Unit.Fraction));
        return metrics;
    }

    private static List<Finding> Findings(MultisiteResult r, List<int> skipped)
    {
        var findings = new List<Finding>();
        var sync = r.Modes[0];
        var target = r.Options.TargetEfficiency;
        if (r.Job.Sites == 1)
        {
            findings.Add(Finding.Info("multisite.oneSite"));
        }
        else
        {
            // Which part of the exchange dominates the exposed time: bandwidth or latency.
            findings.Add(Finding.Info("multisite.wanShares", ("bandwidthSeconds", sync.Step.WanBandwidthSeconds), ("latencySeconds", sync.Step.WanLatencySeconds),
                ("computeSeconds", sync.Step.ComputeSeconds)));
            foreach (var m in r.Modes)
            {
                var mode = new Term("multisite.mode." + Words(m.Mode));
                findings.Add(m.MaxDistanceKmForTarget switch
                {
                    > HalfEarthCircumferenceKm => Finding.Info("multisite.anyDistanceOnEarth", ("mode", mode), ("target", target), ("km", HalfEarthCircumferenceKm)),
                    { } dmax => Finding.Info("multisite.maxDistance", ("mode", mode), ("target", target), ("km", dmax)),
                    null => Finding.Warning("multisite.missesTargetAtZeroKm", ("mode", mode), ("target", target),
                        ("cause", Cause(StepTimeModel.Evaluate(r.Inputs with { DistanceKm = 0 }, m.LowCommunication)))),
                });
                findings.Add(m.RequiredWanGbpsForTarget is { } gbps
                    ? Finding.Info("multisite.requiredBandwidth", ("mode", mode), ("target", target), ("gbps", gbps), ("distanceKm", r.Job.DistanceKm),
                        ("ratio", gbps / Math.Max(r.Inputs.WanGbpsPerSite, 1e-300)))
                    : Finding.Warning("multisite.noBandwidthReachesTarget", ("mode", mode), ("target", target), ("distanceKm", r.Job.DistanceKm)));
            }
        }

        if (r.Spec.CrossSite == CrossSiteParallelism.Pipeline)
        {
            findings.Add(Finding.Info("multisite.pipelineAcross"));
            if (r.Spec.LowCommunication is not null)
            {
                findings.Add(Finding.Warning("multisite.lowCommunicationNeedsDataParallel"));
            }
        }

        if (r.Modes.FirstOrDefault(m => m.Mode == MultisiteMode.LowCommunication) is { } low && low.StepsToEqualLoss > 1)
        {
            findings.Add(Finding.Info("multisite.qualityCost", ("steps", low.StepsToEqualLoss), ("efficiency", low.Step.Efficiency), ("effective", low.EffectiveThroughput)));
        }

        if (skipped.Count > 0)
        {
            findings.Add(Finding.Info("multisite.sweepSkipped", ("sites", FindingArg.List(skipped.Distinct().Select(s => (double)s))), ("perReplica", r.Spec.AcceleratorsPerReplica)));
        }

        return findings;
    }

    // What keeps a step from its target even at 0 km: the largest of the in-site reduction, the WAN's bandwidth and the
    // hops' latency, all taken at 0 km.
    private static Term Cause(StepTime step)
    {
        var largest = Math.Max(step.IntraSiteSeconds, Math.Max(step.WanBandwidthSeconds, step.WanLatencySeconds));
        return new Term("multisite.cause." + (largest == step.WanBandwidthSeconds ? "bandwidth" : largest == step.IntraSiteSeconds ? "inSite" : "latency"));
    }

    /// <summary>The camelCase word of a mode, as JSON and resource keys use it.</summary>
    public static string Words(MultisiteMode mode) => mode == MultisiteMode.Synchronous ? "synchronous" : "lowCommunication";
}
