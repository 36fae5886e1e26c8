using System.Globalization;

namespace Suanli.Scenarios.Binding;

/// <summary>
/// How Suanli writes a number, the counterpart of <see cref="NumberText"/> (how it reads one): invariant culture, an exponent written the way users type it
/// (<c>1e-300</c>, <c>1e+18</c>, never .NET's <c>1E-300</c> or <c>1E+18</c>), and never a figure of hundreds of digits.
/// </summary>
public static class NumberFormat
{
    /// <summary>
    /// From this magnitude up a fixed-point figure (<c>#,0.0</c>) would run past about 20 characters, so it is written
    /// in scientific notation instead: whatever an input does to a result, no table cell or message prints a
    /// 300-digit number.
    /// </summary>
    public const double LargestFixed = 1e15;

    /// <summary>The shortest text that reads back as <paramref name="x"/>, e.g. <c>0.35</c>, <c>1e-300</c>, <c>1e+18</c>.</summary>
    public static string Plain(double x) => Plain(x, "R");

    /// <summary>
    /// <paramref name="x"/> in a standard invariant format such as <c>G6</c> or <c>R</c>, its exponent (when the format
    /// gives one) written <c>e-9</c> or <c>e+18</c>.
    /// </summary>
    public static string Plain(double x, string format) => Exponent(x.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>
    /// <paramref name="x"/> in a custom invariant format such as <c>#,0.0</c>, or, from <see cref="LargestFixed"/> up,
    /// with three significant digits and an exponent (<c>3.75e+301</c>).
    /// </summary>
    public static string Fixed(double x, string format) =>
        double.IsFinite(x) && Math.Abs(x) >= LargestFixed ? Scientific(x) : x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary><paramref name="x"/> with three significant digits and an exponent, e.g. <c>3.75e+301</c>.</summary>
    public static string Scientific(double x) => x.ToString("0.##e+0", CultureInfo.InvariantCulture);

    // 1E-300 → 1e-300, 1.5E+18 → 1.5e+18, 1E-09 → 1e-9.
    private static string Exponent(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var sign = text[e + 1] == '-' ? "-" : "+";
        var digits = text[(e + 1)..].TrimStart('+', '-').TrimStart('0');
        return string.Concat(text.AsSpan(0, e), "e", sign, digits.Length == 0 ? "0" : digits);
    }
}
