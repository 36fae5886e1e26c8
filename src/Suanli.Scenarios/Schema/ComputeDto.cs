using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Core.Market;

namespace Suanli.Scenarios.Schema;

/// <summary>
/// Ranges of compute inputs that are narrower than "any finite number", with the words that say why (the English here is
/// the English resource of each key; the command-line options check the same ranges with the same words).
/// </summary>
public static class ComputeRanges
{
    /// <summary>Lowest RMB per USD accepted.</summary>
    public const double FxMin = 1;

    /// <summary>Highest RMB per USD accepted.</summary>
    public const double FxMax = 20;

    /// <summary>The resource key of why the exchange rate is bounded.</summary>
    public const string FxReasonKey = "compute.allowed.fxRmbPerUsd";

    /// <summary>The English words of <see cref="FxReasonKey"/>.</summary>
    public const string FxReason = "a finite number in {range}: the renminbi has traded between about 1.5 (1980) and 8.7 (1994) per US dollar since 1980, so a rate outside this range is a slip (a USD-per-RMB rate, a lost decimal point)";

    /// <summary>Lowest MFU or HFU accepted.</summary>
    public const double MfuMin = 0.001;

    /// <summary>The resource key of why a utilisation is bounded below.</summary>
    public const string UtilisationReasonKey = "compute.allowed.utilisation";

    /// <summary>The English words of <see cref="UtilisationReasonKey"/>.</summary>
    public const string UtilisationReason = "a utilisation in {range}: published large runs reach 3-55 % of the peak (DeepSeek-V3's 128K context extension about 3 %, MegaScale 55 %); below 0.1 % the time, energy and cost are absurd";
}

/// <summary>A catalog file: accelerators and models.</summary>
public sealed class CatalogDto
{
    [Field("Accelerators.")]
    public List<AcceleratorDto>? Accelerators { get; set; }

    [Field("Models.")]
    public List<ModelDto>? Models { get; set; }

    [Field("Annual average RMB per USD, by year.")]
    public List<ExchangeRateDto>? RmbPerUsd { get; set; }
}

/// <summary>One year's average exchange rate.</summary>
public sealed class ExchangeRateDto
{
    [Field("Calendar year.", Unit = "year", Required = true, Min = 1990, Max = 2100)]
    public int? Year { get; set; }

    [Field("Average renminbi per US dollar over the year.", Unit = "RMB/USD", Required = true, Min = 0, MinExclusive = true, Max = 1000)]
    public double? Rate { get; set; }
}

/// <summary>One accelerator (catalog entry, or a scenario's own).</summary>
public sealed class AcceleratorDto
{
    [Field("Lower-case id, e.g. h100-sxm (letters, digits, '-' and '.').", Required = true)]
    public string? Id { get; set; }

    [Field("Display name.", Required = true)]
    public string? Name { get; set; }

    [Field("Vendor.", Required = true)]
    public string? Vendor { get; set; }

    [Field("Peak dense BF16/FP16 throughput (no sparsity).", Unit = "TFLOPS", Required = true, Min = 0, MinExclusive = true, Max = 1_000_000)]
    public double? PeakBf16Tflops { get; set; }

    [Field("Peak dense FP8 throughput.", Unit = "TFLOPS", Min = 0, MinExclusive = true, Max = 1_000_000, WhenAbsent = "no FP8")]
    public double? PeakFp8Tflops { get; set; }

    [Field("Accelerator memory.", Unit = "GB", Required = true, Min = 0, MinExclusive = true, Max = 100_000)]
    public double? MemoryGb { get; set; }

    [Field("Memory bandwidth.", Unit = "TB/s", Required = true, Min = 0, MinExclusive = true, Max = 1000)]
    public double? MemoryBandwidthTbps { get; set; }

    [Field("Thermal design power.", Unit = "W", Required = true, Min = 0, MinExclusive = true, Max = 20_000)]
    public double? TdpWatts { get; set; }

    [Field("Scale-up (NVLink, HCCS, MLU-Link) bandwidth, bidirectional.", Unit = "GB/s", Required = true, Min = 0, Max = 1_000_000)]
    public double? ScaleUpBandwidthGBps { get; set; }

    [Field("Export-control status in a sentence.", Required = true)]
    public string? ExportControl { get; set; }

    [Field("What US export rules allow of its sale into China: open, licence (required, some granted), barred, or domestic (made in China).", WhenAbsent = "not classified")]
    public ChinaAccess? ChinaAccess { get; set; }

