namespace Suanli.Core.Compute;

/// <summary>Numeric precision of the training or inference arithmetic, which sets the peak used.</summary>
public enum Precision
{
    /// <summary>BF16/FP16 dense tensor throughput.</summary>
    Bf16,

    /// <summary>FP8 dense tensor throughput (where the accelerator has it).</summary>
    Fp8,
}

/// <summary>
/// Activation recomputation: which forward activations are recomputed in the backward pass instead of stored
/// (Korthikanti et al., "Reducing Activation Recomputation in Large Transformer Models", arXiv 2205.05198).
/// </summary>
public enum Recompute
{
    /// <summary>Every activation stored: hardware FLOPs = model FLOPs.</summary>
    None,

    /// <summary>Only the attention core (QKᵀ, softmax, attention over V) recomputed: + its forward FLOPs, 2·L·S·d per token.</summary>
    Selective,

    /// <summary>The whole forward pass recomputed: hardware FLOPs = 4/3 of model FLOPs (8·N·D instead of 6·N·D).</summary>
    Full,
}

/// <summary>Whether a published utilisation counts model FLOPs or hardware FLOPs (PaLM, arXiv 2204.02311, appendix B).</summary>
public enum UtilisationBasis
{
    /// <summary>Model FLOPs utilisation: the FLOPs the model needs, whatever is recomputed.</summary>
    Mfu,

    /// <summary>Hardware FLOPs utilisation: the FLOPs the hardware executes, recomputation included.</summary>
    Hfu,
}

/// <summary>Dense, or a mixture of experts (only some parameters active per token).</summary>
public enum ModelArchitecture
{
    /// <summary>Every parameter is used for every token.</summary>
    Dense,

    /// <summary>Mixture of experts: active parameters per token are a fraction of the total.</summary>
    MixtureOfExperts,
}

/// <summary>An AI accelerator as the catalog describes it. Throughput is dense (without sparsity).</summary>
public sealed record Accelerator
{
    /// <summary>Lower-case id, e.g. <c>h100-sxm</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>Peak dense BF16/FP16 throughput, TFLOPS (10¹² FLOP/s).</summary>
    public required double PeakBf16Tflops { get; init; }

    /// <summary>Peak dense FP8 throughput, TFLOPS; null when the accelerator has no FP8.</summary>
    public double? PeakFp8Tflops { get; init; }

    /// <summary>Accelerator memory, GB.</summary>
    public required double MemoryGb { get; init; }

    /// <summary>Memory bandwidth, TB/s.</summary>
    public required double MemoryBandwidthTbps { get; init; }

    /// <summary>Thermal design power, W.</summary>
    public required double TdpWatts { get; init; }

    /// <summary>Scale-up (NVLink, HCCS…) bandwidth, GB/s bidirectional.</summary>
    public required double ScaleUpBandwidthGBps { get; init; }

    /// <summary>Export-control status in a sentence.</summary>
    public required string ExportControl { get; init; }

    /// <summary>What US export rules allow of its sale into China, when the catalog classifies it.</summary>
    public Market.ChinaAccess? ChinaAccess { get; init; }

    /// <summary>Market rental price per accelerator-hour, if one is published.</summary>
    public Money? RentalPricePerHour { get; init; }

    /// <summary>Peak at a precision, FLOP/s; null when the accelerator lacks it.</summary>
    public double? PeakFlops(Precision precision) => precision switch
    {
        Precision.Fp8 => PeakFp8Tflops * 1e12,
        _ => PeakBf16Tflops * 1e12,
    };

    /// <summary>
    /// US export-control Total Processing Performance (ECCN 3A090): 2 × MacTOPS × bit length, the highest over the
    /// precisions the chip has. A multiply-accumulate is two operations, so 2 × MacTOPS is the dense TFLOPS.
    /// </summary>
    public double TotalProcessingPerformance => Math.Max(PeakBf16Tflops * 16, (PeakFp8Tflops ?? 0) * 8);
}

