namespace Suanli.Core.Economics;

/// <summary>The parts of a data center's construction cost, each with its own useful life.</summary>
public enum CapexComponent
{
    /// <summary>Land; never depreciated.</summary>
    Land,

    /// <summary>Shell, core and building services.</summary>
    Building,

    /// <summary>Substation, switchgear, UPS, generators, distribution.</summary>
    Electrical,

    /// <summary>Cooling plant and distribution.</summary>
    Mechanical,

    /// <summary>White-space fit-out: raised floor, containment, racks, cabling.</summary>
    FitOut,

    /// <summary>Design, permits, project management, contingency.</summary>
    SoftCosts,
}

/// <summary>Whether tenants pay for their electricity on top of rent.</summary>
public enum PowerPricing
{
    /// <summary>Tenants pay their metered energy × PUE (× (1 + markup)) on top of rent; the usual Chinese per-kW rent.</summary>
    PassThrough,

    /// <summary>Rent includes power; the operator pays the whole electricity bill.</summary>
    Included,
}

/// <summary>What the project is worth at the end of the horizon.</summary>
public enum TerminalValueMethod
{
    /// <summary>Nothing: the horizon is the whole life.</summary>
    None,

    /// <summary>The net book value of land and undepreciated assets, received in the last month.</summary>
    BookValue,

    /// <summary>A going concern sold at a multiple of the last 12 months' EBITDA (<see cref="SiteEconomics.TerminalEbitdaMultiple"/>).</summary>
    ExitMultiple,

    /// <summary>
    /// A going concern valued as a growing perpetuity (Gordon): next year's normalised free cash flow ÷ (discount rate − growth),
    /// with growth <see cref="SiteEconomics.TerminalGrowthRate"/> below the discount rate.
    /// </summary>
    GrowingPerpetuity,
}

/// <summary>How the site holds its land.</summary>
public enum LandTenure
{
    /// <summary>Owned outright for ever: not depreciated (useful life 0).</summary>
    Freehold,

    /// <summary>A right to use the land for a term (China: granted for at most 50 years for industrial use), amortised straight-line over it.</summary>
    LandUseRight,
}

/// <summary>One construction-cost component: cost per MW of IT capacity and useful life (0 = not depreciated).</summary>
public sealed record CapexItem(CapexComponent Component, double CostPerMw, double UsefulLifeYears);

/// <summary>A tranche of IT capacity put into service <paramref name="StartMonth"/> months after the first one.</summary>
public sealed record DeliveryPhase(double ItMw, int StartMonth);

/// <summary>
/// Validated inputs of the data-center economics model (MODEL.md §1). Money is in <see cref="Currency"/>;
/// rates are fractions per year unless the name says otherwise.
/// </summary>
public sealed record SiteEconomics
{
    /// <summary>Currency of every money input and output.</summary>
    public required Currency Currency { get; init; }

    /// <summary>IT (critical) capacity at full build-out, MW.</summary>
    public required double ItCapacityMw { get; init; }

    /// <summary>Months from construction start to the first capacity in service; each phase's capex is spent evenly over the same number of months before it opens.</summary>
    public required int ConstructionMonths { get; init; }

    /// <summary>Years of operation after the first capacity goes into service.</summary>
    public required int HorizonYears { get; init; }

    /// <summary>Delivery phases; their MW sum to <see cref="ItCapacityMw"/>. The first starts at month 0.</summary>
    public required IReadOnlyList<DeliveryPhase> Phases { get; init; }

    /// <summary>Construction cost by component.</summary>
    public required IReadOnlyList<CapexItem> Capex { get; init; }

    /// <summary>
    /// Annual escalation of construction cost: later phases and rebuilds cost base × (1 + e)^operating year. The scenario
    /// loader sets it to <see cref="OpexInflation"/> when a scenario leaves it out; here it defaults to 0.
    /// </summary>
    public double CapexEscalation { get; init; }

    /// <summary>Whether an asset is rebuilt (and depreciated again) when its useful life ends inside the horizon.</summary>
    public bool ReplaceAtEndOfLife { get; init; } = true;

    /// <summary>Value at the end of the horizon.</summary>
    public TerminalValueMethod TerminalValue { get; init; } = TerminalValueMethod.BookValue;

    /// <summary>Multiple of the last 12 months' EBITDA received for the site (<see cref="TerminalValueMethod.ExitMultiple"/> only).</summary>
    public double? TerminalEbitdaMultiple { get; init; }

    /// <summary>Annual growth of free cash flow after the horizon (<see cref="TerminalValueMethod.GrowingPerpetuity"/> only); below the discount rate.</summary>
    public double? TerminalGrowthRate { get; init; }

    /// <summary>How the land is held; a land-use right is amortised over the land item's useful life (its term).</summary>
    public LandTenure LandTenure { get; init; } = LandTenure.Freehold;

    /// <summary>A cap on annual measured PUE the site must meet (e.g. a permit condition); null when none applies.</summary>
    public double? PueCap { get; init; }

