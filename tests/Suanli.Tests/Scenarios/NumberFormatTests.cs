using System.Globalization;
using CsCheck;
using Suanli.Reports;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Tests.Scenarios;

/// <summary>How numbers are read (no silent underflow to 0) and written (plain exponents, never hundreds of digits).</summary>
public class NumberFormatTests
{
    [Theory]
    [InlineData("1e-400")]
    [InlineData("1e-330")]
    [InlineData("-2.5e-999")]
    [InlineData("0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    public void A_number_with_a_nonzero_digit_that_underflows_to_0_is_refused_like_a_subnormal(string text)
    {
        Assert.Equal(NumberProblem.NotFinite, NumberText.TryParse(text, "a number", out _, out string? message));
        Assert.Contains("too close to zero to compute with", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("-0")]
    [InlineData("0e5")]
    [InlineData("0.0e-400")]
    [InlineData("00")]
    public void Zero_written_as_zero_is_read_as_0(string text)
    {
        Assert.Equal(NumberProblem.None, NumberText.TryParse(text, "a number", out var value, out string? _));
        Assert.Equal(0, value);
    }

    [Fact]
    public void A_number_whose_digits_are_not_all_zero_never_reads_as_0() =>
        Gen.Select(Gen.Int[1, 9], Gen.Int[0, 999_999], Gen.Int[-2000, 400]).Sample((lead, rest, exponent) =>
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{lead}.{rest}e{exponent}");
            var problem = NumberText.TryParse(text, "a number", out var value, out string? _);
            return problem == NumberProblem.None ? value != 0 && double.IsNormal(value) : problem == NumberProblem.NotFinite;
        });

    [Theory]
    [InlineData("site.vacancy=1e-330")]
    [InlineData("site.vacancy=1e-400")]
    [InlineData("site.vacancy=1e-320")]
    public void An_underflowing_set_is_refused_not_read_as_0(string set)
    {
        var d = Assert.Single(ScenarioLoader.FromPreset("us-2025", [set]).Diagnostics);
        Assert.Equal("--set[1]", d.File);
        Assert.Contains("is too close to zero", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_underflowing_option_is_refused_as_written()
    {
        var (code, _, stderr) = Suanli.Tests.Cli.CliRunner.Run("train", "--model", "llama3-405b", "--mfu", "1e-400");
        Assert.Equal(2, code);
        Assert.StartsWith("command-line:1:1: --mfu: '1e-400' is too close to zero to compute with", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e-300, "1e-300")]
    [InlineData(1e18, "1e+18")]
    [InlineData(1e-9, "1e-9")]
    [InlineData(1.5e13, "15000000000000")]
    [InlineData(0.35, "0.35")]
    [InlineData(-2.5e-7, "-2.5e-7")]
    public void A_number_is_written_with_a_plain_exponent(double x, string expected) => Assert.Equal(expected, NumberFormat.Plain(x));

    [Fact]
    public void A_plain_number_reads_back_as_itself() =>
        Gen.Double.Where(double.IsFinite).Sample(x =>
        {
            var text = NumberFormat.Plain(x);
            return !text.Contains('E', StringComparison.Ordinal) && double.Parse(text, CultureInfo.InvariantCulture) == x;
        });

    [Fact]
    public void No_figure_of_a_table_or_a_text_runs_past_about_twenty_characters()
    {
        // Every fixed-point format falls back to three significant digits and an exponent from 1e15 up.
        var en = Strings.For(Language.En);
        var zh = Words.For(Language.ZhHant);
        Gen.Double.Where(double.IsFinite).Sample(x =>
        {
            string[] texts =
            [
                Words.N(x, 0), Words.N(x, 1), Words.N(x, 2), Words.Percent(x), en.FormatValue(x, "n1"), en.FormatValue(x, "n4"), en.FormatValue(x, "m"),
                en.FormatValue(x, "pct2"), en.FormatValue(x, "int"), en.FormatValue(x, "q3"), en.FormatValue(x, "g"), en.FormatValue(x, "g3"),
                zh.Quantity(x, Suanli.Core.Unit.Money, Suanli.Core.Currency.RMB), zh.Quantity(x, Suanli.Core.Unit.MoneyPerKwMonth, Suanli.Core.Currency.RMB),
                Words.For(Language.En).Quantity(x, Suanli.Core.Unit.Mw),
            ];
            return texts.All(t => t.Length <= 32);
        });
        Assert.Equal("3.75e+301", Words.N(3.75e301, 1));
        Assert.Equal("999,999,999,999,999.0", Words.N(999_999_999_999_999, 1));
        Assert.Equal("-1.2e+17%", Words.Percent(-1.2e15));
        Assert.Equal("6.64e+12", en.FormatValue(6.64e12, "g3"));
    }
}
