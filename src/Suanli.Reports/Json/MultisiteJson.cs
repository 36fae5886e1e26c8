using Suanli.Analysis.Multisite;
using Suanli.Analysis.Results;
using Suanli.Core.Multisite;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>
/// The JSON of <c>suanli multisite --json</c>: the common header; the synchronous mode's figures at the top level (the
/// keys the issue names); every mode under <c>modes</c> with the same keys; the sweep; inputs, named figures and notes.
/// </summary>
public sealed record MultisiteJson : ScenarioCommandJson
{
    internal MultisiteJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>The model trained.</summary>
    public required string Model { get; init; }

    /// <summary>The accelerator whose peak the MFU refers to.</summary>
    public required string Accelerator { get; init; }

    /// <summary>Accelerators of the job, all sites together.</summary>
    public required int JobAccelerators { get; init; }

    /// <summary>Sites the job is spread over.</summary>
    public required int Sites { get; init; }

    /// <summary>Distance between sites, km (null on one site).</summary>
    public required double? DistanceKm { get; init; }

    /// <summary>WAN bandwidth per site, Gbps (null on one site).</summary>
    public required double? WanGbpsPerSite { get; init; }

    /// <summary>What crosses the WAN: dataParallel or pipeline.</summary>
    public required CrossSiteParallelism CrossSite { get; init; }

    /// <summary>Data-parallel ranks reducing together inside a site.</summary>
    public required int IntraSiteRanks { get; init; }

    /// <summary>The target step efficiency of the distance and bandwidth answers.</summary>
    public required double TargetEfficiency { get; init; }

    /// <summary>Compute time of a step, seconds (synchronous mode).</summary>
    public required double StepComputeSeconds { get; init; }

    /// <summary>All communication of a step, hidden or not, seconds.</summary>
    public required double StepCommSeconds { get; init; }

    /// <summary>Communication not hidden behind compute, seconds.</summary>
    public required double ExposedCommSeconds { get; init; }

    /// <summary>t_c / (t_c + exposed).</summary>
    public required double StepEfficiency { get; init; }

    /// <summary>Effective training time ratio at the scenario's sites and distance.</summary>
    public required double Ettr { get; init; }

    /// <summary>Step efficiency × ETTR as a fraction of the same job on one site.</summary>
    public required double EffectiveThroughput { get; init; }

    /// <summary>The largest distance meeting the target; null when even 0 km misses it or nothing crosses a WAN.</summary>
    public required double? MaxDistanceKmForTarget { get; init; }

    /// <summary>The WAN bandwidth per site meeting the target at the scenario's distance; null when none does or nothing crosses a WAN.</summary>
    public required double? RequiredWanGbpsForTarget { get; init; }

    /// <summary>The same job on one site.</summary>
    public required MultisiteOneSiteJson OneSite { get; init; }

    /// <summary>Every mode: synchronous, then lowCommunication when the scenario describes it.</summary>
    public required IReadOnlyList<MultisiteModeJson> Modes { get; init; }

    /// <summary>What the sweep varied (distance, bandwidth, sites), or null.</summary>
    public required string? SweepBy { get; init; }

    /// <summary>The sweep's rows, empty without a sweep.</summary>
    public required IReadOnlyList<MultisiteSweepRowJson> Sweep { get; init; }

