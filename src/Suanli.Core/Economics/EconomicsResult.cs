using Suanli.Core.Numerics;

namespace Suanli.Core.Economics;

/// <summary>One project year (12 months from construction start) of the cash-flow table; money in the site's currency.</summary>
public sealed record EconomicsYear
{
    /// <summary>Project year, 1-based, counted from construction start.</summary>
    public required int Year { get; init; }

    /// <summary>IT capacity in service at the year's end, MW.</summary>
    public required double ItMwInService { get; init; }

    /// <summary>Average leased share of capacity in service over the operating months (0 before any opens).</summary>
    public required double AverageOccupancy { get; init; }

    /// <summary>Facility energy ÷ IT energy over the year; null when no IT energy was drawn.</summary>
    public required double? AveragePue { get; init; }

    /// <summary>Facility energy, MWh.</summary>
    public required double EnergyMwh { get; init; }

    /// <summary>Rent revenue.</summary>
    public required double RentRevenue { get; init; }

    /// <summary>Power resold to tenants.</summary>
    public required double PowerRevenue { get; init; }

    /// <summary>The electricity bill.</summary>
    public required double ElectricityCost { get; init; }

    /// <summary>Staff.</summary>
    public required double StaffCost { get; init; }

    /// <summary>Maintenance.</summary>
    public required double MaintenanceCost { get; init; }

    /// <summary>Insurance and property tax.</summary>
    public required double InsuranceAndPropertyTax { get; init; }

    /// <summary>Other fixed opex.</summary>
    public required double OtherOpex { get; init; }

    /// <summary>Depreciation.</summary>
    public required double Depreciation { get; init; }

    /// <summary>Income tax paid.</summary>
    public required double IncomeTax { get; init; }

    /// <summary>Capex spent, construction and replacements.</summary>
    public required double Capex { get; init; }

    /// <summary>Terminal value received (last year only).</summary>
    public required double TerminalValue { get; init; }

    /// <summary>Free cash flow: EBITDA − tax − capex + terminal value.</summary>
    public required double FreeCashFlow { get; init; }

    /// <summary>Free cash flow discounted to construction start at the discount rate, month by month.</summary>
    public required double DiscountedFreeCashFlow { get; init; }

    /// <summary>Cumulative free cash flow to the end of this year.</summary>
    public required double CumulativeFreeCashFlow { get; init; }

    /// <summary>Rent + power resale.</summary>
    public double Revenue => RentRevenue + PowerRevenue;

    /// <summary>All operating expenses.</summary>
    public double Opex => ElectricityCost + StaffCost + MaintenanceCost + InsuranceAndPropertyTax + OtherOpex;

    /// <summary>Revenue − opex.</summary>
    public double Ebitda => Revenue - Opex;

    /// <summary>EBITDA − depreciation.</summary>
    public double Ebit => Ebitda - Depreciation;
}

/// <summary>Everything the economics engine computes for one site (MODEL.md §1). Money in <see cref="Currency"/>.</summary>
public sealed record EconomicsResult
{
    /// <summary>Currency of every money figure.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The inputs.</summary>
    public required SiteEconomics Site { get; init; }

    /// <summary>NPV at the discount rate, to construction start.</summary>
    public required double Npv { get; init; }

    /// <summary>Internal rate of return per year, or none with the reason.</summary>
    public required IrrResult Irr { get; init; }

    /// <summary>
    /// Years from construction start until the cumulative operating and capital flows (free cash flow without the terminal
    /// value) turn non-negative; null if never in the horizon.
    /// </summary>
    public required double? PaybackYears { get; init; }

    /// <summary>As <see cref="PaybackYears"/> with flows discounted at the discount rate.</summary>
    public required double? DiscountedPaybackYears { get; init; }

    /// <summary>Initial construction capex (all phases at the price of their opening year, without rebuilds).</summary>
    public required double InitialCapex { get; init; }

    /// <summary>Terminal value received at the end of the horizon (enters NPV and IRR, not payback).</summary>
    public required double TerminalValue { get; init; }

