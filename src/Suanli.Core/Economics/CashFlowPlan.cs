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
        InitialSpend = new double[Months];
        assetBase = new double[Months];
        mepAssetBase = new double[Months];
        var years = site.HorizonYears;
        rentFactor = new double[years];
        priceFactor = new double[years];
        generalIndex = new double[years];
        capexIndex = new double[years];
        rentFactor[0] = priceFactor[0] = generalIndex[0] = capexIndex[0] = 1;
        for (var y = 1; y < years; y++)
        {
            rentFactor[y] = rentFactor[y - 1] * (1 + site.RentEscalator);
            priceFactor[y] = priceFactor[y - 1] * (1 + site.ElectricityPriceEscalation);
            generalIndex[y] = generalIndex[y - 1] * (1 + site.OpexInflation);
            capexIndex[y] = capexIndex[y - 1] * (1 + site.CapexEscalation);
        }
    }

    // Every price steps once a year on one calendar: operating year y = ⌊(m − C) / 12⌋ from the first opening, the date
    // every price input is quoted at (months of construction count as year 0).
    private readonly double[] rentFactor;
    private readonly double[] priceFactor;
    private readonly double[] generalIndex;
    private readonly double[] capexIndex;

    // Cost of the assets in service in month m (weighted by the share of the month they stand), each deflated by the
    // general index of the year it entered service: maintenance and insurance of month m are rate × base × index(m), so
    // an asset is escalated by construction cost up to its purchase and by general inflation after it, never by both.
    private readonly double[] assetBase;
    private readonly double[] mepAssetBase;

    private double bookValue;
    private double weightedLifeCost;
    private double depreciableCost;
    private double lastYearRentUnits;
    private double lastYearNonRentEbitda;

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

    /// <summary>The part of <see cref="Capex"/> that is initial construction (not rebuilds): what a construction loan draws on.</summary>
    public double[] InitialSpend { get; }

    /// <summary>Useful life of the depreciable initial capex, weighted by cost (years): what capitalised interest is depreciated over.</summary>
    public double WeightedLifeYears { get; private set; }

    /// <summary>Initial construction capex of every phase at the price of its opening year (without rebuilds).</summary>
    public double InitialCapex { get; private set; }

    /// <summary>Net book value at the end of the horizon: freehold land at cost, undepreciated assets and unamortised land-use rights.</summary>
    public double BookValue => bookValue;

    /// <summary>
    /// Capex per year that keeps the asset base standing for ever: Σ cost × capex index of the last year ÷ useful life over every
    /// depreciable item (a land-use right included: its renewal). The sustaining capex of a going concern after the horizon.
    /// </summary>
    public double SustainingCapexPerYear { get; private set; }

    /// <summary>Operating year of month m (0 during construction).</summary>
    private int OperatingYear(int m) => m < Site.ConstructionMonths ? 0 : (m - Site.ConstructionMonths) / 12;

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
        if (Site.LandTenure == LandTenure.Freehold && Site.Capex.Any(i => i.Component == CapexComponent.Land && i.UsefulLifeYears > 0))
        {
            throw new ArgumentException("Freehold land is not depreciated: its useful life must be 0 (a land-use right is amortised).", nameof(Site));
        }

        foreach (var phase in Site.Phases)
        {
            var opens = c + phase.StartMonth;
            // A later phase is built at the construction price of the year it opens, like every other price.
            var phaseIndex = capexIndex[Math.Min(OperatingYear(opens), capexIndex.Length - 1)];
            foreach (var item in Site.Capex)
            {
                var baseCost = item.CostPerMw * phase.ItMw;
                if (baseCost == 0)
                {
                    continue;
                }

                var cost = baseCost * phaseIndex;
                InitialCapex += cost;
                for (var m = phase.StartMonth; m < opens && m < Months; m++)
                {
                    Capex[m] += cost / c;
                    InitialSpend[m] += cost / c;
                }

                if (item.UsefulLifeYears > 0)
                {
                    weightedLifeCost += cost * item.UsefulLifeYears;
                    depreciableCost += cost;
                    WeightedLifeYears = weightedLifeCost / depreciableCost;
                }

                if (opens >= Months)
                {
                    continue;
                }

                var mep = item.Component is CapexComponent.Electrical or CapexComponent.Mechanical;
                if (item.UsefulLifeYears <= 0)
                {
                    InService(opens, Months, cost / generalIndex[OperatingYear(opens)], mep);
                    bookValue += cost;
                    continue;
                }

                if (item.UsefulLifeYears < 1.0 / 12)
                {
                    throw new ArgumentOutOfRangeException(nameof(Site), item.UsefulLifeYears, "A useful life must be 0 (not depreciated) or at least one month.");
                }

                // Lives are exact, not rounded to whole months: an asset stands from t to t + 12 × life (months, real-valued)
                // and each month carries the share of it that the asset stands.
                var lifeMonths = 12 * item.UsefulLifeYears;
                SustainingCapexPerYear += baseCost * capexIndex[^1] / item.UsefulLifeYears;
                double start = opens, vintageCost = cost;
                while (true)
                {
                    var end = start + lifeMonths;
                    var stands = Math.Min(end, Months);
                    Spread(Depreciation, start, stands, vintageCost / lifeMonths);
                    InService(start, stands, vintageCost / generalIndex[OperatingYear((int)start)], mep);
                    if (end >= Months)
                    {
                        bookValue += vintageCost * (1 - (Months - start) / lifeMonths);
                        break;
                    }

                    // Land is never rebuilt (a land-use right must outlast the horizon; the scenario loader checks it).
                    if (!Site.ReplaceAtEndOfLife || item.Component == CapexComponent.Land)
                    {
                        break;
                    }

                    // Rebuilt in the month it retires, at the construction price of that year.
                    var rebuilt = (int)end;
                    vintageCost = baseCost * capexIndex[OperatingYear(rebuilt)];
                    Capex[rebuilt] += vintageCost;
                    start = end;
                }
            }
        }
    }

    /// <summary>Adds perMonth × (the share of month m inside [from, to)) to each month m.</summary>
    private static void Spread(double[] target, double from, double to, double perMonth)
    {
        for (var m = (int)from; m < to && m < target.Length; m++)
        {
            var share = Math.Min(to, m + 1) - Math.Max(from, m);
            target[m] += perMonth * share;
        }
    }

    private void InService(double from, double to, double deflatedCost, bool mep)
    {
        Spread(assetBase, from, to, deflatedCost);
        if (mep)
        {
            Spread(mepAssetBase, from, to, deflatedCost);
        }
    }

    private void PlaceOperations()
    {
        var s = Site;
        var c = s.ConstructionMonths;
        var f = s.PueFixedPart;
        var k = s.PueProportionalPart;
        var stabilised = s.StabilisedOccupancy;
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
            var inflation = generalIndex[operatingYear];

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
            MaintenanceCost[m] = s.MaintenanceRateOfMepCapex * mepAssetBase[m] / 12 * inflation;
            InsuranceAndPropertyTax[m] = s.InsuranceAndPropertyTaxRateOfCapex * assetBase[m] / 12 * inflation;
            OtherOpex[m] = s.OtherFixedOpexPerMwYear * commissionedMw / 12 * inflation;
            NonRentEbitda[m] = PowerRevenue[m] - ElectricityCost[m] - StaffCost[m] - MaintenanceCost[m]
                - InsuranceAndPropertyTax[m] - OtherOpex[m];
        }

        for (var m = Months - 12; m < Months; m++)
        {
            lastYearRentUnits += RentUnits[m];
            lastYearNonRentEbitda += NonRentEbitda[m];
        }
    }

    /// <summary>EBITDA of the last 12 months of the horizon at a base rent.</summary>
    public double LastYearEbitda(double rentPerKwMonth) => rentPerKwMonth * lastYearRentUnits + lastYearNonRentEbitda;

    /// <summary>
    /// What the site is worth at the end of the horizon, received in the last month, at a base rent:
    /// none; the book value; exit multiple × last-year EBITDA; or the growing perpetuity FCF₁ ÷ (r − g) with
    /// FCF₁ = (1 + g) × (E − t × max(0, E − S) − S), E the last year's EBITDA, S <see cref="SustainingCapexPerYear"/>,
    /// t the tax rate. A going concern worth less than nothing is abandoned: its value is floored at zero.
    /// </summary>
    public double TerminalValueAt(double rentPerKwMonth)
    {
        var s = Site;
        switch (s.TerminalValue)
        {
            case TerminalValueMethod.BookValue:
                return bookValue;
            case TerminalValueMethod.ExitMultiple:
                return Math.Max(0, (s.TerminalEbitdaMultiple ?? throw new InvalidOperationException("exitMultiple needs TerminalEbitdaMultiple."))
                    * LastYearEbitda(rentPerKwMonth));
            case TerminalValueMethod.GrowingPerpetuity:
                var g = s.TerminalGrowthRate ?? throw new InvalidOperationException("growingPerpetuity needs TerminalGrowthRate.");
                if (g >= s.DiscountRate)
                {
                    throw new InvalidOperationException("A growing perpetuity needs growth below the discount rate.");
                }

                var ebitda = LastYearEbitda(rentPerKwMonth);
                var sustaining = SustainingCapexPerYear;
                var nextYear = (1 + g) * (ebitda - s.IncomeTaxRate * Math.Max(0, ebitda - sustaining) - sustaining);
                return Math.Max(0, nextYear / (s.DiscountRate - g));
            default:
                return 0;
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
        var terminal = TerminalValueAt(rentPerKwMonth);
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
                flow += terminal;
            }

            npv += flow * factor;
            factor *= perMonth;
        }

        return npv;
    }

    /// <summary>
    /// Monthly free cash flows and income tax (paid in each tax year's last month) for a base rent; the terminal value
    /// is added to the last month unless <paramref name="withTerminalValue"/> is false (the operating and capital flows
    /// alone, as payback counts them, without a subtraction that would round them differently).
    /// </summary>
    public void Run(double rentPerKwMonth, Span<double> freeCashFlow, Span<double> incomeTax, bool withTerminalValue = true) =>
        Run(rentPerKwMonth, freeCashFlow, incomeTax, withTerminalValue, []);

    /// <summary>As <see cref="Run(double, Span{double}, Span{double}, bool)"/>, with more deductions from taxable profit each month (interest, fees).</summary>
    public void Run(double rentPerKwMonth, Span<double> freeCashFlow, Span<double> incomeTax, bool withTerminalValue, ReadOnlySpan<double> deductions)
    {
        Span<double> losses = stackalloc double[TaxYears];
        var taxableSoFar = 0.0;
        var terminal = withTerminalValue ? TerminalValueAt(rentPerKwMonth) : 0;
        for (var m = 0; m < Months; m++)
        {
            var ebitda = rentPerKwMonth * RentUnits[m] + NonRentEbitda[m];
            taxableSoFar += ebitda - Depreciation[m] - (deductions.IsEmpty ? 0 : deductions[m]);
            var flow = ebitda - Capex[m];
            var tax = 0.0;
            if (m % 12 == 11 || m == Months - 1)
            {
                tax = IncomeTax(m / 12, taxableSoFar, losses);
                taxableSoFar = 0;
            }

            incomeTax[m] = tax;
            freeCashFlow[m] = flow - tax + (m == Months - 1 ? terminal : 0);
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
