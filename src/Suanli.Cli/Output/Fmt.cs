using System.Globalization;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Output;

/// <summary>Invariant-culture number formatting for tables.</summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Fixed-point from NumberFormat: past 1e15 a cell reads 3.75e+301, never a 300-digit figure.
    public static string N(double x, int decimals = 1) => NumberFormat.Fixed(x, decimals == 0 ? "#,0" : "#,0." + new string('0', decimals));

    public static string Millions(double x) => NumberFormat.Fixed(x / 1e6, "#,0.00");

    public static string Pct(double fraction, int decimals = 1) => NumberFormat.Fixed(fraction * 100, "0." + new string('0', decimals)) + "%";

    public static string Int(double x) => NumberFormat.Fixed(x, "#,0");

    public static string Text(FormattableString s) => s.ToString(Inv);
}
