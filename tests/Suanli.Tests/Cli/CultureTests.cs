using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Suanli.Cli;

namespace Suanli.Tests.Cli;

/// <summary>Machine output and every number the user types must not change with the user's culture (decimal commas, other digits).</summary>
public class CultureTests
{
    // Decimal comma with '.' groups (de-DE), comma with narrow no-break space groups (fr-FR), Arabic (ar-EG: its own
    // decimal separator and digits), Indian grouping (hi-IN), and Chinese (zh-TW).
    public static TheoryData<string> Cultures => ["de-DE", "fr-FR", "ar-EG", "hi-IN", "zh-TW"];

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("zh-TW")]
    public void Json_and_tables_are_identical_under_any_culture(string cultureName)
    {
        // The language is chosen apart from the culture (zh-TW would choose Traditional Chinese): fix it to compare numbers.
        var invariant = Run(CultureInfo.InvariantCulture, "econ", "--preset", "cn-2025-essay", "--json", "--lang", "en");
        var other = Run(new CultureInfo(cultureName), "econ", "--preset", "cn-2025-essay", "--json", "--lang", "en");
        Assert.Equal(invariant.Out, other.Out);
        var tables = Run(CultureInfo.InvariantCulture, "econ", "--preset", "cn-2025-essay", "--lang", "en");
        Assert.Equal(tables.Out, Run(new CultureInfo(cultureName), "econ", "--preset", "cn-2025-essay", "--lang", "en").Out);
        Assert.Contains("276.2", tables.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-TW", "zh-Hant", "會計損益平衡租金")]
    [InlineData("zh-HK", "zh-Hant", "會計損益平衡租金")]
    [InlineData("zh-CN", "zh-Hans", "会计盈亏平衡租金")]
    [InlineData("de-DE", "en", "Accounting break-even rent")]
    public void Without_lang_the_UI_culture_chooses_the_language(string culture, string language, string label)
    {
        var json = Run(new CultureInfo(culture), "econ", "--preset", "cn-2025-essay", "--json");
        Assert.Equal(language, JsonDocument.Parse(json.Out).RootElement.GetProperty("language").GetString());
        Assert.Contains(label, Run(new CultureInfo(culture), "econ", "--preset", "cn-2025-essay").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_values_parse_with_a_decimal_point_under_a_decimal_comma_culture()
    {
        var de = new CultureInfo("de-DE");
        var (code, _, stderr) = Run(de, "econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0.05", "--json");
        Assert.True(code == 0, stderr);
        var comma = Run(de, "econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0,05");
        Assert.Equal(2, comma.ExitCode);
        Assert.StartsWith("--set[1]:1:14: site.vacancy: expected a number, got '0,05'", comma.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Numeric_options_are_read_with_a_decimal_point_under_any_culture(string cultureName)
    {
        // LC_ALL=de_DE.UTF-8 suanli train --model llama3-405b --price-per-hour 12.8 --json gave 10x the cost, and
        // --tokens 1.5e13 became 1.5e14.
        // --lang en: the UI culture also chooses the language of the JSON's texts (zh-TW → zh-Hant); only the numbers are compared here.
        string[] args = ["train", "--model", "llama3-405b", "--price-per-hour", "12.8", "--tokens", "1.5e13", "--json", "--lang", "en"];
        var invariant = Run(CultureInfo.InvariantCulture, args);
        Assert.True(invariant.ExitCode == 0, invariant.Error);
        var other = Run(new CultureInfo(cultureName), args);
        Assert.True(other.ExitCode == 0, other.Error);
        Assert.Equal(invariant.Out, other.Out);

        using var json = JsonDocument.Parse(other.Out);
        Assert.Equal(1.5e13, json.RootElement.GetProperty("tokens").GetDouble());
        var member = json.RootElement.GetProperty("fleet")[0];
        var perHour = member.GetProperty("cost").GetProperty("amount").GetDouble() / member.GetProperty("acceleratorHours").GetDouble();
        Assert.Equal(12.8, perHour, 1e-9);

        // README's --occupancy 0.8 became 8 (and was refused) under a decimal-comma culture.
        // The language is fixed: zh-TW would choose Traditional Chinese for the texts in the layout's JSON.
        string[] layout = ["layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "0.8", "--json", "--lang", "en"];
        var layoutOther = Run(new CultureInfo(cultureName), layout);
        Assert.True(layoutOther.ExitCode == 0, layoutOther.Error);
        Assert.Equal(Run(CultureInfo.InvariantCulture, layout).Out, layoutOther.Out);
    }

    [Theory]
    [InlineData("12,8")]          // read as 128 under C and en-US (a group separator)
    [InlineData("1,280")]
    [InlineData("12.800,5")]
    [InlineData("12'8")]
    [InlineData("1 280")]
    public void Group_separators_and_decimal_commas_are_refused_under_any_culture(string price)
    {
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en-US"), new CultureInfo("de-DE") })
        {
            var run = Run(culture, "train", "--model", "llama3-405b", "--price-per-hour", price, "--json");
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(string.Empty, run.Out);
            Assert.StartsWith($"command-line:1:1: --price-per-hour: expected a number, got '{price}'", run.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every numeric or enum option and argument of every command — including ones added later — is read by the
    /// invariant parser: a decimal point under a decimal-comma culture, no group separators, no NaN, no other digits,
    /// enum names only.
    /// </summary>
    [Fact]
    public void Every_numeric_and_enum_option_in_the_command_tree_is_read_invariantly()
    {
        var root = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null));
        var checkedSymbols = 0;
        foreach (var (path, symbol, type) in Symbols(root, []))
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(string[]) || underlying == typeof(void))
            {
                continue;
            }

            Assert.True(InvariantOptions.Handles(type), $"{string.Join(' ', path)} {symbol.Name}: {type} is not read by InvariantOptions");
            var isWhole = underlying != typeof(double) && underlying != typeof(float) && underlying != typeof(decimal);
            foreach (var culture in new[] { "de-DE", "fr-FR", "ar-EG", "en-US" })
            {
                var saved = CultureInfo.CurrentCulture;
                try
                {
                    CultureInfo.CurrentCulture = new CultureInfo(culture);
                    if (underlying.IsEnum)
                    {
                        var name = Enum.GetNames(underlying)[^1];
                        Assert.Equal(Enum.Parse(underlying, name), Value(root, path, symbol, name.ToLowerInvariant()));
                        Assert.NotNull(Error(root, path, symbol, "7"));          // Enum.Parse takes any integer
                        Assert.NotNull(Error(root, path, symbol, string.Join(',', Enum.GetNames(underlying))));
                        continue;
                    }

                    // A whole-number option whose stated range leaves out 12 and 1,000 (a year) is read at its lowest value instead.
                    var range = isWhole ? Suanli.Cli.Commands.OptionRanges.Of(symbol) : null;
                    var outside = range is { } r && (12 < r.Min || 12 > r.Max || 1000 < r.Min || 1000 > r.Max);
                    var (plain, plainValue) = outside ? (range!.Min.ToString(CultureInfo.InvariantCulture), (double)range.Min) : isWhole ? ("12", 12d) : ("2.5", 2.5);
                    var (scientific, scientificValue) = outside ? (range!.Min.ToString("0.##########e0", CultureInfo.InvariantCulture), (double)range.Min) : ("1e3", 1000d);
                    Assert.Equal(plainValue, System.Convert.ToDouble(Value(root, path, symbol, plain), CultureInfo.InvariantCulture));
                    Assert.Equal(scientificValue, System.Convert.ToDouble(Value(root, path, symbol, scientific), CultureInfo.InvariantCulture));
                    foreach (var bad in new[] { "2,5", "1,000", "1 000", "NaN", "Infinity", "∞", "١٢", "12%", "0x10" })
                    {
                        Assert.True(Error(root, path, symbol, bad) is not null, $"{string.Join(' ', path)} {symbol.Name} {bad} was accepted under {culture}");
                    }
                }
                finally
                {
                    CultureInfo.CurrentCulture = saved;
                }
            }

            checkedSymbols++;
        }

        // --trials, --seed, --sweep, --threads, --count, --tokens, --ettr, --mfu, --price-per-hour, --currency, ... at least.
        Assert.True(checkedSymbols >= 15, checkedSymbols.ToString(CultureInfo.InvariantCulture));
    }

    private static IEnumerable<(string[] Path, Symbol Symbol, Type Type)> Symbols(Command command, string[] path)
    {
        foreach (var option in command.Options)
        {
            yield return (path, option, option.ValueType);
        }

        foreach (var argument in command.Arguments)
        {
            yield return (path, argument, argument.ValueType);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var item in Symbols(sub, [.. path, sub.Name]))
            {
                yield return item;
            }
        }
    }

    private static ParseResult Parse(RootCommand root, string[] path, Symbol symbol, string value) =>
        root.Parse(symbol is Option option ? [.. path, option.Name, value] : [.. path, value]);

    private static object? Value(RootCommand root, string[] path, Symbol symbol, string value)
    {
        var parse = Parse(root, path, symbol, value);
        Assert.Null(Error(parse, symbol));
        return symbol is Option option ? parse.GetResult(option)!.GetValueOrDefault<object>() : parse.GetResult((Argument)symbol)!.GetValueOrDefault<object>();
    }

    private static string? Error(RootCommand root, string[] path, Symbol symbol, string value) => Error(Parse(root, path, symbol, value), symbol);

    private static string? Error(ParseResult parse, Symbol symbol) =>
        parse.Errors.FirstOrDefault(e => e.SymbolResult switch
        {
            OptionResult o => o.Option == symbol,
            ArgumentResult { Parent: OptionResult o } => o.Option == symbol,
            ArgumentResult a => a.Argument == symbol,
            _ => false,
        })?.Message;

    private static (int ExitCode, string Out, string Error) Run(CultureInfo culture, params string[] args)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return CliRunner.Run(args);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
