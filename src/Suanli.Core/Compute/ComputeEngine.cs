namespace Suanli.Core.Compute;

/// <summary>What one chip type of the fleet contributes and consumes over the whole run.</summary>
/// <param name="AcceleratorId">Chip id.</param>
/// <param name="Count">Chips.</param>
/// <param name="Availability">Usable share of time.</param>
/// <param name="DeliveredFlopsPerSecond">Model FLOP/s it delivers while the run makes progress, averaged over the stages.</param>
/// <param name="AcceleratorHours">Count × wall-clock hours.</param>
/// <param name="PowerWatts">Count × (TDP × power fraction + host) × PUE.</param>
/// <param name="Cost">Accelerator-hours × price, or null without a price.</param>
public sealed record FleetUsage(string AcceleratorId, int Count, double Availability, double DeliveredFlopsPerSecond, double AcceleratorHours, double PowerWatts, Money? Cost);

/// <summary>A typed observation about a training run; the CLI puts it in words.</summary>
public enum ComputeFindingCode
{
    /// <summary>The fleet mixes vendors in one synchronous job (argument: how many vendors).</summary>
    MixedVendorSynchronousJob,
}

/// <summary>A finding with its numeric arguments.</summary>
/// <param name="Code">What was found.</param>
/// <param name="Arguments">Its figures, in the order the code documents.</param>
public sealed record ComputeFinding(ComputeFindingCode Code, IReadOnlyList<double> Arguments);

/// <summary>One stage of a training run, computed.</summary>
public sealed record StageEstimate
{
    /// <summary>The stage's inputs.</summary>
    public required TrainingStage Stage { get; init; }

    /// <summary>6 × N_active × D of the stage.</summary>
    public required double DenseTermFlops { get; init; }

    /// <summary>Kaplan's attention term of the stage (0 unless asked for).</summary>
    public required double AttentionTermFlops { get; init; }

    /// <summary>Model FLOPs: what the model needs.</summary>
    public double ModelFlops => DenseTermFlops + AttentionTermFlops;

    /// <summary>Hardware FLOPs: model FLOPs plus recomputed forward FLOPs.</summary>
    public required double HardwareFlops { get; init; }

    /// <summary>Model FLOP/s the fleet delivers while making progress (straggler penalty included).</summary>
    public required double DeliveredFlopsPerSecond { get; init; }

    /// <summary>Model FLOPs ÷ (progress time × the fleet's available peak at the stage's precision).</summary>
    public required double EffectiveMfu { get; init; }

    /// <summary>Hardware FLOPs ÷ (progress time × the same peak).</summary>
    public required double Hfu { get; init; }

    /// <summary>Model FLOPs ÷ (progress time × the fleet's available BF16 peak): the stage's utilisation on a common basis.</summary>
    public required double UtilisationOfBf16Peak { get; init; }

    /// <summary>Wall-clock seconds: progress time ÷ ETTR.</summary>
    public required double WallClockSeconds { get; init; }

    /// <summary>Accelerator-hours.</summary>
    public required double AcceleratorHours { get; init; }

    /// <summary>Facility energy, MWh.</summary>
    public required double EnergyMwh { get; init; }

    /// <summary>Cost, when every chip type has a price in one currency (and the figures are finite).</summary>
    public required Money? Cost { get; init; }
}

/// <summary>Training compute, time, energy and cost (MODEL.md §3), summed over the run's stages.</summary>
public sealed record TrainingEstimate
{
    /// <summary>The inputs.</summary>
    public required TrainingRun Run { get; init; }

    /// <summary>6 × N_active × D.</summary>
    public required double DenseTermFlops { get; init; }

    /// <summary>Kaplan's attention term, 6 × L × S × d × D (0 unless asked for).</summary>
    public required double AttentionTermFlops { get; init; }

    /// <summary>Training (model) FLOP in total.</summary>
    public double TrainingFlops => DenseTermFlops + AttentionTermFlops;

