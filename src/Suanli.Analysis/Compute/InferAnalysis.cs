using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Analysis.Compute;

/// <summary>Everything <c>suanli infer</c> computes for one model replica: memory, decode rooflines, energy and cost, as data.</summary>
public sealed record InferResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The replica's estimate (its <c>Run</c> is the run as evaluated).</summary>
    public required ServingEstimate Serving { get; init; }

    /// <summary>One accelerator's compute-bound rate and its batch-1 bandwidth ceiling.</summary>
    public required InferenceEstimate Single { get; init; }

    /// <summary>The run as evaluated.</summary>
    public ServingRun Run => Serving.Run;

    /// <summary>Where the MFU comes from (<c>compute.mfu.given</c> or the default for the precision).</summary>
    public required Finding MfuSource { get; init; }

    /// <summary>Whether the MFU is the precision's default.</summary>
    public required bool MfuIsDefault { get; init; }

    /// <summary>Whether the context is the model's training sequence length by default.</summary>
    public required bool ContextIsDefault { get; init; }

    /// <summary>Whether the batch is as many sequences as fit, by default.</summary>
    public required bool BatchIsDefault { get; init; }

    /// <summary>Whether the accelerators per replica are the fewest that hold the model, by default.</summary>
    public required bool AcceleratorsPerReplicaIsDefault { get; init; }

    /// <summary>The price of an accelerator-hour and where it comes from.</summary>
    public required PriceUsed Price { get; init; }

    /// <summary>The rate used to convert a catalog price into <c>--currency</c>.</summary>
    public required ExchangeRateUsed Fx { get; init; }

    /// <summary>Bytes of one weight or cached value at the run's precision.</summary>
    public required double BytesPerValue { get; init; }

    /// <summary>Weights, GB.</summary>
    public required double WeightGb { get; init; }

    /// <summary>KV cache per token, KiB.</summary>
    public required double KvCacheKibPerToken { get; init; }

    /// <summary>KV cache of one sequence at the context, GB.</summary>
    public required double KvCacheGbPerSequence { get; init; }

    /// <summary>Weights + the batch's KV cache, GB.</summary>
    public required double MemoryGbNeeded { get; init; }

    /// <summary>Usable memory of the replica, GB.</summary>
    public required double MemoryGbUsable { get; init; }

    /// <summary>Bytes read per decode step, GB.</summary>
    public required double GbReadPerDecodeStep { get; init; }

    /// <summary>Energy a 20 W brain uses while the replica makes a million tokens, kWh.</summary>
    public required double BrainEnergyKwhPerMillionTokens { get; init; }

    /// <summary>The model's simplifications, as resource codes (<c>compute.model.infer.*</c>).</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }
}

/// <summary>The application entry of the inference model (docs/compute.md, Inference): an <see cref="InferRequest"/> → an <see cref="InferResult"/>.</summary>
public static class InferAnalysis
{
    private const double Gb = 1e9;

    /// <summary>The simplifications of the model, each a resource code.</summary>
    public static IReadOnlyList<string> ModelNotes { get; } = ["compute.model.infer.decode", "compute.model.infer.replica", "compute.model.infer.rooflines", "compute.model.infer.bytes"];

    /// <summary>Sizes a replica and estimates its decode throughput, energy and cost.</summary>
    public static ComputeOutcome<InferResult> Evaluate(InferRequest request, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("infer", 0, 1));
        var o = request.Options;
        var errors = new List<RequestError>();
        var catalog = ComputeCatalog.BuiltIn;
        var m = catalog.FindModel(request.ModelId);
        if (m is null)
        {
            errors.Add(RequestError.Option("--model", "unknownModel", ("id", TrainAnalysis.Shown(request.ModelId)), ("known", FindingArg.List(catalog.Models.Keys))));
        }

        var a = catalog.FindAccelerator(request.AcceleratorId);
        if (a is null)
        {
            errors.Add(RequestError.Option("--accelerator", "unknownAccelerator", ("id", TrainAnalysis.Shown(request.AcceleratorId)), ("known", FindingArg.List(catalog.Accelerators.Keys))));
        }

        var precision = o.Precision ?? Precision.Bf16;
        if (a is not null && a.PeakFlops(precision) is null)
        {
            errors.Add(RequestError.Option("--precision", "noFp8", ("accelerator", a.Id)));
        }

        if (m is not null && m.KvCacheElementsPerToken is null)
        {
            errors.Add(RequestError.Option("--model", "noKvShape", ("model", m.Id),
                ("models", FindingArg.List(catalog.Models.Values.Where(x => x.KvCacheElementsPerToken is not null).Select(x => x.Id)))));
        }

