using Suanli.Core.Economics;
using Suanli.Core.Numerics;

namespace Suanli.Core.Layout;

/// <summary>One layout's figures, all sites together. Money in the base site's currency.</summary>
public sealed record LayoutResult
{
    /// <summary>Campus or distributed.</summary>
    public required LayoutKind Kind { get; init; }

    /// <summary>The sites as modelled (one for a campus).</summary>
    public required IReadOnlyList<SiteEconomics> Sites { get; init; }

    /// <summary>Each site's economics.</summary>
    public required IReadOnlyList<EconomicsResult> SiteResults { get; init; }

    /// <summary>Construction capex per MW of IT.</summary>
    public required double CapexPerMw { get; init; }

    /// <summary>Opex of a steady-state year at the occupancy studied, per MW of IT.</summary>
    public required double OpexPerMwYear { get; init; }

    /// <summary>PUE at the occupancy studied (facility ÷ IT energy over all sites); null when there is no IT load to divide by.</summary>
    public required double? Pue { get; init; }

    /// <summary>PUE at full design IT load: the design PUE of the layout's plant(s), which follows the plant's size.</summary>
    public required double PueFullLoad { get; init; }

    /// <summary>IT capacity one plant serves, MW: the whole campus, or one distributed site.</summary>
    public required double PlantItMw { get; init; }

    /// <summary>What tenants pay for power per built kW-month, fully leased (pass-through; 0 when rent includes power), capacity-weighted.</summary>
    public required double TenantPowerPerKwMonth { get; init; }

    /// <summary>Staff over all sites.</summary>
    public required double StaffFte { get; init; }

    /// <summary>Facility energy per year at the occupancy studied, MWh.</summary>
    public required double EnergyMwhPerYear { get; init; }

    /// <summary>CO2 per year, tonnes.</summary>
    public required double Co2TonnesPerYear { get; init; }

    /// <summary>Electricity bill per year at the occupancy studied (paid by tenants under pass-through).</summary>
    public required double EnergyCostPerYear { get; init; }

    /// <summary>WAN link cost per year.</summary>
    public required double NetworkCostPerYear { get; init; }

    /// <summary>Accounting break-even rent per built kW-month (capacity-weighted over sites).</summary>
    public required double AccountingBreakEvenRentPerKwMonth { get; init; }

    /// <summary>Cost stack per built kW-month (capacity-weighted over sites).</summary>
    public required CostStack CostStackPerKwMonth { get; init; }

    /// <summary>Base rent at which the layout's NPV (all sites) is zero.</summary>
    public required double? EconomicBreakEvenRentPerKwMonth { get; init; }

    /// <summary>NPV of all sites.</summary>
    public required double Npv { get; init; }

    /// <summary>IRR of all sites' cash flows together.</summary>
    public required IrrResult Irr { get; init; }
}

/// <summary>Campus against distributed, side by side.</summary>
/// <param name="Inputs">The inputs.</param>
/// <param name="Occupancy">Stabilised occupancy studied.</param>
/// <param name="Campus">The campus.</param>
/// <param name="Distributed">The distributed sites.</param>
public sealed record LayoutComparison(LayoutInputs Inputs, double Occupancy, LayoutResult Campus, LayoutResult Distributed);

/// <summary>The facility-layout model of MODEL.md §2, built on the economics engine.</summary>
public static class LayoutEngine
{
    /// <summary>Compares the layouts at a stabilised occupancy (default: the base site's 1 − vacancy).</summary>
    public static LayoutComparison Compare(LayoutInputs inputs, double? occupancy = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var occ = occupancy ?? inputs.BaseSite.StabilisedOccupancy;
        var campus = Evaluate(inputs, LayoutKind.Campus, occ);
        var distributed = Evaluate(inputs, LayoutKind.Distributed, occ);
        return new LayoutComparison(inputs, occ, campus, distributed);
    }

