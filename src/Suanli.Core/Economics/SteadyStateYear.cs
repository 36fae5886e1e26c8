namespace Suanli.Core.Economics;

/// <summary>
/// One steady-state operating year at today's prices (no inflation, no escalation): all capacity in service,
/// occupancy fixed, straight-line depreciation of every depreciable component. Amounts per year, in the site's currency.
/// This is the year the essay's "construction, depreciation and O&amp;M need ≥ 260 RMB/kW-month" speaks of.
/// </summary>
public sealed record SteadyStateYear
{
    /// <summary>Leased share of built capacity.</summary>
    public required double Occupancy { get; init; }

    /// <summary>Rent per leased kW-month.</summary>
    public required double RentPerKwMonth { get; init; }

    /// <summary>Built IT capacity, kW.</summary>
    public required double CapacityKw { get; init; }

    /// <summary>PUE at this occupancy (IT utilisation = occupancy × load factor); infinite when nothing is leased.</summary>
    public required double Pue { get; init; }

    /// <summary>Facility energy, MWh per year.</summary>
    public required double EnergyMwh { get; init; }

    /// <summary>Rent revenue.</summary>
    public required double RentRevenue { get; init; }

    /// <summary>Power resold to tenants (pass-through).</summary>
    public required double PowerRevenue { get; init; }

    /// <summary>The facility's electricity bill.</summary>
    public required double ElectricityCost { get; init; }

    /// <summary>Staff cost.</summary>
    public required double StaffCost { get; init; }

    /// <summary>Maintenance.</summary>
    public required double MaintenanceCost { get; init; }

    /// <summary>Insurance and property tax.</summary>
    public required double InsuranceAndPropertyTax { get; init; }

    /// <summary>Other fixed opex.</summary>
    public required double OtherOpex { get; init; }

    /// <summary>Straight-line depreciation by component (land excluded).</summary>
    public required IReadOnlyDictionary<CapexComponent, double> DepreciationByComponent { get; init; }

    /// <summary>Total depreciation.</summary>
    public double Depreciation => DepreciationByComponent.Values.Sum();

    /// <summary>Net cost of power to the operator: the bill minus what tenants pay for it.</summary>
    public double NetPowerCost => ElectricityCost - PowerRevenue;

    /// <summary>Total opex.</summary>
    public double Opex => ElectricityCost + StaffCost + MaintenanceCost + InsuranceAndPropertyTax + OtherOpex;

    /// <summary>Revenue: rent plus power resale.</summary>
    public double Revenue => RentRevenue + PowerRevenue;

    /// <summary>Earnings before interest and tax: the accounting profit of the year.</summary>
    public double Ebit => Revenue - Opex - Depreciation;

    /// <summary>Converts a yearly amount to currency per built kW per month.</summary>
    public double PerKwMonth(double amountPerYear) => amountPerYear / (CapacityKw * 12);

    /// <summary>Computes the year for a site at an occupancy and base rent.</summary>
    public static SteadyStateYear For(SiteEconomics site, double occupancy, double rentPerKwMonth)
    {
        ArgumentNullException.ThrowIfNull(site);
        const double hoursPerYear = 8760;
        var capacityKw = site.ItCapacityMw * 1000;
        var leasedKw = capacityKw * occupancy;
        var itKw = leasedKw * site.LoadFactor;
        var facilityKw = itKw * (1 + site.PueProportionalPart) + site.PueFixedPart * capacityKw;
        var electricity = facilityKw * hoursPerYear * site.ElectricityPricePerKwh;
        var powerRevenue = site.PowerPricing == PowerPricing.PassThrough && itKw > 0
            ? itKw * hoursPerYear * (site.PassThroughPue ?? facilityKw / itKw) * site.ElectricityPricePerKwh * (1 + site.PowerMarkup)
            : 0;
        var depreciation = site.Capex
            .Where(c => c.UsefulLifeYears > 0)
            .GroupBy(c => c.Component)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.CostPerMw * site.ItCapacityMw / c.UsefulLifeYears));
        return new SteadyStateYear
        {
            Occupancy = occupancy,
            RentPerKwMonth = rentPerKwMonth,
            CapacityKw = capacityKw,
            Pue = itKw > 0 ? facilityKw / itKw : double.PositiveInfinity,
            EnergyMwh = facilityKw * hoursPerYear / 1000,
            RentRevenue = leasedKw * rentPerKwMonth * 12,
            PowerRevenue = powerRevenue,
            ElectricityCost = electricity,
            StaffCost = site.StaffFte * site.StaffCostPerFteYear,
            MaintenanceCost = site.MaintenanceRateOfMepCapex * site.MepCapexPerMw * site.ItCapacityMw,
            InsuranceAndPropertyTax = site.InsuranceAndPropertyTaxRateOfCapex * site.CapexPerMw * site.ItCapacityMw,
            OtherOpex = site.OtherFixedOpexPerMwYear * site.ItCapacityMw,
            DepreciationByComponent = depreciation,
        };
    }
}

/// <summary>What a fully leased steady-state year costs per built kW per month, by line; the sum is the accounting break-even rent.</summary>
/// <param name="Depreciation">Straight-line depreciation of construction cost.</param>
/// <param name="Power">Electricity bill net of what tenants pay for power (pass-through).</param>
/// <param name="Staff">Staff.</param>
/// <param name="Maintenance">Maintenance of electrical and mechanical plant.</param>
/// <param name="InsuranceAndPropertyTax">Insurance and property tax.</param>
/// <param name="OtherOpex">Other fixed opex.</param>
public sealed record CostStack(double Depreciation, double Power, double Staff, double Maintenance, double InsuranceAndPropertyTax, double OtherOpex)
{
    /// <summary>The sum of every line.</summary>
    public double Total => Depreciation + Power + Staff + Maintenance + InsuranceAndPropertyTax + OtherOpex;

    /// <summary>The lines by their JSON names, in stack order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Lines =>
    [
        new("depreciation", Depreciation),
        new("power", Power),
        new("staff", Staff),
        new("maintenance", Maintenance),
        new("insuranceAndPropertyTax", InsuranceAndPropertyTax),
        new("otherOpex", OtherOpex),
    ];

    /// <summary>The stack of a steady-state year, per built kW-month.</summary>
    public static CostStack Of(SteadyStateYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new CostStack(
            year.PerKwMonth(year.Depreciation),
            year.PerKwMonth(year.NetPowerCost),
            year.PerKwMonth(year.StaffCost),
            year.PerKwMonth(year.MaintenanceCost),
            year.PerKwMonth(year.InsuranceAndPropertyTax),
            year.PerKwMonth(year.OtherOpex));
    }
}
