namespace Suanli.Core.Compute;

/// <summary>Which roofline limit sets a replica's decode throughput.</summary>
public enum DecodeBound
{
    /// <summary>Peak × MFU ÷ FLOP per token.</summary>
    Compute,

    /// <summary>Memory bandwidth ÷ bytes read per decode step.</summary>
    MemoryBandwidth,
}

/// <summary>Why a model does not fit a replica.</summary>
public enum ServingMisfit
{
    /// <summary>It fits.</summary>
    None,

    /// <summary>The given accelerators per replica cannot hold the weights plus one sequence's KV cache.</summary>
    TooFewAccelerators,

    /// <summary>The given accelerators per replica cannot hold the weights plus the given batch's KV cache.</summary>
    BatchTooLarge,

    /// <summary>More than <see cref="ServingRun.MaxAcceleratorsPerReplica"/> accelerators would be needed.</summary>
    ReplicaTooLarge,
}

/// <summary>Inputs of an inference (decode) estimate for one model replica on accelerators of one type.</summary>
public sealed record ServingRun
{
    /// <summary>Largest replica considered.</summary>
    public const int MaxAcceleratorsPerReplica = 100_000;

    /// <summary>The model.</summary>
    public required ModelSpec Model { get; init; }

    /// <summary>The accelerator.</summary>
    public required Accelerator Accelerator { get; init; }

    /// <summary>Model FLOPs utilisation when compute-bound, relative to the peak at <see cref="Precision"/>.</summary>
    public required double Mfu { get; init; }

    /// <summary>Precision of the weights, the KV cache and the arithmetic.</summary>
    public Precision Precision { get; init; } = Precision.Bf16;

    /// <summary>Tokens held per sequence (prompt and generated), all assumed present in the KV cache.</summary>
    public required int ContextTokens { get; init; }

    /// <summary>Sequences decoded together per replica; null: as many as fit on the replica.</summary>
    public double? Batch { get; init; }

    /// <summary>Accelerators per replica; null: the fewest that hold the weights and the batch's KV cache.</summary>
    public int? AcceleratorsPerReplica { get; init; }

    /// <summary>Share of each accelerator's memory usable for weights and KV cache (the rest: activations, runtime).</summary>
    public double MemoryUtilisation { get; init; } = 0.9;

    /// <summary>Average accelerator draw as a share of TDP.</summary>
    public double PowerFraction { get; init; } = 1;

    /// <summary>Host, network and storage power per accelerator, W.</summary>
    public double HostWattsPerAccelerator { get; init; } = 500;

    /// <summary>Facility PUE.</summary>
    public double Pue { get; init; } = 1.25;

    /// <summary>Price per accelerator-hour, when known.</summary>
    public Money? PricePerAcceleratorHour { get; init; }

    /// <summary>Add the attention term 2·L·S·d (S = <see cref="ContextTokens"/>) to the FLOP per token.</summary>
    public bool IncludeAttention { get; init; }
}

/// <summary>What a replica holds and how fast it decodes (docs/compute.md, Inference).</summary>
public sealed record ServingEstimate
{
    /// <summary>The inputs.</summary>
    public required ServingRun Run { get; init; }

    /// <summary>Whether the model fits (else the figures below are those of the largest replica tried and not to be used).</summary>
    public required ServingMisfit Misfit { get; init; }

    /// <summary>Bytes of the weights: total parameters × bytes per value.</summary>
    public required double WeightBytes { get; init; }

    /// <summary>KV-cache bytes per token: the model's cached values per token × bytes per value.</summary>
    public required double KvBytesPerToken { get; init; }

    /// <summary>Usable bytes per accelerator: memory × memory utilisation.</summary>
    public required double UsableBytesPerAccelerator { get; init; }

    /// <summary>Accelerators per replica.</summary>
    public required int AcceleratorsPerReplica { get; init; }

    /// <summary>Sequences decoded together.</summary>
    public required double Batch { get; init; }

    /// <summary>Weights + batch × context × KV bytes per token.</summary>
    public double BytesNeeded => WeightBytes + (Batch * Run.ContextTokens * KvBytesPerToken);

    /// <summary>FLOP per generated token.</summary>
    public required double FlopsPerToken { get; init; }

    /// <summary>Compute bound: accelerators × peak × MFU ÷ FLOP per token.</summary>
    public required double ComputeBoundTokensPerSecondPerReplica { get; init; }

    /// <summary>Bytes read per decode step: min(N_total, batch × N_active) × bytes per value + batch × context × KV bytes per token.</summary>
    public required double BytesReadPerStep { get; init; }

    /// <summary>Bandwidth bound: batch × accelerators × bandwidth ÷ bytes read per step.</summary>
    public required double MemoryBoundTokensPerSecondPerReplica { get; init; }

    /// <summary>The lower of the two bounds.</summary>
    public double TokensPerSecondPerReplica => Math.Min(ComputeBoundTokensPerSecondPerReplica, MemoryBoundTokensPerSecondPerReplica);

    /// <summary>Replica throughput ÷ accelerators per replica.</summary>
    public double TokensPerSecondPerAccelerator => TokensPerSecondPerReplica / AcceleratorsPerReplica;

