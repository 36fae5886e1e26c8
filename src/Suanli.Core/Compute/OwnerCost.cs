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
/// <param name="PowerPerHour">kW × <paramref name="Pue"/> × electricity price when power is billed separately, else 0 (in the rent).</param>
/// <param name="ServerPerHour">
/// Server capex per accelerator × the capital-recovery factor r / (1 − (1 + r)^−life) ÷ 8,760 h: the level annual charge
/// that repays the capex with a return r, the site's discount rate (1 / life when r = 0).
/// </param>
/// <param name="ServerPerHourStraightLine">Server capex per accelerator ÷ (life × 8,760 h): straight line, no cost of capital.</param>
/// <param name="DiscountRate">The rate r used for the annuity.</param>
/// <param name="ServerLifeYears">Years over which the server is recovered.</param>
/// <param name="Pue">The PUE power is priced at: the run's, the same that its energy is counted at.</param>
public sealed record OwnerCostBreakdown(Currency Currency, double RentPerKwMonth, double KwPerAccelerator, double FacilityPerHour, double PowerPerHour, double ServerPerHour,
    double ServerPerHourStraightLine, double DiscountRate, double ServerLifeYears, double Pue)
{
    /// <summary>Total per accelerator-hour, servers at the capital-recovery annuity.</summary>
    public double Total => FacilityPerHour + PowerPerHour + ServerPerHour;

    /// <summary>Total per accelerator-hour with servers straight-line (no cost of capital), for comparison.</summary>
    public double TotalStraightLine => FacilityPerHour + PowerPerHour + ServerPerHourStraightLine;
}

/// <summary>MODEL.md §3: an owner's cost per accelerator-hour derived from a §1 economics scenario.</summary>
public static class OwnerCost
{
    /// <summary>
    /// The owner's cost of one hour of <paramref name="accelerator"/> housed at <paramref name="site"/>, its power priced at
    /// <paramref name="pue"/> — the run's PUE, so that the cost and the energy beside it rest on one PUE (the site's design
    /// PUE priced it until the review of issue 8, while the energy used the run's).
    /// </summary>
    public static OwnerCostBreakdown PerAcceleratorHour(SiteEconomics site, Accelerator accelerator, RentBasis basis, double serverCapexPerAccelerator,
        double serverLifeYears, double powerFraction, double hostWatts, double pue)
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
        var kw = ((accelerator.TdpWatts * powerFraction) + hostWatts) / 1000;
        var power = site.PowerPricing == PowerPricing.PassThrough ? kw * pue * site.ElectricityPricePerKwh : 0;
        var r = site.DiscountRate;
        return new OwnerCostBreakdown(site.Currency, rent, kw, rent * kw / (8760.0 / 12), power,
            serverCapexPerAccelerator * CapitalRecoveryFactor(r, serverLifeYears) / 8760, serverCapexPerAccelerator / (serverLifeYears * 8760), r, serverLifeYears, pue);
    }

    private static double LogOnePlus(double x) => Math.Abs(x) < 1e-4 ? x - (x * x / 2) + (x * x * x / 3) : Math.Log(1 + x);

    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + (x * x / 2) + (x * x * x / 6) : Math.Exp(x) - 1;

    /// <summary>
    /// The capital-recovery factor r / (1 − (1 + r)^−n): the level end-of-year payment per unit of capital that repays it
    /// with return r over n years (fractional n allowed); 1 / n when r is 0.
    /// </summary>
    public static double CapitalRecoveryFactor(double rate, double years)
    {
        if (years <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "A recovery period must be positive.");
        }

        // 1 − (1 + r)^−n as −expm1(−n·ln(1 + r)) keeps full precision when r is small.
        return rate == 0 ? 1 / years : rate / -ExpM1(-years * LogOnePlus(rate));
    }
}
