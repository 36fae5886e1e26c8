using Suanli.Analysis.Results;
using Suanli.Core.Reliability;

namespace Suanli.Analysis.Reliability;

/// <summary>What <c>suanli reliability</c> is asked to compute besides the closed forms.</summary>
public sealed record ReliabilityOptions
{
    /// <summary>Monte Carlo trials of the job's timeline; 0 for the closed forms only.</summary>
    public int Trials { get; init; }

    /// <summary>Seed every simulation is derived from; the same seed gives the same result on any number of threads.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Threads of the simulation as the user asked for them; null for all cores (the result does not depend on it).</summary>
    public int? Threads { get; init; }

    /// <summary>Curves over sites or distance, when asked for.</summary>
    public SweepKind? Sweep { get; init; }

    /// <summary>Whether to search the checkpoint interval that maximises the simulated ETTR (needs trials).</summary>
    public bool OptimizeInterval { get; init; }

    /// <summary>The largest run, in failure events plus one per trial; a larger one is refused before it starts.</summary>
    public long MaxEvents { get; init; } = SimulationWork.DefaultMaxEvents;
}

/// <summary>One additive term of λ with what a table or a JSON reader wants of it.</summary>
/// <param name="Term">The failure model's term.</param>
/// <param name="Label">Its name: the component's own name (text), or a word for the site and WAN terms.</param>
/// <param name="PerDay">Its rate, per day.</param>
/// <param name="Share">Its share of λ (0 when λ is 0).</param>
/// <param name="ExpectedOverHorizon">Interruptions it is expected to cause over the horizon.</param>
/// <param name="InputPath">The scenario key that sets its rate.</param>
public sealed record ReliabilityTerm(FailureTerm Term, FindingArg Label, double PerDay, double Share, double ExpectedOverHorizon, string InputPath);

/// <summary>The calibration check: what the rates give at the job they were measured on, against the published count.</summary>
/// <param name="Name">The published log.</param>
/// <param name="Check">Model and published interruptions at the calibration job.</param>
/// <param name="Deviation">Model ÷ published − 1.</param>
/// <param name="RangeFactor">How far either way (×) the calibration is trusted.</param>
public sealed record ReliabilityCalibrationResult(string Name, CalibrationCheck Check, double Deviation, double RangeFactor);

/// <summary>A warning about the inputs as the engine gives it, and the same as a finding (code, arguments).</summary>
/// <param name="Warning">The engine's warning.</param>
/// <param name="Finding">The finding that says it.</param>
public sealed record ReliabilityWarningResult(ReliabilityWarning Warning, Finding Finding);

/// <summary>The Monte Carlo run and where its time went.</summary>
/// <param name="Result">The simulation's aggregates.</param>
/// <param name="CheckpointShare">Hours writing checkpoints ÷ horizon.</param>
/// <param name="LostWorkShare">Hours of work lost since the last checkpoint ÷ horizon.</param>
/// <param name="RestartShare">Hours detecting and restarting ÷ horizon.</param>
/// <param name="WaitShare">Hours waiting for repairs or spares ÷ horizon.</param>
/// <param name="InterruptionsDeviation">Simulated ÷ closed-form interruptions − 1.</param>
public sealed record ReliabilitySimulated(SimulationResult Result, double CheckpointShare, double LostWorkShare, double RestartShare, double WaitShare, double InterruptionsDeviation);

/// <summary>A sweep over sites or distance and the straight line fitted to ln P(no interruption in 24 h).</summary>
/// <param name="Kind">What was swept.</param>
/// <param name="Rows">One row per point.</param>
/// <param name="Fit">Least-squares line of ln P(24 h) against the swept variable (sites, or km).</param>
/// <param name="SlopePerStep">The slope per added site, or per 1,000 km.</param>
/// <param name="FactorPerStep">exp(slope per step): the factor P(24 h) is multiplied by per added site or per 1,000 km.</param>
/// <param name="LambdaRatio">λ at the last point ÷ λ at the first.</param>
/// <param name="InSiteShareAtFarEnd">Share of λ of the in-site components at the last point.</param>
public sealed record ReliabilitySweep(SweepKind Kind, IReadOnlyList<SweepRow> Rows, LineFit Fit, double SlopePerStep, double FactorPerStep, double LambdaRatio,
    double InSiteShareAtFarEnd);