    /// <summary>Which bound applies.</summary>
    public DecodeBound Bound => ComputeBoundTokensPerSecondPerReplica <= MemoryBoundTokensPerSecondPerReplica ? DecodeBound.Compute : DecodeBound.MemoryBandwidth;

    /// <summary>Facility watts of one accelerator.</summary>
    public required double WattsPerAccelerator { get; init; }

    /// <summary>Facility energy per million tokens: replica watts × seconds per million tokens.</summary>
    public double EnergyKwhPerMillionTokens => WattsPerAccelerator * AcceleratorsPerReplica * (1e6 / TokensPerSecondPerReplica) / 3.6e6;

    /// <summary>Cost per million tokens: replica accelerator-hours per million tokens × price; null without a price or when not finite.</summary>
    public Money? CostPerMillionTokens => Run.PricePerAcceleratorHour is { } p && double.IsFinite(p.Amount * AcceleratorsPerReplica * 1e6 / TokensPerSecondPerReplica / 3600)
        ? new Money(p.Amount * AcceleratorsPerReplica * 1e6 / TokensPerSecondPerReplica / 3600, p.Currency)
        : null;

    /// <summary>Whether the figures are finite.</summary>
    public bool IsFinite => double.IsFinite(TokensPerSecondPerReplica) && TokensPerSecondPerReplica > 0 && double.IsFinite(EnergyKwhPerMillionTokens)
        && (Run.PricePerAcceleratorHour is null || CostPerMillionTokens is not null);
}

/// <summary>
/// Decode throughput of a model replica, memory first: how many accelerators hold the weights and the KV cache, then
/// the lower of the compute and memory-bandwidth rooflines. Prefill and communication between the accelerators of a
/// replica are not modelled.
/// </summary>
public static class ServingEngine
{
    /// <summary>Sizes a replica and estimates its decode throughput.</summary>
    public static ServingEstimate Estimate(ServingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var model = run.Model;
        var elements = model.KvCacheElementsPerToken ?? throw new ArgumentException($"{model.Id} lacks the attention figures for its KV cache.", nameof(run));
        var bytes = ComputeEngine.BytesPerValue(run.Precision);
        var weights = model.TotalParamsBillion * 1e9 * bytes;
        var kvPerToken = elements * bytes;
        var kvPerSequence = kvPerToken * run.ContextTokens;
        var usable = run.Accelerator.MemoryGb * 1e9 * run.MemoryUtilisation;

        var misfit = ServingMisfit.None;
        int n;
        double batch;
        if (run.AcceleratorsPerReplica is { } given)
        {
            n = given;
            var room = (n * usable) - weights;
            if (run.Batch is { } b)
            {
                batch = b;
                misfit = room < kvPerSequence ? ServingMisfit.TooFewAccelerators : b * kvPerSequence > room ? ServingMisfit.BatchTooLarge : ServingMisfit.None;
            }
            else
            {
                batch = Math.Max(1, Math.Floor(room / kvPerSequence));
                misfit = room < kvPerSequence ? ServingMisfit.TooFewAccelerators : ServingMisfit.None;
            }
        }
        else
        {
            var needed = Math.Ceiling((weights + ((run.Batch ?? 1) * kvPerSequence)) / usable);
            if (needed > ServingRun.MaxAcceleratorsPerReplica)
            {
                n = ServingRun.MaxAcceleratorsPerReplica;
                misfit = ServingMisfit.ReplicaTooLarge;
            }
            else
            {
                n = (int)Math.Max(1, needed);
            }

            batch = run.Batch ?? Math.Max(1, Math.Floor(((n * usable) - weights) / kvPerSequence));
        }

        var peak = run.Accelerator.PeakFlops(run.Precision) ?? throw new ArgumentException($"{run.Accelerator.Id} has no {run.Precision} peak.", nameof(run));
        var flopsPerToken = ComputeEngine.FlopsPerToken(run.IncludeAttention ? model with { SequenceLength = run.ContextTokens } : model, run.IncludeAttention);
        var parametersRead = Math.Min(model.TotalParamsBillion, batch * model.ActiveParamsBillion) * 1e9;
        var readPerStep = (parametersRead * bytes) + (batch * kvPerSequence);
        return new ServingEstimate
        {
            Run = run,
            Misfit = misfit,
            WeightBytes = weights,
            KvBytesPerToken = kvPerToken,
            UsableBytesPerAccelerator = usable,
            AcceleratorsPerReplica = n,
            Batch = batch,
            FlopsPerToken = flopsPerToken,
            ComputeBoundTokensPerSecondPerReplica = n * peak * run.Mfu / flopsPerToken,
            BytesReadPerStep = readPerStep,
            MemoryBoundTokensPerSecondPerReplica = batch * n * run.Accelerator.MemoryBandwidthTbps * 1e12 / readPerStep,
            WattsPerAccelerator = ComputeEngine.WattsPerAccelerator(run.Accelerator, run.PowerFraction, run.HostWattsPerAccelerator, run.Pue),
        };
    }
}
