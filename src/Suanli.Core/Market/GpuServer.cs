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
/// <param name="PriceChangePerYear">How the rental price changes each year of the life, relative (−0.13: 13 % lower each year); 0 holds it level.</param>
public sealed record GpuServerCosts(double CapexPerAccelerator, double LifeYears, double Utilisation, double FacilityPerHour, double PowerPerHour, double MaintenancePerHour,
    double DiscountRate, double PriceChangePerYear = 0)
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
/// A GPU server rented out by the accelerator-hour (issue 11): revenue price × utilisation against the owner's cash cost per hour,
/// over a fixed life, no residual value, no tax. The price is today's in year 1 and changes by <see cref="GpuServerCosts.PriceChangePerYear"/>
/// a year after (level when 0: the closed forms below); a life that is not whole ends with a part year. A simplified model: it
/// says what today's price, on the path given, pays back.
/// </summary>
public static class GpuServerModel
{
    /// <summary>Hours in a year.</summary>
    public const double HoursPerYear = 8760;

    /// <summary>The payback, IRR and NPV at a first-year price.</summary>
    public static GpuServerPayback At(GpuServerCosts costs, double pricePerHour)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var revenue = pricePerHour * costs.Utilisation;
        var margin = revenue - costs.CashCostPerHour;
        var net = margin * HoursPerYear;
        if (costs.PriceChangePerYear == 0)
        {
            double? payback = net > 0 && costs.CapexPerAccelerator / net <= costs.LifeYears ? costs.CapexPerAccelerator / net : null;
            var npv = -costs.CapexPerAccelerator + (net / OwnerCost.CapitalRecoveryFactor(costs.DiscountRate, costs.LifeYears));
            return new GpuServerPayback(pricePerHour, revenue, margin, net, payback, LevelIrr(costs, net), npv);
        }

        var flows = Flows(costs, pricePerHour);
        return new GpuServerPayback(pricePerHour, revenue, margin, net, Payback(costs.CapexPerAccelerator, flows), PathIrr(costs, flows),
            Npv(costs.CapexPerAccelerator, flows, costs.DiscountRate));
    }

    /// <summary>
    /// The first-year price at which the server earns exactly the discount rate over its life. Level price:
    /// (cash cost + capex × CRF(r, life) ÷ 8,760) ÷ utilisation; on a path: (capex + Σ cash_k d_k) ÷ Σ utilisation × (1 + g)^(k−1) × hours_k d_k.
    /// </summary>
    public static double BreakEvenPrice(GpuServerCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return costs.PriceChangePerYear == 0
            ? (costs.CashCostPerHour + (costs.CapexPerAccelerator * OwnerCost.CapitalRecoveryFactor(costs.DiscountRate, costs.LifeYears) / HoursPerYear)) / costs.Utilisation
            : PathBreakEven(costs, costs.DiscountRate);
    }

    /// <summary>The first-year price at which the server only gets its capex back (return 0): level, (cash cost + capex ÷ (life × 8,760)) ÷ utilisation.</summary>
    public static double BreakEvenPriceNoReturn(GpuServerCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return costs.PriceChangePerYear == 0
            ? (costs.CashCostPerHour + (costs.CapexPerAccelerator / (costs.LifeYears * HoursPerYear))) / costs.Utilisation
            : PathBreakEven(costs, 0);
    }

    /// <summary>The years of the life: whole years, and a part year last when the life is not whole.</summary>
    private static IEnumerable<(int Year, double Length)> Years(double life)
    {
        for (var k = 1; k - 1 < life; k++)
        {
            yield return (k, Math.Min(1, life - (k - 1)));
        }
    }

    /// <summary>Each year's net cash on the price path: (price × (1 + g)^(k−1) × utilisation − cash cost) × 8,760 × the year's length; with the time it falls at.</summary>
    private static List<(double Time, double Net)> Flows(GpuServerCosts costs, double price) =>
        [.. Years(costs.LifeYears).Select(y => ((y.Year - 1) + y.Length,
            ((price * Math.Pow(1 + costs.PriceChangePerYear, y.Year - 1) * costs.Utilisation) - costs.CashCostPerHour) * HoursPerYear * y.Length))];

    private static double Npv(double capex, List<(double Time, double Net)> flows, double rate) => -capex + flows.Sum(f => f.Net / Math.Pow(1 + rate, f.Time));

    private static double? Payback(double capex, List<(double Time, double Net)> flows)
    {
        var cumulative = 0.0;
        var start = 0.0;
        foreach (var (time, net) in flows)
        {
            if (net > 0 && cumulative + net >= capex)
            {
                return start + ((capex - cumulative) / net * (time - start));
            }

            cumulative += net;
            start = time;
        }

        return null;
    }

    private static double PathBreakEven(GpuServerCosts costs, double rate)
    {
        var perPrice = Years(costs.LifeYears).Sum(y => Math.Pow(1 + costs.PriceChangePerYear, y.Year - 1) * costs.Utilisation * HoursPerYear * y.Length / Math.Pow(1 + rate, (y.Year - 1) + y.Length));
        var cash = Years(costs.LifeYears).Sum(y => costs.CashCostPerHour * HoursPerYear * y.Length / Math.Pow(1 + rate, (y.Year - 1) + y.Length));
        return (costs.CapexPerAccelerator + cash) / perPrice;
    }

    private static double? PathIrr(GpuServerCosts costs, List<(double Time, double Net)> flows)
    {
        if (flows.Sum(f => f.Net) <= 0 || costs.CapexPerAccelerator <= 0)
        {
            return null;
        }

        // NPV falls as r rises when every flow after the capex is positive; with negative late flows the first root above −99.9 % is given.
        return RootFinder.Brent(r => Npv(costs.CapexPerAccelerator, flows, r), -0.999, 1000, 1e-12);
    }

    private static double? LevelIrr(GpuServerCosts costs, double net)
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
