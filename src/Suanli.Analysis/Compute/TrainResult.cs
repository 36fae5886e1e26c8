using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;

namespace Suanli.Analysis.Compute;

/// <summary>Where a run's effective training time ratio comes from.</summary>
public enum EttrSource
{
    /// <summary>The default, 1: no interruptions.</summary>
    Default,

    /// <summary>The model's authors published it.</summary>
    Published,

    /// <summary>The scenario states it.</summary>
    Scenario,

    /// <summary><c>--ettr</c>.</summary>
    Given,
}

/// <summary>The peak of one chip type at the run's precision.</summary>
/// <param name="AcceleratorId">The chip type.</param>
/// <param name="PeakTflops">Dense peak at the run's precision, TFLOPS.</param>
public sealed record AcceleratorPeak(string AcceleratorId, double PeakTflops);

/// <summary>One figure of the run beside what the authors published.</summary>
/// <param name="Key">What it is: <c>trainingFlops</c>, <c>acceleratorHours</c>, <c>utilisation</c>, <c>cost</c>.</param>
/// <param name="Published">The published figure (a cost in the run's currency when one exists).</param>
/// <param name="ThisRun">This run's figure on the same basis; null when there is none.</param>
/// <param name="Deviation">This run ÷ published − 1; null without both.</param>
public sealed record PublishedRow(string Key, double Published, double? ThisRun, double? Deviation);

/// <summary>One figure of a mixture-of-experts run beside the same run of a dense model of its total parameters.</summary>
/// <param name="Key">What it is: <c>trainingFlops</c>, <c>wallClockDays</c>, <c>acceleratorHours</c>, <c>energyMwh</c>, <c>cost</c>, <c>inferenceFlopsPerToken</c>.</param>
/// <param name="Moe">The MoE's figure.</param>
/// <param name="Dense">The dense model's.</param>
/// <param name="Ratio">Dense ÷ MoE.</param>
/// <param name="Unit">Its unit.</param>
public sealed record DenseRow(string Key, double Moe, double Dense, double Ratio, Unit Unit);

/// <summary>The dense-equivalent comparison of <c>--compare-dense</c>.</summary>
/// <param name="Estimate">The dense model's run.</param>
/// <param name="ComputeRatio">Dense ÷ MoE training FLOPs (N_total ÷ N_active at equal tokens).</param>
/// <param name="InferenceFlopsPerTokenRatio">N_total ÷ N_active.</param>
/// <param name="RatioIfMoeMfuHalved">The compute ratio halved: the saving in time if the MoE reaches half the dense MFU.</param>
/// <param name="Rows">The figures side by side.</param>
public sealed record DenseComparison(TrainingEstimate Estimate, double ComputeRatio, double InferenceFlopsPerTokenRatio, double RatioIfMoeMfuHalved, IReadOnlyList<DenseRow> Rows);

/// <summary>Everything <c>suanli train</c> computes: the run's estimate, where each input came from, the published comparison, as data.</summary>
public sealed record TrainResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <summary>Every reading of the run: where the MFU, prices and rates come from, the engine's warnings, the published check, the dense comparison.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Whether the run is a scenario's (else a catalog model from the command line).</summary>
    public required bool FromScenario { get; init; }

    /// <summary>The engine's estimate (its <c>Run</c> is the run as evaluated).</summary>
    public required TrainingEstimate Estimate { get; init; }

    /// <summary>The run as evaluated.</summary>
    public TrainingRun Run => Estimate.Run;

    /// <summary>Where the MFU comes from (<c>compute.mfu.*</c>).</summary>
    public required Finding MfuSource { get; init; }

    /// <summary>Where the ETTR comes from.</summary>
    public required EttrSource EttrSource { get; init; }

    /// <summary>The price of each chip type.</summary>
    public required IReadOnlyList<PriceUsed> Prices { get; init; }

    /// <summary>Whether the prices are told per chip type (a mixed fleet priced by chip), else once per accelerator-hour.</summary>
    public required bool PricesPerChipType { get; init; }

    /// <summary>The owner's cost of each chip type, when the run is priced at it.</summary>
    public required IReadOnlyList<OwnerCostUsed> OwnerCosts { get; init; }

    /// <summary>The rate that converts the run's cost into the other currency.</summary>
    public required ExchangeRateUsed RunFx { get; init; }

    /// <summary>The rate that converts the published cost into the run's currency.</summary>
    public required ExchangeRateUsed PublishedFx { get; init; }

    /// <summary>The run's cost in the other currency, at <see cref="RunFx"/>.</summary>
    public required Money? CostInOtherCurrency { get; init; }

    /// <summary>The dense peak of each chip type at the run's precision.</summary>
    public required IReadOnlyList<AcceleratorPeak> Peaks { get; init; }

    /// <summary>Hardware FLOPs ÷ model FLOPs of the whole run.</summary>
    public required double HardwarePerModelFlops { get; init; }

    /// <summary>Each chip type's share of the fleet's delivered FLOP/s, in fleet order.</summary>
    public required IReadOnlyList<double> FleetShares { get; init; }

    /// <summary>Energy a 20 W brain uses over the run's wall-clock time, kWh.</summary>
    public required double BrainEnergyKwhOverWallClock { get; init; }

    /// <summary>Years a 20 W brain would run on the training energy.</summary>
    public required double BrainYearsOnTrainingEnergy { get; init; }

    /// <summary>The model's 6ND against its publication, on the catalog the run uses (a scenario's own entries included).</summary>
    public required PublishedCheck Published { get; init; }

    /// <summary>This run's figures beside the published ones (empty when nothing is published).</summary>
    public required IReadOnlyList<PublishedRow> PublishedRows { get; init; }

    /// <summary>Whether this run is on the published accelerator alone.</summary>
    public required bool SameFleetAsPublished { get; init; }

    /// <summary>Whether the run's utilisation was re-expressed on the published precision's peak for the comparison.</summary>
    public required bool UtilisationRebased { get; init; }

    /// <summary>The published cost in the run's currency, at <see cref="PublishedFx"/>.</summary>
    public required Money? PublishedCostInRunCurrency { get; init; }

    /// <summary>This run's cost ÷ the published cost in the run's currency − 1.</summary>
    public required double? PublishedCostDeviation { get; init; }

    /// <summary>The dense-equivalent comparison, when asked for.</summary>
    public required DenseComparison? Dense { get; init; }

    /// <summary>The model's simplifications, as resource codes (<c>compute.model.train.*</c>).</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }
}
