namespace Suanli.Core.Economics;

/// <summary>How a loan is repaid once repayment starts.</summary>
public enum Amortisation
{
    /// <summary>Level payments (interest + principal) over the months left.</summary>
    Annuity,

    /// <summary>Equal principal each month, interest on the balance.</summary>
    StraightLine,
}

/// <summary>The debt of a site (issue 12): a share of the initial capex, drawn as it is spent.</summary>
/// <param name="DebtShare">Share of the initial construction capex financed by the loan, drawn month by month as it is spent.</param>
/// <param name="InterestRate">Annual interest rate (effective; the monthly rate is (1 + r)^(1/12) − 1).</param>
/// <param name="TenorYears">Years of repayment once it starts.</param>
/// <param name="GraceMonths">Months after the first opening with interest paid and no principal.</param>
/// <param name="Amortisation">Annuity or straight line.</param>
/// <param name="UpfrontFee">Fee as a share of the loan, paid at the first drawdown (expensed for tax then).</param>
/// <param name="DscrCovenant">The minimum DSCR the lenders require: a year below it is a covenant breach.</param>
/// <param name="CostOfEquity">The rate equity flows are discounted at, or null for the site's discount rate.</param>
public sealed record FinancingTerms(double DebtShare, double InterestRate, double TenorYears, int GraceMonths, Amortisation Amortisation, double UpfrontFee,
    double DscrCovenant, double? CostOfEquity);

/// <summary>One month of a loan.</summary>
/// <param name="Drawdown">Drawn at the start of the month.</param>
/// <param name="InterestCapitalised">Interest added to the balance (before the first opening).</param>
/// <param name="InterestPaid">Interest paid in cash.</param>
/// <param name="Principal">Principal repaid.</param>
/// <param name="Fee">Fees paid.</param>
/// <param name="ClosingBalance">The balance at the month's end.</param>
public readonly record struct LoanMonth(double Drawdown, double InterestCapitalised, double InterestPaid, double Principal, double Fee, double ClosingBalance);

/// <summary>
/// A construction loan turned term loan, month by month: draws at the start of a month; interest on the opening balance at the
/// monthly rate (1 + r)^(1/12) − 1, added to the balance before the first opening (interest during construction, capitalised) and
/// paid after it; principal from the first opening + grace, over the tenor — an annuity re-levelled on the balance and months left
/// (so a later draw is spread over what remains) or the balance ÷ the months left.
/// </summary>
public static class LoanSchedule
{
    /// <summary>The monthly rate of an annual effective rate.</summary>
    public static double MonthlyRate(double annualRate) => Math.Pow(1 + annualRate, 1.0 / 12) - 1;

    /// <summary>The schedule over <paramref name="drawdowns"/>' months.</summary>
    /// <param name="drawdowns">Drawn at the start of each month.</param>
    /// <param name="firstOperatingMonth">The month the site first opens: interest is capitalised before it.</param>
    /// <param name="terms">The terms.</param>
    public static LoanMonth[] Build(ReadOnlySpan<double> drawdowns, int firstOperatingMonth, FinancingTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var months = drawdowns.Length;
        var schedule = new LoanMonth[months];
        var i = MonthlyRate(terms.InterestRate);
        var repayFrom = firstOperatingMonth + terms.GraceMonths;
        var repayUntil = repayFrom + (int)Math.Round(terms.TenorYears * 12);
        var commitment = 0.0;
        foreach (var d in drawdowns)
        {
            commitment += d;
        }

        var balance = 0.0;
        var feePaid = false;
        for (var m = 0; m < months; m++)
        {
            var draw = drawdowns[m];
            var fee = 0.0;
            if (!feePaid && draw > 0)
            {
                fee = terms.UpfrontFee * commitment;
                feePaid = true;
            }

            balance += draw;
            var interest = balance * i;
            double capitalised = 0, paid = 0, principal = 0;
            if (m < firstOperatingMonth)
            {
                capitalised = interest;
                balance += interest;
            }
            else
            {
                paid = interest;
                if (m >= repayFrom && m < repayUntil && balance > 0)
                {
                    var left = repayUntil - m;
                    principal = terms.Amortisation == Amortisation.StraightLine || i == 0
                        ? balance / left
                        : (balance * i / (1 - Math.Pow(1 + i, -left))) - interest;
                    principal = Math.Min(principal, balance);
                    balance -= principal;
                }
            }

            schedule[m] = new LoanMonth(draw, capitalised, paid, principal, fee, balance);
        }

        return schedule;
    }
}