    /// <summary>The sites a layout consists of, as economics inputs.</summary>
    public static IReadOnlyList<SiteEconomics> Sites(LayoutInputs inputs, LayoutKind kind, double occupancy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = inputs.BaseSite;
        if (kind == LayoutKind.Campus)
        {
            return [Site(inputs, inputs.TotalItMw, inputs.Campus.ElectricityPricePerKwh ?? b.ElectricityPricePerKwh, 0, occupancy)];
        }

        var network = inputs.NetworkCostPerYear / inputs.TotalItMw;
        return [.. Enumerable.Range(0, inputs.Units).Select(i => Site(inputs, inputs.UnitMw,
            inputs.DistributedSites?[i].ElectricityPricePerKwh ?? inputs.Distributed.ElectricityPricePerKwh ?? b.ElectricityPricePerKwh, network, occupancy))];
    }

    // Campus and standalone site differ only by the size of the plant they are (and, through the grid, where they stand):
    // a campus of one hall is the same site as one standalone site of the same size.
    private static SiteEconomics Site(LayoutInputs inputs, double plantMw, double price, double networkPerMwYear, double occupancy)
    {
        var b = inputs.BaseSite;
        return b with
        {
            ItCapacityMw = plantMw,
            Phases = [new DeliveryPhase(plantMw, 0)],
            Capex = [.. b.Capex.Select(c => c with { CostPerMw = inputs.CostPerMwAt(c, plantMw) })],
            StaffFte = inputs.StaffAt(plantMw),
            DesignPue = inputs.DesignPueAt(plantMw),
            ElectricityPricePerKwh = price,
            OtherFixedOpexPerMwYear = b.OtherFixedOpexPerMwYear + networkPerMwYear,
            Vacancy = 1 - occupancy,
        };
    }

    /// <summary>A layout's PUE at a stabilised occupancy (facility ÷ IT energy over its sites); null when there is no IT load.</summary>
    public static double? PueAt(LayoutInputs inputs, LayoutKind kind, double occupancy) =>
        PueOf([.. Sites(inputs, kind, occupancy).Select(s => SteadyStateYear.For(s, occupancy, 0))]);

    /// <summary>Facility ÷ IT energy over several sites' steady-state years; null when there is no IT load (or it underflows).</summary>
    private static double? PueOf(IReadOnlyList<SteadyStateYear> years)
    {
        // A year with no IT load has an infinite PUE and contributes no IT energy.
        var itEnergy = years.Sum(y => double.IsFinite(y.Pue) && y.Pue > 0 ? y.EnergyMwh / y.Pue : 0);
        var pue = years.Sum(y => y.EnergyMwh) / itEnergy;
        return itEnergy > 0 && double.IsFinite(pue) ? pue : null;
    }

