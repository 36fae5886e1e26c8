using Suanli.Core.Numerics;

namespace Suanli.Core.Cloud;

/// <summary>An operator that buys accelerator servers and rents out accelerator-hours (issue 12), all money in one currency.</summary>
public sealed record CloudInputs
{
    /// <summary>Servers bought at the start.</summary>
    public required int Servers { get; init; }

    /// <summary>Accelerators per server.</summary>
    public required int AcceleratorsPerServer { get; init; }

    /// <summary>Price of one server (its accelerators included).</summary>
    public required double ServerPrice { get; init; }

    /// <summary>Network (fabric, switches, optics) capex per server.</summary>
    public required double NetworkCapexPerServer { get; init; }

    /// <summary>Months the servers earn; the model's horizon.</summary>
    public required int LifeMonths { get; init; }

    /// <summary>Resale value at the end, as a share of the server and network capex.</summary>
    public required double ResidualValueFraction { get; init; }

    /// <summary>IT kW one accelerator takes at full use: (TDP × power fraction + host W) ÷ 1,000.</summary>
    public required double KwPerAccelerator { get; init; }

    /// <summary>Share of the full draw an idle accelerator still draws.</summary>
    public required double IdleDrawFraction { get; init; }

    /// <summary>Facility rent per contracted kW-month (on the full kW of the fleet).</summary>
    public required double RentPerKwMonth { get; init; }

    /// <summary>Electricity price per kWh when billed apart from the rent (0 when the rent includes power).</summary>
    public required double ElectricityPricePerKwh { get; init; }

    /// <summary>The PUE power is billed at.</summary>
    public required double Pue { get; init; }

    /// <summary>Staff.</summary>
    public required double StaffFte { get; init; }

    /// <summary>Cost of one staff member a year.</summary>
    public required double StaffCostPerFteYear { get; init; }

    /// <summary>Maintenance and support per year as a share of the server capex.</summary>
    public required double MaintenancePerYear { get; init; }

    /// <summary>Price of an accelerator-hour in the first year.</summary>
    public required double PricePerHour { get; init; }

    /// <summary>The price's change each year after the first, relative.</summary>
    public required double PriceChangePerYear { get; init; }

    /// <summary>Utilisation (share of hours sold) in the first month.</summary>
    public required double InitialUtilisation { get; init; }

    /// <summary>Utilisation once ramped.</summary>
    public required double StabilisedUtilisation { get; init; }

    /// <summary>Months from the initial to the stabilised utilisation.</summary>
    public required int RampMonths { get; init; }

    /// <summary>Income tax rate on EBITDA − depreciation (losses carried forward without limit).</summary>
    public required double IncomeTaxRate { get; init; }

    /// <summary>The operator's required return (annual, effective).</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Accelerators in the fleet.</summary>
    public int Accelerators => Servers * AcceleratorsPerServer;

    /// <summary>Server and network capex.</summary>
    public double Capex => Servers * (ServerPrice + NetworkCapexPerServer);
}

/// <summary>The cost of one sold accelerator-hour at the stabilised utilisation, by part (level price, no tax).</summary>
/// <param name="Servers">Capital recovery of the servers net of their resale: (C − R v^n) × i ÷ (1 − v^n) a month.</param>
/// <param name="Network">The same for the network.</param>
/// <param name="Facility">Rent × kW.</param>
/// <param name="Power">kW drawn × PUE × electricity price.</param>
/// <param name="Staff">Staff.</param>
/// <param name="Maintenance">Maintenance.</param>
public sealed record CloudCostStack(double Servers, double Network, double Facility, double Power, double Staff, double Maintenance)
{
    /// <summary>The whole cost: the level price at which NPV is zero with no ramp, no price change and no tax.</summary>
    public double Total => Servers + Network + Facility + Power + Staff + Maintenance;
}

