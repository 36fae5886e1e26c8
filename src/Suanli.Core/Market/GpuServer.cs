using Suanli.Core.Compute;
using Suanli.Core.Numerics;

namespace Suanli.Core.Market;

/// <summary>What one accelerator of a rented-out GPU server costs and earns, all in one currency, per accelerator.</summary>
/// <param name="CapexPerAccelerator">Server capex per accelerator (the server's price ÷ its accelerators, network share included if the user counts it).</param>
/// <param name="LifeYears">Years the server earns (and over which it is recovered).</param>
/// <param name="Utilisation">Share of the hours the accelerator is rented out, 0–1.</param>
/// <param name="FacilityPerHour">The data-center space and power capacity per calendar hour (rent × kW ÷ 730).</param>
/// <param name="PowerPerHour">Electricity per calendar hour when billed separately (kW × PUE × price), else 0.</param>
/// <param name="MaintenancePerHour">Maintenance and support per calendar hour (a share of capex per year ÷ 8,760).</param>
/// <param name="DiscountRate">The owner's required return, for the break-even price and the NPV.</param>
public sealed record GpuServerCosts(double CapexPerAccelerator, double LifeYears, double Utilisation, double FacilityPerHour, double PowerPerHour, double MaintenancePerHour,
    double DiscountRate)
{
    /// <summary>Cash cost per calendar hour: facility + power + maintenance. Charged on every hour, rented or not (idle draw is not modelled lower).</summary>
    public double CashCostPerHour => FacilityPerHour + PowerPerHour + MaintenancePerHour;
}

/// <summary>The payback of a GPU server at one rental price.</summary>
/// <param name="PricePerHour">The rental price per accelerator-hour.</param>
/// <param name="RevenuePerHour">Price × utilisation: revenue per calendar hour.</param>
/// <param name="MarginPerHour">Revenue − cash cost, per calendar hour.</param>
/// <param name="NetPerYear">Margin × 8,760 h.</param>
/// <param name="PaybackYears">Capex ÷ net per year: null when the margin is not positive or the payback is longer than the life.</param>
/// <param name="Irr">The return r at which the level net per year over the life repays the capex (capital-recovery factor = net ÷ capex); null when the net is not positive.</param>
/// <param name="Npv">−capex + net per year × the annuity factor at the discount rate over the life (no residual value).</param>
public sealed record GpuServerPayback(double PricePerHour, double RevenuePerHour, double MarginPerHour, double NetPerYear, double? PaybackYears, double? Irr, double Npv);

/// <summary>
/// A GPU server rented out by the accelerator-hour (issue 11): level revenue price × utilisation against the owner's cash cost per
/// hour, over a fixed life, no residual value, no tax, no price change over the life. A simplified model: it says what today's
/// price pays back if it held.
/// </summary>
public static class GpuServerModel
{
    /// <summary>Hours in a year.</summary>
    public const double HoursPerYear = 8760;

    /// <summary>The payback, IRR and NPV at a price.</summary>
    public static GpuServerPayback At(GpuServerCosts costs, double pricePerHour)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var revenue = pricePerHour * costs.Utilisation;
        var margin = revenue - costs.CashCostPerHour;
        var net = margin * HoursPerYear;
        double? payback = net > 0 && costs.CapexPerAccelerator / net <= costs.LifeYears ? costs.CapexPerAccelerator / net : null;
        if (net > 0 && costs.CapexPerAccelerator == 0)
        {
            payback = 0;
        }

        var npv = -costs.CapexPerAccelerator + (net / OwnerCost.CapitalRecoveryFactor(costs.DiscountRate, costs.LifeYears));
        return new GpuServerPayback(pricePerHour, revenue, margin, net, payback, Irr(costs, net), npv);
    }

    /// <summary>
    /// The price per accelerator-hour at which the server earns exactly the discount rate over its life:
    /// (cash cost + capex × CRF(r, life) ÷ 8,760) ÷ utilisation.
    /// </summary>
    public static double BreakEvenPrice(GpuServerCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return (costs.CashCostPerHour + (costs.CapexPerAccelerator * OwnerCost.CapitalRecoveryFactor(costs.DiscountRate, costs.LifeYears) / HoursPerYear)) / costs.Utilisation;
    }

    /// <summary>The price at which the server only gets its capex back (return 0): (cash cost + capex ÷ (life × 8,760)) ÷ utilisation.</summary>
    public static double BreakEvenPriceNoReturn(GpuServerCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return (costs.CashCostPerHour + (costs.CapexPerAccelerator / (costs.LifeYears * HoursPerYear))) / costs.Utilisation;
    }

    private static double? Irr(GpuServerCosts costs, double net)
    {
        if (net <= 0 || costs.CapexPerAccelerator <= 0)
        {
            return null;
        }

        // CRF(r, n) rises with r from 1/n (r = 0) towards r: the IRR is where it meets net ÷ capex.
        var target = net / costs.CapexPerAccelerator;
        return RootFinder.Brent(r => OwnerCost.CapitalRecoveryFactor(r, costs.LifeYears) - target, -0.999, Math.Max(1, target * 2), 1e-12);
    }
}
