namespace Suanli.Core.Numerics;

/// <summary>A real root of a polynomial, and whether it is a touching (even-multiplicity) one.</summary>
/// <param name="X">Where the polynomial is zero.</param>
/// <param name="Tangent">True when the polynomial touches zero without changing sign (a double root, as far as double precision can tell).</param>
internal readonly record struct PolynomialRoot(double X, bool Tangent);

/// <summary>
/// Every real root of P(x) = Σ c_k x^k on an interval inside (0, 1], by subdivision with proven exclusion:
/// a cell is dropped only when bounds on P over it exclude zero, and solved by Brent's method only when bounds on P′
/// prove it monotone there. Cells that neither test settles are halved down to a minimum width; what remains there is
/// a root that changes sign (solved) or one that only touches zero (reported as tangent). Unlike a scan on a fixed
/// grid, two roots closer than any grid spacing are still separated.
/// </summary>
/// <remarks>
/// The bounds come from splitting P into its positive and negative coefficients, P = P⁺ − P⁻: on x &gt; 0 both halves
/// and all their derivatives increase with x, so over a cell [a, b] P ∈ [P⁺(a) − P⁻(b), P⁺(b) − P⁻(a)], and likewise
/// for P′ and P″. A second-order Taylor bound with that P″ range sharpens the test near roots, so the number of cells
/// kept at each level stays bounded near a simple or a double root and the work grows with log(1 / width).
/// Restricting x to (0, 1] keeps every power ≤ 1: no overflow for any degree.
/// </remarks>
internal static class PolynomialRoots
{
    /// <summary>Finds the roots of Σ c_k x^k on [lower, upper], 0 &lt; lower &lt; upper ≤ 1, sorted ascending.</summary>
    /// <param name="coefficients">c_0 … c_n.</param>
    /// <param name="lower">Lower end of the interval.</param>
    /// <param name="upper">Upper end of the interval.</param>
    /// <param name="minWidth">Width below which a cell is no longer halved.</param>
    /// <param name="maxEvaluations">Bound on the work: beyond it the cells still open are treated as if at minimum width.</param>
    public static List<PolynomialRoot> Find(ReadOnlySpan<double> coefficients, double lower, double upper, double minWidth = 1e-10, int maxEvaluations = 200_000)
    {
        if (!(lower > 0 && lower < upper && upper <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lower), "The interval must lie inside (0, 1].");
        }

        var c = coefficients.ToArray();
        var roots = new List<PolynomialRoot>();
        var unresolved = new List<(double A, double B, double Fa, double Fb)>();
        var stack = new Stack<(double A, Eval Ea, double B, Eval Eb)>();
        const int initialCells = 16;
        var previous = Eval.At(c, lower);
        var evaluations = 1;
        for (var i = 1; i <= initialCells; i++)
        {
            var x = i == initialCells ? upper : lower + (upper - lower) * i / initialCells;
            var e = Eval.At(c, x);
            evaluations++;
            stack.Push((i == 1 ? lower : lower + (upper - lower) * (i - 1) / initialCells, previous, x, e));
            previous = e;
        }

        while (stack.Count > 0)
        {
            var (a, ea, b, eb) = stack.Pop();
            var h = b - a;
            if (Excludes(ea, eb, h, Noise(c.Length, ea) + Noise(c.Length, eb)))
            {
                continue;
            }

            if (Monotone(ea, eb, h))
            {
                var noise = Noise(c.Length, ea) + Noise(c.Length, eb);
                if (Math.Abs(ea.F) > noise && Math.Abs(eb.F) > noise)
                {
                    // Both ends clear of rounding: a sign change is real, and there is exactly one root.
                    if (Math.Sign(ea.F) != Math.Sign(eb.F))
                    {
                        roots.Add(new PolynomialRoot(Bisect(c, a, ea.F, b), false));
                    }

                    continue;
                }
            }

            if (h <= minWidth || evaluations >= maxEvaluations)
            {
                unresolved.Add((a, b, ea.F, eb.F));
                continue;
            }

            var m = a + h / 2;
            var em = Eval.At(c, m);
            evaluations++;
            stack.Push((a, ea, m, em));
            stack.Push((m, em, b, eb));
        }