    /// <summary>Hardware FLOP in total: model FLOPs plus recomputation.</summary>
    public required double HardwareFlops { get; init; }

    /// <summary>Model FLOP/s the fleet delivers on useful work, averaged over the stages.</summary>
    public required double DeliveredFlopsPerSecond { get; init; }

    /// <summary>Model FLOPs ÷ (progress time × available peak at each stage's precision), over the run.</summary>
    public required double EffectiveMfu { get; init; }

    /// <summary>Hardware FLOPs ÷ the same peak-seconds, over the run.</summary>
    public required double Hfu { get; init; }

    /// <summary>Model FLOPs ÷ (progress time × available BF16 peak), over the run.</summary>
    public required double UtilisationOfBf16Peak { get; init; }

    /// <summary>Wall-clock time, seconds: Σ stages FLOP / delivered FLOP/s / ETTR.</summary>
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

    /// <summary>Per stage, in order.</summary>
    public required IReadOnlyList<StageEstimate> Stages { get; init; }

    /// <summary>Total cost, when every chip type has a price in one currency.</summary>
    public required Money? Cost { get; init; }

    /// <summary>What the run's set-up calls for a word about.</summary>
    public required IReadOnlyList<ComputeFinding> Findings { get; init; }

    /// <summary>Whether every figure is finite (an absurdly small MFU overflows the time and cost); when not, no cost is given.</summary>
    public required bool IsFinite { get; init; }

    /// <summary>Cluster power ÷ a human brain's 20 W.</summary>
    public double BrainEquivalentRatio => PowerWatts / BrainComparison.BrainWatts;
}

