using System.Globalization;

namespace Suanli.Cli.Output;

/// <summary>Invariant-culture number formatting for tables.</summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string N(double x, int decimals = 1) => x.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Inv);

    public static string Millions(double x) => (x / 1e6).ToString("#,0.00", Inv);

    public static string Pct(double fraction, int decimals = 1) => (fraction * 100).ToString("0." + new string('0', decimals), Inv) + "%";

    public static string Int(double x) => x.ToString("#,0", Inv);

    public static string Text(FormattableString s) => s.ToString(Inv);
}
