using Suanli.Core.Numerics;

namespace Suanli.Tests.Core;

public class CashFlowMathTests
{
    [Fact]
    public void Npv_matches_the_spreadsheet_textbook_example()
    {
        // Excel's NPV documentation: 10 %, -10,000 at the end of year 1, then 3,000, 4,200, 6,800 → 1,188.44.
        var npv = CashFlowMath.Npv(0.10, [-10_000, 3_000, 4_200, 6_800], periodsPerYear: 1, offsetPeriods: 1);
        Assert.Equal(1_188.44, npv, 0.005);
    }

    [Fact]
    public void Npv_at_zero_rate_is_the_plain_sum()
    {
        Assert.Equal(600, CashFlowMath.Npv(0, [-1000, 700, 900], 12, 0), 1e-9);
    }

    [Fact]
    public void Irr_matches_the_spreadsheet_textbook_examples()
    {
        // Excel's IRR documentation: 8.66 % over five years, -2.12 % over four.
        var five = CashFlowMath.Irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]);
        var four = CashFlowMath.Irr([-70_000, 12_000, 15_000, 18_000, 21_000]);
        Assert.Equal(0.0866309, five.AnnualRate!.Value, 1e-6);
        Assert.Equal(-0.0212448, four.AnnualRate!.Value, 1e-6);
        Assert.Null(five.Reason);
    }

    [Fact]
    public void Irr_of_a_one_period_loan_is_its_interest_rate()
    {
        Assert.Equal(0.10, CashFlowMath.Irr([-100, 110]).AnnualRate!.Value, 1e-10);
        Assert.Equal(0.10, CashFlowMath.Irr([-100, 0, 121]).AnnualRate!.Value, 1e-10);
    }

    [Fact]
    public void Irr_of_monthly_flows_is_annualised()
    {
        // -100 now, 112.682503013197 twelve months later (1 % a month, 1.01^12 to 12 digits by hand): 12.6825 % a year.
        var flows = new double[13];
        flows[0] = -100;
        flows[12] = 112.682503013197;
        Assert.Equal(0.12682503013197, CashFlowMath.Irr(flows, 12).AnnualRate!.Value, 1e-9);
    }

    [Fact]
    public void Irr_reports_several_roots_instead_of_picking_one()
    {
        // -100 + 230/(1+r) - 132/(1+r)^2 = 0 at r = 10 % and r = 20 %.
        var irr = CashFlowMath.Irr([-100, 230, -132]);
        Assert.Null(irr.AnnualRate);
        Assert.Equal(2, irr.Roots.Count);
        Assert.Equal(0.10, irr.Roots[0], 1e-9);
        Assert.Equal(0.20, irr.Roots[1], 1e-9);
        Assert.Equal(IrrReason.SeveralRoots, irr.Reason);
    }

    [Fact]
    public void Irr_separates_two_roots_closer_than_any_grid_cell()
    {
        // (1 + r - 1.252)(1 + r - 1.258) x -1000: roots 25.2 % and 25.8 %, 0.6 points apart; NPV is negative at
        // both 25 % and 26 %, so a scan on a 1-point grid sees no sign change and reports no IRR at all.
        var irr = CashFlowMath.Irr([-1000, 2510, -1575.016]);
        Assert.Null(irr.AnnualRate);
        Assert.Equal([0.252, 0.258], irr.Roots.Select(r => Math.Round(r, 9)));
        Assert.True(CashFlowMath.Npv(0.25, [-1000, 2510, -1575.016], 1, 0) < 0 && CashFlowMath.Npv(0.26, [-1000, 2510, -1575.016], 1, 0) < 0);
    }

    [Fact]
    public void Irr_finds_three_roots_of_a_product_of_three_factors()
    {
        // -1000 (u - 1.05)(u - 1.10)(u - 1.20), u = 1 + r: -1000 u^3 + 3350 u^2 - 3735 u + 1386.
        var irr = CashFlowMath.Irr([-1000, 3350, -3735, 1386]);
        Assert.Null(irr.AnnualRate);
        Assert.Equal(3, irr.Roots.Count);
        Assert.Equal(0.05, irr.Roots[0], 1e-9);
        Assert.Equal(0.10, irr.Roots[1], 1e-9);
        Assert.Equal(0.20, irr.Roots[2], 1e-9);
        Assert.Equal(3, irr.SignChanges);
    }

    [Fact]
    public void Irr_lists_a_double_root_twice_and_gives_no_single_rate()
    {
        // -100 (u - 1.1)^2 = -100 u^2 + 220 u - 121: NPV touches zero at 10 % and is negative on both sides.
        var irr = CashFlowMath.Irr([-100, 220, -121]);
        Assert.Null(irr.AnnualRate);
        Assert.Equal(2, irr.Roots.Count);
        Assert.Equal(0.10, irr.Roots[0], 1e-6);
        Assert.Equal(0.10, irr.Roots[1], 1e-6);
    }

    [Fact]
    public void Irr_ignores_factors_without_real_roots()
    {
        // -100 (u - 1.1)(u^2 - 2.4 u + 1.45): the quadratic has roots 1.2 ± 0.1i, so 10 % is the only IRR.
        // Expanded: -100 u^3 + 350 u^2 - 409 u + 159.5.
        var irr = CashFlowMath.Irr([-100, 350, -409, 159.5]);
        Assert.Equal(0.10, irr.AnnualRate!.Value, 1e-10);
        Assert.Single(irr.Roots);
    }

    [Fact]
    public void Irr_finds_roots_on_both_sides_of_zero_in_monthly_flows()
    {
        // (u - 0.9)(u - 1.3) x -100 with u = (1 + r)^(1/12) per month: monthly roots -10 % and +30 %,
        // i.e. annual 0.9^12 - 1 = -71.757 % and 1.3^12 - 1 = +2,229.81 % (outside the range: not reported).
        var irr = CashFlowMath.Irr([-100, 220, -117], 12);
        Assert.Equal(-0.717570463519, irr.AnnualRate!.Value, 1e-9);
        Assert.Single(irr.Roots);
    }

    [Fact]
    public void Irr_explains_why_there_is_none_when_flows_never_turn_positive()
    {
        var irr = CashFlowMath.Irr([-100, -5, 0, -1]);
        Assert.Null(irr.AnnualRate);
        Assert.Equal(IrrReason.NeverPositive, irr.Reason);
    }

    [Fact]
    public void Irr_explains_why_there_is_none_when_nothing_is_invested()
    {
        Assert.Equal(IrrReason.NeverNegative, CashFlowMath.Irr([5, 10]).Reason);
    }

    [Fact]
    public void Payback_interpolates_within_the_period_that_recovers_the_outlay()
    {
        // Cumulative: -1000, -700, -300, +200: recovered 300/500 into the fourth period.
        Assert.Equal(3.6, CashFlowMath.PaybackYears([-1000, 300, 400, 500])!.Value, 1e-12);
        Assert.Equal(0.3, CashFlowMath.PaybackYears([-1000, 300, 400, 500], periodsPerYear: 12)!.Value, 1e-12);
    }

    [Fact]
    public void Discounted_payback_is_later_than_simple_payback_or_never()
    {
        // Discounted at 10 % the same flows sum to -19.12: never recovered.
        Assert.Null(CashFlowMath.PaybackYears([-1000, 300, 400, 500], 1, 0.10));
        var longer = CashFlowMath.PaybackYears([-1000, 300, 400, 500, 500], 1, 0.10)!.Value;
        // Discounted: -909.091, 247.934, 300.526, 341.507, 310.461 → cumulative -19.124 before the fifth period,
        // recovered 19.124 / 310.461 = 0.0616 into it: 4.0616 years.
        Assert.Equal(4.0616, longer, 1e-4);
    }

    [Fact]
    public void Sign_changes_skip_zeros()
    {
        Assert.Equal(1, CashFlowMath.CountSignChanges([-1, 0, 0, 2, 3]));
        Assert.Equal(2, CashFlowMath.CountSignChanges([-1, 2, 0, -3]));
        Assert.Equal(0, CashFlowMath.CountSignChanges([0, 0]));
    }
}
