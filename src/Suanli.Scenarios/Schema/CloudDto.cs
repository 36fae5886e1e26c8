using Suanli.Core.Compute;

namespace Suanli.Scenarios.Schema;

/// <summary>The <c>cloud</c> section: an operator that buys accelerator servers and rents out accelerator-hours (issue 12).</summary>
public sealed class CloudDto
{
    [Field("Accelerator id (catalog or compute.accelerators): its TDP sets the power and space the fleet takes.", Required = true)]
    public string? Accelerator { get; set; }

    [Field("Accelerators per server.", Unit = "accelerators", Default = "8", Min = 1, Max = 72)]
    public int? AcceleratorsPerServer { get; set; }

    [Field("Servers bought.", Unit = "servers", Required = true, Min = 1, Max = 1_000_000)]
    public int? Servers { get; set; }

    [Field("Price of one server with its accelerators, in the scenario's currency.", Unit = "currency/server", Required = true, Min = 1000, MinReason = "diag2.reason.serverPrice", Max = 100_000_000)]
    public double? ServerPrice { get; set; }

    [Field("Network (fabric, switches, optics) capex per server.", Unit = "currency/server", Default = "0", Min = 0, Max = 100_000_000)]
    public double? NetworkCapexPerServer { get; set; }

    [Field("Years the servers earn (the model's horizon).", Unit = "years", Default = "5", Min = 1, Max = 15)]
    public double? LifeYears { get; set; }

    [Field("Resale value at the end, as a share of the server and network capex.", Unit = "fraction", Default = "0", Min = 0, Max = 0.8)]
    public double? ResidualValue { get; set; }

    [Field("Average accelerator draw when busy, as a share of TDP.", Unit = "fraction", Default = "1", Min = 0, MinExclusive = true, Max = 1.5)]
    public double? PowerFraction { get; set; }

    [Field("Host, network and storage power per accelerator.", Unit = "W", Default = "500", Min = 0, Max = 10_000)]
    public double? HostWatts { get; set; }

    [Field("Share of the full draw an idle accelerator and its host still draw.", Unit = "fraction", Default = "0.3", Min = 0, Max = 1)]
    public double? IdleDrawFraction { get; set; }

    [Field("A preset with a site that houses the servers: its rent (by rentBasis), power pricing, electricity price and design PUE.", WhenAbsent = "colocation at colocationRentPerKwMonth")]
    public string? SitePreset { get; set; }

    [Field("Which rent of the site preset is paid: marketRent, accountingBreakEven or economicBreakEven (an operator that owns its site pays its own cost).", Default = "marketRent")]
    public RentBasis? RentBasis { get; set; }

    [Field("Colocation rent per contracted kW-month, in the scenario's currency (instead of a site preset).", Unit = "currency/kW-month", Min = 0, Max = 100_000, WhenAbsent = "the site preset's rent")]
    public double? ColocationRentPerKwMonth { get; set; }

    [Field("Electricity price billed on top of the colocation rent (0 when the rent includes power).", Unit = "currency/kWh", Min = 0, Max = 10, WhenAbsent = "the site preset's, or required with colocation")]
    public double? ElectricityPricePerKwh { get; set; }

    [Field("PUE the power is billed at.", Unit = "ratio", Min = 1, Max = 3, WhenAbsent = "the site preset's design PUE, or required with colocation")]
    public double? Pue { get; set; }

    [Field("Staff running the cloud (sales, operations, support).", Unit = "FTE", Default = "0", Min = 0, Max = 100_000)]
    public double? StaffFte { get; set; }

    [Field("Cost of one staff member a year.", Unit = "currency/FTE-year", Default = "0", Min = 0, Max = 10_000_000)]
    public double? StaffCostPerFteYear { get; set; }

    [Field("Maintenance, support contracts and spares per year, as a share of the server capex.", Unit = "fraction", Default = "0", Min = 0, Max = 0.5)]
    public double? MaintenancePerYear { get; set; }

    [Field("Price of an accelerator-hour in the first year.", Unit = "currency/accelerator-hour", Required = true, Min = 0, MinExclusive = true, Max = 10_000)]
    public double? PricePerHour { get; set; }

    [Field("The price's change each year after the first, relative (-0.13: 13 % lower each year).", Unit = "fraction", Default = "0", Min = -0.5, Max = 0.5)]
    public double? PriceChangePerYear { get; set; }

    [Field("Utilisation (share of hours sold) in the first month.", Unit = "fraction", Min = 0, Max = 1, WhenAbsent = "stabilisedUtilisation (no ramp)")]
    public double? InitialUtilisation { get; set; }

    [Field("Utilisation once ramped.", Unit = "fraction", Required = true, Min = 0.01, MinReason = "diag2.reason.gpuUtilisation", Max = 1)]
    public double? StabilisedUtilisation { get; set; }

    [Field("Months from the initial to the stabilised utilisation.", Unit = "months", Default = "0", Min = 0, Max = 120)]
    public int? RampMonths { get; set; }

    [Field("Income tax rate on EBITDA − depreciation (losses carried forward).", Unit = "fraction", Default = "0", Min = 0, Max = 0.6)]
    public double? IncomeTaxRate { get; set; }

    [Field("The operator's required return (annual).", Unit = "fraction/year", Required = true, Min = 0, Max = 1)]
    public double? DiscountRate { get; set; }

    [Field("Published rental prices to set beside the break-even price, in the scenario's currency.", WhenAbsent = "none")]
    public List<MarketPriceDto>? MarketPrices { get; set; }
}

/// <summary>One row of <c>cloud.marketPrices</c>.</summary>
public sealed class MarketPriceDto
{
    [Field("What the price is (who, where, when).", Required = true)]
    public string? Label { get; set; }

    [Field("Price per accelerator-hour, in the scenario's currency.", Unit = "currency/accelerator-hour", Required = true, Min = 0, MinExclusive = true, Max = 10_000)]
    public double? PricePerHour { get; set; }
}