/// <summary>How much simulation the options ask for, estimated from the closed-form rates before anything runs.</summary>
/// <param name="EventsPerTrial">Expected failure events per trial of the job as given.</param>
/// <param name="Simulations">Simulations of <c>trials</c> trials each: the main run, the interval search's, one per sweep point.</param>
/// <param name="Events">Expected work of all of them, in events (failures plus one per trial).</param>
/// <param name="MaxEvents">The budget it was checked against.</param>
public sealed record ReliabilityWork(double EventsPerTrial, int Simulations, double Events, long MaxEvents);

/// <summary>Why the options cannot run on the scenario: the field at fault, what is wrong and what is allowed, as codes.</summary>
/// <param name="Field">An input path (<c>training.reliability.components[2].mtbfHours</c>, <c>training.wan</c>) or an option (<c>--trials</c>).</param>
/// <param name="Message">What is wrong (words under <c>finding.</c> + its code).</param>
/// <param name="Allowed">What would be accepted.</param>
public sealed record ReliabilityRefusal(string Field, Finding Message, Finding Allowed);

/// <summary>The options cannot run on the scenario (too much work, too much memory, a search with nothing to search).</summary>
public sealed class ReliabilityRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReliabilityRefusedException(ReliabilityRefusal refusal)
        : base((refusal ?? throw new ArgumentNullException(nameof(refusal))).Field + ": " + refusal.Message.Code) => Refusal = refusal;

    /// <summary>Why.</summary>
    public ReliabilityRefusal Refusal { get; }
}

/// <summary>Everything <c>suanli reliability</c> computes for one training job.</summary>
public sealed record ReliabilityResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <summary>The options it was computed with.</summary>
    public required ReliabilityOptions Options { get; init; }

    /// <summary>The job.</summary>
    public required TrainingReliability Model { get; init; }

    /// <summary>The closed forms for exponential failures (MODEL.md §4).</summary>
    public required ClosedFormResult Closed { get; init; }

    /// <summary>Every term of λ, components first (the order of the failure model).</summary>
    public required IReadOnlyList<ReliabilityTerm> Terms { get; init; }

    /// <summary>The sum of the published counts of the components, when any has one.</summary>
    public required int? PublishedInterruptions { get; init; }

    /// <summary>Share of λ from site events.</summary>
    public required double SiteShare { get; init; }

    /// <summary>Share of λ from WAN terms (link equipment, fibre cuts, collective time-outs).</summary>
    public required double WanShare { get; init; }

    /// <summary>Accelerator-hours over the horizon: horizon × accelerators.</summary>
    public required double AcceleratorHours { get; init; }

    /// <summary>Accelerator-hours the closed-form ETTR loses: (1 − ETTR) × horizon × accelerators.</summary>
    public required double LostAcceleratorHours { get; init; }

    /// <summary>The calibration check, when the scenario names the log its rates come from.</summary>
    public required ReliabilityCalibrationResult? Calibration { get; init; }

    /// <summary>Warnings about the inputs (a job far from its calibration).</summary>
    public required IReadOnlyList<ReliabilityWarningResult> Warnings { get; init; }

    /// <summary>The Monte Carlo run, when trials were asked for.</summary>
    public required ReliabilitySimulated? Simulated { get; init; }

    /// <summary>The sweep, when asked for.</summary>
    public required ReliabilitySweep? Sweep { get; init; }

    /// <summary>The checkpoint interval searched on the simulation, when asked for.</summary>
    public required IntervalSearchResult? IntervalSearch { get; init; }

    /// <summary>The work the simulations were estimated at before they ran.</summary>
    public required ReliabilityWork Work { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <summary>The readings of the result in the order a reader takes them (warnings included, where they belong).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The model's simplifications, as resource codes (<c>reliability.model.*</c>).</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }
}