    [Field("Published market rental price per accelerator-hour.", Unit = "currency/accelerator-hour", Min = 0, MinExclusive = true, Max = 10_000, WhenAbsent = "no published price; give one to get a cost")]
    public double? RentalPricePerHour { get; set; }

    [Field("Currency of rentalPricePerHour.", WhenAbsent = "required with rentalPricePerHour")]
    public Currency? RentalCurrency { get; set; }
}

/// <summary>One model (catalog entry, or a scenario's own).</summary>
public sealed class ModelDto
{
    [Field("Lower-case id, e.g. deepseek-v3.", Required = true)]
    public string? Id { get; set; }

    [Field("Display name.", Required = true)]
    public string? Name { get; set; }

    [Field("dense, or mixtureOfExperts.", Required = true)]
    public ModelArchitecture? Architecture { get; set; }

    [Field("Total parameters.", Unit = "billions", Required = true, Min = 0, MinExclusive = true, Max = 1_000_000)]
    public double? TotalParamsBillion { get; set; }

    [Field("Parameters active per token (= total for dense).", Unit = "billions", Required = true, Min = 0, MinExclusive = true, Max = 1_000_000)]
    public double? ActiveParamsBillion { get; set; }

    [Field("Training tokens.", Unit = "trillions", Min = 0, MinExclusive = true, Max = 10_000, WhenAbsent = "undisclosed; give --tokens")]
    public double? TrainingTokensTrillion { get; set; }

    [Field("Transformer layers (for the attention term).", Unit = "layers", Min = 1, Max = 10_000)]
    public int? Layers { get; set; }

    [Field("Hidden width (for the attention term).", Unit = "dimensions", Min = 1, Max = 1_000_000)]
    public int? ModelDim { get; set; }

    [Field("Training sequence length (for the attention term).", Unit = "tokens", Min = 1, Max = 100_000_000)]
    public int? SequenceLength { get; set; }

    [Field("Key/value heads per layer, multi-head or grouped-query attention (for the KV cache: 2 × layers × kvHeads × headDim values per token).", Unit = "heads", Min = 1, Max = 100_000)]
    public int? KvHeads { get; set; }

    [Field("Dimension of one attention head (for the KV cache).", Unit = "dimensions", Min = 1, Max = 100_000)]
    public int? HeadDim { get; set; }

    [Field("Multi-head latent attention: compressed key/value width cached per layer (KV cache: layers × (kvLoraRank + ropeHeadDim) values per token).", Unit = "dimensions", Min = 1, Max = 1_000_000)]
    public int? KvLoraRank { get; set; }

    [Field("Multi-head latent attention: decoupled rotary key width cached per layer.", Unit = "dimensions", Min = 0, Max = 100_000)]
    public int? RopeHeadDim { get; set; }

    [Field("Training compute the authors report.", Unit = "FLOP", Min = 0, MinExclusive = true, Max = 1e35)]
    public double? ReportedTrainingFlops { get; set; }

    [Field("Accelerator-hours the authors report.", Unit = "accelerator-hours", Min = 0, MinExclusive = true, Max = 1e12)]
    public double? ReportedAcceleratorHours { get; set; }

    [Field("Id of the accelerator they report (catalog id, or a name outside the catalog).")]
    public string? ReportedAccelerator { get; set; }

    [Field("Accelerators they report.", Unit = "accelerators", Min = 1, Max = 100_000_000)]
    public int? ReportedAcceleratorCount { get; set; }

    [Field("Of the reported accelerator-hours, those of the main pre-training on trainingTokensTrillion.", Unit = "accelerator-hours", Min = 0, MinExclusive = true, Max = 1e12, WhenAbsent = "the report does not split its hours")]
    public double? ReportedPretrainingAcceleratorHours { get; set; }

    [Field("Precision of the main training arithmetic they report: bf16 or fp8.")]
    public Precision? ReportedPrecision { get; set; }

    [Field("Utilisation they report, relative to the peak at reportedPrecision (BF16 when absent); reportedUtilisationBasis says of which FLOPs.", Unit = "fraction", Min = 0, MinExclusive = true, Max = 1)]
    public double? ReportedMfu { get; set; }

    [Field("Whether reportedMfu counts model FLOPs (mfu) or hardware FLOPs, recomputation included (hfu).", Default = "mfu")]
    public UtilisationBasis? ReportedUtilisationBasis { get; set; }

