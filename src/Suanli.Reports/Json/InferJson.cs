using Suanli.Analysis.Compute;
using Suanli.Analysis.Results;
using Suanli.Core.Compute;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli infer --json</c>: every key of earlier versions, plus the common header, named figures and notes.</summary>
public sealed record InferJson : ScenarioCommandJson
{
    internal InferJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>Model id.</summary>
    public required string Model { get; init; }

    /// <summary>Accelerator id.</summary>
    public required string Accelerator { get; init; }

    /// <summary>MFU when compute-bound.</summary>
    public required double Mfu { get; init; }

    /// <summary>Whether it is the precision's default.</summary>
    public required bool MfuIsDefault { get; init; }

    /// <summary>Where it comes from, in words.</summary>
    public required string MfuSource { get; init; }

    /// <summary>Where it comes from, as a code.</summary>
    public required string MfuSourceCode { get; init; }

    /// <summary>Precision.</summary>
    public required Precision Precision { get; init; }

    /// <summary>PUE.</summary>
    public required double Pue { get; init; }

    /// <summary>Tokens per sequence.</summary>
    public required int ContextTokens { get; init; }

    /// <summary>Whether it is the training sequence length by default.</summary>
    public required bool ContextIsDefault { get; init; }

    /// <summary>Sequences per replica.</summary>
    public required double Batch { get; init; }

    /// <summary>Whether it is as many as fit.</summary>
    public required bool BatchIsDefault { get; init; }

    /// <summary>Accelerators per replica.</summary>
    public required int AcceleratorsPerReplica { get; init; }

    /// <summary>Whether it is the fewest that hold the model.</summary>
    public required bool AcceleratorsPerReplicaIsDefault { get; init; }

    /// <summary>Share of memory for weights and KV cache.</summary>
    public required double MemoryUtilization { get; init; }

    /// <summary>Weights, GB.</summary>
    public required double WeightGb { get; init; }

    /// <summary>KV cache per token, bytes.</summary>
    public required double KvCacheBytesPerToken { get; init; }

    /// <summary>KV cache per sequence, GB.</summary>
    public required double KvCacheGbPerSequence { get; init; }

    /// <summary>Weights + KV cache, GB.</summary>
    public required double MemoryGbNeeded { get; init; }

    /// <summary>Usable memory of the replica, GB.</summary>
    public required double MemoryGbUsable { get; init; }

    /// <summary>FLOP per token.</summary>
    public required double FlopsPerToken { get; init; }

    /// <summary>Compute bound.</summary>
    public required double ComputeBoundTokensPerSecondPerReplica { get; init; }

    /// <summary>Bytes read per decode step.</summary>
    public required double BytesReadPerDecodeStep { get; init; }

    /// <summary>Bandwidth bound.</summary>
    public required double MemoryBoundTokensPerSecondPerReplica { get; init; }

    /// <summary>Which bound applies.</summary>
    public required DecodeBound Bound { get; init; }

    /// <summary>Tokens/s per replica.</summary>
    public required double TokensPerSecondPerReplica { get; init; }

    /// <summary>Tokens/s per accelerator.</summary>
    public required double TokensPerSecondPerAccelerator { get; init; }

    /// <summary>One accelerator's compute-bound rate.</summary>
    public required double ComputeBoundTokensPerSecondPerAccelerator { get; init; }

    /// <summary>One sequence's bandwidth ceiling on one accelerator.</summary>
    public required double BandwidthBoundTokensPerSecondAtBatch1 { get; init; }

    /// <summary>Facility watts per accelerator.</summary>
    public required double WattsPerAccelerator { get; init; }

    /// <summary>Energy per million tokens, kWh.</summary>
    public required double EnergyKwhPerMillionTokens { get; init; }

    /// <summary>Cost per million tokens.</summary>
    public required double? CostPerMillionTokens { get; init; }

    /// <summary>Its currency.</summary>
    public required string? Currency { get; init; }

    /// <summary>Where the price comes from, in words.</summary>
    public required string CostBasis { get; init; }

    /// <summary>Where the price comes from, as a code (<c>compute.price.*</c>).</summary>
    public required string CostBasisCode { get; init; }

    /// <summary>The price per accelerator-hour used.</summary>
    public required MoneyJson? PricePerAcceleratorHour { get; init; }

    /// <summary>The model's simplifications in one text.</summary>
    public required string SimplifiedModel { get; init; }

    /// <summary>Named figures with units and currency.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Every reading of the result as a code, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Every input with its source: the options given, the defaults used and the catalog entries.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }
}

/// <summary>Turns an inference result into its JSON shape.</summary>
public static class InferJsonWriter
{
    /// <summary>The JSON record of an inference result, texts in the words' language.</summary>
    public static InferJson ToJson(InferResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var s = result.Serving;
        var run = result.Run;
        var notes = result.ModelNotes.Select(n => words[n]).ToList();
        return new InferJson(result.Header, words)
        {
            Model = run.Model.Id,
            Accelerator = run.Accelerator.Id,
            Mfu = run.Mfu,
            MfuIsDefault = result.MfuIsDefault,
            MfuSource = words.Finding(result.MfuSource),
            MfuSourceCode = result.MfuSource.Code,
            Precision = run.Precision,
            Pue = run.Pue,
            ContextTokens = run.ContextTokens,
            ContextIsDefault = result.ContextIsDefault,
            Batch = s.Batch,
            BatchIsDefault = result.BatchIsDefault,
            AcceleratorsPerReplica = s.AcceleratorsPerReplica,
            AcceleratorsPerReplicaIsDefault = result.AcceleratorsPerReplicaIsDefault,
            MemoryUtilization = run.MemoryUtilisation,
            WeightGb = result.WeightGb,
            KvCacheBytesPerToken = s.KvBytesPerToken,
            KvCacheGbPerSequence = result.KvCacheGbPerSequence,
            MemoryGbNeeded = result.MemoryGbNeeded,
            MemoryGbUsable = result.MemoryGbUsable,
            FlopsPerToken = result.Single.FlopsPerToken,
            ComputeBoundTokensPerSecondPerReplica = s.ComputeBoundTokensPerSecondPerReplica,
            BytesReadPerDecodeStep = s.BytesReadPerStep,
            MemoryBoundTokensPerSecondPerReplica = s.MemoryBoundTokensPerSecondPerReplica,
            Bound = s.Bound,
            TokensPerSecondPerReplica = s.TokensPerSecondPerReplica,
            TokensPerSecondPerAccelerator = s.TokensPerSecondPerAccelerator,
            ComputeBoundTokensPerSecondPerAccelerator = result.Single.TokensPerSecondPerAccelerator,
            BandwidthBoundTokensPerSecondAtBatch1 = result.Single.BandwidthBoundTokensPerSecondAtBatch1,
            WattsPerAccelerator = s.WattsPerAccelerator,
            EnergyKwhPerMillionTokens = s.EnergyKwhPerMillionTokens,
            CostPerMillionTokens = s.CostPerMillionTokens?.Amount,
            Currency = s.CostPerMillionTokens?.Currency.ToString(),
            CostBasis = words.Finding(result.Price.Basis),
            CostBasisCode = result.Price.Basis.Code,
            PricePerAcceleratorHour = MoneyJson.Of(result.Price.Price),
            SimplifiedModel = string.Join(words["compute.model.separator"], notes),
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
            ModelNotes = notes,
            Inputs = result.Header.Inputs,
        };
    }
}
