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

    [Field("A preset whose site economics give the break-even rents set beside the rent history (e.g. cn-2025-essay).", WhenAbsent = "no break-even rents")]
    public string? BreakEvenPreset { get; set; }

    [Field("Data-center rent by country and year.", WhenAbsent = "no rent history")]
    public List<RentDto>? Rent { get; set; }

    [Field("Vacancy by country and year (the share of built capacity not leased or not racked).", WhenAbsent = "no vacancy")]
    public List<VacancyDto>? Vacancy { get; set; }

    [Field("GPU rental prices per accelerator-hour.", WhenAbsent = "no GPU rental prices")]
    public List<GpuRentalDto>? GpuRental { get; set; }

    [Field("Accelerator supply by vendor: each estimate's rows for a country and year sum to 1.", WhenAbsent = "no chip mix")]
    public List<ChipShareDto>? ChipMix { get; set; }
}

/// <summary>One row of <c>market.rent</c>.</summary>
public sealed class RentDto
{
    [Field("Its country: US or CN.", Required = true)]
    public Country? Country { get; set; }

    [Field("The calendar year.", Unit = "year", Required = true, Min = 2000, Max = 2100)]
    public int? Year { get; set; }

    [Field("Rent per kW of IT capacity per month, in the row's currency.", Unit = "currency", Required = true, Min = 0, MinExclusive = true, Max = 100_000)]
    public double? RentPerKwMonth { get; set; }

    [Field("The rent's currency: RMB or USD.", Required = true)]
    public Currency? Currency { get; set; }

    [Field("What the figure covers (market, region, wholesale or retail).", Required = true)]
    public string? Scope { get; set; }

    [Field("Where the figure comes from: reported, estimate or guidance.", Required = true)]
    public FigureKind? Kind { get; set; }
}

/// <summary>One row of <c>market.vacancy</c>.</summary>
public sealed class VacancyDto
{
    [Field("Its country: US or CN.", Required = true)]
    public Country? Country { get; set; }

    [Field("The calendar year.", Unit = "year", Required = true, Min = 2000, Max = 2100)]
    public int? Year { get; set; }

    [Field("The vacancy: the share of built capacity not leased or not racked.", Unit = "fraction", Required = true, Min = 0, Max = 1)]
    public double? Vacancy { get; set; }

    [Field("What the figure covers (national, metro, new AI computing centers…).", Required = true)]
    public string? Scope { get; set; }

    [Field("What it measures: leased (built capacity not leased or racked; used for revenue) or computeUse (installed compute idle; shown only).", Default = "leased")]
    public VacancyMeasure? Measure { get; set; }

    [Field("Where the figure comes from: reported, estimate or guidance.", Required = true)]
    public FigureKind? Kind { get; set; }
}

/// <summary>One row of <c>market.gpuRental</c>.</summary>
public sealed class GpuRentalDto
{
    [Field("The accelerator as the source names it (H100, H800, A800, H20, 910B…).", Required = true)]
    public string? Accelerator { get; set; }

    [Field("Where it is rented: US or CN.", Required = true)]
    public Country? Country { get; set; }

    [Field("The calendar year.", Unit = "year", Required = true, Min = 2000, Max = 2100)]
    public int? Year { get; set; }

    [Field("The month or quarter, when known.")]
    public string? Period { get; set; }

    [Field("Price per accelerator-hour in the row's currency (an 8-GPU server's monthly rent ÷ (8 × 730)).", Unit = "currency/accelerator-hour", Required = true, Min = 0, MinExclusive = true, Max = 100_000)]
    public double? PricePerHour { get; set; }

    [Field("The price's currency: RMB or USD.", Required = true)]
    public Currency? Currency { get; set; }

    [Field("Where the figure comes from: reported, estimate or guidance.", Required = true)]
    public FigureKind? Kind { get; set; }
}

/// <summary>One row of <c>market.chipMix</c>.</summary>
public sealed class ChipShareDto
{
    [Field("Its country: US or CN.", Required = true)]
    public Country? Country { get; set; }

    [Field("The calendar year.", Unit = "year", Required = true, Min = 2000, Max = 2100)]
    public int? Year { get; set; }

    [Field("The estimate's name (who estimated it): its rows for a country and year sum to 1.", Required = true)]
    public string? Estimate { get; set; }

    [Field("The vendor (Nvidia, Huawei, Cambricon, other…).", Required = true)]
    public string? Vendor { get; set; }

    [Field("The vendor's share.", Unit = "fraction", Required = true, Min = 0, Max = 1)]
    public double? Share { get; set; }

    [Field("Where the figure comes from: reported, estimate or guidance.", Required = true)]
    public FigureKind? Kind { get; set; }
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