        if (m is not null && request.ContextTokens is null && m.SequenceLength is null)
        {
            errors.Add(RequestError.Option("--context", "noSequenceLength", ("model", m.Id)));
        }

        if (errors.Count > 0 || m is null || a is null)
        {
            return new ComputeOutcome<InferResult>(null, errors);
        }

        var fx = ComputePricing.RunFx(catalog, o.FxRmbPerUsd, null);
        var price = ComputePricing.FlagsPrice(errors, o, a, fx);
        if (price is null)
        {
            return new ComputeOutcome<InferResult>(null, errors);
        }

        var mfu = o.Mfu ?? ComputeDefaults.Mfu(precision, m.Architecture);
        var powerFraction = o.PowerFraction ?? ComputeDefaults.PowerFraction;
        var hostWatts = o.HostWatts ?? ComputeDefaults.HostWatts;
        var pue = o.Pue ?? ComputeDefaults.Pue;
        var run = new ServingRun
        {
            Model = m,
            Accelerator = a,
            Mfu = mfu,
            Precision = precision,
            ContextTokens = request.ContextTokens ?? m.SequenceLength!.Value,
            Batch = request.Batch,
            AcceleratorsPerReplica = request.AcceleratorsPerReplica,
            MemoryUtilisation = request.MemoryUtilisation ?? ComputeDefaults.MemoryUtilisation,
            PowerFraction = powerFraction,
            HostWattsPerAccelerator = hostWatts,
            Pue = pue,
            PricePerAcceleratorHour = price.Price,
        };
        var s = ServingEngine.Estimate(run);
        if (s.Misfit != ServingMisfit.None)
        {
            errors.Add(Misfit(s));
            return new ComputeOutcome<InferResult>(null, errors);
        }

        if (!s.IsFinite)
        {
            errors.Add(RequestError.Option(o.Mfu is null ? "--price-per-hour" : "--mfu", "inferOverflow"));
            return new ComputeOutcome<InferResult>(null, errors);
        }

        var single = ComputeEngine.Infer(m, a, mfu, precision, powerFraction, hostWatts, pue, price.Price);
        var mfuSource = o.Mfu is null ? TrainAnalysis.DefaultMfuSource(precision, m.Architecture) : Finding.Info("compute.mfu.given");
        var inputs = new ComputeInputs();
        inputs.Flag("--model", m.Id);
        inputs.Flag("--accelerator", a.Id);
        inputs.Flag("--context", request.ContextTokens, "tokens");
        inputs.Flag("--batch", request.Batch, "sequences");
        inputs.Flag("--accelerators-per-replica", request.AcceleratorsPerReplica, "accelerators");
        inputs.Flag("--memory-utilization", request.MemoryUtilisation, "fraction");
        inputs.Flag("--mfu", o.Mfu, "fraction");
        inputs.Flag("--precision", o.Precision);
        inputs.PriceAndPowerFlags(o);
        inputs.Default("--memory-utilization", request.MemoryUtilisation, ComputeDefaults.MemoryUtilisation, "fraction");
        inputs.Default("--mfu", o.Mfu, mfu, "fraction");
        inputs.PowerDefaults(o);
        inputs.CatalogEntry(m.Id);
        inputs.CatalogEntry(a.Id);
        if (price.Basis.Code == "compute.price.marketRentalConverted")
        {
            inputs.ExchangeRate(fx.Rate.Year);
        }

        var findings = new List<Finding> { mfuSource, price.Basis };
        if (price.Basis.Code == "compute.price.marketRentalConverted")
        {
            findings.Add(fx.Basis);
        }

