using Suanli.Core.Economics;

namespace Suanli.Core.Compute;

/// <summary>Which rent per kW-month the owner's cost of an accelerator-hour uses.</summary>
public enum RentBasis
{
    /// <summary>The site's market rent (what a colocation tenant pays).</summary>
    MarketRent,

    /// <summary>The site's accounting break-even rent (depreciation + opex, no cost of capital).</summary>
    AccountingBreakEven,

    /// <summary>The site's economic break-even rent (NPV = 0 at its discount rate).</summary>
    EconomicBreakEven,
}

/// <summary>The owner's cost of one accelerator-hour, by part, in the site's currency.</summary>
/// <param name="Currency">Currency.</param>
/// <param name="RentPerKwMonth">The rent used.</param>
/// <param name="KwPerAccelerator">IT kW one accelerator occupies: (TDP × power fraction + host) / 1,000.</param>
/// <param name="FacilityPerHour">Rent × kW ÷ 730 h.</param>
/// <param name="PowerPerHour">kW × site design PUE × electricity price when power is billed separately, else 0 (in the rent).</param>
/// <param name="ServerPerHour">Server capex per accelerator ÷ (life × 8,760 h), straight line, no cost of capital.</param>
public sealed record OwnerCostBreakdown(Currency Currency, double RentPerKwMonth, double KwPerAccelerator, double FacilityPerHour, double PowerPerHour, double ServerPerHour)
{
    /// <summary>Total per accelerator-hour.</summary>
    public double Total => FacilityPerHour + PowerPerHour + ServerPerHour;
}

/// <summary>MODEL.md §3: an owner's cost per accelerator-hour derived from a §1 economics scenario.</summary>
public static class OwnerCost
{
    /// <summary>The owner's cost of one hour of <paramref name="accelerator"/> housed at <paramref name="site"/>.</summary>
    public static OwnerCostBreakdown PerAcceleratorHour(SiteEconomics site, Accelerator accelerator, RentBasis basis, double serverCapexPerAccelerator,
        double serverLifeYears, double powerFraction, double hostWatts)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(accelerator);
        var rent = basis switch
        {
            RentBasis.AccountingBreakEven => CostStack.Of(SteadyStateYear.For(site, 1, site.RentPerKwMonth)).Total,
            RentBasis.EconomicBreakEven => EconomicsEngine.EconomicBreakEvenRent(site)
                ?? throw new InvalidOperationException("The site has no economic break-even rent."),
            _ => site.RentPerKwMonth,
        };
        var kw = (accelerator.TdpWatts * powerFraction + hostWatts) / 1000;
        var power = site.PowerPricing == PowerPricing.PassThrough ? kw * site.DesignPue * site.ElectricityPricePerKwh : 0;
        return new OwnerCostBreakdown(site.Currency, rent, kw, rent * kw / (8760.0 / 12), power, serverCapexPerAccelerator / (serverLifeYears * 8760));
    }
}