    /// <summary>Every input with its value, unit, source and origin.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Named figures.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Readings and warnings: code, arguments and text.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>The same job on one site.</summary>
/// <param name="StepComputeSeconds">Compute time of a step.</param>
/// <param name="StepCommSeconds">In-site communication of a step.</param>
/// <param name="ExposedCommSeconds">Its part not hidden behind compute.</param>
/// <param name="StepEfficiency">t_c / (t_c + exposed).</param>
/// <param name="Ettr">Effective training time ratio on one site.</param>
public sealed record MultisiteOneSiteJson(double StepComputeSeconds, double StepCommSeconds, double ExposedCommSeconds, double StepEfficiency, double Ettr);

/// <summary>One mode's figures; a mode not evaluated (no lowCommunication section, or a pipeline split) has every figure null and says why.</summary>
/// <param name="Mode">synchronous or lowCommunication.</param>
/// <param name="Evaluated">Whether the mode was evaluated.</param>
/// <param name="NotEvaluatedReason">Why not, as a code (<c>multisite.lowCommunication.notDescribed</c>, <c>multisite.lowCommunicationNeedsDataParallel</c>), else null.</param>
/// <param name="SyncEverySteps">H: steps between synchronisations (1 for synchronous).</param>
/// <param name="Compression">Bytes sent as a share of the gradient (1 for synchronous).</param>
/// <param name="StepsToEqualLoss">Quality cost (1 for synchronous).</param>
/// <param name="StepComputeSeconds">Compute per step.</param>
/// <param name="IntraSiteCommSeconds">In-site all-reduce per step.</param>
/// <param name="WanBandwidthSeconds">WAN bytes over bandwidth per step.</param>
/// <param name="WanLatencySeconds">WAN latency per step.</param>
/// <param name="StepCommSeconds">All communication per step.</param>
/// <param name="ExposedCommSeconds">Communication not hidden.</param>
/// <param name="StepSeconds">Wall-clock step.</param>
/// <param name="WanGigabytesPerStepPerSite">WAN gigabytes each site sends per step.</param>
/// <param name="StepEfficiency">t_c / (t_c + exposed).</param>
/// <param name="Ettr">Effective training time ratio.</param>
/// <param name="EffectiveThroughput">Step efficiency × ETTR ÷ steps to equal loss, as a fraction of one site.</param>
/// <param name="MaxDistanceKmForTarget">Largest distance meeting the target, or null.</param>
/// <param name="RequiredWanGbpsForTarget">Bandwidth per site meeting the target, or null.</param>
/// <param name="WanCostPerYear">The scenario's WAN bandwidth a year, at its price, or null.</param>
/// <param name="RequiredWanCostPerYear">The target's bandwidth a year, or null.</param>
/// <param name="Currency">Currency of the costs, or null.</param>
public sealed record MultisiteModeJson(
    string Mode,
    bool Evaluated,
    string? NotEvaluatedReason,
    int? SyncEverySteps,
    double? Compression,
    double? StepsToEqualLoss,
    double? StepComputeSeconds,
    double? IntraSiteCommSeconds,
    double? WanBandwidthSeconds,
    double? WanLatencySeconds,
    double? StepCommSeconds,
    double? ExposedCommSeconds,
    double? StepSeconds,
    double? WanGigabytesPerStepPerSite,
    double? StepEfficiency,
    double? Ettr,
    double? EffectiveThroughput,
    double? MaxDistanceKmForTarget,
    double? RequiredWanGbpsForTarget,
    double? WanCostPerYear,
    double? RequiredWanCostPerYear,
    string? Currency);

/// <summary>A sweep row.</summary>
/// <param name="Sites">Sites.</param>
/// <param name="DistanceKm">Distance, km.</param>
/// <param name="WanGbpsPerSite">Bandwidth per site, Gbps.</param>
/// <param name="Modes">Each mode at the point.</param>
public sealed record MultisiteSweepRowJson(int Sites, double DistanceKm, double WanGbpsPerSite, IReadOnlyList<MultisitePointJson> Modes);

/// <summary>One mode at a sweep point.</summary>
/// <param name="Mode">synchronous or lowCommunication.</param>
/// <param name="StepEfficiency">t_c / (t_c + exposed).</param>
/// <param name="Ettr">Effective training time ratio.</param>
/// <param name="EffectiveThroughput">As a fraction of one site.</param>
/// <param name="ExposedCommSeconds">Exposed communication per step.</param>
public sealed record MultisitePointJson(string Mode, double StepEfficiency, double Ettr, double EffectiveThroughput, double ExposedCommSeconds);

/// <summary>Turns a <see cref="MultisiteResult"/> into <see cref="MultisiteJson"/>.</summary>
public static class MultisiteJsonWriter
{
    /// <summary>The JSON record of a result, texts in the words' language.</summary>
    public static MultisiteJson ToJson(MultisiteResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var sync = result.Modes[0];
        return new MultisiteJson(result.Header, words)
        {
            Model = result.Spec.Model.Id,
            Accelerator = result.Spec.Accelerator.Id,
            JobAccelerators = result.Job.JobAccelerators,
            Sites = result.Job.Sites,
            DistanceKm = result.Job.Sites > 1 ? result.Job.DistanceKm : null,
            WanGbpsPerSite = result.Job.Sites > 1 ? result.Spec.WanGbpsPerSite : null,
            CrossSite = result.Spec.CrossSite,
            IntraSiteRanks = result.IntraSiteRanks,
            TargetEfficiency = result.Options.TargetEfficiency,
            StepComputeSeconds = sync.Step.ComputeSeconds,
            StepCommSeconds = sync.Step.CommSeconds,
            ExposedCommSeconds = sync.Step.ExposedSeconds,
            StepEfficiency = sync.Step.Efficiency,
            Ettr = sync.Ettr,
            EffectiveThroughput = sync.EffectiveThroughput,
            MaxDistanceKmForTarget = sync.MaxDistanceKmForTarget,
            RequiredWanGbpsForTarget = sync.RequiredWanGbpsForTarget,
            OneSite = new MultisiteOneSiteJson(result.OneSite.ComputeSeconds, result.OneSite.CommSeconds, result.OneSite.ExposedSeconds, result.OneSite.Efficiency, result.OneSiteEttr),
            Modes = [.. result.Modes.Select(m => Mode(m, result)), .. result.Modes.Count == 1 ? [NotEvaluated(result)] : Array.Empty<MultisiteModeJson>()],
            SweepBy = result.Options.Sweep is { } kind ? Suanli.Reports.Words.Camel(kind.ToString()) : null,
            Sweep = [.. (result.Sweep ?? []).Select(r => new MultisiteSweepRowJson(r.Sites, r.DistanceKm, r.WanGbpsPerSite,
                [.. r.Modes.Select(p => new MultisitePointJson(MultisiteAnalysis.Words(p.Mode), p.StepEfficiency, p.Ettr, p.EffectiveThroughput, p.ExposedCommSeconds))]))],
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    private static MultisiteModeJson NotEvaluated(MultisiteResult result) => new(
        MultisiteAnalysis.Words(MultisiteMode.LowCommunication), false,
        result.Spec.LowCommunication is null ? "multisite.lowCommunication.notDescribed" : "multisite.lowCommunicationNeedsDataParallel",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static MultisiteModeJson Mode(MultisiteModeResult m, MultisiteResult result) => new(
        MultisiteAnalysis.Words(m.Mode),
        true,
        null,
        m.LowCommunication?.SyncEverySteps ?? 1,
        m.LowCommunication?.Compression ?? 1,
        m.StepsToEqualLoss,
        m.Step.ComputeSeconds,
        m.Step.IntraSiteSeconds,
        m.Step.WanBandwidthSeconds,
        m.Step.WanLatencySeconds,
        m.Step.CommSeconds,
        m.Step.ExposedSeconds,
        m.Step.StepSeconds,
        m.Step.WanBytesPerStepPerSite / 1e9,
        m.Step.Efficiency,
        m.Ettr,
        m.EffectiveThroughput,
        m.MaxDistanceKmForTarget,
        m.RequiredWanGbpsForTarget,
        m.WanCostPerYear,
        m.RequiredWanCostPerYear,
        m.WanCostPerYear is null ? null : result.Spec.Currency?.ToString());
}
