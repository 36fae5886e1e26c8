using System.Globalization;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports;

/// <summary>
/// Results in words: findings, verdicts, units and quantities in one language. Money is scaled as readers of the
/// language expect: millions and billions in English, 萬 (10⁴) and 億 (10⁸) in Chinese.
/// </summary>
public sealed class Words
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private Words(Strings strings) => Strings = strings;

    /// <summary>The words of a language.</summary>
    public static Words For(Language language) => new(Strings.For(language));

    /// <summary>The resource strings behind these words.</summary>
    public Strings Strings { get; }

    /// <summary>The language.</summary>
    public Language Language => Strings.Language;

    /// <summary>The text of a key.</summary>
    public string this[string key] => Strings[key];

    /// <summary>The text of a key with named placeholders filled.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> args) => Strings.Format(key, args);

    /// <summary>A finding in words.</summary>
    public string Finding(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in finding.Args)
        {
            args[name] = value.Value;
        }

        return Strings.Format("finding." + finding.Code, args);
    }

    /// <summary>A verdict in words.</summary>
    public string Verdict(Verdict verdict) => Strings["verdict." + Camel(verdict.ToString())];

    /// <summary>The name of a currency.</summary>
    public string Currency(Currency currency) => Strings["currency." + currency];

    /// <summary>
    /// A quantity with its unit in words: <c>274.6 RMB/kW-month</c>, <c>−722.7 M RMB</c>, <c>1.272</c>, <c>35.0%</c>;
    /// "n/a" when the value does not exist.
    /// </summary>
    public string Quantity(double? value, Unit unit, Currency? currency = null)
    {
        if (value is not { } x || !double.IsFinite(x))
        {
            return Strings["value.none"];
        }

        var cur = currency is { } c ? Currency(c) : string.Empty;
        return unit switch
        {
            Unit.Money => Money(x, cur),
            Unit.MoneyPerYear => Strings.Format("unit.perYear", ("value", Money(x, cur))),
            Unit.MoneyPerMw => Strings.Format("unit.moneyPerMw", ("value", Money(x, cur))),
            Unit.MoneyPerMwYear => Strings.Format("unit.moneyPerMwYear", ("value", Money(x, cur))),
            Unit.MoneyPerKwMonth => Strings.Format("unit.moneyPerKwMonth", ("value", N(x, 1)), ("currency", cur)),
            Unit.MoneyPerAcceleratorHour => Strings.Format("unit.moneyPerAcceleratorHour", ("value", N(x, 2)), ("currency", cur)),
            Unit.Fraction => Percent(x),
            Unit.Pue => N(x, 3),
            Unit.None => Plain(x),
            Unit.Times => Strings.Format("unit.times", ("value", Large(x))),
            Unit.Flop => x.ToString("0.00e+00", Inv),
            Unit.Seconds => Strings.Format("unit.seconds", ("value", Seconds(x))),
            Unit.Gbps => Strings.Format("unit.gbps", ("value", Large(x))),
            Unit.AcceleratorHours or Unit.Accelerators or Unit.Watts or Unit.Mw or Unit.Mwh or Unit.TonnesCo2 or Unit.Fte or Unit.Km
                or Unit.Years or Unit.Days or Unit.Hours or Unit.Minutes or Unit.PerDay or Unit.TokensPerSecond =>
                Strings.Format("unit." + Camel(unit.ToString()), ("value", Large(x))),
            _ => Plain(x),
        };
    }

    /// <summary>Seconds with the decimals a step time needs: 3 below 10 s, 4 below 0.1 s, 1 from 10 s.</summary>
    public static string Seconds(double seconds) => seconds == 0 ? "0"
        : Math.Abs(seconds) < 0.1 ? NumberFormat.Fixed(seconds, "#,0.0000")
        : Math.Abs(seconds) < 10 ? NumberFormat.Fixed(seconds, "#,0.000")
        : NumberFormat.Fixed(seconds, "#,0.0");

    /// <summary>A fraction as a percentage with one decimal.</summary>
    public static string Percent(double fraction) => NumberFormat.Fixed(fraction * 100, "0.0") + "%";

    /// <summary>A number with group separators and a fixed number of decimals; from 1e15 up three significant digits and an exponent (see <see cref="NumberFormat.Fixed"/>).</summary>
    public static string N(double x, int decimals) => NumberFormat.Fixed(x, decimals == 0 ? "#,0" : "#,0." + new string('0', decimals));

    /// <summary>camelCase of a PascalCase name.</summary>
    public static string Camel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    private string Money(double x, string currency)
    {
        var a = Math.Abs(x);
        if (Language.IsChinese())
        {
            return a >= 1e8 ? Strings.Format("money.yi", ("value", Scaled(x / 1e8)), ("currency", currency))
                : a >= 1e4 ? Strings.Format("money.wan", ("value", N(x / 1e4, 1)), ("currency", currency))
                : Strings.Format("money.units", ("value", N(x, 0)), ("currency", currency));
        }

        return a >= 1e9 ? Strings.Format("money.billions", ("value", N(x / 1e9, 1)), ("currency", currency))
            : a >= 1e6 ? Strings.Format("money.millions", ("value", Scaled(x / 1e6)), ("currency", currency))
            : Strings.Format("money.units", ("value", N(x, 0)), ("currency", currency));
    }

    /// <summary>An amount in a money unit (millions, 億): as many decimals as a reader needs — 3,000, 172.5, 7.23.</summary>
    private static string Scaled(double x) => Math.Abs(x) >= 1000 ? N(x, 0) : Math.Abs(x) >= 100 ? N(x, 1) : N(x, 2);

    /// <summary>
    /// A proper name from the data (a company, a vendor) in the reader's language when the glossary has it
    /// (<c>name.{name}</c>: 阿里巴巴 for Alibaba), else as the data spells it.
    /// </summary>
    public string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = "name." + name.Trim();
        return Strings.Contains(key) ? Strings[key] : name;
    }

    /// <summary>A number to seven significant digits, without group separators lost: 412.3457, 0.1, 1.234568e+09.</summary>
    public static string Significant(double x) => NumberFormat.Plain(x, "G7");

    /// <summary>Large counts and ratios: 10 million stays readable (1.0e7 past a billion); whole numbers without decimals.</summary>
    private static string Large(double x) =>
        Math.Abs(x) >= 1e9 ? x.ToString("0.0#e+0", Inv)
        : Math.Abs(x - Math.Round(x)) < 1e-9 ? N(x, 0)
        : Math.Abs(x) >= 100 ? N(x, 0) : Math.Abs(x) >= 10 ? N(x, 1) : N(x, 2);

    private static string Plain(double x) => Math.Abs(x) >= 1e9 ? x.ToString("0.0#e+0", Inv) : Math.Abs(x - Math.Round(x)) < 1e-9 ? N(x, 0) : N(x, 2);
}