    private static LayoutResult Evaluate(LayoutInputs inputs, LayoutKind kind, double occupancy)
    {
        var sites = Sites(inputs, kind, occupancy);
        var plans = sites.Select(CashFlowPlan.Build).ToList();
        var results = plans.Select(EconomicsEngine.Analyze).ToList();
        var years = sites.Select(s => SteadyStateYear.For(s, occupancy, s.RentPerKwMonth)).ToList();
        var totalMw = inputs.TotalItMw;
        var emission = Enumerable.Range(0, sites.Count).Select(i => kind == LayoutKind.Campus
            ? inputs.Campus.GridEmissionKgPerKwh
            : inputs.DistributedSites?[i].GridEmissionKgPerKwh ?? inputs.Distributed.GridEmissionKgPerKwh).ToList();
        var fullyLeased = sites.Select(s => SteadyStateYear.For(s, 1, s.RentPerKwMonth)).ToList();
        var stacks = results.Select(r => r.CostStackPerKwMonth).ToList();
        double Weighted(Func<CostStack, double> line) => Enumerable.Range(0, sites.Count).Sum(i => line(stacks[i]) * sites[i].ItCapacityMw) / totalMw;

        var months = plans[0].Months;
        var flows = new double[months];
        var monthly = new double[months];
        var tax = new double[months];
        foreach (var plan in plans)
        {
            plan.Run(plan.Site.RentPerKwMonth, monthly, tax);
            for (var m = 0; m < months; m++)
            {
                flows[m] += monthly[m];
            }
        }

        var stack = new CostStack(Weighted(s => s.Depreciation), Weighted(s => s.Power), Weighted(s => s.Staff), Weighted(s => s.Maintenance),
            Weighted(s => s.InsuranceAndPropertyTax), Weighted(s => s.OtherOpex));
        double Npv(double rent) => plans.Sum(p => p.Npv(rent));
        return new LayoutResult
        {
            Kind = kind,
            Sites = sites,
            SiteResults = results,
            CapexPerMw = results.Sum(r => r.InitialCapex) / totalMw,
            OpexPerMwYear = years.Sum(y => y.Opex) / totalMw,
            Pue = PueOf(years),
            PueFullLoad = sites[0].PueAt(1),
            PlantItMw = sites[0].ItCapacityMw,
            TenantPowerPerKwMonth = fullyLeased.Sum(y => y.PowerRevenue) / (totalMw * 1000 * 12),
            StaffFte = sites.Sum(s => s.StaffFte),
            EnergyMwhPerYear = years.Sum(y => y.EnergyMwh),
            Co2TonnesPerYear = Enumerable.Range(0, sites.Count).Sum(i => years[i].EnergyMwh * emission[i]),
            EnergyCostPerYear = years.Sum(y => y.ElectricityCost),
            NetworkCostPerYear = kind == LayoutKind.Distributed ? inputs.NetworkCostPerYear : 0,
            AccountingBreakEvenRentPerKwMonth = stack.Total,
            CostStackPerKwMonth = stack,
            EconomicBreakEvenRentPerKwMonth = RootFinder.BrentExpandingUp(Npv, 0, Math.Max(1, Math.Max(stack.Total, inputs.BaseSite.RentPerKwMonth)) * 2, 1e-8),
            Npv = Npv(inputs.BaseSite.RentPerKwMonth),
            Irr = CashFlowMath.Irr(flows, 12),
        };
    }

    /// <summary>PUE and accounting break-even rent per leased kW-month from 30 % to 100 % occupancy, for both layouts.</summary>
    public static IReadOnlyList<OccupancyRow> OccupancySweep(LayoutInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. Enumerable.Range(3, 8).Select(i => i / 10.0).Select(o =>
        {
            (double? Pue, double BreakEven) At(LayoutKind kind)
            {
                var years = Sites(inputs, kind, o).Select(s => SteadyStateYear.For(s, o, 0)).ToList();
                var leasedKwMonths = years.Sum(y => y.CapacityKw * o * 12);
                return (PueOf(years), -years.Sum(y => y.Ebit) / leasedKwMonths);
            }

            var c = At(LayoutKind.Campus);
            var d = At(LayoutKind.Distributed);
            return new OccupancyRow(o, c.Pue, d.Pue, c.BreakEven, d.BreakEven);
        })];
    }
}

/// <summary>One row of the occupancy sweep.</summary>
/// <param name="Occupancy">Leased share of capacity.</param>
/// <param name="CampusPue">Campus PUE (null without IT load).</param>
/// <param name="DistributedPue">Distributed PUE (null without IT load).</param>
/// <param name="CampusBreakEvenRentPerLeasedKwMonth">Campus accounting break-even rent per leased kW-month.</param>
/// <param name="DistributedBreakEvenRentPerLeasedKwMonth">Distributed accounting break-even rent per leased kW-month.</param>
public sealed record OccupancyRow(double Occupancy, double? CampusPue, double? DistributedPue, double CampusBreakEvenRentPerLeasedKwMonth, double DistributedBreakEvenRentPerLeasedKwMonth);