        ResolveClusters(c, unresolved, minWidth, roots);
        roots.Sort((p, q) => p.X.CompareTo(q.X));
        return Deduplicate(roots, minWidth);
    }

    /// <summary>Evaluates Σ c_k x^k at x.</summary>
    public static double Value(double[] c, double x)
    {
        var p = 0.0;
        for (var k = c.Length - 1; k >= 0; k--)
        {
            p = p * x + c[k];
        }

        return p;
    }

    /// <summary>Whether bounds on P over [a, b] exclude zero by more than rounding (a root on a cell's end is never excluded).</summary>
    private static bool Excludes(in Eval ea, in Eval eb, double h, double noise)
    {
        // Zeroth order: the increasing halves bound P over the cell.
        if (ea.Pp - eb.Pm > noise || eb.Pp - ea.Pm < -noise)
        {
            return true;
        }

        // Second order from either end, with the range of P″ over the cell.
        var s2Low = ea.D2p - eb.D2m;
        var s2High = eb.D2p - ea.D2m;
        var quadLow = Math.Min(0, s2Low) * h * h / 2;
        var quadHigh = Math.Max(0, s2High) * h * h / 2;
        var fromA = (Low: ea.F + Math.Min(0, ea.D * h) + quadLow, High: ea.F + Math.Max(0, ea.D * h) + quadHigh);
        var fromB = (Low: eb.F + Math.Min(0, -eb.D * h) + quadLow, High: eb.F + Math.Max(0, -eb.D * h) + quadHigh);
        return fromA.Low > noise || fromA.High < -noise || fromB.Low > noise || fromB.High < -noise;
    }

    private static bool Monotone(in Eval ea, in Eval eb, double h)
    {
        if (ea.Dp - eb.Dm > 0 || eb.Dp - ea.Dm < 0)
        {
            return true;
        }

        var s2Low = ea.D2p - eb.D2m;
        var s2High = eb.D2p - ea.D2m;
        var low = ea.D + Math.Min(0, s2Low * h);
        var high = ea.D + Math.Max(0, s2High * h);
        return low > 0 || high < 0;
    }

    /// <summary>
    /// Cells left at minimum width form clusters where P is within rounding of zero: roots closer together than double
    /// precision can tell apart. Signs inside a cluster are noise, so a cluster counts by the signs of P just outside
    /// it, found by stepping out until P is clear of rounding (clusters whose outer points overlap are one): they differ
    /// (an odd number of roots: one crossing, reported where P changes sign) or agree (an even number: P touches zero,
    /// a double root, reported as tangent midway between the outer points).
    /// </summary>
    private static void ResolveClusters(double[] c, List<(double A, double B, double Fa, double Fb)> cells, double minWidth, List<PolynomialRoot> roots)
    {
        cells.Sort((p, q) => p.A.CompareTo(q.A));
        var zones = new List<(double Left, double FLeft, double Right, double FRight)>();
        var i = 0;
        while (i < cells.Count)
        {
            var j = i;
            while (j + 1 < cells.Count && cells[j + 1].A <= cells[j].B)
            {
                j++;
            }

            var (left, fLeft) = StepOut(c, cells[i].A, -minWidth);
            var (right, fRight) = StepOut(c, cells[j].B, minWidth);
            if (zones.Count > 0 && left <= zones[^1].Right)
            {
                zones[^1] = (zones[^1].Left, zones[^1].FLeft, Math.Max(right, zones[^1].Right), right >= zones[^1].Right ? fRight : zones[^1].FRight);
            }
            else
            {
                zones.Add((left, fLeft, right, fRight));
            }

            i = j + 1;
        }

        foreach (var (left, fLeft, right, fRight) in zones)
        {
            if (fLeft != 0 && fRight != 0 && Math.Sign(fLeft) != Math.Sign(fRight))
            {
                roots.Add(new PolynomialRoot(Bisect(c, left, fLeft, right), false));
            }
            else
            {
                // Even: P touches zero. Or P stays within rounding of zero as far as we look: one root, not two.
                roots.Add(new PolynomialRoot(left + (right - left) / 2, fLeft != 0 && fRight != 0));
            }
        }
    }

    /// <summary>From x, steps of doubling length in the direction of <paramref name="step"/> until P is clear of rounding.</summary>
    private static (double X, double F) StepOut(double[] c, double x, double step)
    {
        // At most about 10^-3 away: powers of x stay bounded even just beyond the interval's ends.
        for (var i = 0; i < 64 && Math.Abs(step) < 1e-3; i++, step *= 2)
        {
            var e = Eval.At(c, x + step);
            if (Math.Abs(e.F) > Noise(c.Length, e))
            {
                return (x + step, e.F);
            }
        }

        return (x, 0);
    }

    /// <summary>Rounding of Horner's rule on n terms, with a margin: a value of P smaller than this has no reliable sign.</summary>
    private static double Noise(int n, in Eval e) => 8.0 * n * 1.1102230246251565e-16 * (e.Pp + e.Pm);

    /// <summary>Bisection to the last representable bit: slower than Brent but exact about the bracket, which matters here.</summary>
    private static double Bisect(double[] c, double a, double fa, double b)
    {
        for (var i = 0; i < 200; i++)
        {
            var m = a + (b - a) / 2;
            if (m <= a || m >= b)
            {
                break;
            }

            var fm = Value(c, m);
            if (fm == 0)
            {
                return m;
            }

            if (Math.Sign(fm) == Math.Sign(fa))
            {
                a = m;
                fa = fm;
            }
            else
            {
                b = m;
            }
        }

        return a + (b - a) / 2;
    }

    private static List<PolynomialRoot> Deduplicate(List<PolynomialRoot> sorted, double minWidth)
    {
        var result = new List<PolynomialRoot>();
        foreach (var r in sorted)
        {
            if (result.Count > 0 && r.X - result[^1].X <= 2 * minWidth)
            {
                // The same root reached from two neighbouring cells (a root on a cell boundary); a tangent flag wins.
                if (r.Tangent && !result[^1].Tangent)
                {
                    result[^1] = r;
                }

                continue;
            }

            result.Add(r);
        }

        return result;
    }

    /// <summary>P⁺, P⁻ and their first two derivatives at one point (P = P⁺ − P⁻).</summary>
    private readonly record struct Eval(double Pp, double Pm, double Dp, double Dm, double D2p, double D2m)
    {
        public double F => Pp - Pm;

        public double D => Dp - Dm;

        public static Eval At(double[] c, double x)
        {
            double pp = 0, pm = 0, dp = 0, dm = 0, sp = 0, sm = 0;
            for (var k = c.Length - 1; k >= 0; k--)
            {
                sp = sp * x + dp;
                dp = dp * x + pp;
                sm = sm * x + dm;
                dm = dm * x + pm;
                var ck = c[k];
                pp = pp * x + (ck > 0 ? ck : 0);
                pm = pm * x + (ck < 0 ? -ck : 0);
            }

            return new Eval(pp, pm, dp, dm, 2 * sp, 2 * sm);
        }
    }
}
