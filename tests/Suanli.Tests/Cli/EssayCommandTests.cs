using System.Text.Json;

namespace Suanli.Tests.Cli;

public class EssayCommandTests
{
    [Fact]
    public void Json_lists_claims_C1_to_C9_with_verdict_figures_evidence_and_inputs()
    {
        var (code, stdout, stderr) = CliRunner.Run("essay", "--json", "--lang", "en");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("suanliVersion").GetString()));
        Assert.Equal(0, json.GetProperty("overrides").GetArrayLength());
        // Every input the figures rest on, by scenario or catalog entry: the essay preset among them, with its sources.
        Assert.Contains(json.GetProperty("inputs").GetProperty("presets/cn-2025-essay.yaml").EnumerateArray(),
            i => i.GetProperty("path").GetString() == "site.vacancy" && i.GetProperty("source").GetString()!.Contains("essay", StringComparison.Ordinal));
        var claims = json.GetProperty("claims");
        Assert.Equal(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"], claims.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        string[] verdicts = ["reproduced", "reproducedUnderAssumptions", "contradictedByEvidence", "mixed", "notYetComputable"];
        foreach (var c in claims.EnumerateArray())
        {
            Assert.Contains(c.GetProperty("verdict").GetString(), verdicts);
            Assert.Equal(JsonValueKind.Object, c.GetProperty("figures").ValueKind);
            Assert.Equal(JsonValueKind.Array, c.GetProperty("evidence").ValueKind);
            Assert.Equal(JsonValueKind.Object, c.GetProperty("inputs").ValueKind);
            Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetProperty("text").GetString()));
        }

        var c4 = claims[3];
        Assert.True(c4.GetProperty("figures").GetProperty("accountingBreakEvenRentPerKwMonth").GetProperty("value").GetDouble() > 260);
        Assert.Equal("RMB", c4.GetProperty("figures").GetProperty("accountingBreakEvenRentPerKwMonth").GetProperty("currency").GetString());
        var input = c4.GetProperty("inputs").GetProperty("presets/cn-2025-essay.yaml").EnumerateArray().First(i => i.GetProperty("path").GetString() == "site.rentPerKwMonth");
        Assert.Contains("essay", input.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_byte_identical_across_runs_and_keeps_the_original_quote_in_every_language()
    {
        var first = CliRunner.Run("essay", "--json", "--lang", "zh-Hans").Out;
        var second = CliRunner.Run("essay", "--json", "--lang", "zh-Hans").Out;
        Assert.Equal(first, second);
        var c8 = JsonDocument.Parse(first).RootElement.GetProperty("claims")[7].GetProperty("quote");
        Assert.Contains("兩者相差一千萬倍", c8.GetProperty("original").GetString(), StringComparison.Ordinal);
        Assert.Contains("两者相差一千万倍", c8.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Summary", "reproduced under assumptions")]
    [InlineData("zh-Hant", "總結", "在假設條件下可重現")]
    [InlineData("zh-Hans", "总结", "在假设条件下可复现")]
    public void Tables_are_written_in_the_chosen_language(string lang, string summary, string verdict)
    {
        var (code, stdout, stderr) = CliRunner.Run("essay", "--lang", lang);
        Assert.True(code == 0, stderr);
        Assert.Contains(summary, stdout, StringComparison.Ordinal);
        Assert.Contains(verdict, stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Simplified_output_shows_the_essays_sentences_in_Simplified_characters()
    {
        var (_, stdout, _) = CliRunner.Run("essay", "--lang", "zh-Hans", "--claim", "C2");
        Assert.Contains("异地联合训练服务器", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("異地聯合訓練服務器", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lang", "fr", "--lang: 'fr'")]
    [InlineData("--claim", "C10", "--claim: 'C10'")]
    public void A_bad_option_value_is_an_error_naming_the_option_and_what_is_allowed(string option, string value, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("essay", option, value);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("allowed:", stderr, StringComparison.Ordinal);
    }
}
