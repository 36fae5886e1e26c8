using Suanli.Core.Numerics;

namespace Suanli.Core.Economics;

/// <summary>The data-center cash-flow model of MODEL.md §1: monthly flows, NPV, IRR, payback and break-evens.</summary>
public static class EconomicsEngine
{
    /// <summary>Runs the whole model for one site.</summary>
    public static EconomicsResult Analyze(SiteEconomics site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Analyze(CashFlowPlan.Build(site));
    }

    /// <summary>Runs the whole model on flows already laid out.</summary>
    internal static EconomicsResult Analyze(CashFlowPlan plan)
    {
        var site = plan.Site;
        var months = plan.Months;
        var operatingAndCapital = new double[months];
        var tax = new double[months];
        // Payback counts the project's operating and capital flows only: a terminal value is not cash received
        // in the horizon's last month for the purpose of getting the money back; it enters NPV and IRR.
        plan.Run(site.RentPerKwMonth, operatingAndCapital, tax, withTerminalValue: false);
        var terminal = plan.TerminalValueAt(site.RentPerKwMonth);
        var fcf = (double[])operatingAndCapital.Clone();
        fcf[^1] += terminal;

        var fullyLeased = SteadyStateYear.For(site, 1.0, site.RentPerKwMonth);
        var stabilised = SteadyStateYear.For(site, site.StabilisedOccupancy, site.RentPerKwMonth);
        var stack = CostStack.Of(fullyLeased);
        var (breakEvenRent, breakEvenReason) = EconomicBreakEvenRentWithReason(plan, stack.Total);
        var (breakEvenOccupancy, occupancyReason) = EconomicBreakEvenOccupancyWithReason(site);
        return new EconomicsResult
        {
            Currency = site.Currency,
            Site = site,
            Npv = plan.Npv(site.RentPerKwMonth),
            Irr = CashFlowMath.Irr(fcf, 12),
            PaybackYears = CashFlowMath.PaybackYears(operatingAndCapital, 12),
            DiscountedPaybackYears = CashFlowMath.PaybackYears(operatingAndCapital, 12, site.DiscountRate),
            InitialCapex = plan.InitialCapex,
            TerminalValue = terminal,
            AccountingBreakEvenRentPerKwMonth = stack.Total,
            CostStackPerKwMonth = stack,
            DepreciationByComponentPerKwMonth = fullyLeased.DepreciationByComponent
                .ToDictionary(kv => kv.Key, kv => fullyLeased.PerKwMonth(kv.Value)),
            EconomicBreakEvenRentPerKwMonth = breakEvenRent,
            EconomicBreakEvenReason = breakEvenReason,
            BreakEvenOccupancy = BreakEvenOccupancy(site),
            EconomicBreakEvenOccupancy = breakEvenOccupancy,
            EconomicBreakEvenOccupancyReason = occupancyReason,
            StabilisedYear = stabilised,
            FullyLeasedYear = fullyLeased,
            Years = Yearly(plan, fcf, tax),
            Findings = Findings(site, stabilised, fullyLeased),
            Financing = site.Financing is { } terms ? Financed(plan, terms, tax, terminal) : null,
        };
    }

    private static IEnumerable<double> Cumulative(double[] flows)
    {
        var sum = 0.0;
        foreach (var f in flows)
        {
            sum += f;
            yield return sum;
        }
    }