/// <summary>One year of the financed site.</summary>
/// <param name="Year">Model year (1 = the first twelve months).</param>
/// <param name="Drawdown">Drawn.</param>
/// <param name="InterestCapitalised">Interest during construction added to the loan.</param>
/// <param name="InterestPaid">Interest paid.</param>
/// <param name="Principal">Principal repaid (the balloon at the horizon's end apart).</param>
/// <param name="Fees">Fees.</param>
/// <param name="ClosingBalance">Balance at the year's end.</param>
/// <param name="Cfads">Cash flow available for debt service: EBITDA − income tax (with interest deducted) − capex not financed at construction.</param>
/// <param name="DebtService">Interest paid + principal.</param>
/// <param name="Dscr">CFADS ÷ debt service, or null in a year without debt service.</param>
/// <param name="IncomeTax">Income tax with interest, fees and capitalised interest deducted.</param>
/// <param name="EquityCashFlow">What the equity puts in (negative) or takes out.</param>
public sealed record FinancedYear(int Year, double Drawdown, double InterestCapitalised, double InterestPaid, double Principal, double Fees, double ClosingBalance,
    double Cfads, double DebtService, double? Dscr, double IncomeTax, double EquityCashFlow);

/// <summary>The site with its debt: equity returns, cover ratios and the loan by year.</summary>
public sealed record FinancingResult
{
    /// <summary>The terms.</summary>
    public required FinancingTerms Terms { get; init; }

    /// <summary>The loan: debt share × initial capex (interest during construction comes on top).</summary>
    public required double DebtAmount { get; init; }

    /// <summary>Interest during construction, capitalised into the loan (and depreciated with the assets for tax).</summary>
    public required double InterestDuringConstruction { get; init; }

    /// <summary>Equity put in during construction: the capex the loan does not carry, and the fee.</summary>
    public required double EquityInvested { get; init; }

    /// <summary>IRR of the equity flows.</summary>
    public required Numerics.IrrResult EquityIrr { get; init; }

    /// <summary>NPV of the equity flows at the cost of equity.</summary>
    public required double EquityNpv { get; init; }

    /// <summary>The rate the equity NPV uses.</summary>
    public required double CostOfEquity { get; init; }

    /// <summary>The lowest DSCR of a year with debt service, or null when no year has any.</summary>
    public required double? MinDscr { get; init; }

    /// <summary>The year of the lowest DSCR.</summary>
    public required int? MinDscrYear { get; init; }

    /// <summary>The first year below the covenant, or null.</summary>
    public required int? CovenantBreachYear { get; init; }

    /// <summary>The balance still owed at the horizon's end, repaid from the terminal value in the last month (a balloon).</summary>
    public required double BalloonAtHorizon { get; init; }

    /// <summary>
    /// Cash the equity puts in after the first opening (the sum of its negative yearly flows from then on): debt service the
    /// site's cash does not cover is met by the sponsor in this model (no default, lock-up or reserve account).
    /// </summary>
    public required double SponsorSupportAfterOpening { get; init; }

    /// <summary>The most the equity has in at any time: −(the lowest cumulative equity cash flow).</summary>
    public required double PeakEquityFunding { get; init; }

    /// <summary>The terminal value the balloon is repaid from.</summary>
    public required double TerminalValue { get; init; }

    /// <summary>Unlevered minus levered income tax over the horizon: the tax shield of the interest.</summary>
    public required double TaxShield { get; init; }

    /// <summary>Each year.</summary>
    public required IReadOnlyList<FinancedYear> Years { get; init; }
}
