using CsCheck;
using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Core.Numerics;

namespace Suanli.Tests.Core;

/// <summary>Invariants of the economics that must hold for any inputs, checked on random sites (CsCheck).</summary>
public class EconomicsPropertyTests
{
    private const long Iterations = 150;

    /// <summary>Random sites over the whole input space: phases, fractional lives, every escalation, tax rules, terminal values.</summary>
    private static readonly Gen<SiteEconomics> Sites =
        Gen.Select(
            Gen.Select(Gen.Double[1, 200], Gen.Int[1, 36], Gen.Int[1, 25], Gen.Int[1, 3], Gen.Int[0, 48], Gen.Bool,
                (mw, construction, horizon, phases, phaseGap, replace) => (mw, construction, horizon, phases, phaseGap, replace)),
            Gen.Select(Gen.Double[0, 3e6], Gen.Double[1e6, 2e7], Gen.Double[1e6, 2e7], Gen.Double[0, 1e7], Gen.Double[0, 5e6], Gen.Double[0, 2e6],
                Gen.OneOf(Gen.Const(0.5), Gen.Const(1.0), Gen.Const(2.5), Gen.Const(7.3), Gen.Const(13.04), Gen.Const(15.0), Gen.Const(20.0), Gen.Const(40.0)), Gen.Double[1.0 / 12, 30], Gen.Double[0.5, 30], Gen.Double[0.5, 30], Gen.Double[0.5, 30],
                (land, building, electrical, mechanical, fitOut, soft, lb, le, lm, lf, ls) => new CapexItem[]
                {
                    new(CapexComponent.Land, land, 0),
                    new(CapexComponent.Building, building, lb),
                    new(CapexComponent.Electrical, electrical, le),
                    new(CapexComponent.Mechanical, mechanical, lm),
                    new(CapexComponent.FitOut, fitOut, lf),
                    new(CapexComponent.SoftCosts, soft, ls),
                }),
            Gen.Select(Gen.Double[1, 2], Gen.Double[0, 1], Gen.Double[0.1, 1], Gen.Double[0.02, 1], Gen.Double[0, 0.5],
                Gen.Double[0, 150], Gen.Double[0, 2e5], Gen.Double[0, 0.05], Gen.Double[0, 0.02], Gen.Double[0, 3e5],
                (pue, fixedShare, load, price, markup, fte, fteCost, maintenance, insurance, other) => (pue, fixedShare, load, price, markup, fte, fteCost, maintenance, insurance, other)),
            Gen.Select(Gen.Double[-0.02, 0.08], Gen.Double[-0.02, 0.08], Gen.Double[-0.02, 0.08], Gen.Double[-0.02, 0.06], Gen.Double[0, 2000],
                Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 60],
                (inflation, capexEscalation, priceEscalation, rentEscalator, rent, initial, vacancy, ramp) => (inflation, capexEscalation, priceEscalation, rentEscalator, rent, initial, vacancy, ramp)),
            Gen.Select(Gen.Double[0, 0.5], Gen.Int[0, 10], Gen.Double[0.3, 1], Gen.Double[0.01, 0.2], Gen.Int[0, 3], Gen.Double[1, 20], Gen.Double[-0.05, 0.9],
                (tax, carry, cap, discount, terminal, multiple, growthShare) => (tax, carry, cap, discount, terminal, multiple, growthShare)),
            (shape, capex, plant, prices, money) =>
            {
                var phaseMw = shape.mw / shape.phases;
                var terminal = (TerminalValueMethod)money.terminal;
                return new SiteEconomics
                {
                    Currency = Currency.USD,
                    ItCapacityMw = shape.mw,
                    ConstructionMonths = shape.construction,
                    HorizonYears = shape.horizon,
                    Phases = [.. Enumerable.Range(0, shape.phases).Select(i => new DeliveryPhase(phaseMw, Math.Min(i * shape.phaseGap, 12 * shape.horizon - 1)))],
                    Capex = capex,
                    CapexEscalation = prices.capexEscalation,
                    ReplaceAtEndOfLife = shape.replace,
                    TerminalValue = terminal,
                    TerminalEbitdaMultiple = terminal == TerminalValueMethod.ExitMultiple ? money.multiple : null,
                    // Growth strictly below the discount rate: a share of it (negative shares give negative growth).
                    TerminalGrowthRate = terminal == TerminalValueMethod.GrowingPerpetuity ? money.growthShare * money.discount : null,
                    DesignPue = plant.pue,
                    PueFixedShare = plant.fixedShare,
                    LoadFactor = plant.load,
                    ElectricityPricePerKwh = plant.price,
                    ElectricityPriceEscalation = prices.priceEscalation,
                    PowerPricing = PowerPricing.PassThrough,
                    PowerMarkup = plant.markup,
                    StaffFte = plant.fte,
                    StaffCostPerFteYear = plant.fteCost,
                    MaintenanceRateOfMepCapex = plant.maintenance,
                    InsuranceAndPropertyTaxRateOfCapex = plant.insurance,
                    OtherFixedOpexPerMwYear = plant.other,
                    OpexInflation = prices.inflation,
                    RentPerKwMonth = prices.rent,
                    RentEscalator = prices.rentEscalator,
                    InitialOccupancy = prices.initial,
                    Vacancy = prices.vacancy,
                    OccupancyRampMonths = prices.ramp,
                    IncomeTaxRate = money.tax,
                    LossCarryForwardYears = money.carry == 0 ? null : money.carry,
                    LossOffsetCap = money.cap,
                    DiscountRate = money.discount,
                };
            });

    private static double Scale(SiteEconomics site) => site.CapexPerMw * site.ItCapacityMw;

    [Fact]
    public void More_vacancy_never_raises_npv_when_tenants_pay_their_power()
    {
        // Each leased kW brings rent ≥ 0 and pays its own metered power (at the actual PUE, with a markup ≥ 0), so
        // every month's EBITDA falls with vacancy; after-tax NPV follows because tax takes less than each extra unit.
        Gen.Select(Sites, Gen.Double[0, 1], Gen.Double[0, 1]).Sample((site, a, b) =>
        {
            var (low, high) = (Math.Min(a, b), Math.Max(a, b));
            var moreVacant = EconomicsEngine.Npv(site with { Vacancy = high });
            var lessVacant = EconomicsEngine.Npv(site with { Vacancy = low });
            Assert.True(moreVacant <= lessVacant + 1e-9 * Scale(site), $"NPV {moreVacant} at vacancy {high} > {lessVacant} at {low}");
        }, iter: Iterations);
    }

    [Fact]
    public void Higher_rent_never_lowers_npv_whoever_pays_for_power()
    {
        var pricing = Gen.Enum<PowerPricing>();
        Gen.Select(Sites, pricing, Gen.Double[0, 2000], Gen.Double[0, 500]).Sample((site, power, rent, more) =>
        {
            var s = site with { PowerPricing = power, PowerMarkup = power == PowerPricing.Included ? 0 : site.PowerMarkup };
            var lower = EconomicsEngine.Npv(s with { RentPerKwMonth = rent });
            var higher = EconomicsEngine.Npv(s with { RentPerKwMonth = rent + more });
            Assert.True(higher >= lower - 1e-9 * Scale(site), $"NPV {higher} at rent {rent + more} < {lower} at {rent}");
        }, iter: Iterations);
    }

    [Fact]
    public void Payback_never_depends_on_the_terminal_value()
    {
        Sites.Sample(site =>
        {
            var none = EconomicsEngine.Analyze(site with { TerminalValue = TerminalValueMethod.None, TerminalEbitdaMultiple = null, TerminalGrowthRate = null });
            var book = EconomicsEngine.Analyze(site with { TerminalValue = TerminalValueMethod.BookValue, TerminalEbitdaMultiple = null, TerminalGrowthRate = null });
            Assert.Equal(none.PaybackYears, book.PaybackYears);
            Assert.Equal(none.DiscountedPaybackYears, book.DiscountedPaybackYears);
            Assert.True(book.TerminalValue >= 0);
            Assert.True(book.Npv >= none.Npv - 1e-9 * Scale(site));
        }, iter: 60);
    }

    [Fact]
    public void Every_unit_of_capex_is_depreciated_or_left_on_the_books()
    {
        // Accounting identity: construction and rebuild capex = depreciation over the horizon + book value at its end
        // (freehold land and what is not yet depreciated), whatever the lives, phases, escalation or retirements.
        Sites.Sample(site =>
        {
            var s = site with { TerminalValue = TerminalValueMethod.BookValue, TerminalEbitdaMultiple = null, TerminalGrowthRate = null };
            var years = EconomicsEngine.Analyze(s).Years;
            var capex = years.Sum(y => y.Capex);
            var depreciated = years.Sum(y => y.Depreciation) + years[^1].TerminalValue;
            // Retired and unreplaced assets leave the books fully depreciated: the identity holds either way.
            Assert.Equal(1, depreciated / capex, 1e-9);
        }, iter: 60);
    }

    [Fact]
    public void At_zero_vacancy_the_stabilised_year_is_the_fully_leased_year_and_break_evens_meet_at_full_occupancy()
    {
        Sites.Sample(site =>
        {
            var s = site with { Vacancy = 0, InitialOccupancy = 1, OccupancyRampMonths = 0 };
            var r = EconomicsEngine.Analyze(s);
            Assert.Equal(r.FullyLeasedYear.Ebit, r.StabilisedYear.Ebit, 1e-9 * Scale(s));
            Assert.Equal(r.FullyLeasedYear.Pue, r.PueAtStabilisedOccupancy);

            // At the accounting break-even rent the fully leased year has EBIT = 0: accounting break-even occupancy is 1.
            var atAccounting = EconomicsEngine.BreakEvenOccupancy(s with { RentPerKwMonth = r.AccountingBreakEvenRentPerKwMonth });
            if (r.AccountingBreakEvenRentPerKwMonth > 0 && atAccounting is { } o)
            {
                Assert.Equal(1, o, 1e-6);
            }
        }, iter: 60);
    }

    [Fact]
    public void The_economic_break_evens_agree_at_the_break_even_rent()
    {
        // At the rent that makes NPV = 0 at vacancy v, the stabilised occupancy that makes NPV = 0 is 1 - v.
        Gen.Select(Sites, Gen.Double[0, 0.6]).Sample((site, vacancy) =>
        {
            var s = site with { Vacancy = vacancy };
            if (EconomicsEngine.EconomicBreakEvenRent(s) is not { } rent || rent <= 0)
            {
                return;
            }

            var atRent = s with { RentPerKwMonth = rent * (1 + 1e-9) };
            var (occupancy, reason) = EconomicsEngine.EconomicBreakEvenOccupancyWithReason(atRent);
            Assert.Null(reason);
            Assert.Equal(1 - vacancy, occupancy!.Value, 1e-5);
        }, iter: 60);
    }

    [Fact]
    public void Npv_is_zero_at_every_irr_root_and_no_crossing_is_missed()
    {
        // Random monthly flows with several sign changes; a dense scan must not see a crossing the roots do not explain.
        var flows = Gen.Double[-1, 1].Array[24, 240];
        flows.Sample(f =>
        {
            var roots = CashFlowMath.IrrRoots(f, 12);
            foreach (var r in roots)
            {
                var scale = CashFlowMath.Npv(r, f.Select(Math.Abs).ToArray(), 12, 0);
                Assert.True(Math.Abs(CashFlowMath.Npv(r, f, 12, 0)) <= 1e-7 * scale, $"NPV at root {r} is {CashFlowMath.Npv(r, f, 12, 0)}");
            }

            var previousRate = CashFlowMath.IrrSearchLower;
            var previous = CashFlowMath.Npv(previousRate, f, 12, 0);
            for (var i = 1; i <= 3000; i++)
            {
                var rate = CashFlowMath.IrrSearchLower + (CashFlowMath.IrrSearchUpper - CashFlowMath.IrrSearchLower) * Math.Pow(i / 3000.0, 3);
                var value = CashFlowMath.Npv(rate, f, 12, 0);
                if (Math.Sign(value) * Math.Sign(previous) < 0)
                {
                    var (a, b) = (previousRate, rate);
                    Assert.True(roots.Any(r => r >= a - 1e-9 && r <= b + 1e-9), $"NPV changes sign between {a} and {b} but the roots are [{string.Join(", ", roots)}]");
                }

                previousRate = rate;
                previous = value;
            }
        }, iter: 100);
    }

    [Fact]
    public void Irr_recovers_the_rates_of_flows_built_from_known_roots()
    {
        // NPV × (1 + r)^n is a polynomial in u = 1 + r: flows that are the coefficients of
        // -100 Π (u - u_i) × (u² - 2 a u + a² + b²) have exactly the IRRs u_i - 1 (the quadratic has complex roots a ± bi).
        var rates = Gen.Double[-0.5, 3.0].Array[1, 4].Where(r => r.Order().Zip(r.Order().Skip(1), (x, y) => y - x).All(d => d > 0.005));
        Gen.Select(rates, Gen.Double[0.5, 3], Gen.Double[0.05, 1], Gen.Bool).Sample((r, a, b, complexPair) =>
        {
            double[] poly = [-100];
            foreach (var rate in r)
            {
                poly = Multiply(poly, [1, -(1 + rate)]);
            }

            if (complexPair)
            {
                poly = Multiply(poly, [1, -2 * a, a * a + b * b]);
            }

            var roots = CashFlowMath.IrrRoots(poly);
            Assert.Equal(r.Length, roots.Count);
            foreach (var (expected, found) in r.Order().Zip(roots))
            {
                Assert.Equal(expected, found, 1e-7);
            }
        }, iter: 300);
    }

    [Fact]
    public void A_root_at_zero_in_a_tight_cluster_is_counted_once()
    {
        // CsCheck seed cE5iB5ohmkg3: roots 0, −2.72 %, 5/97 and −1/95 with a complex pair at 5/3 ± i. The root at 0 lies in both
        // halves of the search; one found it 7.6e-8 off and flagged it tangent: it must still be one simple root.
        double[] poly = [-100];
        foreach (var rate in new[] { 0, -0.02724612336937038, 5d / 97, -1d / 95 })
        {
            poly = Multiply(poly, [1, -(1 + rate)]);
        }

        poly = Multiply(poly, [1, -2 * 5d / 3, (25d / 9) + 1]);
        var roots = CashFlowMath.IrrRoots(poly);
        Assert.Equal(4, roots.Count);
        Assert.Equal(0, roots[2], 1e-7);
    }

    /// <summary>Coefficients, highest power first, of the product of two polynomials.</summary>
    private static double[] Multiply(double[] p, double[] q)
    {
        var result = new double[p.Length + q.Length - 1];
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = 0; j < q.Length; j++)
            {
                result[i + j] += p[i] * q[j];
            }
        }

        return result;
    }
}
