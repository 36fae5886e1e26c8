using System.Text.Json.Serialization;
using Suanli.Analysis.Reliability;
using Suanli.Analysis.Results;
using Suanli.Core.Reliability;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>One interruption term in <c>suanli reliability --json</c>.</summary>
/// <param name="Name">The term's invariant name (a component's own name, or the model's name of a site or WAN term).</param>
/// <param name="Kind">Where it comes from.</param>
/// <param name="Units">Units the job depends on.</param>
/// <param name="MtbfHours">MTBF of one unit, hours; null when the rate is zero.</param>
/// <param name="PerDay">Rate of all units, per day.</param>
/// <param name="Share">Share of λ.</param>
/// <param name="ExpectedOverHorizon">Interruptions expected over the horizon.</param>
/// <param name="PublishedCount">The published count, when the scenario gives one.</param>
/// <param name="Distribution">Time-to-failure distribution.</param>
/// <param name="Recovery">What the job does after a failure.</param>
/// <param name="Label">The term's name in the output's language.</param>
public sealed record ReliabilityTermJson(string Name, TermKind Kind, double Units, double? MtbfHours, double PerDay, double Share, double ExpectedOverHorizon, int? PublishedCount,
    FailureDistribution Distribution, RecoveryAction Recovery, string Label);

/// <summary>The simulation's aggregates in JSON.</summary>
/// <param name="Trials">Trials run.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Threads">Threads, only when given with --threads (the result does not depend on it; the default is the machine's cores, which would make the JSON differ between machines).</param>
/// <param name="IntervalMinutes">Checkpoint interval simulated.</param>
/// <param name="InterruptionsMean">Mean interruptions per trial.</param>
/// <param name="InterruptionsStdError">Its standard error.</param>
/// <param name="InterruptionsP5">5th percentile.</param>
/// <param name="InterruptionsP50">Median.</param>
/// <param name="InterruptionsP95">95th percentile.</param>
/// <param name="MttiHours">Horizon ÷ mean interruptions; null when none.</param>
/// <param name="EttrMean">Mean ETTR.</param>
/// <param name="EttrStdError">Its standard error.</param>
/// <param name="EttrP5">5th percentile of ETTR.</param>
/// <param name="EttrP95">95th percentile of ETTR.</param>
/// <param name="LostAcceleratorHoursMean">Mean accelerator-hours lost.</param>
/// <param name="CheckpointHoursMean">Mean hours writing checkpoints.</param>
/// <param name="LostWorkHoursMean">Mean hours of work lost since the last checkpoint.</param>
/// <param name="RestartHoursMean">Mean hours detecting and restarting.</param>
/// <param name="WaitHoursMean">Mean hours waiting for repairs or spares.</param>
/// <param name="AbsorbedFailuresMean">Mean failures while the job was already down.</param>
/// <param name="PNoInterruption24h">Share of trials without an interruption in the first day.</param>
/// <param name="Events">Failure events simulated.</param>
public sealed record ReliabilitySimulatedJson(int Trials, ulong Seed, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Threads,
    double IntervalMinutes, double InterruptionsMean, double InterruptionsStdError, double InterruptionsP5, double InterruptionsP50, double InterruptionsP95, double? MttiHours,
    double EttrMean, double EttrStdError, double EttrP5, double EttrP95, double LostAcceleratorHoursMean, double CheckpointHoursMean, double LostWorkHoursMean,
    double RestartHoursMean, double WaitHoursMean, double AbsorbedFailuresMean, double PNoInterruption24h, long Events);

/// <summary>The calibration check in JSON.</summary>
/// <param name="Name">The published log.</param>
/// <param name="JobAccelerators">Its job.</param>
/// <param name="Days">Days its count covers.</param>
/// <param name="PublishedInterruptions">Interruptions it reports.</param>
/// <param name="ModelInterruptions">What the rates give there.</param>
/// <param name="Ratio">Model ÷ published.</param>
/// <param name="RangeFactor">How far either way the calibration is trusted.</param>
public sealed record ReliabilityCalibrationJson(string Name, int JobAccelerators, double Days, double PublishedInterruptions, double ModelInterruptions, double Ratio, double RangeFactor);

/// <summary>A warning in JSON: its code and numbers, and the words.</summary>
/// <param name="Code">What it is.</param>
/// <param name="JobAccelerators">The scenario's job.</param>
/// <param name="CalibrationJobAccelerators">The calibration's job.</param>
/// <param name="Ratio">Job ÷ calibration job.</param>
/// <param name="RangeFactor">How far either way the calibration is trusted.</param>
/// <param name="Message">The warning in the output's language.</param>
public sealed record ReliabilityWarningJson(ReliabilityWarningCode Code, int JobAccelerators, int CalibrationJobAccelerators, double Ratio, double RangeFactor, string Message);

