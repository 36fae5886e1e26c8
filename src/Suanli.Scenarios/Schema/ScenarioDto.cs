using Suanli.Core;
using Suanli.Core.Economics;

namespace Suanli.Scenarios.Schema;

// The YAML shape of a scenario. These mutable classes exist only to be bound and validated once; engines
// see the immutable records built from them (ScenarioBuilder). Keys are the camelCase property names.

/// <summary>A scenario file.</summary>
public sealed class ScenarioDto
{
    [Field("Short identifier of the scenario, e.g. cn-2025-essay.", Required = true)]
    public string? Name { get; set; }

    [Field("What the scenario describes and on what basis (the essay's figures or published data).")]
    public string? Description { get; set; }

    [Field("Currency of every money value in the scenario: RMB or USD; required when the scenario has money (site).", WhenAbsent = "no money in the scenario")]
    public Currency? Currency { get; set; }

    [Field("Economics of one data-center site or campus (MODEL.md §1); needed by `suanli econ`.")]
    public SiteDto? Site { get; set; }

    [Field("One campus against standalone sites of the same total IT (MODEL.md §2); the site section is the reference site; needed by `suanli layout`.")]
    public LayoutDto? Layout { get; set; }

    [Field("A training job and its cluster (MODEL.md §4); needed by `suanli reliability`.")]
    public TrainingDto? Training { get; set; }

    [Field("Accelerators, models and a training run (MODEL.md §3); needed by `suanli train SCENARIO`.")]
    public ComputeDto? Compute { get; set; }

    [Field("The country-level picture: investment by company and year (MODEL.md §6); needed by `suanli market`.")]
    public MarketDto? Market { get; set; }

    [Field("A GPU cloud: servers bought, accelerator-hours sold; needed by `suanli cloud`.")]
    public CloudDto? Cloud { get; set; }

    [Field("The essay's claims this scenario speaks to; each is shown beside the figure Suanli computes.")]
    public List<ClaimDto>? Claims { get; set; }
}

/// <summary>The <c>site</c> section.</summary>
public sealed class SiteDto
{
    [Field("IT (critical) capacity at full build-out.", Unit = "MW", Required = true, Min = ScenarioBuilder.MinCapacityMw, MinReason = "diag2.reason.capacity", Max = 5000)]
    public double? ItCapacityMw { get; set; }

    [Field("Months from construction start until the first capacity is in service; each phase's capex is spent evenly over this many months before it opens.", Unit = "months", Required = true, Min = 1, Max = 120)]
    public int? ConstructionMonths { get; set; }

    [Field("Years of operation modelled after the first capacity is in service.", Unit = "years", Default = "20", Min = 1, Max = 60)]
    public int? HorizonYears { get; set; }

    [Field("Delivery phases (capacity put into service in tranches). Their itMw must sum to itCapacityMw and the first must start at month 0.", WhenAbsent = "all capacity in one phase at month 0")]
    public List<PhaseDto>? Phases { get; set; }

    [Field("Construction cost per MW of IT capacity, by component, each with a useful life for straight-line depreciation.", Required = true)]
    public CapexDto? Capex { get; set; }

    [Field("Annual escalation of construction cost: a later phase is built, and a retired asset rebuilt, at cost x (1 + capexEscalation)^operating year.", Unit = "fraction/year", Min = -0.2, Max = 0.5, WhenAbsent = "opexInflation (the model's one general inflation index)")]
    public double? CapexEscalation { get; set; }

    [Field("Rebuild an asset (at escalated cost) when its useful life ends inside the horizon, and depreciate it again; land is never rebuilt.", Default = "true")]
    public bool? ReplaceAtEndOfLife { get; set; }

    [Field("Value received at the end of the horizon (enters NPV and IRR, never payback): none; bookValue (freehold land plus undepreciated assets and unamortised land-use rights); exitMultiple (terminalEbitdaMultiple x the last 12 months' EBITDA); growingPerpetuity (next year's normalised free cash flow / (discountRate - terminalGrowthRate)).", Default = "bookValue")]
    public TerminalValueMethod? TerminalValue { get; set; }