    /// <summary>
    /// The site with its debt (issue 12): the loan draws the debt share of each month's initial capex; income tax is recomputed
    /// with interest paid, fees and the depreciation of capitalised interest (over the cost-weighted life of the depreciable
    /// capex, from the first opening) deducted; equity flows = free cash flow with that tax + drawdowns − interest − principal −
    /// fees, and in the last month + the terminal value − the balance still owed.
    /// </summary>
    private static FinancingResult Financed(CashFlowPlan plan, FinancingTerms terms, double[] unleveredTax, double terminal)
    {
        var site = plan.Site;
        var months = plan.Months;
        var draws = new double[months];
        for (var m = 0; m < months; m++)
        {
            draws[m] = terms.DebtShare * plan.InitialSpend[m];
        }

        var first = site.ConstructionMonths;
        var loan = LoanSchedule.Build(draws, first, terms);
        var idc = loan.Sum(l => l.InterestCapitalised);
        var deductions = new double[months];
        var lifeMonths = Math.Max(1, plan.WeightedLifeYears * 12);
        for (var m = 0; m < months; m++)
        {
            deductions[m] = loan[m].InterestPaid + loan[m].Fee + (m >= first && m < first + lifeMonths ? idc / lifeMonths : 0);
        }

        var leveredFcf = new double[months];
        var leveredTax = new double[months];
        plan.Run(site.RentPerKwMonth, leveredFcf, leveredTax, false, deductions);
        var equity = new double[months];
        for (var m = 0; m < months; m++)
        {
            equity[m] = leveredFcf[m] + loan[m].Drawdown - loan[m].InterestPaid - loan[m].Principal - loan[m].Fee;
        }

        var balloon = loan[^1].ClosingBalance;
        equity[^1] += terminal - balloon;
        var costOfEquity = terms.CostOfEquity ?? site.DiscountRate;
        // A year's debt service is counted for cover only when it is material (a rounding remnant of the last payment is not).
        var debt = draws.Sum();
        var years = new List<FinancedYear>();
        for (var y = 0; y * 12 < months; y++)
        {
            double draw = 0, cap = 0, paid = 0, principal = 0, fees = 0, cfads = 0, tax = 0, eq = 0;
            for (var m = y * 12; m < Math.Min(months, (y + 1) * 12); m++)
            {
                draw += loan[m].Drawdown;
                cap += loan[m].InterestCapitalised;
                paid += loan[m].InterestPaid;
                principal += loan[m].Principal;
                fees += loan[m].Fee;
                tax += leveredTax[m];
                eq += equity[m];
                var ebitda = (site.RentPerKwMonth * plan.RentUnits[m]) + plan.NonRentEbitda[m];
                cfads += ebitda - leveredTax[m] - (plan.Capex[m] - plan.InitialSpend[m]);
            }

            var service = paid + principal;
            years.Add(new FinancedYear(y + 1, draw, cap, paid, principal, fees, loan[Math.Min(months, (y + 1) * 12) - 1].ClosingBalance, cfads, service,
                service > 1e-6 * Math.Max(1, debt) ? cfads / service : null, tax, eq));
        }

        var covered = years.Where(y => y.Dscr is not null).ToList();
        var lowest = covered.OrderBy(y => y.Dscr).ThenBy(y => y.Year).FirstOrDefault();
        return new FinancingResult
        {
            Terms = terms,
            DebtAmount = draws.Sum(),
            InterestDuringConstruction = idc,
            EquityInvested = plan.InitialSpend.Sum() - draws.Sum() + loan.Sum(l => l.Fee),
            EquityIrr = CashFlowMath.Irr(equity, 12),
            EquityNpv = CashFlowMath.Npv(costOfEquity, equity, 12),
            CostOfEquity = costOfEquity,
            MinDscr = lowest?.Dscr,
            MinDscrYear = lowest?.Year,
            CovenantBreachYear = covered.FirstOrDefault(y => y.Dscr < terms.DscrCovenant)?.Year,
            BalloonAtHorizon = balloon,
            SponsorSupportAfterOpening = -equity.Skip(first).Where(e => e < 0).Sum(),
            PeakEquityFunding = -Cumulative(equity).Min(),
            TerminalValue = terminal,
            TaxShield = unleveredTax.Sum() - leveredTax.Sum(),
            Years = years,
        };
    }

    /// <summary>NPV of a site at its own rent and discount rate, without the rest of the analysis.</summary>
    public static double Npv(SiteEconomics site) => CashFlowPlan.Build(site).Npv(site.RentPerKwMonth);

    /// <summary>The base rent at which NPV = 0 (Brent's method on a bracket that grows until NPV turns positive).</summary>
    public static double? EconomicBreakEvenRent(SiteEconomics site)
    {
        var plan = CashFlowPlan.Build(site);
        return EconomicBreakEvenRentWithReason(plan, CostStack.Of(SteadyStateYear.For(site, 1.0, site.RentPerKwMonth)).Total).Rent;
    }

    private static (double? Rent, EconomicBreakEvenReason? Reason) EconomicBreakEvenRentWithReason(CashFlowPlan plan, double accountingBreakEven)
    {
        var firstGuess = Math.Max(1, Math.Max(accountingBreakEven, plan.Site.RentPerKwMonth)) * 2;
        // Accuracy is on the rent: a millionth of a cent per kW-month.
        var rent = RootFinder.BrentExpandingUp(plan.Npv, 0, firstGuess, accuracy: 1e-8);
        if (rent is not null)
        {
            return (rent, null);
        }

        return (null, plan.Npv(0) > 0 ? EconomicBreakEvenReason.NpvPositiveAtZeroRent : EconomicBreakEvenReason.NpvNegativeAtAnyRent);
    }