/// <summary>A model as the catalog describes it, with what its authors published about its training.</summary>
public sealed record ModelSpec
{
    /// <summary>Lower-case id, e.g. <c>deepseek-v3</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Dense or mixture of experts.</summary>
    public required ModelArchitecture Architecture { get; init; }

    /// <summary>Total parameters, billions.</summary>
    public required double TotalParamsBillion { get; init; }

    /// <summary>Parameters active per token, billions (= total for dense).</summary>
    public required double ActiveParamsBillion { get; init; }

    /// <summary>Training tokens, trillions; null when undisclosed.</summary>
    public double? TrainingTokensTrillion { get; init; }

    /// <summary>Transformer layers, for the optional attention term.</summary>
    public int? Layers { get; init; }

    /// <summary>Model (hidden) width, for the optional attention term.</summary>
    public int? ModelDim { get; init; }

    /// <summary>Training sequence length, tokens, for the optional attention term.</summary>
    public int? SequenceLength { get; init; }

    /// <summary>Key/value heads per layer (multi-head or grouped-query attention), for the KV cache.</summary>
    public int? KvHeads { get; init; }

    /// <summary>Dimension of one attention head, for the KV cache.</summary>
    public int? HeadDim { get; init; }

    /// <summary>Multi-head latent attention: width of the compressed key/value latent cached per layer.</summary>
    public int? KvLoraRank { get; init; }

    /// <summary>Multi-head latent attention: width of the decoupled rotary key cached per layer beside the latent.</summary>
    public int? RopeHeadDim { get; init; }

    /// <summary>
    /// Values cached per token for inference: multi-head latent attention L × (latent + rotary key); multi-head or
    /// grouped-query attention 2 (key and value) × L × KV heads × head dimension; null when the architecture is not given.
    /// </summary>
    public double? KvCacheElementsPerToken => Layers is not { } l ? null
        : KvLoraRank is { } c && RopeHeadDim is { } r ? (double)l * (c + r)
        : KvHeads is { } h && HeadDim is { } d ? 2.0 * l * h * d
        : null;

    /// <summary>Training compute the authors report, FLOP.</summary>
    public double? ReportedTrainingFlops { get; init; }

    /// <summary>Accelerator-hours the authors report.</summary>
    public double? ReportedAcceleratorHours { get; init; }

    /// <summary>Catalog id of the accelerator they report.</summary>
    public string? ReportedAccelerator { get; init; }

    /// <summary>Accelerators they report.</summary>
    public int? ReportedAcceleratorCount { get; init; }

    /// <summary>Of the reported accelerator-hours, those of the main pre-training on <see cref="TrainingTokensTrillion"/> (null: the report does not split them).</summary>
    public double? ReportedPretrainingAcceleratorHours { get; init; }

    /// <summary>Precision of the main training arithmetic they report.</summary>
    public Precision? ReportedPrecision { get; init; }

    /// <summary>Utilisation they report (<see cref="ReportedUtilisationBasis"/> says of which FLOPs), relative to the peak at <see cref="ReportedPrecision"/> (BF16 when absent).</summary>
    public double? ReportedMfu { get; init; }

    /// <summary>Whether <see cref="ReportedMfu"/> counts model or hardware FLOPs.</summary>
    public UtilisationBasis ReportedUtilisationBasis { get; init; } = UtilisationBasis.Mfu;

    /// <summary>Activation recomputation of the reported run, when known.</summary>
    public Recompute? ReportedRecompute { get; init; }

    /// <summary>Effective training time ratio they report (share of time on useful training).</summary>
    public double? ReportedEttr { get; init; }

    /// <summary>Training cost they report.</summary>
    public Money? ReportedCost { get; init; }

    /// <summary>Year whose prices <see cref="ReportedCost"/> is in (for currency conversion).</summary>
    public int? ReportedCostYear { get; init; }

    /// <summary>What the reported figures cover, and why they may differ from 6·N·D.</summary>
    public string? ReportedNote { get; init; }
}