    /// <summary>Rent per built kW-month at which a fully leased steady-state year breaks even (EBIT = 0).</summary>
    public required double AccountingBreakEvenRentPerKwMonth { get; init; }

    /// <summary>Cost lines of the fully leased steady-state year per built kW-month; they sum to the accounting break-even rent.</summary>
    public required CostStack CostStackPerKwMonth { get; init; }

    /// <summary>Depreciation per built kW-month by construction component.</summary>
    public required IReadOnlyDictionary<CapexComponent, double> DepreciationByComponentPerKwMonth { get; init; }

    /// <summary>Base rent (first operating year, escalated thereafter) at which NPV = 0; null if none up to an absurd rent.</summary>
    public required double? EconomicBreakEvenRentPerKwMonth { get; init; }

    /// <summary>Why there is no economic break-even rent; null when there is one.</summary>
    public required EconomicBreakEvenReason? EconomicBreakEvenReason { get; init; }

    /// <summary>
    /// Accounting break-even occupancy: the occupancy at which the steady-state year at today's prices has EBIT = 0 at the
    /// given rent; null when even full occupancy loses money.
    /// </summary>
    public required double? BreakEvenOccupancy { get; init; }

    /// <summary>Economic break-even occupancy: the stabilised occupancy (1 − vacancy) at which NPV = 0 at the given rent; null with the reason when there is none.</summary>
    public required double? EconomicBreakEvenOccupancy { get; init; }

    /// <summary>Why there is no economic break-even occupancy; null when there is one.</summary>
    public required EconomicBreakEvenOccupancyReason? EconomicBreakEvenOccupancyReason { get; init; }

    /// <summary>What the inputs imply that the user should know (typed codes; the words are the report's).</summary>
    public required IReadOnlyList<EconomicsFinding> Findings { get; init; }

    /// <summary>The steady-state year at stabilised occupancy and the given rent.</summary>
    public required SteadyStateYear StabilisedYear { get; init; }

    /// <summary>The steady-state year fully leased at the given rent.</summary>
    public required SteadyStateYear FullyLeasedYear { get; init; }

    /// <summary>Yearly cash-flow table.</summary>
    public required IReadOnlyList<EconomicsYear> Years { get; init; }

    /// <summary>The site with its debt, when it has financing.</summary>
    public FinancingResult? Financing { get; init; }

    /// <summary>The stabilised year's accounting profit (EBIT) per year.</summary>
    public double StabilisedYearProfit => StabilisedYear.Ebit;

    /// <summary>PUE at stabilised occupancy (IT utilisation = (1 − vacancy) × load factor).</summary>
    public double PueAtStabilisedOccupancy => StabilisedYear.Pue;
}

/// <summary>Why a site has no economic break-even rent.</summary>
public enum EconomicBreakEvenReason
{
    /// <summary>NPV is positive even at a rent of zero: the break-even would be a negative rent.</summary>
    NpvPositiveAtZeroRent,

    /// <summary>NPV stays negative however high the rent (nothing is ever leased, or costs outgrow any rent).</summary>
    NpvNegativeAtAnyRent,
}

/// <summary>Why a site has no economic break-even occupancy.</summary>
public enum EconomicBreakEvenOccupancyReason
{
    /// <summary>NPV is negative even with the capacity fully leased once stabilised.</summary>
    NpvNegativeAtFullOccupancy,
}

/// <summary>Kinds of finding about a site's inputs or results.</summary>
public enum EconomicsFindingCode
{
    /// <summary>The annual PUE at stabilised occupancy exceeds the site's PUE cap (Value: that PUE; Limit: the cap).</summary>
    AnnualPueAboveCapAtStabilisedOccupancy,

    /// <summary>The annual PUE fully leased exceeds the site's PUE cap: the design cannot meet it at any occupancy (Value: that PUE; Limit: the cap).</summary>
    AnnualPueAboveCapFullyLeased,
}

/// <summary>A finding: a code and the two figures it compares.</summary>
/// <param name="Code">What was found.</param>
/// <param name="Value">The computed figure.</param>
/// <param name="Limit">The limit it was held against.</param>
public sealed record EconomicsFinding(EconomicsFindingCode Code, double Value, double Limit);
