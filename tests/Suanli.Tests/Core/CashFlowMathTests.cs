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
        Assert.Null(five.Note);
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
        // 1 % a month compounds to 12.68 % a year.
        var flows = new double[13];
        flows[0] = -100;
        flows[12] = 100 * Math.Pow(1.01, 12);
        Assert.Equal(Math.Pow(1.01, 12) - 1, CashFlowMath.Irr(flows, 12).AnnualRate!.Value, 1e-9);
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
        Assert.Contains("no single IRR", irr.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Irr_explains_why_there_is_none_when_flows_never_turn_positive()
    {
        var irr = CashFlowMath.Irr([-100, -5, 0, -1]);
        Assert.Null(irr.AnnualRate);
        Assert.StartsWith("no IRR: the cash flows never turn positive", irr.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Irr_explains_why_there_is_none_when_nothing_is_invested()
    {
        Assert.StartsWith("no IRR: the cash flows are never negative", CashFlowMath.Irr([5, 10]).Note, StringComparison.Ordinal);
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
        // Discounted: -909.09, 247.93, 300.53, 341.51, 310.46 → cumulative -19.12 before the fifth period.
        Assert.Equal(4 + 19.124376750222098 / (500 * Math.Pow(1.1, -5)), longer, 1e-9);
    }

    [Fact]
    public void Sign_changes_skip_zeros()
    {
        Assert.Equal(1, CashFlowMath.CountSignChanges([-1, 0, 0, 2, 3]));
        Assert.Equal(2, CashFlowMath.CountSignChanges([-1, 2, 0, -3]));
        Assert.Equal(0, CashFlowMath.CountSignChanges([0, 0]));
    }
}
