using System.Text.Json;
using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Analysis.Run;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli run --json</c>: the common header, then each section's JSON as its own command writes it.</summary>
public sealed record RunJson : ScenarioCommandJson
{
    internal RunJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>Every input with its source.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>Each evaluated section (<c>site</c>, …) → the JSON its own command writes (<c>suanli econ --json</c>, …).</summary>
    public required IReadOnlyDictionary<string, JsonElement> Sections { get; init; }

    /// <summary>Every section's named figures, keys prefixed with the section (<c>site.npv</c>).</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>What the run found: sections not evaluated yet (<c>run.sectionNotYetOnSeam</c>), as codes, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>Turns a run's result into its JSON shape.</summary>
public static class RunJsonWriter
{
    /// <summary>The JSON record of a run, texts in the words' language.</summary>
    public static RunJson ToJson(RunResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var sections = new OrderedDictionaryOf<JsonElement>();
        foreach (var s in result.Sections)
        {
            if (s.Result is { } r)
            {
                using var document = JsonDocument.Parse(SectionJson(r, words));
                sections.Add(s.Section, document.RootElement.Clone());
            }
        }

        return new RunJson(result.Header, words)
        {
            Inputs = result.Header.Inputs,
            Sections = sections,
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    /// <summary>
    /// The JSON a section's own command writes for its result. A model's writer is added here when its analysis joins
    /// <see cref="ModelRunners.BySection"/> (a test runs every preset through <c>run</c>, so a missing one fails).
    /// </summary>
    public static string SectionJson(IModelResult result, Words words) => result switch
    {
        EconResult econ => ReportJson.Serialize(EconJsonWriter.ToJson(econ, words)),
        Suanli.Analysis.Layout.LayoutAnalysisResult layout => ReportJson.Serialize(LayoutJsonWriter.ToJson(layout, words)),
        Suanli.Analysis.Reliability.ReliabilityResult reliability => ReportJson.Serialize(ReliabilityJsonWriter.ToJson(reliability, words)),
        Suanli.Analysis.Compute.TrainResult train => ReportJson.Serialize(TrainJsonWriter.ToJson(train, words)),
        Suanli.Analysis.Market.MarketResult market => ReportJson.Serialize(MarketJsonWriter.ToJson(market, words)),
        Suanli.Analysis.Cloud.CloudAnalysisResult cloud => ReportJson.Serialize(CloudJsonWriter.ToJson(cloud, words)),
        Suanli.Analysis.Multisite.MultisiteResult multisite => ReportJson.Serialize(MultisiteJsonWriter.ToJson(multisite, words)),
        _ => throw new NotSupportedException($"No JSON writer for {result?.GetType().Name}: add it to RunJsonWriter.SectionJson."),
    };
}
