using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Essay;

namespace Suanli.Reports.Json;

/// <summary>Source-generated serialization of every JSON record the reports write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EssayJson))]
[JsonSerializable(typeof(EconJson))]
[JsonSerializable(typeof(LayoutJson))]
[JsonSerializable(typeof(IReadOnlyList<PresetJson>))]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(ReliabilityJson))]
[JsonSerializable(typeof(TrainJson))]
[JsonSerializable(typeof(InferJson))]
[JsonSerializable(typeof(CatalogJson))]
[JsonSerializable(typeof(MultisiteJson))]
[JsonSerializable(typeof(MarketJson))]
[JsonSerializable(typeof(SolveJson))]
[JsonSerializable(typeof(CloudJson))]
[JsonSerializable(typeof(SweepJson))]
[JsonSerializable(typeof(TornadoJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>Writes result records as JSON: camelCase keys, enums as camelCase strings, invariant numbers, no infinities.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new CamelCaseEnum<Verdict>(),
            new CamelCaseEnum<Unit>(),
            new CamelCaseEnum<FindingLevel>(),
            new CamelCaseEnum<InputOrigin>(),
            new CamelCaseEnum<EvidenceGrade>(),
            new CamelCaseEnum<EvidenceBearing>(),
            new CamelCaseEnum<FigureComparison>(),
            new CamelCaseEnum<Suanli.Core.Economics.PowerPricing>(),
            new CamelCaseEnum<Suanli.Core.Economics.TerminalValueMethod>(),
            new CamelCaseEnum<Suanli.Core.Economics.EconomicBreakEvenReason>(),
            new CamelCaseEnum<Suanli.Core.Economics.EconomicBreakEvenOccupancyReason>(),
            new CamelCaseEnum<Suanli.Core.Economics.EconomicsFindingCode>(),
            new CamelCaseEnum<Suanli.Core.Reliability.TermKind>(),
            new CamelCaseEnum<Suanli.Core.Reliability.FailureDistribution>(),
            new CamelCaseEnum<Suanli.Core.Reliability.RecoveryAction>(),
            new CamelCaseEnum<Suanli.Core.Reliability.ReliabilityWarningCode>(),
            new CamelCaseEnum<Suanli.Core.Reliability.SweepKind>(),
            new CamelCaseEnum<Suanli.Scenarios.Schema.ClaimMetric>(),
            new CamelCaseEnum<Suanli.Analysis.Layout.PueAdvantageCause>(),
            new CamelCaseEnum<Suanli.Scenarios.Schema.ClaimComparison>(),
            new CamelCaseEnum<Suanli.Core.Compute.ModelArchitecture>(),
            new CamelCaseEnum<Suanli.Core.Compute.Precision>(),
            new CamelCaseEnum<Suanli.Core.Compute.Recompute>(),
            new CamelCaseEnum<Suanli.Core.Compute.UtilisationBasis>(),
            new CamelCaseEnum<Suanli.Core.Compute.DecodeBound>(),
            new CamelCaseEnum<Suanli.Core.Compute.ComputeFindingCode>(),
            new CamelCaseEnum<Suanli.Analysis.Compute.EttrSource>(),
            new CamelCaseEnum<Suanli.Core.Multisite.CrossSiteParallelism>(),
            new JsonStringEnumConverter<Currency>(),
        },
    };

    /// <summary>The JSON text of a record (one object, indented, ending with a newline).</summary>
    public static string Serialize<T>(T value)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return JsonSerializer.Serialize(value, info) + Environment.NewLine;
    }

    /// <summary>An enum as a camelCase string, also as a dictionary key.</summary>
    private sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
        where T : struct, Enum;
}
