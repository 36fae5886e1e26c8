namespace Suanli.Core.Numerics;

/// <summary>The outcome of an IRR search: a rate, or none with the reason.</summary>
/// <param name="AnnualRate">The internal rate of return per year, or null.</param>
/// <param name="Note">Why there is no single IRR (null when there is one).</param>
/// <param name="Roots">Every root found in the searched range (several when the cash flows change sign more than once).</param>
public sealed record IrrResult(double? AnnualRate, string? Note, IReadOnlyList<double> Roots);

/// <summary>Net present value, internal rate of return and payback of a series of periodic cash flows.</summary>
public static class CashFlowMath
{
    /// <summary>Lowest annual rate searched for an IRR (−99 %).</summary>
    public const double IrrSearchLower = -0.99;

    /// <summary>Highest annual rate searched for an IRR (+1,000 %).</summary>
    public const double IrrSearchUpper = 10.0;

    /// <summary>
    /// NPV at an annual discount rate of flows that fall every 1/<paramref name="periodsPerYear"/> year;
    /// flow k falls at time (k + <paramref name="offsetPeriods"/>) / periodsPerYear years.
    /// Excel's NPV is offset 1 with one period a year; a flow "now" is offset 0.
    /// </summary>
    public static double Npv(double annualRate, ReadOnlySpan<double> flows, int periodsPerYear = 1, double offsetPeriods = 1)
    {
        if (annualRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRate), annualRate, "A discount rate must be above −100 %.");
        }

        var perPeriod = Math.Pow(1 + annualRate, -1.0 / periodsPerYear);
        var factor = Math.Pow(perPeriod, offsetPeriods);
        var sum = 0.0;
        for (var k = 0; k < flows.Length; k++)
        {
            sum += flows[k] * factor;
            factor *= perPeriod;
        }

        return sum;
    }

    /// <summary>
    /// The annual IRR of periodic flows: each sign change of NPV(rate) between −99 % and +1,000 % a year is bracketed
    /// on a fixed grid of rates, then solved by Brent's method. Exactly one root gives the IRR; none or several give
    /// a null rate with the reason.
    /// </summary>
    public static IrrResult Irr(ReadOnlySpan<double> flows, int periodsPerYear = 1)
    {
        var signChanges = CountSignChanges(flows);
        if (signChanges == 0)
        {
            var allNonPositive = true;
            foreach (var f in flows)
            {
                allNonPositive &= f <= 0;
            }

            return new IrrResult(null, allNonPositive
                ? "no IRR: the cash flows never turn positive (the investment is never recovered at any rate)"
                : "no IRR: the cash flows are never negative (nothing is invested)", []);
        }

        var copy = flows.ToArray();
        double F(double r) => Npv(r, copy, periodsPerYear, 0);

        var roots = new List<double>();
        var grid = IrrGrid();
        var previousRate = grid[0];
        var previousValue = F(previousRate);
        for (var i = 1; i < grid.Length; i++)
        {
            var rate = grid[i];
            var value = F(rate);
            if (previousValue == 0)
            {
                roots.Add(previousRate);
            }
            else if (value != 0 && Math.Sign(value) != Math.Sign(previousValue))
            {
                var root = RootFinder.Brent(F, previousRate, rate, 1e-12);
                if (root is { } r)
                {
                    roots.Add(r);
                }
            }

            previousRate = rate;
            previousValue = value;
        }

        if (previousValue == 0)
        {
            roots.Add(previousRate);
        }

        return roots.Count switch
        {
            1 => new IrrResult(roots[0], null, roots),
            0 => new IrrResult(null, "no IRR: NPV does not reach zero for any annual rate between −99 % and +1,000 %", roots),
            _ => new IrrResult(null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"no single IRR: the cash flows change sign {signChanges} times and NPV is zero at {string.Join(", ", roots.Select(r => $"{r:P2}"))}; judge by NPV"),
                roots),
        };
    }

    /// <summary>
    /// Years from the start of the series until the cumulative (optionally discounted) cash flow first turns
    /// non-negative after having been negative, interpolated within the period; null when it never does.
    /// </summary>
    public static double? PaybackYears(ReadOnlySpan<double> flows, int periodsPerYear = 1, double? discountAnnualRate = null)
    {
        var perPeriod = discountAnnualRate is { } r ? Math.Pow(1 + r, -1.0 / periodsPerYear) : 1.0;
        var factor = perPeriod;
        var cumulative = 0.0;
        var wasNegative = false;
        for (var k = 0; k < flows.Length; k++)
        {
            var flow = flows[k] * factor;
            factor *= perPeriod;
            var next = cumulative + flow;
            if (next < 0)
            {
                wasNegative = true;
            }
            else if (wasNegative && cumulative < 0)
            {
                var fraction = -cumulative / flow;
                return (k + fraction) / periodsPerYear;
            }

            cumulative = next;
        }

        return null;
    }

    /// <summary>How many times the sign changes along the series, zeros skipped.</summary>
    public static int CountSignChanges(ReadOnlySpan<double> flows)
    {
        var changes = 0;
        var last = 0;
        foreach (var f in flows)
        {
            var s = Math.Sign(f);
            if (s == 0)
            {
                continue;
            }

            if (last != 0 && s != last)
            {
                changes++;
            }

            last = s;
        }

        return changes;
    }

    private static double[] IrrGrid()
    {
        // Dense near the rates projects actually have, coarse towards the extremes.
        var rates = new List<double> { IrrSearchLower, -0.95, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3, -0.2, -0.15 };
        for (var r = -0.10; r < 0.6 - 1e-9; r += 0.01)
        {
            rates.Add(Math.Round(r, 4));
        }

        rates.AddRange([0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, IrrSearchUpper]);
        return [.. rates];
    }
}
