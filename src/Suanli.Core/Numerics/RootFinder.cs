namespace Suanli.Core.Numerics;

/// <summary>Bracketing root finding (Brent's method, via Math.NET Numerics).</summary>
public static class RootFinder
{
    /// <summary>
    /// Finds x in [lower, upper] with f(x) = 0, where f(lower) and f(upper) have opposite signs (or one is zero).
    /// Returns null when the bracket does not hold or the method does not converge.
    /// </summary>
    public static double? Brent(Func<double, double> f, double lower, double upper, double accuracy = 1e-10, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fLower = f(lower);
        if (fLower == 0)
        {
            return lower;
        }

        var fUpper = f(upper);
        if (fUpper == 0)
        {
            return upper;
        }

        if (Math.Sign(fLower) == Math.Sign(fUpper))
        {
            return null;
        }

        return MathNet.Numerics.RootFinding.Brent.TryFindRoot(f, lower, upper, accuracy, maxIterations, out var root)
            ? root
            : null;
    }

    /// <summary>
    /// Finds where an increasing function crosses zero above <paramref name="lower"/>: the upper end of the bracket
    /// doubles (at most <paramref name="maxDoublings"/> times) until the sign changes, then Brent's method solves.
    /// </summary>
    public static double? BrentExpandingUp(Func<double, double> f, double lower, double initialUpper, double accuracy, int maxDoublings = 60)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fLower = f(lower);
        if (fLower >= 0)
        {
            return fLower == 0 ? lower : null;
        }

        var upper = initialUpper;
        for (var i = 0; i < maxDoublings; i++)
        {
            if (f(upper) >= 0)
            {
                return Brent(f, lower, upper, accuracy);
            }

            lower = upper;
            upper *= 2;
        }

        return null;
    }
}