/// <summary>One chip type of a training fleet.</summary>
/// <param name="Accelerator">The chip.</param>
/// <param name="Count">How many.</param>
/// <param name="Availability">Share of the time they are usable (supply, maintenance), 0–1.</param>
public sealed record FleetMember(Accelerator Accelerator, int Count, double Availability = 1);

/// <summary>How a training run is costed per accelerator-hour.</summary>
/// <param name="PricePerAcceleratorHour">Price per accelerator-hour (market rental, or the owner's cost).</param>
/// <param name="Basis">Where the price comes from, in words.</param>
public sealed record CostBasis(Money PricePerAcceleratorHour, string Basis);

/// <summary>Inputs of a training-compute estimate (MODEL.md §3).</summary>
public sealed record TrainingRun
{
    /// <summary>The model.</summary>
    public required ModelSpec Model { get; init; }

    /// <summary>Tokens trained on.</summary>
    public required double Tokens { get; init; }

    /// <summary>The fleet.</summary>
    public required IReadOnlyList<FleetMember> Fleet { get; init; }

    /// <summary>Model FLOPs utilisation, 0–1, relative to the peak at <see cref="Precision"/>.</summary>
    public required double Mfu { get; init; }

    /// <summary>Precision whose peak the MFU refers to.</summary>
    public Precision Precision { get; init; } = Precision.Bf16;

    /// <summary>Effective training time ratio: share of wall time spent on useful training (1 = no interruptions).</summary>
    public double Ettr { get; init; } = 1;

    /// <summary>Average accelerator draw as a share of TDP.</summary>
    public double PowerFraction { get; init; } = 1;

    /// <summary>Host, network and storage power per accelerator, W.</summary>
    public double HostWattsPerAccelerator { get; init; } = 500;

    /// <summary>Facility PUE.</summary>
    public double Pue { get; init; } = 1.25;

    /// <summary>Add Kaplan's attention term 6·L·S·d per token to 6·N·D.</summary>
    public bool IncludeAttention { get; init; }

    /// <summary>Activation recomputation: sets the hardware FLOPs (and HFU) beside the model FLOPs (and MFU).</summary>
    public Recompute Recompute { get; init; } = Recompute.None;

    /// <summary>
    /// 0–1: how far a mixed fleet falls from splitting the work in proportion to each chip type's speed (0) towards
    /// equal shares per accelerator, every step waiting for the slowest type (1). No effect on a fleet of one type.
    /// </summary>
    public double StragglerPenalty { get; init; }

    /// <summary>The run's stages; null means one stage of <see cref="Tokens"/> at <see cref="Mfu"/>, <see cref="Precision"/> and <see cref="Recompute"/>.</summary>
    public IReadOnlyList<TrainingStage>? Stages { get; init; }

    /// <summary>Pricing per accelerator type; a chip without an entry is priced at its published market rental, if any.</summary>
    public IReadOnlyDictionary<string, CostBasis>? Pricing { get; init; }

    /// <summary>The stages as run: <see cref="Stages"/>, or the single stage the run's own figures make.</summary>
    public IReadOnlyList<TrainingStage> EffectiveStages =>
        Stages is { Count: > 0 } stages ? stages : [new TrainingStage("training", Tokens, Mfu, Precision, Recompute, null)];
}

/// <summary>One stage of a training run (pre-training, long-context extension, annealing…) on the run's fleet.</summary>
/// <param name="Name">What the stage is.</param>
/// <param name="Tokens">Tokens trained on in the stage.</param>
/// <param name="Mfu">Model FLOPs utilisation of the stage, relative to the peak at <paramref name="Precision"/>.</param>
/// <param name="Precision">Arithmetic precision of the stage.</param>
/// <param name="Recompute">Activation recomputation of the stage.</param>
/// <param name="SequenceLength">Sequence length of the stage for the attention term (null: the model's).</param>
public sealed record TrainingStage(string Name, double Tokens, double Mfu, Precision Precision, Recompute Recompute, int? SequenceLength);
