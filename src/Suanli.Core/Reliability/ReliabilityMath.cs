namespace Suanli.Core.Reliability;

/// <summary>
/// e^x − 1 and ln(1 + x) to full precision near zero. .NET's <c>double.ExpM1</c> and <c>double.LogP1</c> compute
/// <c>Exp(x) − 1</c> and <c>Log(x + 1)</c>, which lose every digit once |x| is below about 1e-16 (an interval of
/// 1e-300 minutes then gives ETTR = τ/0 = ∞) and most of them well before.
/// </summary>
internal static class ReliabilityMath
{
    /// <summary>e^x − 1 (Kahan's method: the rounding error of e^x cancels in (u − 1)·x / ln u).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1;
        return um1 == -1.0 || double.IsPositiveInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) (Kahan's method).</summary>
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1.0 ? x : u <= 0 || double.IsPositiveInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1);
    }
}