/// <summary>A sweep row in JSON.</summary>
/// <param name="Sites">Sites.</param>
/// <param name="DistanceKm">Distance between joined sites.</param>
/// <param name="Links">WAN links.</param>
/// <param name="LambdaPerHour">Interruption rate.</param>
/// <param name="PNoInterruption24h">exp(−24λ).</param>
/// <param name="LnPNoInterruption24h">−24λ.</param>
/// <param name="Ettr">Closed-form ETTR.</param>
/// <param name="IntervalMinutes">Checkpoint interval; null when infinite.</param>
/// <param name="EttrSimulated">Simulated ETTR, when trials were run.</param>
/// <param name="SiteShare">Share of λ from site events.</param>
/// <param name="WanShare">Share of λ from WAN terms.</param>
public sealed record ReliabilitySweepJson(int Sites, double DistanceKm, int Links, double LambdaPerHour, double PNoInterruption24h, double LnPNoInterruption24h, double Ettr,
    double? IntervalMinutes, double? EttrSimulated, double SiteShare, double WanShare);

/// <summary>The options a result was computed with, so that it can be reproduced from its JSON.</summary>
/// <param name="Trials">Monte Carlo trials (0: closed forms only).</param>
/// <param name="Seed">Seed.</param>
/// <param name="Sweep">The sweep, if any.</param>
/// <param name="OptimizeInterval">Whether the checkpoint interval was searched.</param>
/// <param name="MaxEvents">The work budget, in events.</param>
/// <param name="Threads">Threads, only when given with --threads.</param>
public sealed record ReliabilityOptionsJson(int Trials, ulong Seed, SweepKind? Sweep, bool OptimizeInterval, long MaxEvents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Threads);

/// <summary>The work estimated before the simulations ran.</summary>
/// <param name="EventsPerTrial">Expected failure events per trial.</param>
/// <param name="Simulations">Simulations of <c>trials</c> trials each.</param>
/// <param name="Events">Expected events of all of them (one more per trial).</param>
/// <param name="MaxEvents">The budget it was checked against.</param>
public sealed record ReliabilityWorkJson(double EventsPerTrial, int Simulations, double Events, long MaxEvents);

/// <summary>The JSON of <c>suanli reliability --json</c>: every key of earlier versions, plus the common header, options, work, metrics and notes.</summary>
public sealed record ReliabilityJson : ScenarioCommandJson
{
    internal ReliabilityJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>Accelerators of the job.</summary>
    public required int JobAccelerators { get; init; }

    /// <summary>Nodes of the job.</summary>
    public required int JobNodes { get; init; }

    /// <summary>Sites it spans.</summary>
    public required int Sites { get; init; }

    /// <summary>Distance between joined sites, km.</summary>
    public required double DistanceKm { get; init; }

    /// <summary>WAN links.</summary>
    public required int Links { get; init; }

    /// <summary>Horizon, days.</summary>
    public required double HorizonDays { get; init; }

    /// <summary>λ per hour.</summary>
    public required double LambdaPerHour { get; init; }

    /// <summary>λ per day.</summary>
    public required double LambdaPerDay { get; init; }

    /// <summary>1/λ, hours; null when the job never fails.</summary>
    public required double? MttiHours { get; init; }

    /// <summary>λT.</summary>
    public required double ExpectedInterruptions { get; init; }

    /// <summary>exp(−24λ).</summary>
    public required double PNoInterruption24h { get; init; }

    /// <summary>exp(−λT).</summary>
    public required double PNoInterruptionHorizon { get; init; }

    /// <summary>Young's interval, minutes.</summary>
    public required double? YoungIntervalMinutes { get; init; }

    /// <summary>Daly's interval, minutes.</summary>
    public required double? DalyIntervalMinutes { get; init; }

    /// <summary>The interval used, minutes.</summary>
    public required double? IntervalMinutes { get; init; }

    /// <summary>Whether the interval is Daly's (the scenario leaves it to auto).</summary>
    public required bool IntervalIsAuto { get; init; }

    /// <summary>Closed-form ETTR.</summary>
    public required double EttrClosedForm { get; init; }

    /// <summary>First-order ETTR.</summary>
    public required double? EttrFirstOrder { get; init; }

    /// <summary>Every term of λ.</summary>
    public required IReadOnlyList<ReliabilityTermJson> Terms { get; init; }

    /// <summary>The sum of the published counts, when any.</summary>
    public required int? PublishedInterruptions { get; init; }

    /// <summary>The simulation, when trials were run.</summary>
    public required ReliabilitySimulatedJson? Simulated { get; init; }

    /// <summary>The sweep, when asked for.</summary>
    public required IReadOnlyList<ReliabilitySweepJson>? Sweep { get; init; }

    /// <summary>The line fitted to ln P(24 h) over the sweep.</summary>
    public required LineFit? SweepFit { get; init; }

    /// <summary>The interval searched on the simulation.</summary>
    public required IntervalSearchResult? IntervalSearch { get; init; }

