using CsCheck;
using Suanli.Core.Economics;

namespace Suanli.Tests.Core;

/// <summary>The loan of issue 12 by hand, and what debt does to the site's flows.</summary>
public class FinancingTests
{
    private static FinancingTerms Terms(Amortisation amortisation, int graceMonths = 0) =>
        new(DebtShare: 0.6, InterestRate: 0.12, TenorYears: 2, GraceMonths: graceMonths, Amortisation: amortisation, UpfrontFee: 0.01, DscrCovenant: 1.2, CostOfEquity: null);

    private static double[] OneDraw(int months)
    {
        var draws = new double[months];
        draws[0] = 1000;
        return draws;
    }

    [Fact]
    public void Interest_during_construction_is_capitalised_by_hand()
    {
        // 1,000 drawn in month 0, opening in month 12, 12 % a year: twelve monthly compoundings at 1.12^(1/12) − 1 = 0.948879 %
        // give exactly 1,000 × 1.12 = 1,120 at the opening; the 1 % fee (10) is paid with the first draw.
        var loan = LoanSchedule.Build(OneDraw(40), 12, Terms(Amortisation.Annuity));
        Assert.Equal(0.00948879293, LoanSchedule.MonthlyRate(0.12), 11);
        Assert.Equal(1120, loan[11].ClosingBalance, 9);
        Assert.Equal(120, loan.Take(12).Sum(l => l.InterestCapitalised), 9);
        Assert.Equal(10, loan[0].Fee, 12);
        Assert.All(loan.Take(12), l => Assert.Equal(0, l.InterestPaid));
    }

    [Fact]
    public void An_annuity_by_hand()
    {
        // From month 12 over 24 months: payment = 1,120 × i ÷ (1 − 1.12^−2) = 1,120 × 0.00948879 ÷ 0.2028061 = 52.40201;
        // month 12 interest 1,120 × i = 10.62745, principal 41.77456; the balance is 0 after month 35 and total interest 137.6482.
        var loan = LoanSchedule.Build(OneDraw(40), 12, Terms(Amortisation.Annuity));
        Assert.Equal(10.62745, loan[12].InterestPaid, 5);
        Assert.Equal(41.77456, loan[12].Principal, 5);
        Assert.All(loan.Skip(12).Take(24), l => Assert.Equal(52.40201, l.InterestPaid + l.Principal, 5));
        Assert.Equal(0, loan[35].ClosingBalance, 9);
        Assert.Equal(137.6482, loan.Sum(l => l.InterestPaid), 4);
        Assert.Equal(1120, loan.Sum(l => l.Principal), 9);
    }

    [Fact]
    public void Straight_line_and_grace_by_hand()
    {
        // Equal principal 1,120 ÷ 24 = 46.66667 a month; first interest 10.62745, last 46.66667 × i = 0.442810.
        var loan = LoanSchedule.Build(OneDraw(40), 12, Terms(Amortisation.StraightLine));
        Assert.All(loan.Skip(12).Take(24), l => Assert.Equal(46.66667, l.Principal, 5));
        Assert.Equal(0.442810, loan[35].InterestPaid, 6);

        // Six months' grace: interest only on 1,120 (10.62745 a month), principal from month 18 to 41.
        var grace = LoanSchedule.Build(OneDraw(48), 12, Terms(Amortisation.StraightLine, 6));
        Assert.All(grace.Skip(12).Take(6), l => Assert.Equal((0.0, 10.62745), (l.Principal, Math.Round(l.InterestPaid, 5))));
        Assert.Equal(46.66667, grace[18].Principal, 5);
        Assert.Equal(0, grace[41].ClosingBalance, 9);
    }

    [Fact]
    public void A_loan_never_repays_more_than_it_owes()
    {
        Gen.Select(Gen.Double[0, 0.3], Gen.Double[1, 30], Gen.Int[0, 36], Gen.Bool).Sample((rate, tenor, grace, annuity) =>
        {
            var terms = new FinancingTerms(0.5, rate, tenor, grace, annuity ? Amortisation.Annuity : Amortisation.StraightLine, 0, 1.2, null);
            var draws = new double[600];
            for (var m = 0; m < 24; m++)
            {
                draws[m] = 10;
            }

            var loan = LoanSchedule.Build(draws, 24, terms);
            Assert.All(loan, l => Assert.True(l.ClosingBalance >= -1e-9 && l.Principal >= -1e-9));
            Assert.Equal(draws.Sum() + loan.Sum(l => l.InterestCapitalised), loan.Sum(l => l.Principal) + loan[^1].ClosingBalance, 6);
        });
    }
}
