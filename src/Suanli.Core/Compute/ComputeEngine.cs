namespace Suanli.Core.Compute;

/// <summary>What one chip type of the fleet contributes and consumes.</summary>
/// <param name="AcceleratorId">Chip id.</param>
/// <param name="Count">Chips.</param>
/// <param name="Availability">Usable share of time.</param>
/// <param name="DeliveredFlopsPerSecond">Count × peak × MFU × availability.</param>
/// <param name="AcceleratorHours">Count × wall-clock hours.</param>
/// <param name="PowerWatts">Count × (TDP × power fraction + host) × PUE.</param>
/// <param name="Cost">Accelerator-hours × price, or null without a price.</param>
public sealed record FleetUsage(string AcceleratorId, int Count, double Availability, double DeliveredFlopsPerSecond, double AcceleratorHours, double PowerWatts, Money? Cost);

/// <summary>Training compute, time, energy and cost (MODEL.md §3).</summary>
public sealed record TrainingEstimate
{
    /// <summary>The inputs.</summary>
    public required TrainingRun Run { get; init; }

    /// <summary>6 × N_active × D.</summary>
    public required double DenseTermFlops { get; init; }

    /// <summary>Kaplan's attention term, 6 × L × S × d × D (0 unless asked for).</summary>
    public required double AttentionTermFlops { get; init; }

    /// <summary>Training FLOP in total.</summary>
    public double TrainingFlops => DenseTermFlops + AttentionTermFlops;

    /// <summary>FLOP/s the fleet delivers on useful work.</summary>
    public required double DeliveredFlopsPerSecond { get; init; }

    /// <summary>Wall-clock time, seconds: FLOP / delivered FLOP/s / ETTR.</summary>
    public required double WallClockSeconds { get; init; }

    /// <summary>Wall-clock days.</summary>
    public double WallClockDays => WallClockSeconds / 86_400;

    /// <summary>Accelerator-hours over the fleet.</summary>
    public required double AcceleratorHours { get; init; }

    /// <summary>Facility power while training, W.</summary>
    public required double PowerWatts { get; init; }

    /// <summary>Facility power, MW.</summary>
    public double PowerMw => PowerWatts / 1e6;

    /// <summary>Facility energy, MWh.</summary>
    public double EnergyMwh => PowerWatts * WallClockSeconds / 3.6e9;

    /// <summary>Per chip type.</summary>
    public required IReadOnlyList<FleetUsage> Fleet { get; init; }

    /// <summary>Total cost, when every chip type has a price in one currency.</summary>
    public required Money? Cost { get; init; }

    /// <summary>Cluster power ÷ a human brain's 20 W.</summary>
    public double BrainEquivalentRatio => PowerWatts / BrainComparison.BrainWatts;
}

/// <summary>Inference throughput, energy and cost per token (MODEL.md §3).</summary>
/// <param name="FlopsPerToken">2 × N_active (+ attention 2·L·S·d when asked).</param>
/// <param name="TokensPerSecondPerAccelerator">Peak × MFU ÷ FLOP per token (compute-bound).</param>
/// <param name="BandwidthBoundTokensPerSecondAtBatch1">Memory bandwidth ÷ bytes of active weights (one sequence, weights at the precision's width): the ceiling when decoding is memory-bound.</param>
/// <param name="WattsPerAccelerator">(TDP × power fraction + host) × PUE.</param>
/// <param name="EnergyKwhPerMillionTokens">Energy per million tokens at the compute-bound rate.</param>
/// <param name="CostPerMillionTokens">Cost per million tokens at that rate, when a price is known.</param>
public sealed record InferenceEstimate(double FlopsPerToken, double TokensPerSecondPerAccelerator, double BandwidthBoundTokensPerSecondAtBatch1, double WattsPerAccelerator,
    double EnergyKwhPerMillionTokens, Money? CostPerMillionTokens);

/// <summary>The human brain next to a cluster (claim C8).</summary>
public static class BrainComparison
{
    /// <summary>Power of a human brain, W (Herculano-Houzel et al. via [R59]).</summary>
    public const double BrainWatts = 20;

    /// <summary>Energy a brain uses over the same wall-clock time, kWh.</summary>
    public static double BrainEnergyKwh(double seconds) => BrainWatts * seconds / 3.6e6;

    /// <summary>Years a brain would run on the energy of <paramref name="energyMwh"/>.</summary>
    public static double BrainYearsOnEnergy(double energyMwh) => energyMwh * 1e6 / BrainWatts / 8760;
}