    /// <summary>What the result says, in words (warnings included), in the output's language.</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>The calibration check.</summary>
    public required ReliabilityCalibrationJson? Calibration { get; init; }

    /// <summary>Warnings about the inputs.</summary>
    public required IReadOnlyList<ReliabilityWarningJson> Warnings { get; init; }

    /// <summary>The options the result was computed with.</summary>
    public required ReliabilityOptionsJson Options { get; init; }

    /// <summary>The work estimated before running.</summary>
    public required ReliabilityWorkJson WorkEstimate { get; init; }

    /// <summary>Every input with its source.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>Named figures with units.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Every reading of the result as a code, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>Turns a reliability result into its JSON shape.</summary>
public static class ReliabilityJsonWriter
{
    /// <summary>The JSON record of a reliability result, texts in the words' language.</summary>
    public static ReliabilityJson ToJson(ReliabilityResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var c = result.Closed;
        var m = result.Model;
        var o = result.Options;
        var s = result.Simulated?.Result;
        return new ReliabilityJson(result.Header, words)
        {
            JobAccelerators = m.JobAccelerators,
            JobNodes = m.JobNodes,
            Sites = m.Sites,
            DistanceKm = m.DistanceKm,
            Links = m.Links,
            HorizonDays = m.HorizonDays,
            LambdaPerHour = c.LambdaPerHour,
            LambdaPerDay = c.LambdaPerHour * 24,
            MttiHours = JsonNumbers.Finite(c.MttiHours),
            ExpectedInterruptions = c.ExpectedInterruptions,
            PNoInterruption24h = c.PNoInterruption24h,
            PNoInterruptionHorizon = c.PNoInterruptionHorizon,
            YoungIntervalMinutes = JsonNumbers.Finite(c.YoungIntervalMinutes),
            DalyIntervalMinutes = JsonNumbers.Finite(c.DalyIntervalMinutes),
            IntervalMinutes = JsonNumbers.Finite(c.IntervalMinutes),
            IntervalIsAuto = m.CheckpointIntervalMinutes is null,
            EttrClosedForm = c.Ettr,
            EttrFirstOrder = c.EttrFirstOrderWhereItHolds,
            Terms = [.. result.Terms.Select(t => new ReliabilityTermJson(t.Term.Name, t.Term.Kind, t.Term.Units, JsonNumbers.Finite(t.Term.MtbfHours), t.PerDay, t.Share,
                t.ExpectedOverHorizon, t.Term.PublishedCount, t.Term.Distribution, t.Term.Recovery, words.Strings.FormatValue(t.Label.Value, null)))],
            PublishedInterruptions = result.PublishedInterruptions,
            Simulated = s is null ? null : new ReliabilitySimulatedJson(s.Trials, s.Seed, o.Threads, s.IntervalMinutes, s.InterruptionsMean, s.InterruptionsStdError,
                s.InterruptionsP5, s.InterruptionsP50, s.InterruptionsP95, JsonNumbers.Finite(s.MttiHours), s.EttrMean, s.EttrStdError, s.EttrP5, s.EttrP95, s.LostAcceleratorHoursMean,
                s.CheckpointHoursMean, s.LostWorkHoursMean, s.RestartHoursMean, s.WaitHoursMean, s.AbsorbedFailuresMean, s.PNoInterruption24h, s.Events),
            Sweep = result.Sweep?.Rows.Select(r => new ReliabilitySweepJson(r.Sites, r.DistanceKm, r.Links, r.LambdaPerHour, r.PNoInterruption24h, r.LnPNoInterruption24h,
                r.Ettr, JsonNumbers.Finite(r.IntervalMinutes), r.EttrSimulated, r.SiteShare, r.WanShare)).ToList(),
            SweepFit = result.Sweep?.Fit,
            IntervalSearch = result.IntervalSearch,
            Findings = [.. result.Findings.Select(words.Finding)],
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Calibration = result.Calibration is { } cal
                ? new ReliabilityCalibrationJson(cal.Name, cal.Check.JobAccelerators, cal.Check.Days, cal.Check.PublishedInterruptions, cal.Check.ModelInterruptions,
                    cal.Check.Ratio, cal.RangeFactor)
                : null,
            Warnings = [.. result.Warnings.Select(w => new ReliabilityWarningJson(w.Warning.Code, w.Warning.JobAccelerators, w.Warning.CalibrationJobAccelerators,
                w.Warning.Ratio, w.Warning.RangeFactor, words.Finding(w.Finding)))],
            Options = new ReliabilityOptionsJson(o.Trials, o.Seed, o.Sweep, o.OptimizeInterval, o.MaxEvents, o.Threads),
            WorkEstimate = new ReliabilityWorkJson(result.Work.EventsPerTrial, result.Work.Simulations, result.Work.Events, result.Work.MaxEvents),
            Inputs = result.Header.Inputs,
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }
}