    [Field("Price of the site at the end of the horizon as a multiple of its last 12 months' EBITDA (terminalValue: exitMultiple only).", Unit = "x EBITDA", Min = 0, MinExclusive = true, Max = 50, WhenAbsent = "required with terminalValue: exitMultiple")]
    public double? TerminalEbitdaMultiple { get; set; }

    [Field("Annual growth of free cash flow after the horizon (terminalValue: growingPerpetuity only); must be below discountRate.", Unit = "fraction/year", Min = -0.5, Max = 0.5, WhenAbsent = "required with terminalValue: growingPerpetuity")]
    public double? TerminalGrowthRate { get; set; }

    [Field("PUE at full design IT load.", Unit = "ratio", Required = true, Min = 1, Max = 3)]
    public double? DesignPue { get; set; }

    [Field("Share of the design facility overhead (designPue − 1) that does not fall with IT load; PUE(u) = 1 + k + f/u.", Unit = "fraction", Required = true, Min = 0, Max = 1)]
    public double? PueFixedShare { get; set; }

    [Field("Average power draw of leased capacity as a share of the leased kW (at least 1 %: a hall whose tenants draw less is not run as a data center).", Unit = "fraction", Required = true, Min = 0.01, Max = 1)]
    public double? LoadFactor { get; set; }

    [Field("Electricity price paid by the site.", Unit = "currency/kWh", Required = true, Min = 0, MinExclusive = true, Max = 20)]
    public double? ElectricityPricePerKwh { get; set; }

    [Field("Annual escalation of the electricity price.", Unit = "fraction/year", Min = -0.2, Max = 0.5, WhenAbsent = "opexInflation (the model's one general inflation index)")]
    public double? ElectricityPriceEscalation { get; set; }

    [Field("Who pays for power: passThrough (tenants pay metered energy × PUE on top of rent; the usual Chinese per-kW rent) or included (rent includes power).", Required = true)]
    public PowerPricing? PowerPricing { get; set; }

    [Field("Markup on power resold to tenants (passThrough only).", Unit = "fraction", Default = "0", Min = 0, Max = 2)]
    public double? PowerMarkup { get; set; }

    [Field("Contractual PUE billed to tenants under passThrough.", Unit = "ratio", Min = 1, Max = 3, WhenAbsent = "tenants are billed the actual PUE at the month's load")]
    public double? PassThroughPue { get; set; }

    [Field("A cap on annual measured PUE (facility energy / IT energy over a year) the site must meet, e.g. a permit condition; the annual PUE at stabilised occupancy is shown beside it with a warning when above.", Unit = "ratio", Min = 1, Max = 3, WhenAbsent = "no cap")]
    public double? PueCap { get; set; }

    [Field("Staff on site from the first month in service.", Unit = "FTE", Required = true, Min = 0, Max = 10000)]
    public double? StaffFte { get; set; }

    [Field("Fully loaded cost of one FTE for a year.", Unit = "currency/FTE-year", Required = true, Min = 0, Max = 1e8)]
    public double? StaffCostPerFteYear { get; set; }

    [Field("Maintenance per year as a share of electrical + mechanical capex in service.", Unit = "fraction/year", Required = true, Min = 0, Max = 0.25)]
    public double? MaintenanceRateOfMepCapex { get; set; }

    [Field("Insurance and property tax per year as a share of capex in service.", Unit = "fraction/year", Required = true, Min = 0, Max = 0.1)]
    public double? InsuranceAndPropertyTaxRateOfCapex { get; set; }

    [Field("Other fixed opex (network, security, administration, bandwidth) per MW in service per year.", Unit = "currency/MW-year", Required = true, Min = 0, Max = 1e9)]
    public double? OtherFixedOpexPerMwYear { get; set; }

    [Field("The model's general inflation index (nominal): staff, other opex, and maintenance and insurance on the asset base in service escalate with it; capexEscalation and electricityPriceEscalation follow it unless given.", Unit = "fraction/year", Default = "0", Min = -0.2, Max = 0.5)]
    public double? OpexInflation { get; set; }

