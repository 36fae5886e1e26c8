using Suanli.Analysis.Compute;

namespace Suanli.Reports;

/// <summary>The compute results' composite texts (a price with where it comes from, a rate with its basis), shared by the JSON writers and the views.</summary>
public static class ComputeWords
{
    /// <summary>One chip type's price with its basis: "12.80 RMB per accelerator-hour (…)", or "h800: 12.80 RMB/h (…)" per chip type.</summary>
    public static string Price(PriceUsed price, bool perChipType, Words words)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(words);
        var basis = words.Finding(price.Basis);
        if (price.Price is not { } p)
        {
            return basis;
        }

        return words.Format(perChipType ? "compute.cost.chip" : "compute.cost.single",
            ("accelerator", price.AcceleratorId), ("price", p.Amount), ("currency", words.Currency(p.Currency)), ("basis", basis));
    }

    /// <summary>Where a run's cost comes from: each distinct price with its basis, joined.</summary>
    public static string CostBasis(IEnumerable<PriceUsed> prices, bool perChipType, Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return string.Join(words["compute.cost.separator"], prices.Select(p => Price(p, perChipType, words)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>Why a rate: its basis, and the catalog's source in short when it has one (Federal Reserve G.5A, and whether it was re-read).</summary>
    public static string FxBasis(ExchangeRateUsed fx, Words words, bool withSource)
    {
        ArgumentNullException.ThrowIfNull(fx);
        ArgumentNullException.ThrowIfNull(words);
        var basis = words.Finding(fx.Basis);
        if (!withSource || fx.Source is null)
        {
            return basis;
        }

        return words.Format("compute.fx.withSource", ("basis", basis), ("source", words[fx.Unverified ? "compute.fx.sourceUnverified" : "compute.fx.source"]));
    }
}
