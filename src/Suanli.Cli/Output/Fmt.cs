using System.Globalization;

namespace Suanli.Cli.Output;

/// <summary>Invariant-culture formatting of the command line's own texts (tables format numbers with <c>Words</c>).</summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Text(FormattableString s) => s.ToString(Inv);
}