    [Field("Rent per leased kW of IT capacity per month in the first operating year.", Unit = "currency/kW-month", Min = 0, Max = 1e6,
        WhenAbsent = "rentPerRackMonth ÷ rackKw (one of the two is required)")]
    public double? RentPerKwMonth { get; set; }

    [Field("Rent per leased rack per month, as Chinese operators often quote it (instead of rentPerKwMonth; needs rackKw).", Unit = "currency/rack-month", Min = 0, Max = 1e8,
        WhenAbsent = "rentPerKwMonth")]
    public double? RentPerRackMonth { get; set; }

    [Field("IT kW one rack is leased for: converts rent per rack-month to per kW-month and back.", Unit = "kW", Min = 0.5, Max = 500, WhenAbsent = "no rack figures")]
    public double? RackKw { get; set; }

    [Field("Annual rent escalator, a contract term in nominal money (0 = flat nominal rent, which falls in real terms at opexInflation).", Unit = "fraction/year", Default = "0", Min = -0.5, Max = 0.5)]
    public double? RentEscalator { get; set; }

    [Field("Occupancy (leased share of capacity in service) when a phase opens.", Unit = "fraction", Required = true, Min = 0, Max = 1)]
    public double? InitialOccupancy { get; set; }

    [Field("Stabilised vacancy; stabilised occupancy is 1 − vacancy.", Unit = "fraction", Required = true, Min = 0, Max = 1)]
    public double? Vacancy { get; set; }

    [Field("Months for a phase's occupancy to move linearly from initialOccupancy to 1 − vacancy.", Unit = "months", Required = true, Min = 0, Max = 600)]
    public int? OccupancyRampMonths { get; set; }

    [Field("Income-tax rate on taxable profit.", Unit = "fraction", Required = true, Min = 0, Max = 0.9)]
    public double? IncomeTaxRate { get; set; }

    [Field("Years a tax loss may be carried forward (China: 5).", Unit = "years", Min = 0, Max = 100, WhenAbsent = "without limit")]
    public int? LossCarryForwardYears { get; set; }

    [Field("Largest share of a year's taxable profit that carried-forward losses may offset (US federal: 0.8).", Unit = "fraction", Default = "1", Min = 0, Max = 1)]
    public double? LossOffsetCap { get; set; }

    [Field("Nominal discount rate (WACC) for NPV and discounted payback.", Unit = "fraction/year", Required = true, Min = 0, Max = 1)]
    public double? DiscountRate { get; set; }

    [Field("The site's debt: a share of the initial capex borrowed as it is spent, with its rate, tenor and covenant.", WhenAbsent = "all equity (no loan)")]
    public FinancingDto? Financing { get; set; }
}

/// <summary><c>site.financing</c>: the construction loan turned term loan.</summary>
public sealed class FinancingDto
{
    [Field("Share of the initial construction capex the loan finances, drawn as the capex is spent.", Unit = "fraction", Required = true, Min = 0, Max = 0.95)]
    public double? DebtShare { get; set; }

    [Field("Annual interest rate (effective).", Unit = "fraction/year", Required = true, Min = 0, Max = 0.5)]
    public double? InterestRate { get; set; }

    [Field("Years over which the loan is repaid once repayment starts.", Unit = "years", Required = true, Min = 1, Max = 40)]
    public double? TenorYears { get; set; }

    [Field("Months after the first opening with interest paid and no principal (interest before the opening is capitalised).", Unit = "months", Default = "0", Min = 0, Max = 120)]
    public int? GraceMonths { get; set; }

    [Field("How principal is repaid: annuity (level payments) or straightLine (equal principal).", Default = "annuity")]
    public Amortisation? Amortisation { get; set; }

    [Field("Upfront fee as a share of the loan, paid at the first drawdown.", Unit = "fraction", Default = "0", Min = 0, Max = 0.1)]
    public double? UpfrontFee { get; set; }

