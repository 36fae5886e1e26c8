namespace Suanli.Core.Economics;

/// <summary>
/// The rent-independent part of a site's monthly cash flows, computed once per input: capacity, occupancy,
/// energy, opex, depreciation, capex. Rent enters linearly (revenue = rent × <see cref="RentUnits"/>), so
/// NPV at any rent is one allocation-free pass (<see cref="Npv(double, double)"/>); root finders call it many times.
/// </summary>
internal sealed class CashFlowPlan
{
    /// <summary>Hours in a model month: a year of 8,760 hours in twelve equal months.</summary>
    public const double HoursPerMonth = 8760.0 / 12;

    private CashFlowPlan(SiteEconomics site)
    {
        Site = site;
        Months = site.TotalMonths;
        CommissionedKw = new double[Months];
        LeasedKw = new double[Months];
        RentUnits = new double[Months];
        ItEnergyKwh = new double[Months];
        FacilityEnergyKwh = new double[Months];
        ElectricityCost = new double[Months];
        PowerRevenue = new double[Months];
        StaffCost = new double[Months];
        MaintenanceCost = new double[Months];
        InsuranceAndPropertyTax = new double[Months];
        OtherOpex = new double[Months];
        NonRentEbitda = new double[Months];
        Depreciation = new double[Months];
        Capex = new double[Months];
    }

    public SiteEconomics Site { get; }

    public int Months { get; }

    public int TaxYears => (Months + 11) / 12;

    public double[] CommissionedKw { get; }

    public double[] LeasedKw { get; }

    /// <summary>Leased kW × rent escalation factor: rent revenue of month m is base rent × RentUnits[m].</summary>
    public double[] RentUnits { get; }

    public double[] ItEnergyKwh { get; }

    public double[] FacilityEnergyKwh { get; }

    public double[] ElectricityCost { get; }

    public double[] PowerRevenue { get; }

    public double[] StaffCost { get; }

    public double[] MaintenanceCost { get; }

    public double[] InsuranceAndPropertyTax { get; }

    public double[] OtherOpex { get; }

    /// <summary>Power resale minus all opex: EBITDA of month m is base rent × RentUnits[m] + NonRentEbitda[m].</summary>
    public double[] NonRentEbitda { get; }

    public double[] Depreciation { get; }

    public double[] Capex { get; }

    /// <summary>Received at the end of the last month (see <see cref="TerminalValueMethod"/>).</summary>
    public double TerminalValue { get; private set; }

    /// <summary>Initial construction capex (without replacements).</summary>
    public double InitialCapex { get; private set; }

    public static CashFlowPlan Build(SiteEconomics site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var plan = new CashFlowPlan(site);
        plan.PlaceCapexAndDepreciation();
        plan.PlaceOperations();
        return plan;
    }

    private void PlaceCapexAndDepreciation()
    {
        var c = Site.ConstructionMonths;
        var bookValue = 0.0;
        foreach (var phase in Site.Phases)
        {
            var inService = c + phase.StartMonth;
            foreach (var item in Site.Capex)
            {
                var cost = item.CostPerMw * phase.ItMw;
                if (cost == 0)
                {
                    continue;
                }

                InitialCapex += cost;
                for (var m = phase.StartMonth; m < inService && m < Months; m++)
                {
                    Capex[m] += cost / c;
                }

                if (item.UsefulLifeYears <= 0)
                {
                    bookValue += inService < Months ? cost : 0;
                    continue;
                }

                var lifeMonths = Math.Max(1, (int)Math.Round(12 * item.UsefulLifeYears));
                var start = inService;
                var assetCost = cost;
                while (start < Months)
                {
                    var monthly = assetCost / lifeMonths;
                    var end = Math.Min(start + lifeMonths, Months);
                    for (var m = start; m < end; m++)
                    {
                        Depreciation[m] += monthly;
                    }

                    if (end - start < lifeMonths)
                    {
                        bookValue += assetCost * (1 - (double)(end - start) / lifeMonths);
                        break;
                    }

                    if (!Site.ReplaceAtEndOfLife || end >= Months)
                    {
                        break;
                    }

                    // The retiring asset is rebuilt in the month it retires, at escalated cost.
                    assetCost = cost * Math.Pow(1 + Site.CapexEscalation, (end - inService) / 12.0);
                    Capex[end] += assetCost;
                    start = end;
                }
            }
        }

        TerminalValue = Site.TerminalValue == TerminalValueMethod.BookValue ? bookValue : 0;
    }