/// <summary>What the business returns.</summary>
/// <param name="Npv">NPV at the discount rate, capex at time 0 and monthly flows at each month's end.</param>
/// <param name="Irr">IRR of the flows.</param>
/// <param name="PaybackYears">When the cumulative flows turn positive (resale counted in the last month), or null.</param>
/// <param name="BreakEvenPricePerHour">The first-year price at which NPV is zero (on the same price path and ramp), or null.</param>
/// <param name="BreakEvenUtilisation">The stabilised utilisation at which NPV is zero at the given price, or null when even full use does not reach it.</param>
/// <param name="CostStack">The cost of a sold accelerator-hour at the stabilised utilisation.</param>
/// <param name="Years">Each year's flows.</param>
public sealed record CloudResult(double Npv, IrrResult Irr, double? PaybackYears, double? BreakEvenPricePerHour, double? BreakEvenUtilisation, CloudCostStack CostStack,
    IReadOnlyList<CloudYear> Years);

/// <summary>One year of the business.</summary>
/// <param name="Year">Year (1 = the first twelve months).</param>
/// <param name="Utilisation">Average share of hours sold.</param>
/// <param name="PricePerHour">The year's price.</param>
/// <param name="Revenue">Revenue.</param>
/// <param name="Facility">Rent.</param>
/// <param name="Power">Electricity.</param>
/// <param name="Staff">Staff.</param>
/// <param name="Maintenance">Maintenance.</param>
/// <param name="IncomeTax">Income tax.</param>
/// <param name="Capex">Capex (year 1) less resale (last year).</param>
/// <param name="CashFlow">Net cash flow.</param>
public sealed record CloudYear(int Year, double Utilisation, double PricePerHour, double Revenue, double Facility, double Power, double Staff, double Maintenance,
    double IncomeTax, double Capex, double CashFlow);

/// <summary>
/// A GPU-cloud business (issue 12), month by month: capex at time 0; each month revenue = price × utilisation × accelerators ×
/// 730 h, with the price stepping by its annual change each 12 months and utilisation ramping linearly; costs = rent on the fleet's
/// full kW, electricity on the kW drawn (idle share + (1 − idle share) × utilisation) × PUE, staff, maintenance; income tax each
/// 12 months on EBITDA − straight-line depreciation, losses carried forward; resale value in the last month.
/// </summary>
public static class CloudModel
{
    /// <summary>Hours in a model month.</summary>
    public const double HoursPerMonth = 8760.0 / 12;

    /// <summary>Evaluates the business.</summary>
    public static CloudResult Evaluate(CloudInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var flows = Flows(inputs, inputs.PricePerHour, inputs.StabilisedUtilisation, out var years);
        var npv = CashFlowMath.Npv(inputs.DiscountRate, flows, 12, 0);
        double NpvAtPrice(double p) => CashFlowMath.Npv(inputs.DiscountRate, Flows(inputs, p, inputs.StabilisedUtilisation, out _), 12, 0);
        double NpvAtUse(double u) => CashFlowMath.Npv(inputs.DiscountRate, Flows(inputs, inputs.PricePerHour, u, out _), 12, 0);
        var breakEvenPrice = RootFinder.BrentExpandingUp(NpvAtPrice, 0, Math.Max(1, inputs.PricePerHour), 1e-10);
        var breakEvenUse = NpvAtUse(1) < 0 ? (double?)null : NpvAtUse(1e-6) >= 0 ? 1e-6 : RootFinder.Brent(NpvAtUse, 1e-6, 1, 1e-12);
        // PaybackYears places flow k over period k to k + 1; here flow m (m ≥ 1) is month m, which ends at m: one month earlier.
        double? payback = CashFlowMath.PaybackYears(flows, 12) is { } p ? p - (1.0 / 12) : null;
        return new CloudResult(npv, CashFlowMath.Irr(flows, 12), payback, breakEvenPrice, breakEvenUse, CostStack(inputs), years);
    }

