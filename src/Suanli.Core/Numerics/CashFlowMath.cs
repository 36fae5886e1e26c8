namespace Suanli.Core.Numerics;

/// <summary>Why a series of cash flows has no single IRR.</summary>
public enum IrrReason
{
    /// <summary>The flows never turn positive: the investment is never recovered at any rate.</summary>
    NeverPositive,

    /// <summary>The flows are never negative: nothing is invested.</summary>
    NeverNegative,

    /// <summary>NPV does not reach zero for any annual rate in the searched range.</summary>
    NoRootInRange,

    /// <summary>The flows change sign several times and NPV is zero at several rates.</summary>
    SeveralRoots,
}

/// <summary>The outcome of an IRR search: a rate, or none with the reason.</summary>
/// <param name="AnnualRate">The internal rate of return per year, or null.</param>
/// <param name="Reason">Why there is no single IRR (null when there is one).</param>
/// <param name="Roots">Every rate in the searched range at which NPV is zero, ascending (a rate where NPV only touches zero is listed twice); empty when none.</param>
/// <param name="SignChanges">How many times the flows change sign.</param>
public sealed record IrrResult(double? AnnualRate, IrrReason? Reason, IReadOnlyList<double> Roots, int SignChanges);

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
    /// The annual IRR of periodic flows: every rate between −99 % and +1,000 % a year at which NPV is zero
    /// (<see cref="IrrRoots"/>). Exactly one root gives the IRR; none or several give a null rate with the reason.
    /// A root where NPV only touches zero counts twice (a double root), so it never passes for a single IRR.
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

            return new IrrResult(null, allNonPositive ? IrrReason.NeverPositive : IrrReason.NeverNegative, [], 0);
        }

        var roots = IrrRoots(flows, periodsPerYear);
        return roots.Count switch
        {
            1 => new IrrResult(roots[0], null, roots, signChanges),
            0 => new IrrResult(null, IrrReason.NoRootInRange, roots, signChanges),
            _ => new IrrResult(null, IrrReason.SeveralRoots, roots, signChanges),
        };
    }

    /// <summary>
    /// Every annual rate r in [−99 %, +1,000 %] with NPV(r) = 0, ascending; a rate where NPV touches zero without
    /// crossing is listed twice. NPV is a polynomial in x = (1 + r)^(−1/periodsPerYear): the rates r ≥ 0 are its roots
    /// for x in [11^(−1/p), 1], the rates r ≤ 0 the roots of the reversed polynomial in 1/x, so every power stays ≤ 1.
    /// </summary>
    public static IReadOnlyList<double> IrrRoots(ReadOnlySpan<double> flows, int periodsPerYear = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodsPerYear, 1);
        var roots = new List<(double Rate, bool Tangent)>();
        if (CountSignChanges(flows) == 0)
        {
            return [];
        }

        var p = periodsPerYear;
        foreach (var root in PolynomialRoots.Find(flows, Math.Pow(1 + IrrSearchUpper, -1.0 / p), 1))
        {
            roots.Add((Math.Pow(root.X, -p) - 1, root.Tangent));
        }

        var reversed = flows.ToArray();
        Array.Reverse(reversed);
        foreach (var root in PolynomialRoots.Find(reversed, Math.Pow(1 + IrrSearchLower, 1.0 / p), 1))
        {
            roots.Add((Math.Pow(root.X, p) - 1, root.Tangent));
        }

        roots.Sort((a, b) => a.Rate.CompareTo(b.Rate));
        var result = new List<double>();
        var i = 0;
        while (i < roots.Count)
        {
            // Roots within 1e-6 of each other are one: r = 0 lies in both halves and an ill-conditioned cluster may put it a
            // hair apart in each, one of them flagged tangent; it is a double root only if every half says so.
            var j = i;
            var tangent = true;
            while (j < roots.Count && roots[j].Rate - roots[i].Rate <= 1e-6)
            {
                tangent &= roots[j].Tangent;
                j++;
            }

            var rate = roots[i].Rate;

            // A root may be reached a hair outside the range it was searched in.
            if (rate >= IrrSearchLower - 1e-9 && rate <= IrrSearchUpper + 1e-9)
            {
                result.Add(rate);
                if (tangent)
                {
                    result.Add(rate);
                }
            }

            i = j;
        }

        return result;
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
}
