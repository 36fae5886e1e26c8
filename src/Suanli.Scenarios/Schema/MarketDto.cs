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

    [Field("GPU servers rented out by the accelerator-hour: each is paid back (or not) at every price of its gpuRental rows.", WhenAbsent = "no GPU-server payback")]
    public List<GpuServerDto>? GpuServers { get; set; }

    [Field("How the chip mix is turned into training compute (chip-mix rows that name an accelerator).", WhenAbsent = "1,000 cards, peak compute, against h100-sxm")]
    public ChipComputeDto? ChipCompute { get; set; }

    [Field("An illustrative projection of vacancy and rent from capacity and demand growth: assumptions, not forecasts.", WhenAbsent = "no projection")]
    public ProjectionDto? Projection { get; set; }
}

/// <summary>One row of <c>market.gpuServers</c>.</summary>
public sealed class GpuServerDto
{
    [Field("What the server is called in the output.", Required = true)]
    public string? Name { get; set; }

    [Field("Accelerator id (catalog or compute.accelerators): its TDP sets the power and space an accelerator takes.", Required = true)]
    public string? Accelerator { get; set; }

    [Field("The accelerator name of the market.gpuRental rows that price it (as those rows spell it, e.g. H100).", Required = true)]
    public string? Rental { get; set; }

    [Field("Where it is rented out: US or CN (which gpuRental rows price it).", Required = true)]
    public Country? Country { get; set; }

    [Field("Share of the hours an accelerator is rented out.", Unit = "fraction", Required = true, Min = 0.01, MinReason = "diag2.reason.gpuUtilisation", Max = 1)]
    public double? Utilisation { get; set; }

    [Field("Server capex per accelerator (the server's price ÷ its accelerators; add its share of the network if it is bought with it).", Unit = "currency/accelerator", Required = true,
        Min = 100, MinReason = "diag2.reason.gpuCapex", Max = 10_000_000)]
    public double? ServerCapexPerAccelerator { get; set; }

    [Field("Currency of serverCapexPerAccelerator and of the payback figures: RMB or USD.", Required = true)]
    public Currency? Currency { get; set; }

    [Field("Years the server earns and is recovered over (no residual value after).", Unit = "years", Default = "5", Min = 0.5, Max = 20)]
    public double? LifeYears { get; set; }

    [Field("How the rental price changes each year of the life, relative (-0.13: 13 % lower each year); each gpuRental price is the first year's.", Unit = "fraction", Default = "0",
        Min = -0.5, Max = 0.5)]
    public double? PriceChangePerYear { get; set; }

    [Field("A preset with a site: its rent (or break-even rent), power price, PUE and discount rate give the owner's costs.", WhenAbsent = "market.breakEvenPreset")]
    public string? SitePreset { get; set; }

    [Field("Which rent the space is charged at: marketRent (the site's rent), accountingBreakEven or economicBreakEven (the site's own cost).", Default = "marketRent")]
    public Suanli.Core.Compute.RentBasis? RentBasis { get; set; }

    [Field("Average accelerator draw as a share of TDP.", Unit = "fraction", Default = "1", Min = 0, MinExclusive = true, Max = 1.5)]
    public double? PowerFraction { get; set; }

    [Field("Host, network and storage power per accelerator.", Unit = "W", Default = "500", Min = 0, Max = 10_000)]
    public double? HostWatts { get; set; }

    [Field("PUE the power is priced at.", Unit = "ratio", Min = 1, Max = 3, WhenAbsent = "the site's design PUE")]
    public double? Pue { get; set; }

    [Field("Maintenance and support per year as a share of the server capex.", Unit = "fraction", Default = "0", Min = 0, Max = 1)]
    public double? MaintenancePerYear { get; set; }

    [Field("The owner's required return, for the break-even price and the NPV.", Unit = "fraction", Min = 0, Max = 1, WhenAbsent = "the site's discount rate")]
    public double? DiscountRate { get; set; }
}

/// <summary><c>market.chipCompute</c>.</summary>
public sealed class ChipComputeDto
{
    [Field("How many cards each chip split is applied to.", Unit = "accelerators", Default = "1000", Min = 1, Max = 1e9)]
    public int? Cards { get; set; }

    [Field("Model FLOPs utilisation for the delivered compute (the same for every chip).", Unit = "fraction", Min = ComputeRanges.MfuMin, Max = 1, WhenAbsent = "peak compute only",
        RangeReasonKey = ComputeRanges.UtilisationReasonKey, RangeReason = ComputeRanges.UtilisationReason)]
    public double? Mfu { get; set; }

    [Field("Accelerator id the compute is counted in equivalents of.", Default = "h100-sxm")]
    public string? Reference { get; set; }
}

/// <summary><c>market.projection</c>.</summary>
public sealed class ProjectionDto
{
    [Field("The country projected: US or CN (its vacancy and rent in the start year are the start).", Required = true)]
    public Country? Country { get; set; }

    [Field("The year the projection starts from.", Unit = "year", Min = 2000, Max = 2100, WhenAbsent = "the year compared")]
    public int? StartYear { get; set; }

    [Field("Years projected after the start year.", Unit = "years", Required = true, Min = 1, Max = 50)]
    public int? Years { get; set; }

    [Field("Built capacity growth per year.", Unit = "fraction", Required = true, Min = -0.5, Max = 2)]
    public double? CapacityGrowth { get; set; }

    [Field("Leased demand growth per year.", Unit = "fraction", Required = true, Min = -0.5, Max = 2)]
    public double? DemandGrowth { get; set; }

    [Field("The vacancy at which rent holds still (v*).", Unit = "fraction", Required = true, Min = 0, Max = 0.9)]
    public double? NaturalVacancy { get; set; }

    [Field("λ: rent changes each year by λ × (v* − last year's vacancy), relative (Wheaton & Torto 1988).", Unit = "ratio", Required = true, Min = 0, Max = 3)]
    public double? RentAdjustment { get; set; }

    [Field("Vacancy in the start year.", Unit = "fraction", Min = 0, Max = 1, WhenAbsent = "the mean of the country's leased vacancy rows in the start year")]
    public double? StartVacancy { get; set; }

    [Field("Rent in the start year, in the country's currency (RMB for CN, USD for US).", Unit = "currency", Min = 0, MinExclusive = true, Max = 100_000,
        WhenAbsent = "the mean of the country's rent rows in the start year")]
    public double? StartRentPerKwMonth { get; set; }
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

    [Field("Accelerator id (catalog or compute.accelerators) standing for the vendor's cards, for the compute of the mix.", WhenAbsent = "the vendor's cards are left out of the compute")]
    public string? Accelerator { get; set; }

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
