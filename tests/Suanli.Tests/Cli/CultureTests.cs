using System.Globalization;

namespace Suanli.Tests.Cli;

/// <summary>Machine output must not change with the user's culture (decimal commas, other digits).</summary>
public class CultureTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("zh-TW")]
    public void Json_and_tables_are_identical_under_any_culture(string cultureName)
    {
        var invariant = Run(CultureInfo.InvariantCulture);
        var other = Run(new CultureInfo(cultureName));
        Assert.Equal(invariant.Json, other.Json);
        Assert.Equal(invariant.Tables, other.Tables);
        Assert.Contains("276.2", invariant.Tables, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_values_parse_with_a_decimal_point_under_a_decimal_comma_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var (code, _, stderr) = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0.05", "--json");
            Assert.True(code == 0, stderr);
            Assert.Equal(2, CliRunner.Run("econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0,05").ExitCode);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static (string Json, string Tables) Run(CultureInfo culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return (CliRunner.Run("econ", "--preset", "cn-2025-essay", "--json").Out,
                    CliRunner.Run("econ", "--preset", "cn-2025-essay").Out);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
