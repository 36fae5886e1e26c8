using Suanli.Reports;

namespace Suanli.Tests.Reports;

/// <summary>Numbers in words: sizes and values that round to zero.</summary>
public class NumberFormatTests
{
    [Theory]
    [InlineData(200.0, "200")]
    [InlineData(1234.4, "1,234")]
    [InlineData(10.0, "10")]
    [InlineData(9.87654, "9.88")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.0123456, "0.0123")]
    public void A_size_is_whole_from_10_up_and_three_significant_digits_below(double value, string expected) =>
        Assert.Equal(expected, Strings.For(Language.En).FormatValue(value, "q3"));

    [Theory]
    [InlineData(-0.004, "pct0", "0%")]     // the US layout's power share, -3e-17, read "power -0%"
    [InlineData(-1e-17, "pct1", "0.0%")]
    [InlineData(-0.04, "n1", "0.0")]
    [InlineData(-1e-9, "m", "0.00")]
    [InlineData(-0.4, "n0", "0")]
    [InlineData(-0.6, "n0", "-1")]
    [InlineData(-0.05, "pct0", "-5%")]
    public void A_value_that_rounds_to_zero_never_reads_minus_zero(double value, string format, string expected) =>
        Assert.Equal(expected, Strings.For(Language.En).FormatValue(value, format));
}
