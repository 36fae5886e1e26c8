using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Market;
using Suanli.Scenarios;

namespace Suanli.Analysis.Market;

/// <summary>What <c>suanli market</c> is asked besides the scenario.</summary>
/// <param name="Year">The year compared instead of the scenario's, when given.</param>
public sealed record MarketOptions(int? Year = null);

/// <summary>The answer of <c>suanli market</c> (this slice: investment per country, MODEL.md §6).</summary>
public sealed record MarketResult : IModelResult
{
    /// <inheritdoc/>
    public required ResultHeader Header { get; init; }

    /// <summary>The year compared.</summary>
    public required int Year { get; init; }

    /// <summary>The basis compared.</summary>
    public required InvestmentBasis Basis { get; init; }

    /// <summary>RMB per USD used for the year.</summary>
    public required double RmbPerUsd { get; init; }

    /// <summary>Whether the rate is the scenario's own (else the catalog's annual average).</summary>
    public required bool RateFromScenario { get; init; }

    /// <summary>The US's investment.</summary>
    public required CountryInvestment Us { get; init; }

    /// <summary>China's investment.</summary>
    public required CountryInvestment Cn { get; init; }

    /// <summary>US ÷ China (the same in either currency).</summary>
    public required double InvestmentRatio { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The model's simplifications (resource keys).</summary>
    public IReadOnlyList<string> ModelNotes { get; init; } = MarketAnalysis.ModelNotes;
}

/// <summary>The seam's entry for the market model: investment per country in both currencies and its ratio.</summary>
public static class MarketAnalysis
{
    /// <summary>The model's simplifications (resource keys).</summary>
    public static IReadOnlyList<string> ModelNotes { get; } = ["market.note.conversion", "market.note.basis"];

    /// <summary>Compares the two countries' investment in the year asked for.</summary>
    public static MarketResult Evaluate(Scenario scenario, MarketOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var market = scenario.Market ?? throw new ArgumentException("The scenario has no market section.", nameof(scenario));
        var year = options.Year ?? market.Year;
        if (MarketChecks.Check(scenario, year, options.Year is not null) is { } refused)
        {
            throw new ArgumentException(refused.ToString(), nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var rate = market.RateFor(year)!.Value;
        var us = InvestmentModel.Total(market.Investment, Country.US, year, market.Basis, rate);
        var cn = InvestmentModel.Total(market.Investment, Country.CN, year, market.Basis, rate);
        var ratio = us.TotalUsd / cn.TotalUsd;
        var result = new MarketResult
        {
            Header = ResultHeader.For("market", scenario),
            Year = year,
            Basis = market.Basis,
            RmbPerUsd = rate,
            RateFromScenario = market.RmbPerUsd is not null,
            Us = us,
            Cn = cn,
            InvestmentRatio = ratio,
            Metrics =
            [
                new("investmentUsd.US", us.TotalUsd, Unit.Money, Currency.USD),
                new("investmentUsd.CN", cn.TotalUsd, Unit.Money, Currency.USD),
                new("investmentRmb.US", us.TotalRmb, Unit.Money, Currency.RMB),
                new("investmentRmb.CN", cn.TotalRmb, Unit.Money, Currency.RMB),
                new("investmentRatio", ratio, Unit.Times),
                new("rmbPerUsd", rate, Unit.None),
            ],
            Findings = [],
        };
        return result with { Findings = Findings(result) };
    }

    private static List<Finding> Findings(MarketResult r)
    {
        var findings = new List<Finding>
        {
            Finding.Info("market.ratio", ("year", r.Year), ("us", r.Us.TotalUsd / 1e9), ("cn", r.Cn.TotalUsd / 1e9), ("cnRmb", r.Cn.TotalRmb / 1e9), ("ratio", r.InvestmentRatio),
                ("rate", r.RmbPerUsd)),
        };
        var estimated = r.Us.Companies.Concat(r.Cn.Companies).Where(c => c.Row.Kind != FigureKind.Reported).ToList();
        if (estimated.Count > 0)
        {
            var total = r.Us.TotalUsd + r.Cn.TotalUsd;
            findings.Add(Finding.Info("market.notReported", ("companies", FindingArg.List(estimated.Select(c => c.Row.Company))),
                ("share", total > 0 ? estimated.Sum(c => c.AmountUsd) / total : 0)));
        }

        return findings;
    }
}