    /// <summary>The cost of a sold accelerator-hour at the stabilised utilisation (level, no tax, no ramp).</summary>
    public static CloudCostStack CostStack(CloudInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var i = Math.Pow(1 + inputs.DiscountRate, 1.0 / 12) - 1;
        var n = inputs.LifeMonths;
        var v = Math.Pow(1 + i, -n);
        double Recovery(double capex) => i == 0 ? capex * (1 - inputs.ResidualValueFraction) / n : (capex - (inputs.ResidualValueFraction * capex * v)) * i / (1 - v);
        var soldHoursPerMonth = inputs.Accelerators * HoursPerMonth * inputs.StabilisedUtilisation;
        var kw = inputs.KwPerAccelerator * inputs.Accelerators;
        var drawn = kw * (inputs.IdleDrawFraction + ((1 - inputs.IdleDrawFraction) * inputs.StabilisedUtilisation));
        return new CloudCostStack(
            Recovery(inputs.Servers * inputs.ServerPrice) / soldHoursPerMonth,
            Recovery(inputs.Servers * inputs.NetworkCapexPerServer) / soldHoursPerMonth,
            inputs.RentPerKwMonth * kw / soldHoursPerMonth,
            drawn * HoursPerMonth * inputs.Pue * inputs.ElectricityPricePerKwh / soldHoursPerMonth,
            inputs.StaffFte * inputs.StaffCostPerFteYear / 12 / soldHoursPerMonth,
            inputs.MaintenancePerYear * inputs.Servers * inputs.ServerPrice / 12 / soldHoursPerMonth);
    }

    /// <summary>The flows: index 0 is the capex at time 0, index m the end of month m.</summary>
    private static double[] Flows(CloudInputs x, double firstPrice, double stabilised, out List<CloudYear> years)
    {
        var n = x.LifeMonths;
        var flows = new double[n + 1];
        flows[0] = -x.Capex;
        years = [];
        var kw = x.KwPerAccelerator * x.Accelerators;
        var depreciation = x.Capex * (1 - x.ResidualValueFraction) / n;
        var initial = Math.Min(x.InitialUtilisation, stabilised);
        double carried = 0, taxable = 0;
        double yu = 0, yRevenue = 0, yFacility = 0, yPower = 0, yStaff = 0, yMaintenance = 0, yTax = 0, yCash = 0;
        for (var m = 1; m <= n; m++)
        {
            var year = (m - 1) / 12;
            var u = x.RampMonths == 0 || m > x.RampMonths ? stabilised : initial + ((stabilised - initial) * (m - 1) / x.RampMonths);
            var price = firstPrice * Math.Pow(1 + x.PriceChangePerYear, year);
            var revenue = price * u * x.Accelerators * HoursPerMonth;
            var facility = x.RentPerKwMonth * kw;
            var power = kw * (x.IdleDrawFraction + ((1 - x.IdleDrawFraction) * u)) * HoursPerMonth * x.Pue * x.ElectricityPricePerKwh;
            var staff = x.StaffFte * x.StaffCostPerFteYear / 12;
            var maintenance = x.MaintenancePerYear * x.Servers * x.ServerPrice / 12;
            var ebitda = revenue - facility - power - staff - maintenance;
            taxable += ebitda - depreciation;
            var tax = 0.0;
            if (m % 12 == 0 || m == n)
            {
                // Losses carried forward without limit: a year's profit first uses them up.
                var profit = taxable - carried;
                carried = profit < 0 ? -profit : 0;
                tax = Math.Max(0, profit) * x.IncomeTaxRate;
                taxable = 0;
            }

            var resale = m == n ? x.ResidualValueFraction * x.Capex : 0;
            flows[m] = ebitda - tax + resale;
            yu += u;
            yRevenue += revenue;
            yFacility += facility;
            yPower += power;
            yStaff += staff;
            yMaintenance += maintenance;
            yTax += tax;
            yCash += flows[m];
            if (m % 12 == 0 || m == n)
            {
                var monthsInYear = m - (year * 12);
                var capex = (year == 0 ? x.Capex : 0) - resale;
                years.Add(new CloudYear(year + 1, yu / monthsInYear, price, yRevenue, yFacility, yPower, yStaff, yMaintenance, yTax, capex,
                    yCash + (year == 0 ? flows[0] : 0)));
                yu = yRevenue = yFacility = yPower = yStaff = yMaintenance = yTax = yCash = 0;
            }
        }

        return flows;
    }
}