    [Field("Activation recomputation of the reported run: none, selective or full.", WhenAbsent = "not reported")]
    public Recompute? ReportedRecompute { get; set; }

    [Field("Effective training time ratio they report.", Unit = "fraction", Min = 0, MinExclusive = true, Max = 1)]
    public double? ReportedEttr { get; set; }

    [Field("Training cost they report.", Unit = "currency", Min = 0, MinExclusive = true, Max = 1e13)]
    public double? ReportedCost { get; set; }

    [Field("Currency of reportedCost.", WhenAbsent = "required with reportedCost")]
    public Currency? ReportedCostCurrency { get; set; }

    [Field("Year whose prices reportedCost is in (for currency conversion).", Unit = "year", Min = 1990, Max = 2100, WhenAbsent = "required with reportedCost")]
    public int? ReportedCostYear { get; set; }

    [Field("What the reported figures cover and why they may differ from 6·N·D.")]
    public string? ReportedNote { get; set; }
}

/// <summary>The <c>compute</c> section of a scenario (MODEL.md §3).</summary>
public sealed class ComputeDto
{
    [Field("Accelerators of the scenario's own, added to the catalog (an id may not repeat a catalog id).")]
    public List<AcceleratorDto>? Accelerators { get; set; }

    [Field("Models of the scenario's own, added to the catalog.")]
    public List<ModelDto>? Models { get; set; }

    [Field("A training run; needed by `suanli train SCENARIO`.")]
    public TrainingComputeDto? Training { get; set; }

    [Field("Renminbi per US dollar for converting between the scenario's currency and the other one. Bounded to [1, 20]: the rate has stayed between about 1.5 (1980) and 8.7 (1994) since 1980, so a rate outside is a slip (a USD-per-RMB rate, a lost decimal point) that would make money figures absurd.",
        Unit = "RMB/USD", Min = ComputeRanges.FxMin, Max = ComputeRanges.FxMax, RangeReasonKey = ComputeRanges.FxReasonKey, RangeReason = ComputeRanges.FxReason,
        WhenAbsent = "the catalog's annual average for priceYear")]
    public double? FxRmbPerUsd { get; set; }

    [Field("Year the scenario's prices are of; picks the catalog's annual average exchange rate.", Unit = "year", Min = 1990, Max = 2100, WhenAbsent = "the latest year in the catalog, and the output says so")]
    public int? PriceYear { get; set; }
}

/// <summary><c>compute.training</c>.</summary>
public sealed class TrainingComputeDto
{
    [Field("Model id (catalog or compute.models).", Required = true)]
    public string? Model { get; set; }

    [Field("Tokens to train on.", Unit = "tokens", Min = 1, Max = 1e18, WhenAbsent = "the model's published training tokens")]
    public double? Tokens { get; set; }

    [Field("Chip types with their counts and availability; several make a mixed fleet.", Required = true)]
    public List<FleetDto>? Fleet { get; set; }

    [Field("Model FLOPs utilisation relative to the peak at `precision`; at least 0.001 (published large runs reach 3-55 %, and below 0.1 % every figure is absurd).", Unit = "fraction", Required = true,
        Min = ComputeRanges.MfuMin, Max = 1, RangeReasonKey = ComputeRanges.UtilisationReasonKey, RangeReason = ComputeRanges.UtilisationReason)]
    public double? Mfu { get; set; }

    [Field("Precision whose peak the MFU refers to: bf16 or fp8.", Default = "bf16")]
    public Precision? Precision { get; set; }

    [Field("Effective training time ratio: share of wall time on useful training (1 = no interruptions; see suanli reliability).", Unit = "fraction", Default = "1", Min = 0, MinExclusive = true, Max = 1)]
    public double? Ettr { get; set; }

    [Field("Average accelerator draw as a share of TDP.", Unit = "fraction", Default = "1", Min = 0, MinExclusive = true, Max = 1.5)]
    public double? PowerFraction { get; set; }

    [Field("Host, network and storage power per accelerator.", Unit = "W", Default = "500", Min = 0, Max = 10_000)]
    public double? HostWattsPerAccelerator { get; set; }

    [Field("Facility PUE of the run: its energy and, priced at a site's owner's cost (costBasis: site…), the power that cost pays for (one PUE for both).", Unit = "ratio", Default = "1.25", Min = 1, Max = 3)]
    public double? Pue { get; set; }