        findings.Add(Finding.Info(s.Bound == DecodeBound.Compute ? "compute.infer.computeBound" : "compute.infer.memoryBound",
            ("compute", s.ComputeBoundTokensPerSecondPerReplica), ("memory", s.MemoryBoundTokensPerSecondPerReplica)));
        progress?.Report(new AnalysisProgress("infer", 1, 1));
        return new ComputeOutcome<InferResult>(new InferResult
        {
            Header = new ResultHeader("infer", RequestError.CommandLine, RequestError.CommandLine, null, price.Price?.Currency, [], inputs.All),
            Metrics = Metrics(s, single),
            Findings = findings,
            Serving = s,
            Single = single,
            MfuSource = mfuSource,
            MfuIsDefault = o.Mfu is null,
            ContextIsDefault = request.ContextTokens is null,
            BatchIsDefault = request.Batch is null,
            AcceleratorsPerReplicaIsDefault = request.AcceleratorsPerReplica is null,
            Price = price,
            Fx = fx,
            BytesPerValue = ComputeEngine.BytesPerValue(precision),
            WeightGb = s.WeightBytes / Gb,
            KvCacheKibPerToken = s.KvBytesPerToken / 1024,
            KvCacheGbPerSequence = s.KvBytesPerToken * run.ContextTokens / Gb,
            MemoryGbNeeded = s.BytesNeeded / Gb,
            MemoryGbUsable = s.AcceleratorsPerReplica * s.UsableBytesPerAccelerator / Gb,
            GbReadPerDecodeStep = s.BytesReadPerStep / Gb,
            BrainEnergyKwhPerMillionTokens = BrainComparison.BrainEnergyKwh(1e6 / s.TokensPerSecondPerReplica),
            ModelNotes = ModelNotes,
        }, []);
    }

    /// <summary>Why the model does not fit the replica, with the figures and what would fit instead.</summary>
    private static RequestError Misfit(ServingEstimate s)
    {
        var n = s.AcceleratorsPerReplica;
        var kvSequence = s.KvBytesPerToken * s.Run.ContextTokens;
        var id = s.Run.Accelerator.Id;
        return s.Misfit switch
        {
            ServingMisfit.TooFewAccelerators => RequestError.Option("--accelerators-per-replica", "tooFewAccelerators", ("count", n), ("accelerator", id),
                ("usableGb", n * s.UsableBytesPerAccelerator / Gb), ("weightsGb", s.WeightBytes / Gb), ("sequenceGb", kvSequence / Gb),
                ("needed", Math.Ceiling((s.WeightBytes + kvSequence) / s.UsableBytesPerAccelerator))),
            ServingMisfit.BatchTooLarge => RequestError.Option("--batch", "batchTooLarge", ("batch", s.Batch), ("context", s.Run.ContextTokens),
                ("kvGb", s.Batch * kvSequence / Gb), ("count", n), ("accelerator", id), ("freeGb", ((n * s.UsableBytesPerAccelerator) - s.WeightBytes) / Gb),
                ("maxBatch", Math.Max(0, Math.Floor(((n * s.UsableBytesPerAccelerator) - s.WeightBytes) / kvSequence)))),
            _ => RequestError.Option("--batch", "replicaTooLarge", ("batch", s.Batch), ("context", s.Run.ContextTokens), ("max", ServingRun.MaxAcceleratorsPerReplica)),
        };
    }

    private static List<Metric> Metrics(ServingEstimate s, InferenceEstimate single)
    {
        var currency = s.CostPerMillionTokens?.Currency;
        return
        [
            new("acceleratorsPerReplica", s.AcceleratorsPerReplica, Unit.Accelerators),
            new("batch", s.Batch, Unit.None),
            new("contextTokens", s.Run.ContextTokens, Unit.Tokens),
            new("weightGb", s.WeightBytes / Gb, Unit.Gigabytes),
            new("memoryGbNeeded", s.BytesNeeded / Gb, Unit.Gigabytes),
            new("memoryGbUsable", s.AcceleratorsPerReplica * s.UsableBytesPerAccelerator / Gb, Unit.Gigabytes),
            new("flopsPerToken", s.FlopsPerToken, Unit.Flop),
            new("mfu", s.Run.Mfu, Unit.Fraction),
            new("computeBoundTokensPerSecondPerReplica", s.ComputeBoundTokensPerSecondPerReplica, Unit.TokensPerSecond),
            new("memoryBoundTokensPerSecondPerReplica", s.MemoryBoundTokensPerSecondPerReplica, Unit.TokensPerSecond),
            new("tokensPerSecondPerReplica", s.TokensPerSecondPerReplica, Unit.TokensPerSecond),
            new("tokensPerSecondPerAccelerator", s.TokensPerSecondPerAccelerator, Unit.TokensPerSecond),
            new("bandwidthBoundTokensPerSecondAtBatch1", single.BandwidthBoundTokensPerSecondAtBatch1, Unit.TokensPerSecond),
            new("wattsPerAccelerator", s.WattsPerAccelerator, Unit.Watts),
            new("energyKwhPerMillionTokens", s.EnergyKwhPerMillionTokens, Unit.KwhPerMillionTokens),
            new("costPerAcceleratorHour", s.Run.PricePerAcceleratorHour?.Amount, Unit.MoneyPerAcceleratorHour, s.Run.PricePerAcceleratorHour?.Currency),
            new("costPerMillionTokens", s.CostPerMillionTokens?.Amount, Unit.MoneyPerMillionTokens, currency),
        ];
    }
}
