using Suanli.Analysis.Results;
using Suanli.Core.Compute;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Compute;

/// <summary>A catalog model with its 6·N·D against what its authors published.</summary>
/// <param name="Model">The model.</param>
/// <param name="Check">The check, on the same catalog.</param>
public sealed record ModelEntry(ModelSpec Model, PublishedCheck Check);

/// <summary>A year's average RMB/USD rate in the catalog, with its source.</summary>
/// <param name="Year">The year.</param>
/// <param name="RmbPerUsd">Renminbi per US dollar.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record ExchangeRateEntry(int Year, double RmbPerUsd, string? Source);

/// <summary>What <c>suanli catalog</c> lists: accelerators, models with their published check, or exchange rates, each value with its source.</summary>
public sealed record CatalogResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <summary>Which list: <c>accelerators</c>, <c>models</c> or <c>exchangeRates</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Accelerators, in catalog order (empty unless <see cref="Kind"/> is accelerators).</summary>
    public required IReadOnlyList<Accelerator> Accelerators { get; init; }

    /// <summary>Models with their published check, in catalog order (empty unless <see cref="Kind"/> is models).</summary>
    public required IReadOnlyList<ModelEntry> Models { get; init; }

    /// <summary>Annual average exchange rates, ascending (empty unless <see cref="Kind"/> is exchangeRates).</summary>
    public required IReadOnlyList<ExchangeRateEntry> ExchangeRates { get; init; }

    /// <summary>Every value of the list with its source.</summary>
    public IReadOnlyList<InputValue> Sources => Header.Inputs;

    /// <summary>A catalog has no figures of its own to read by name.</summary>
    public IReadOnlyList<Metric> Metrics => [];

    /// <inheritdoc />
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>The application entry of <c>suanli catalog</c>: the built-in catalog (or a scenario's, its own entries included) as data.</summary>
public static class CatalogAnalysis
{
    /// <summary>The accelerators.</summary>
    public static CatalogResult Accelerators(ComputeCatalog? catalog = null)
    {
        var c = catalog ?? ComputeCatalog.BuiltIn;
        return new CatalogResult
        {
            Header = Header("catalog accelerators", c, "accelerators"),
            Kind = "accelerators",
            Accelerators = [.. c.Accelerators.Values],
            Models = [],
            ExchangeRates = [],
            Findings = [],
        };
    }

    /// <summary>The models, each checked against its publication on the same catalog.</summary>
    public static CatalogResult Models(ComputeCatalog? catalog = null)
    {
        var c = catalog ?? ComputeCatalog.BuiltIn;
        var entries = c.Models.Values.Select(m => new ModelEntry(m, PublishedCheck.For(m, c))).ToList();
        return new CatalogResult
        {
            Header = Header("catalog models", c, "models"),
            Kind = "models",
            Accelerators = [],
            Models = entries,
            ExchangeRates = [],
            Findings = [.. entries.SelectMany(e => e.Check.Findings.Select(f => f with { Args = WithModel(f, e.Model.Id) }))],
        };
    }

    /// <summary>The annual average exchange rates.</summary>
    public static CatalogResult ExchangeRates(ComputeCatalog? catalog = null)
    {
        var c = catalog ?? ComputeCatalog.BuiltIn;
        return new CatalogResult
        {
            Header = Header("catalog exchange-rates", c, "rmbPerUsd"),
            Kind = "exchangeRates",
            Accelerators = [],
            Models = [],
            ExchangeRates = [.. c.RmbPerUsdByYear.Select(r => new ExchangeRateEntry(r.Key, r.Value, c.ExchangeRateSource(r.Key)))],
            Findings = [],
        };
    }

    private static ResultHeader Header(string command, ComputeCatalog catalog, string prefix) =>
        new(command, "catalog", "catalog", null, null, [],
            [.. catalog.Inputs.Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal) && i.Source is not null)]);

    /// <summary>A model's finding with the model's id among its arguments, so that a list of them says which model each is about.</summary>
    private static SortedDictionary<string, FindingArg> WithModel(Finding f, string id) => new(f.Args.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal) { ["model"] = id };
}