/// <summary>Training and inference arithmetic of MODEL.md §3.</summary>
public static class ComputeEngine
{
    /// <summary>Estimates a training run.</summary>
    public static TrainingEstimate Train(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var n = run.Model.ActiveParamsBillion * 1e9;
        var dense = 6 * n * run.Tokens;
        var attention = run.IncludeAttention ? AttentionFlopsPerToken(run.Model, training: true) * run.Tokens : 0;

        var delivered = 0.0;
        foreach (var member in run.Fleet)
        {
            var peak = member.Accelerator.PeakFlops(run.Precision)
                ?? throw new ArgumentException($"{member.Accelerator.Id} has no {run.Precision} peak.", nameof(run));
            delivered += member.Count * peak * run.Mfu * member.Availability;
        }

        var seconds = (dense + attention) / delivered / run.Ettr;
        var hours = seconds / 3600;
        var usage = run.Fleet.Select(m =>
        {
            var acceleratorHours = m.Count * hours;
            var watts = m.Count * WattsPerAccelerator(m.Accelerator, run.PowerFraction, run.HostWattsPerAccelerator, run.Pue);
            // An explicit price for the chip, else its published market rental price, else no cost.
            var price = run.Pricing is not null && run.Pricing.TryGetValue(m.Accelerator.Id, out var basis) ? basis.PricePerAcceleratorHour : m.Accelerator.RentalPricePerHour;
            Money? cost = price is { } p ? new Money(acceleratorHours * p.Amount, p.Currency) : null;
            return new FleetUsage(m.Accelerator.Id, m.Count, m.Availability, m.Count * m.Accelerator.PeakFlops(run.Precision)!.Value * run.Mfu * m.Availability,
                acceleratorHours, watts, cost);
        }).ToList();

        Money? total = null;
        if (usage.All(u => u.Cost is not null) && usage.Select(u => u.Cost!.Value.Currency).Distinct().Count() == 1)
        {
            total = new Money(usage.Sum(u => u.Cost!.Value.Amount), usage[0].Cost!.Value.Currency);
        }

        return new TrainingEstimate
        {
            Run = run,
            DenseTermFlops = dense,
            AttentionTermFlops = attention,
            DeliveredFlopsPerSecond = delivered,
            WallClockSeconds = seconds,
            AcceleratorHours = usage.Sum(u => u.AcceleratorHours),
            PowerWatts = usage.Sum(u => u.PowerWatts),
            Fleet = usage,
            Cost = total,
        };
    }

    /// <summary>Inference on one accelerator type.</summary>
    public static InferenceEstimate Infer(ModelSpec model, Accelerator accelerator, double mfu, Precision precision = Precision.Bf16, double powerFraction = 1,
        double hostWattsPerAccelerator = 500, double pue = 1.25, Money? pricePerHour = null, bool includeAttention = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(accelerator);
        var peak = accelerator.PeakFlops(precision) ?? throw new ArgumentException($"{accelerator.Id} has no {precision} peak.", nameof(precision));
        var flopsPerToken = 2 * model.ActiveParamsBillion * 1e9 + (includeAttention ? AttentionFlopsPerToken(model, training: false) : 0);
        var tokensPerSecond = peak * mfu / flopsPerToken;
        var bytesPerParam = precision == Precision.Fp8 ? 1 : 2;
        var bandwidthBound = accelerator.MemoryBandwidthTbps * 1e12 / (model.ActiveParamsBillion * 1e9 * bytesPerParam);
        var watts = WattsPerAccelerator(accelerator, powerFraction, hostWattsPerAccelerator, pue);
        var secondsPerMillion = 1e6 / tokensPerSecond;
        Money? cost = pricePerHour is { } p ? new Money(p.Amount * secondsPerMillion / 3600, p.Currency) : null;
        return new InferenceEstimate(flopsPerToken, tokensPerSecond, bandwidthBound, watts, watts * secondsPerMillion / 3.6e6, cost);
    }

    /// <summary>Facility watts per accelerator: (TDP × power fraction + host) × PUE.</summary>
    public static double WattsPerAccelerator(Accelerator accelerator, double powerFraction, double hostWatts, double pue)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return (accelerator.TdpWatts * powerFraction + hostWatts) * pue;
    }

    /// <summary>
    /// Kaplan et al. (2020): attention adds 2·L·S·d FLOP per token forward (S = context, d = width), three times that
    /// in training. Needs the model's layers, width and sequence length.
    /// </summary>
    public static double AttentionFlopsPerToken(ModelSpec model, bool training)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Layers is not { } l || model.ModelDim is not { } d || model.SequenceLength is not { } s)
        {
            throw new ArgumentException($"{model.Id} lacks layers, modelDim or sequenceLength for the attention term.", nameof(model));
        }

        return (training ? 6.0 : 2.0) * l * s * d;
    }
}