    private void PlaceOperations()
    {
        var s = Site;
        var c = s.ConstructionMonths;
        var f = s.PueFixedPart;
        var k = s.PueProportionalPart;
        var stabilised = s.StabilisedOccupancy;
        var mepCapexPerMw = s.MepCapexPerMw;
        var capexPerMw = s.CapexPerMw;

        // Escalation steps once a year: one power per operating year, not per month.
        var years = s.HorizonYears;
        Span<double> rentFactor = stackalloc double[years];
        Span<double> priceFactor = stackalloc double[years];
        Span<double> inflationFactor = stackalloc double[years];
        rentFactor[0] = priceFactor[0] = inflationFactor[0] = 1;
        for (var y = 1; y < years; y++)
        {
            rentFactor[y] = rentFactor[y - 1] * (1 + s.RentEscalator);
            priceFactor[y] = priceFactor[y - 1] * (1 + s.ElectricityPriceEscalation);
            inflationFactor[y] = inflationFactor[y - 1] * (1 + s.OpexInflation);
        }

        for (var m = c; m < Months; m++)
        {
            var operatingYear = (m - c) / 12;
            double commissionedKw = 0, leasedKw = 0;
            foreach (var phase in s.Phases)
            {
                var age = m - (c + phase.StartMonth);
                if (age < 0)
                {
                    continue;
                }

                var occupancy = s.OccupancyRampMonths == 0 || age >= s.OccupancyRampMonths
                    ? stabilised
                    : s.InitialOccupancy + (stabilised - s.InitialOccupancy) * age / s.OccupancyRampMonths;
                commissionedKw += 1000 * phase.ItMw;
                leasedKw += 1000 * phase.ItMw * occupancy;
            }

            var commissionedMw = commissionedKw / 1000;
            var itKw = leasedKw * s.LoadFactor;
            var facilityKw = commissionedKw > 0 ? itKw * (1 + k) + f * commissionedKw : 0;
            var price = s.ElectricityPricePerKwh * priceFactor[operatingYear];
            var inflation = inflationFactor[operatingYear];

            CommissionedKw[m] = commissionedKw;
            LeasedKw[m] = leasedKw;
            RentUnits[m] = leasedKw * rentFactor[operatingYear];
            ItEnergyKwh[m] = itKw * HoursPerMonth;
            FacilityEnergyKwh[m] = facilityKw * HoursPerMonth;
            ElectricityCost[m] = FacilityEnergyKwh[m] * price;
            if (s.PowerPricing == PowerPricing.PassThrough && itKw > 0)
            {
                var billedPue = s.PassThroughPue ?? facilityKw / itKw;
                PowerRevenue[m] = ItEnergyKwh[m] * billedPue * price * (1 + s.PowerMarkup);
            }

            StaffCost[m] = s.StaffFte * s.StaffCostPerFteYear / 12 * inflation;
            MaintenanceCost[m] = s.MaintenanceRateOfMepCapex * mepCapexPerMw * commissionedMw / 12 * inflation;
            InsuranceAndPropertyTax[m] = s.InsuranceAndPropertyTaxRateOfCapex * capexPerMw * commissionedMw / 12 * inflation;
            OtherOpex[m] = s.OtherFixedOpexPerMwYear * commissionedMw / 12 * inflation;
            NonRentEbitda[m] = PowerRevenue[m] - ElectricityCost[m] - StaffCost[m] - MaintenanceCost[m]
                - InsuranceAndPropertyTax[m] - OtherOpex[m];
        }
    }

    /// <summary>NPV at the site's discount rate for a base rent, in one pass without allocation.</summary>
    public double Npv(double rentPerKwMonth) => Npv(rentPerKwMonth, Site.DiscountRate);

    /// <summary>NPV at an annual discount rate for a base rent; flows of month m fall at its end, (m + 1) / 12 years.</summary>
    public double Npv(double rentPerKwMonth, double annualRate)
    {
        Span<double> losses = stackalloc double[TaxYears];
        var perMonth = Math.Pow(1 + annualRate, -1.0 / 12);
        var factor = perMonth;
        var npv = 0.0;
        var taxableSoFar = 0.0;
        for (var m = 0; m < Months; m++)
        {
            var ebitda = rentPerKwMonth * RentUnits[m] + NonRentEbitda[m];
            taxableSoFar += ebitda - Depreciation[m];
            var flow = ebitda - Capex[m];
            if (m % 12 == 11 || m == Months - 1)
            {
                flow -= IncomeTax(m / 12, taxableSoFar, losses);
                taxableSoFar = 0;
            }

            if (m == Months - 1)
            {
                flow += TerminalValue;
            }

            npv += flow * factor;
            factor *= perMonth;
        }

        return npv;
    }

    /// <summary>Monthly free cash flows and income tax (paid in each tax year's last month) for a base rent.</summary>
    public void Run(double rentPerKwMonth, Span<double> freeCashFlow, Span<double> incomeTax)
    {
        Span<double> losses = stackalloc double[TaxYears];
        var taxableSoFar = 0.0;
        for (var m = 0; m < Months; m++)
        {
            var ebitda = rentPerKwMonth * RentUnits[m] + NonRentEbitda[m];
            taxableSoFar += ebitda - Depreciation[m];
            var flow = ebitda - Capex[m];
            var tax = 0.0;
            if (m % 12 == 11 || m == Months - 1)
            {
                tax = IncomeTax(m / 12, taxableSoFar, losses);
                taxableSoFar = 0;
            }

            incomeTax[m] = tax;
            freeCashFlow[m] = flow - tax + (m == Months - 1 ? TerminalValue : 0);
        }
    }

    /// <summary>
    /// Tax of one tax year on its profit before tax, after losses carried forward (oldest first, within their
    /// expiry, up to the offset cap). A loss is stored for later years; no tax credit is paid out.
    /// </summary>
    private double IncomeTax(int year, double profitBeforeTax, Span<double> losses)
    {
        if (profitBeforeTax <= 0)
        {
            losses[year] = -profitBeforeTax;
            return 0;
        }

        var expiry = Site.LossCarryForwardYears;
        var usable = profitBeforeTax * Site.LossOffsetCap;
        var taxable = profitBeforeTax;
        for (var y = 0; y < year && usable > 0; y++)
        {
            if (losses[y] <= 0 || (expiry is { } n && year - y > n))
            {
                continue;
            }

            var used = Math.Min(losses[y], usable);
            losses[y] -= used;
            usable -= used;
            taxable -= used;
        }

        return taxable * Site.IncomeTaxRate;
    }
}