    [Field("Add Kaplan's attention term 6·L·S·d per token (needs the model's layers, modelDim, sequenceLength).", Default = "false")]
    public bool? IncludeAttention { get; set; }

    [Field("Activation recomputation: none, selective (attention core, + 2·L·S·d per token) or full (forward again: 8·N·D instead of 6·N·D). Sets the hardware FLOPs and HFU beside the MFU.", Default = "none")]
    public Recompute? Recompute { get; set; }

    [Field("Mixed fleets: 0 = the work is split in proportion to each chip type's speed; 1 = equal shares per accelerator, every step waiting for the slowest type. Delivered = (1 − p) × Σ count × rate + p × total count × slowest rate.", Unit = "fraction", Default = "0", Min = 0, Max = 1)]
    public double? StragglerPenalty { get; set; }

    [Field("Stages of the run (pre-training, long-context extension, annealing…), each with its tokens and optionally its own MFU, precision, recompute and sequence length; the run's figures are their sum.", WhenAbsent = "one stage: tokens at mfu, precision and recompute")]
    public List<StageDto>? Stages { get; set; }

    [Field("How an accelerator-hour is priced: marketRental (catalog price), pricePerHour, or the owner's cost from the scenario's site: siteRent, siteAccountingBreakEven, siteEconomicBreakEven.", Default = "marketRental")]
    public CostBasisKind? CostBasis { get; set; }

    [Field("Price per accelerator-hour (costBasis: pricePerHour).", Unit = "currency/accelerator-hour", Min = 0, MinExclusive = true, Max = 100_000)]
    public double? PricePerAcceleratorHour { get; set; }

    [Field("Server capex per accelerator for the owner's cost (costBasis: site…).", Unit = "currency/accelerator", Min = 0, Max = 1e8)]
    public double? ServerCapexPerAccelerator { get; set; }

    [Field("Years over which server capex is amortised for the owner's cost.", Unit = "years", Default = "5", Min = 0.5, Max = 20)]
    public double? ServerLifeYears { get; set; }
}

/// <summary>One stage of a training run.</summary>
public sealed class StageDto
{
    [Field("What the stage is, e.g. pre-training, long-context, annealing.", Required = true)]
    public string? Name { get; set; }

    [Field("Tokens trained on in the stage.", Unit = "tokens", Required = true, Min = 1, Max = 1e18)]
    public double? Tokens { get; set; }

    [Field("Model FLOPs utilisation of the stage, relative to the peak at its precision; at least 0.001, as compute.training.mfu.", Unit = "fraction", Min = ComputeRanges.MfuMin, Max = 1,
        RangeReasonKey = ComputeRanges.UtilisationReasonKey, RangeReason = ComputeRanges.UtilisationReason, WhenAbsent = "compute.training.mfu")]
    public double? Mfu { get; set; }

    [Field("Precision of the stage: bf16 or fp8.", WhenAbsent = "compute.training.precision")]
    public Precision? Precision { get; set; }

    [Field("Activation recomputation of the stage: none, selective or full.", WhenAbsent = "compute.training.recompute")]
    public Recompute? Recompute { get; set; }

    [Field("Sequence length of the stage (for the attention term and selective recomputation).", Unit = "tokens", Min = 1, Max = 100_000_000, WhenAbsent = "the model's sequenceLength")]
    public int? SequenceLength { get; set; }
}

/// <summary>One chip type of a fleet.</summary>
public sealed class FleetDto
{
    [Field("Accelerator id.", Required = true)]
    public string? Accelerator { get; set; }

    [Field("How many.", Unit = "accelerators", Required = true, Min = 1, Max = 100_000_000)]
    public int? Count { get; set; }

    [Field("Share of the time they are usable (supply limits, maintenance).", Unit = "fraction", Default = "1", Min = 0, MinExclusive = true, Max = 1)]
    public double? Availability { get; set; }
}

/// <summary>How a training run's accelerator-hours are priced.</summary>
public enum CostBasisKind
{
    /// <summary>The accelerator's published rental price.</summary>
    MarketRental,

    /// <summary>compute.training.pricePerAcceleratorHour.</summary>
    PricePerHour,

    /// <summary>Owner's cost: the site's market rent per kW-month + power + server capex.</summary>
    SiteRent,

    /// <summary>Owner's cost with the site's accounting break-even rent.</summary>
    SiteAccountingBreakEven,

    /// <summary>Owner's cost with the site's economic (NPV = 0) break-even rent.</summary>
    SiteEconomicBreakEven,
}
