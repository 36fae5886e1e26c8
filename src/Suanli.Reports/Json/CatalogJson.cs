using Suanli.Analysis.Compute;
using Suanli.Core.Compute;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>A catalog value with its source, as <c>--sources</c> lists it.</summary>
/// <param name="Path">Its path in the catalog, e.g. <c>accelerators[1].tdpWatts</c>.</param>
/// <param name="Value">As written.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record SourceJson(string Path, string Value, string? Source);

/// <summary>An accelerator in <c>suanli catalog accelerators --json</c>.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Vendor">Vendor.</param>
/// <param name="PeakBf16Tflops">Dense BF16 TFLOPS.</param>
/// <param name="PeakFp8Tflops">Dense FP8 TFLOPS, or null.</param>
/// <param name="MemoryGb">Memory, GB.</param>
/// <param name="MemoryBandwidthTbps">Bandwidth, TB/s.</param>
/// <param name="TdpWatts">TDP, W.</param>
/// <param name="ScaleUpBandwidthGBps">Scale-up bandwidth, GB/s.</param>
/// <param name="Tpp">Total Processing Performance (ECCN 3A090).</param>
/// <param name="ExportControl">Export-control status (the catalog's text).</param>
/// <param name="RentalPricePerHour">Published rental price per hour, or null.</param>
/// <param name="RentalCurrency">Its currency.</param>
public sealed record AcceleratorJson(string Id, string Name, string Vendor, double PeakBf16Tflops, double? PeakFp8Tflops, double MemoryGb, double MemoryBandwidthTbps,
    double TdpWatts, double ScaleUpBandwidthGBps, double Tpp, string ExportControl, double? RentalPricePerHour, string? RentalCurrency);

/// <summary>A model in <c>suanli catalog models --json</c>, with its published check.</summary>
public sealed record ModelJson
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Dense or MoE.</summary>
    public required ModelArchitecture Architecture { get; init; }

    /// <summary>Total parameters, billions.</summary>
    public required double TotalParamsBillion { get; init; }

    /// <summary>Active parameters, billions.</summary>
    public required double ActiveParamsBillion { get; init; }

    /// <summary>Training tokens, trillions.</summary>
    public required double? TrainingTokensTrillion { get; init; }

    /// <summary>Layers.</summary>
    public required int? Layers { get; init; }

    /// <summary>Width.</summary>
    public required int? ModelDim { get; init; }

    /// <summary>Training sequence length.</summary>
    public required int? SequenceLength { get; init; }

    /// <summary>KV heads.</summary>
    public required int? KvHeads { get; init; }

    /// <summary>Head dimension.</summary>
    public required int? HeadDim { get; init; }

    /// <summary>MLA latent width.</summary>
    public required int? KvLoraRank { get; init; }

    /// <summary>MLA rotary key width.</summary>
    public required int? RopeHeadDim { get; init; }

    /// <summary>Values cached per token.</summary>
    public required double? KvCacheElementsPerToken { get; init; }

    /// <summary>Published training FLOPs.</summary>
    public required double? ReportedTrainingFlops { get; init; }

    /// <summary>Published accelerator-hours.</summary>
    public required double? ReportedAcceleratorHours { get; init; }

    /// <summary>Published pre-training accelerator-hours.</summary>
    public required double? ReportedPretrainingAcceleratorHours { get; init; }

    /// <summary>Published accelerator id.</summary>
    public required string? ReportedAccelerator { get; init; }

    /// <summary>Published accelerator count.</summary>
    public required int? ReportedAcceleratorCount { get; init; }

    /// <summary>Published precision.</summary>
    public required Precision? ReportedPrecision { get; init; }

    /// <summary>Published utilisation.</summary>
    public required double? ReportedMfu { get; init; }

    /// <summary>Its basis.</summary>
    public required UtilisationBasis ReportedUtilisationBasis { get; init; }

    /// <summary>Published recomputation.</summary>
    public required Recompute? ReportedRecompute { get; init; }

    /// <summary>Published ETTR.</summary>
    public required double? ReportedEttr { get; init; }

    /// <summary>Published cost.</summary>
    public required double? ReportedCost { get; init; }

    /// <summary>Its currency.</summary>
    public required string? ReportedCostCurrency { get; init; }

    /// <summary>Year of its prices.</summary>
    public required int? ReportedCostYear { get; init; }

    /// <summary>What the published figures cover (the catalog's text).</summary>
    public required string? ReportedNote { get; init; }

    /// <summary>6ND against the publication.</summary>
    public required PublishedCheckJson Check { get; init; }
}

