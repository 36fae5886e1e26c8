using Suanli.Core;
using Suanli.Core.Market;

namespace Suanli.Scenarios.Schema;

/// <summary>The <c>market</c> section: the country-level picture (MODEL.md §6).</summary>
public sealed class MarketDto
{
    [Field("The year compared.", Unit = "year", Required = true, Min = 2000, Max = 2100)]
    public int? Year { get; set; }

    [Field("Which investment figures are compared: companyWide (all capex as reported, what the essay compares) or aiOnly.", Default = "companyWide")]
    public InvestmentBasis? Basis { get; set; }

    [Field("RMB per USD for converting the year's figures.", Unit = "RMB/USD", Min = 1, Max = 20, WhenAbsent = "the catalog's annual average for the year")]
    public double? RmbPerUsd { get; set; }

    [Field("Investment (capex) by company and year, each with its currency, basis, period and whether reported, estimated or guided.", Required = true)]
    public List<InvestmentDto>? Investment { get; set; }
}

/// <summary>One row of <c>market.investment</c>.</summary>
public sealed class InvestmentDto
{
    [Field("The company, or a group a source sums (say so in its source).", Required = true)]
    public string? Company { get; set; }

    [Field("Its country: US or CN.", Required = true)]
    public Country? Country { get; set; }

    [Field("The calendar year the amount is assigned to (a fiscal year goes to the calendar year most of it falls in; fiscalPeriod says which).", Unit = "year", Required = true, Min = 2000, Max = 2100)]
    public int? Year { get; set; }

    [Field("The amount in its currency.", Unit = "currency", Required = true, Min = 0, Max = 1e13)]
    public double? Amount { get; set; }

    [Field("The amount's currency: RMB or USD.", Required = true)]
    public Currency? Currency { get; set; }

    [Field("What the amount counts: companyWide (all capex as reported) or aiOnly.", Default = "companyWide")]
    public InvestmentBasis? Basis { get; set; }

    [Field("The period as reported when it is not the calendar year, e.g. FY2024, Jul 2023 - Jun 2024.")]
    public string? FiscalPeriod { get; set; }

    [Field("Where the figure comes from: reported (filings, results), estimate (analyst, press, the essay) or guidance (company outlook).", Required = true)]
    public FigureKind? Kind { get; set; }
}