/// <summary>Inference throughput, energy and cost per token of one accelerator (MODEL.md §3).</summary>
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
    /// <summary>Estimates a training run, stage by stage.</summary>
    public static TrainingEstimate Train(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Fleet.Count == 0)
        {
            throw new ArgumentException("The fleet is empty.", nameof(run));
        }

        var watts = run.Fleet.Select(m => m.Count * WattsPerAccelerator(m.Accelerator, run.PowerFraction, run.HostWattsPerAccelerator, run.Pue)).ToList();
        var totalWatts = watts.Sum();
        var prices = run.Fleet.Select(m => run.Pricing is not null && run.Pricing.TryGetValue(m.Accelerator.Id, out var basis) ? basis.PricePerAcceleratorHour : m.Accelerator.RentalPricePerHour).ToList();
        var oneCurrency = prices.All(p => p is not null) && prices.Select(p => p!.Value.Currency).Distinct().Count() == 1;

        var stages = new List<StageEstimate>();
        var memberFlops = new double[run.Fleet.Count];
        var memberCost = new double[run.Fleet.Count];
        foreach (var stage in run.EffectiveStages)
        {
            var (dense, attention, hardware) = StageFlops(run, stage);
            var perChip = run.Fleet.Select(m => PeakOf(m.Accelerator, stage.Precision) * stage.Mfu * m.Availability).ToList();
            var slowest = perChip.Min();
            var delivered = run.Fleet.Select((m, i) => ((1 - run.StragglerPenalty) * m.Count * perChip[i]) + (run.StragglerPenalty * m.Count * slowest)).ToList();
            var total = delivered.Sum();
            var progressSeconds = (dense + attention) / total;
            var seconds = progressSeconds / run.Ettr;
            var hours = seconds / 3600;
            var availablePeak = run.Fleet.Sum(m => m.Count * PeakOf(m.Accelerator, stage.Precision) * m.Availability);
            var availableBf16 = run.Fleet.Sum(m => m.Count * m.Accelerator.PeakBf16Tflops * 1e12 * m.Availability);
            var costs = run.Fleet.Select((m, i) => prices[i] is { } p ? m.Count * hours * p.Amount : double.NaN).ToList();
            for (var i = 0; i < run.Fleet.Count; i++)
            {
                memberFlops[i] += delivered[i] * progressSeconds;
                memberCost[i] += costs[i];
            }

            var stageCost = costs.Sum();
            stages.Add(new StageEstimate
            {
                Stage = stage,
                DenseTermFlops = dense,
                AttentionTermFlops = attention,
                HardwareFlops = hardware,
                DeliveredFlopsPerSecond = total,
                EffectiveMfu = (dense + attention) / (progressSeconds * availablePeak),
                Hfu = hardware / (progressSeconds * availablePeak),
                UtilisationOfBf16Peak = (dense + attention) / (progressSeconds * availableBf16),
                WallClockSeconds = seconds,
                AcceleratorHours = run.Fleet.Sum(m => m.Count) * hours,
                EnergyMwh = totalWatts * seconds / 3.6e9,
                Cost = oneCurrency && double.IsFinite(stageCost) ? new Money(stageCost, prices[0]!.Value.Currency) : null,
            });
        }

        var wall = stages.Sum(s => s.WallClockSeconds);
        var progress = wall * run.Ettr;
        var modelFlops = stages.Sum(s => s.ModelFlops);
        var peakSeconds = stages.Sum(s => s.ModelFlops / s.EffectiveMfu);
        var bf16PeakSeconds = stages.Sum(s => s.ModelFlops / s.UtilisationOfBf16Peak);
        var usage = run.Fleet.Select((m, i) => new FleetUsage(m.Accelerator.Id, m.Count, m.Availability, memberFlops[i] / progress, m.Count * wall / 3600, watts[i],
            prices[i] is { } p && double.IsFinite(memberCost[i]) ? new Money(memberCost[i], p.Currency) : null)).ToList();
        var totalCost = stages.Sum(s => s.Cost?.Amount ?? double.NaN);
        var finite = double.IsFinite(wall) && double.IsFinite(progress) && double.IsFinite(stages.Sum(s => s.HardwareFlops)) && double.IsFinite(totalWatts * wall)
            && run.Fleet.Select((_, i) => prices[i] is null || double.IsFinite(memberCost[i])).All(ok => ok);
        return new TrainingEstimate
        {
            Run = run,
            DenseTermFlops = stages.Sum(s => s.DenseTermFlops),
            AttentionTermFlops = stages.Sum(s => s.AttentionTermFlops),
            HardwareFlops = stages.Sum(s => s.HardwareFlops),
            DeliveredFlopsPerSecond = modelFlops / progress,
            EffectiveMfu = modelFlops / peakSeconds,
            Hfu = stages.Sum(s => s.HardwareFlops) / peakSeconds,
            UtilisationOfBf16Peak = modelFlops / bf16PeakSeconds,
            WallClockSeconds = wall,
            AcceleratorHours = usage.Sum(u => u.AcceleratorHours),
            PowerWatts = totalWatts,
            Fleet = usage,
            Stages = stages,
            Cost = finite && oneCurrency && double.IsFinite(totalCost) ? new Money(totalCost, prices[0]!.Value.Currency) : null,
            Findings = Findings(run),
            IsFinite = finite,
        };
    }

    /// <summary>
    /// Hardware FLOPs per model FLOP: 1 without recomputation; 4/3 with full recomputation (the forward pass again:
    /// 8·N·D instead of 6·N·D); with selective recomputation 1 + the attention core's forward FLOPs, 2·L·S·d per token,
    /// over the model FLOPs per token (Korthikanti et al., arXiv 2205.05198). <paramref name="model"/>'s sequence length is S.
    /// </summary>
    public static double HardwareFlopsPerModelFlop(ModelSpec model, Recompute recompute, bool includeAttention)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (dense, attention, hardware) = FlopsPerTrainingToken(model, recompute, includeAttention);
        return hardware / (dense + attention);
    }

    private static (double Dense, double Attention, double Hardware) StageFlops(TrainingRun run, TrainingStage stage)
    {
        var model = stage.SequenceLength is { } s ? run.Model with { SequenceLength = s } : run.Model;
        var (dense, attention, hardware) = FlopsPerTrainingToken(model, stage.Recompute, run.IncludeAttention);
        return (dense * stage.Tokens, attention * stage.Tokens, hardware * stage.Tokens);
    }

    private static (double Dense, double Attention, double Hardware) FlopsPerTrainingToken(ModelSpec model, Recompute recompute, bool includeAttention)
    {
        var dense = 6 * model.ActiveParamsBillion * 1e9;
        var attention = includeAttention ? AttentionFlopsPerToken(model, training: true) : 0;
        var extra = recompute switch
        {
            Recompute.Full => (dense + attention) / 3,
            Recompute.Selective => AttentionFlopsPerToken(model, training: false),
            _ => 0,
        };
        return (dense, attention, dense + attention + extra);
    }

    private static double PeakOf(Accelerator accelerator, Precision precision) =>
        accelerator.PeakFlops(precision) ?? throw new ArgumentException($"{accelerator.Id} has no {precision} peak.", nameof(precision));

    private static List<ComputeFinding> Findings(TrainingRun run)
    {
        var findings = new List<ComputeFinding>();
        var vendors = run.Fleet.Select(m => m.Accelerator.Vendor).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (vendors > 1)
        {
            findings.Add(new ComputeFinding(ComputeFindingCode.MixedVendorSynchronousJob, [vendors]));
        }

        return findings;
    }

    /// <summary>Inference on one accelerator type: compute-bound tokens/s per accelerator and the batch-1 bandwidth ceiling.</summary>
    public static InferenceEstimate Infer(ModelSpec model, Accelerator accelerator, double mfu, Precision precision = Precision.Bf16, double powerFraction = 1,
        double hostWattsPerAccelerator = 500, double pue = 1.25, Money? pricePerHour = null, bool includeAttention = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(accelerator);
        var peak = accelerator.PeakFlops(precision) ?? throw new ArgumentException($"{accelerator.Id} has no {precision} peak.", nameof(precision));
        var flopsPerToken = FlopsPerToken(model, includeAttention);
        var tokensPerSecond = peak * mfu / flopsPerToken;
        var bandwidthBound = accelerator.MemoryBandwidthTbps * 1e12 / (model.ActiveParamsBillion * 1e9 * BytesPerValue(precision));
        var watts = WattsPerAccelerator(accelerator, powerFraction, hostWattsPerAccelerator, pue);
        var secondsPerMillion = 1e6 / tokensPerSecond;
        var cost = pricePerHour is { } p ? p.Amount * secondsPerMillion / 3600 : double.NaN;
        return new InferenceEstimate(flopsPerToken, tokensPerSecond, bandwidthBound, watts, watts * secondsPerMillion / 3.6e6,
            pricePerHour is { } q && double.IsFinite(cost) ? new Money(cost, q.Currency) : null);
    }

    /// <summary>Bytes of one weight or cached value at a precision (BF16: 2, FP8: 1).</summary>
    public static double BytesPerValue(Precision precision) => precision == Precision.Fp8 ? 1 : 2;

    /// <summary>Inference FLOP per generated token: 2 × N_active, + Kaplan's forward attention term 2·L·S·d when asked.</summary>
    public static double FlopsPerToken(ModelSpec model, bool includeAttention)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (2 * model.ActiveParamsBillion * 1e9) + (includeAttention ? AttentionFlopsPerToken(model, training: false) : 0);
    }

    /// <summary>Facility watts per accelerator: (TDP × power fraction + host) × PUE.</summary>
    public static double WattsPerAccelerator(Accelerator accelerator, double powerFraction, double hostWatts, double pue)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return ((accelerator.TdpWatts * powerFraction) + hostWatts) * pue;
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