    /// <summary>PUE at full design IT load.</summary>
    public required double DesignPue { get; init; }

    /// <summary>Share of the design facility overhead (PUE − 1) that does not scale with IT load.</summary>
    public required double PueFixedShare { get; init; }

    /// <summary>Average power draw of leased capacity as a fraction of the leased kW.</summary>
    public required double LoadFactor { get; init; }

    /// <summary>Electricity price, currency per kWh.</summary>
    public required double ElectricityPricePerKwh { get; init; }

    /// <summary>Annual escalation of the electricity price (the scenario loader sets it to <see cref="OpexInflation"/> when a scenario leaves it out).</summary>
    public double ElectricityPriceEscalation { get; init; }

    /// <summary>Who pays for power.</summary>
    public required PowerPricing PowerPricing { get; init; }

    /// <summary>Markup on resold power (pass-through only), fraction.</summary>
    public double PowerMarkup { get; init; }

    /// <summary>Contractual PUE billed to tenants under pass-through; null bills the actual PUE at the month's load.</summary>
    public double? PassThroughPue { get; init; }

    /// <summary>Staff, full-time equivalents, from the first month in service.</summary>
    public required double StaffFte { get; init; }

    /// <summary>Fully loaded cost per FTE-year.</summary>
    public required double StaffCostPerFteYear { get; init; }

    /// <summary>Maintenance per year as a fraction of electrical + mechanical capex in service.</summary>
    public required double MaintenanceRateOfMepCapex { get; init; }

    /// <summary>Insurance and property tax per year as a fraction of capex in service.</summary>
    public required double InsuranceAndPropertyTaxRateOfCapex { get; init; }

    /// <summary>Other fixed opex (network, security, administration) per MW in service per year.</summary>
    public required double OtherFixedOpexPerMwYear { get; init; }

    /// <summary>The model's general inflation index: staff, other opex, and maintenance and insurance on the asset base in service.</summary>
    public double OpexInflation { get; init; }

    /// <summary>Rent per leased kW per month in the first operating year.</summary>
    public required double RentPerKwMonth { get; init; }

    /// <summary>Annual rent escalator.</summary>
    public double RentEscalator { get; init; }

    /// <summary>Occupancy when a phase opens.</summary>
    public required double InitialOccupancy { get; init; }

    /// <summary>Stabilised vacancy; stabilised occupancy is 1 − vacancy.</summary>
    public required double Vacancy { get; init; }

    /// <summary>Months for a phase's occupancy to move linearly from initial to stabilised.</summary>
    public required int OccupancyRampMonths { get; init; }

    /// <summary>Income-tax rate on taxable profit.</summary>
    public required double IncomeTaxRate { get; init; }

    /// <summary>Years a tax loss can be carried forward; null = without limit.</summary>
    public int? LossCarryForwardYears { get; init; }

    /// <summary>Largest share of a year's taxable profit that carried-forward losses may offset (1 = all; US federal 0.8).</summary>
    public double LossOffsetCap { get; init; } = 1;

    /// <summary>Nominal discount rate (WACC) per year.</summary>
    public required double DiscountRate { get; init; }

    /// <summary>IT kW a rack is leased for, when rents are also read per rack (information only: rent per rack-month = rent per kW-month × rack kW).</summary>
    public double? RackKw { get; init; }

    /// <summary>The site's debt, or null for an all-equity site (issue 12).</summary>
    public FinancingTerms? Financing { get; init; }

    /// <summary>Stabilised occupancy, 1 − vacancy.</summary>
    public double StabilisedOccupancy => 1 - Vacancy;

    /// <summary>Total construction cost per MW over all components.</summary>
    public double CapexPerMw => Capex.Sum(c => c.CostPerMw);

    /// <summary>Electrical + mechanical construction cost per MW (the base of maintenance).</summary>
    public double MepCapexPerMw => Capex
        .Where(c => c.Component is CapexComponent.Electrical or CapexComponent.Mechanical)
        .Sum(c => c.CostPerMw);

    /// <summary>Facility overhead per kW of design IT capacity that does not scale with load: f = (designPue − 1) × fixed share.</summary>
    public double PueFixedPart => (DesignPue - 1) * PueFixedShare;

    /// <summary>Facility overhead per kW of IT load that scales with load: k = (designPue − 1) × (1 − fixed share).</summary>
    public double PueProportionalPart => (DesignPue - 1) * (1 - PueFixedShare);

    /// <summary>Part-load PUE at IT utilisation u (IT load ÷ design IT capacity): 1 + k + f / u.</summary>
    public double PueAt(double utilisation) =>
        utilisation > 0 ? 1 + PueProportionalPart + PueFixedPart / utilisation : double.PositiveInfinity;

    /// <summary>Months from construction start to the end of the horizon.</summary>
    public int TotalMonths => ConstructionMonths + 12 * HorizonYears;
}
