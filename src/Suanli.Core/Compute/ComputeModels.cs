namespace Suanli.Core.Compute;

/// <summary>Numeric precision of the training or inference arithmetic, which sets the peak used.</summary>
public enum Precision
{
    /// <summary>BF16/FP16 dense tensor throughput.</summary>
    Bf16,

    /// <summary>FP8 dense tensor throughput (where the accelerator has it).</summary>
    Fp8,
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

    /// <summary>Market rental price per accelerator-hour, if one is published.</summary>
    public Money? RentalPricePerHour { get; init; }

    /// <summary>Peak at a precision, FLOP/s; null when the accelerator lacks it.</summary>
    public double? PeakFlops(Precision precision) => precision switch
    {
        Precision.Fp8 => PeakFp8Tflops * 1e12,
        _ => PeakBf16Tflops * 1e12,
    };

    /// <summary>US export-control Total Processing Performance: dense TOPS × bit length (BF16: × 16).</summary>
    public double TotalProcessingPerformance => PeakBf16Tflops * 16;
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

    /// <summary>Training compute the authors report, FLOP.</summary>
    public double? ReportedTrainingFlops { get; init; }

    /// <summary>Accelerator-hours the authors report.</summary>
    public double? ReportedAcceleratorHours { get; init; }

    /// <summary>Catalog id of the accelerator they report.</summary>
    public string? ReportedAccelerator { get; init; }

    /// <summary>Accelerators they report.</summary>
    public int? ReportedAcceleratorCount { get; init; }

    /// <summary>MFU they report.</summary>
    public double? ReportedMfu { get; init; }

    /// <summary>Effective training time ratio they report (share of time on useful training).</summary>
    public double? ReportedEttr { get; init; }

    /// <summary>Training cost they report.</summary>
    public Money? ReportedCost { get; init; }

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

    /// <summary>Pricing per accelerator type; a chip without an entry is priced at its published market rental, if any.</summary>
    public IReadOnlyDictionary<string, CostBasis>? Pricing { get; init; }
}