    /// <summary>
    /// The stabilised occupancy (1 − vacancy) at which NPV = 0 at the site's rent, everything else as given: the lowest
    /// occupancy from which NPV stays non-negative up to full occupancy, found by stepping down from 1 in steps of 1/32
    /// until NPV turns negative, then Brent's method in that step. 0 when NPV is non-negative even at no occupancy;
    /// null (with the reason) when NPV is negative even fully leased.
    /// </summary>
    public static (double? Occupancy, EconomicBreakEvenOccupancyReason? Reason) EconomicBreakEvenOccupancyWithReason(SiteEconomics site)
    {
        ArgumentNullException.ThrowIfNull(site);
        double Npv(double occupancy) => CashFlowPlan.Build(site with { Vacancy = 1 - occupancy }).Npv(site.RentPerKwMonth);
        var upper = 1.0;
        var atUpper = Npv(upper);
        if (atUpper < 0)
        {
            return (null, EconomicBreakEvenOccupancyReason.NpvNegativeAtFullOccupancy);
        }

        const int steps = 32;
        for (var i = steps - 1; i >= 0; i--)
        {
            var lower = (double)i / steps;
            var atLower = Npv(lower);
            if (atLower < 0)
            {
                return (RootFinder.Brent(Npv, lower, upper, 1e-10), null);
            }

            upper = lower;
        }

        return (0, null);
    }

    /// <summary>Accounting break-even occupancy: the occupancy in [0, 1] at which the steady-state year's EBIT is zero at the site's rent.</summary>
    public static double? BreakEvenOccupancy(SiteEconomics site)
    {
        ArgumentNullException.ThrowIfNull(site);
        double Ebit(double occupancy) => SteadyStateYear.For(site, occupancy, site.RentPerKwMonth).Ebit;
        if (Ebit(1) < 0)
        {
            return null;
        }

        return Ebit(0) >= 0 ? 0 : RootFinder.Brent(Ebit, 0, 1, 1e-12);
    }

    private static List<EconomicsFinding> Findings(SiteEconomics site, SteadyStateYear stabilised, SteadyStateYear fullyLeased)
    {
        var findings = new List<EconomicsFinding>();
        if (site.PueCap is { } cap)
        {
            // A year at constant load: its annual measured PUE (facility energy ÷ IT energy over 12 months) is the PUE at that load.
            if (double.IsFinite(stabilised.Pue) && stabilised.Pue > cap)
            {
                findings.Add(new EconomicsFinding(EconomicsFindingCode.AnnualPueAboveCapAtStabilisedOccupancy, stabilised.Pue, cap));
            }

            if (fullyLeased.Pue > cap)
            {
                findings.Add(new EconomicsFinding(EconomicsFindingCode.AnnualPueAboveCapFullyLeased, fullyLeased.Pue, cap));
            }
        }

        return findings;
    }

    private static List<EconomicsYear> Yearly(CashFlowPlan plan, double[] fcf, double[] tax)
    {
        var rows = new List<EconomicsYear>();
        var perMonth = Math.Pow(1 + plan.Site.DiscountRate, -1.0 / 12);
        var factor = perMonth;
        var cumulative = 0.0;
        for (var start = 0; start < plan.Months; start += 12)
        {
            var end = Math.Min(start + 12, plan.Months);
            double Sum(double[] a) => a.AsSpan(start, end - start).ToArray().Sum();
            var discounted = 0.0;
            for (var m = start; m < end; m++)
            {
                discounted += fcf[m] * factor;
                factor *= perMonth;
            }

            double occupancySum = 0;
            var operatingMonths = 0;
            for (var m = start; m < end; m++)
            {
                if (plan.CommissionedKw[m] > 0)
                {
                    occupancySum += plan.LeasedKw[m] / plan.CommissionedKw[m];
                    operatingMonths++;
                }
            }

            var itEnergy = Sum(plan.ItEnergyKwh);
            var yearFcf = Sum(fcf);
            cumulative += yearFcf;
            rows.Add(new EconomicsYear
            {
                Year = start / 12 + 1,
                ItMwInService = plan.CommissionedKw[end - 1] / 1000,
                AverageOccupancy = operatingMonths > 0 ? occupancySum / operatingMonths : 0,
                AveragePue = itEnergy > 0 ? Sum(plan.FacilityEnergyKwh) / itEnergy : null,
                EnergyMwh = Sum(plan.FacilityEnergyKwh) / 1000,
                RentRevenue = plan.Site.RentPerKwMonth * Sum(plan.RentUnits),
                PowerRevenue = Sum(plan.PowerRevenue),
                ElectricityCost = Sum(plan.ElectricityCost),
                StaffCost = Sum(plan.StaffCost),
                MaintenanceCost = Sum(plan.MaintenanceCost),
                InsuranceAndPropertyTax = Sum(plan.InsuranceAndPropertyTax),
                OtherOpex = Sum(plan.OtherOpex),
                Depreciation = Sum(plan.Depreciation),
                IncomeTax = Sum(tax),
                Capex = Sum(plan.Capex),
                TerminalValue = end == plan.Months ? plan.TerminalValueAt(plan.Site.RentPerKwMonth) : 0,
                FreeCashFlow = yearFcf,
                DiscountedFreeCashFlow = discounted,
                CumulativeFreeCashFlow = cumulative,
            });
        }

        return rows;
    }
}