/// <summary>A year's average rate in <c>suanli catalog exchange-rates --json</c>.</summary>
/// <param name="Year">Year.</param>
/// <param name="Rate">RMB per USD.</param>
/// <param name="Source">Source.</param>
public sealed record ExchangeRateJson(int Year, double Rate, string? Source);

/// <summary>The JSON of <c>suanli catalog accelerators|models|exchange-rates --json</c>: the list of earlier versions plus the common header.</summary>
public sealed record CatalogJson : CommandJson
{
    internal CatalogJson(string command, Words words)
        : base(command, words)
    {
    }

    /// <summary>Where the values come from: <c>catalog</c> (the built-in one).</summary>
    public required string Origin { get; init; }

    /// <summary>Overrides (none: the catalog is read as shipped).</summary>
    public required IReadOnlyList<string> Overrides { get; init; }

    /// <summary>The accelerators (<c>catalog accelerators</c>); omitted otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AcceleratorJson>? Accelerators { get; init; }

    /// <summary>The models (<c>catalog models</c>); omitted otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ModelJson>? Models { get; init; }

    /// <summary>The annual average exchange rates (<c>catalog exchange-rates</c>); omitted otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExchangeRateJson>? RmbPerUsd { get; init; }

    /// <summary>Every value of the list with its source (accelerators and models).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SourceJson>? Sources { get; init; }

    /// <summary>Every reading (the models' published checks), as code, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }

    /// <summary>Every value with its source, as every command's inputs.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }
}

/// <summary>Turns a catalog listing into its JSON shape.</summary>
public static class CatalogJsonWriter
{
    /// <summary>The JSON record of a catalog listing.</summary>
    public static CatalogJson ToJson(CatalogResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var sources = result.Kind == "exchangeRates" ? null : result.Sources.Select(i => new SourceJson(i.Path, i.Value, i.Source)).ToList();
        return new CatalogJson(result.Header.Command, words)
        {
            Origin = result.Header.Origin,
            Overrides = result.Header.Overrides,
            Accelerators = result.Kind == "accelerators"
                ? [.. result.Accelerators.Select(a => new AcceleratorJson(a.Id, a.Name, a.Vendor, a.PeakBf16Tflops, a.PeakFp8Tflops, a.MemoryGb, a.MemoryBandwidthTbps, a.TdpWatts,
                    a.ScaleUpBandwidthGBps, a.TotalProcessingPerformance, a.ExportControl, a.RentalPricePerHour?.Amount, a.RentalPricePerHour?.Currency.ToString()))]
                : null,
            Models = result.Kind == "models" ? [.. result.Models.Select(e => Model(e, words))] : null,
            RmbPerUsd = result.Kind == "exchangeRates" ? [.. result.ExchangeRates.Select(r => new ExchangeRateJson(r.Year, r.RmbPerUsd, r.Source))] : null,
            Sources = sources,
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
            Inputs = result.Header.Inputs,
        };
    }

    private static ModelJson Model(ModelEntry e, Words words)
    {
        var m = e.Model;
        return new ModelJson
        {
            Id = m.Id,
            Name = m.Name,
            Architecture = m.Architecture,
            TotalParamsBillion = m.TotalParamsBillion,
            ActiveParamsBillion = m.ActiveParamsBillion,
            TrainingTokensTrillion = m.TrainingTokensTrillion,
            Layers = m.Layers,
            ModelDim = m.ModelDim,
            SequenceLength = m.SequenceLength,
            KvHeads = m.KvHeads,
            HeadDim = m.HeadDim,
            KvLoraRank = m.KvLoraRank,
            RopeHeadDim = m.RopeHeadDim,
            KvCacheElementsPerToken = m.KvCacheElementsPerToken,
            ReportedTrainingFlops = m.ReportedTrainingFlops,
            ReportedAcceleratorHours = m.ReportedAcceleratorHours,
            ReportedPretrainingAcceleratorHours = m.ReportedPretrainingAcceleratorHours,
            ReportedAccelerator = m.ReportedAccelerator,
            ReportedAcceleratorCount = m.ReportedAcceleratorCount,
            ReportedPrecision = m.ReportedPrecision,
            ReportedMfu = m.ReportedMfu,
            ReportedUtilisationBasis = m.ReportedUtilisationBasis,
            ReportedRecompute = m.ReportedRecompute,
            ReportedEttr = m.ReportedEttr,
            ReportedCost = m.ReportedCost?.Amount,
            ReportedCostCurrency = m.ReportedCost?.Currency.ToString(),
            ReportedCostYear = m.ReportedCostYear,
            ReportedNote = m.ReportedNote,
            Check = PublishedCheckJson.Of(e.Check, words),
        };
    }
}