    [Field("The minimum debt service cover ratio the lenders require; a year below it is reported as a covenant breach.", Unit = "ratio", Default = "1.2", Min = 1, Max = 5)]
    public double? DscrCovenant { get; set; }

    [Field("The rate the equity cash flows are discounted at for the equity NPV.", Unit = "fraction/year", Min = 0, Max = 1, WhenAbsent = "site.discountRate")]
    public double? CostOfEquity { get; set; }
}

/// <summary>One delivery phase.</summary>
public sealed class PhaseDto
{
    [Field("IT capacity of the phase.", Unit = "MW", Required = true, Min = 0, MinExclusive = true, Max = 5000)]
    public double? ItMw { get; set; }

    [Field("Months after the first phase opens that this phase opens.", Unit = "months", Required = true, Min = 0, Max = 1200)]
    public int? StartMonth { get; set; }
}

/// <summary>Construction cost by component.</summary>
public sealed class CapexDto
{
    [Field("Land: freehold (not depreciated, usefulLifeYears: 0) or a land-use right (amortised over its term, usefulLifeYears).", Required = true)]
    public LandCapexDto? Land { get; set; }

    [Field("Shell, core and building services.", Required = true)]
    public CapexItemDto? Building { get; set; }

    [Field("Substation, switchgear, UPS, generators, power distribution.", Required = true)]
    public CapexItemDto? Electrical { get; set; }

    [Field("Cooling plant and distribution.", Required = true)]
    public CapexItemDto? Mechanical { get; set; }

    [Field("White-space fit-out: floor, containment, racks, cabling.", Required = true)]
    public CapexItemDto? FitOut { get; set; }

    [Field("Design, permits, project management, contingency.", Required = true)]
    public CapexItemDto? SoftCosts { get; set; }
}

/// <summary>One capex component.</summary>
public sealed class CapexItemDto
{
    [Field("Cost per MW of IT capacity.", Unit = "currency/MW", Required = true, Min = 0, Max = 1e12)]
    public double? CostPerMw { get; set; }

    [Field("Useful life for straight-line depreciation, exact (not rounded to months); 0 = not depreciated; otherwise at least one month (1/12 year).", Unit = "years", Required = true, Min = 0, Max = 100)]
    public double? UsefulLifeYears { get; set; }
}

/// <summary>The land component: cost, tenure and, for a land-use right, its term.</summary>
public sealed class LandCapexDto
{
    [Field("Cost per MW of IT capacity (purchase price, or the premium paid for a land-use right).", Unit = "currency/MW", Required = true, Min = 0, Max = 1e12)]
    public double? CostPerMw { get; set; }

    [Field("How the land is held: freehold (owned for ever, not depreciated) or landUseRight (a PRC-style right granted for a term, amortised straight-line over it).", Default = "freehold")]
    public LandTenure? Tenure { get; set; }

    [Field("0 for freehold land; for a landUseRight its term, over which it is amortised: at most 50 years (the PRC maximum for industrial land) and at least the years from construction start to the end of the horizon.", Unit = "years", Required = true, Min = 0, Max = 100)]
    public double? UsefulLifeYears { get; set; }
}

/// <summary>One claim of the essay, to be shown beside the computed figure.</summary>
public sealed class ClaimDto
{
    [Field("Claim identifier, e.g. C4 (see docs/claims.md).", Required = true)]
    public string? Id { get; set; }

    [Field("The claim in words.", Required = true)]
    public string? Text { get; set; }

    [Field("Which computed figure the claim is about; one of the metric names in the reference.", Required = true)]
    public ClaimMetric? Metric { get; set; }

    [Field("The essay's figure, in the metric's unit.", Required = true, Min = -1e15, Max = 1e15)]
    public double? EssayValue { get; set; }

    [Field("How the essay's figure compares with the computed one: atLeast (computed ≥ essay supports it), atMost, or about (within 15 %).", Default = "about")]
    public ClaimComparison? Comparison { get; set; }

    [Field("What published data say about the claim, with sources.")]
    public string? Evidence { get; set; }
}
