namespace Suanli.Tests.Cli;

/// <summary>An unknown option is an error naming it, with the closest option of the command (issue 9).</summary>
public class UnknownOptionTests
{
    [Theory]
    [InlineData("--bogus", null, "suanli econ", "econ", "--bogus")]
    [InlineData("--jsn", "--json", "suanli econ", "econ", "--preset", "us-2025", "--jsn")]
    [InlineData("--ocupancy", "--occupancy", "suanli layout", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--ocupancy", "0.5")]
    [InlineData("--optimise-interval", "--optimize-interval", "suanli reliability", "reliability", "--preset", "llama3-405b-16k", "--optimise-interval")]
    [InlineData("--optimise-interval", "--optimize-interval", "suanli reliability", "reliability", "--preset", "llama3-405b-16k", "--trials", "100", "--optimise-interval=yes")]
    [InlineData("--mfuu", "--mfu", "suanli train", "train", "--preset", "llama3-405b-h100", "--mfuu", "0.3")]
    [InlineData("--acelerator", "--accelerator", "suanli train", "train", "--acelerator", "h100")]
    [InlineData("--jsno", "--json", "suanli run", "run", "--preset", "us-2025", "--jsno")]
    [InlineData("--bogus", null, "suanli schema", "schema", "--bogus")]
    [InlineData("--lnag", "--lang", "suanli", "--lnag", "en")]
    public void An_unknown_option_is_named_with_a_suggestion_from_the_command_own_options(string option, string? suggestion, string command, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var expected = $"command-line:1:1: usage: unknown option '{option}'" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")
            + $" (allowed: the options of '{command}': ";
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        // Not read as a scenario path, nor as "a file and a preset".
        Assert.DoesNotContain("scenario", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_listed_are_those_of_the_command()
    {
        var (_, _, stderr) = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--optimise-interval");
        Assert.Contains("--preset, --set, --trials, --seed, --sweep, --optimize-interval", stderr, StringComparison.Ordinal);
        Assert.Contains("--lang", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--occupancy", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_double_dash_a_name_starting_with_a_dash_is_a_file()
    {
        var (code, _, stderr) = CliRunner.Run("econ", "--", "--bogus.yaml");
        Assert.Equal(2, code);
        Assert.StartsWith("--bogus.yaml:1:1: (scenario): cannot read the scenario: no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_number_is_a_value_not_an_option()
    {
        var (code, _, stderr) = CliRunner.Run("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "-0.5");
        Assert.Equal(2, code);
        Assert.StartsWith("command-line:1:1: --occupancy: -0.5 is outside [0, 1]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_is_in_the_chosen_language()
    {
        var (code, _, stderr) = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--optimise-interval", "--lang", "zh-Hans");
        Assert.Equal(2, code);
        Assert.StartsWith("command-line:1:1: usage：未知的选项“--optimise-interval”；是否应为“--optimize-interval”？（可接受：“suanli reliability”的选项：", stderr, StringComparison.Ordinal);
    }
}

public class ParserMessagesTests
{
    [Theory]
    [InlineData("en", "command-line:1:1: --accelerator: option '--accelerator' is required (allowed: see 'suanli infer --help')", "infer", "--model", "deepseek-v3")]
    [InlineData("zh-Hant", "command-line:1:1: --accelerator：必須提供選項「--accelerator」（可接受：參見「suanli infer --help」）", "infer", "--model", "deepseek-v3")]
    [InlineData("zh-Hans", "command-line:1:1: --preset：选项“--preset”只接受一个值，但提供了 2 个（可接受：参见“suanli econ --help”）", "econ", "--preset", "us-2025", "--preset", "cn-2025-essay")]
    public void The_parsers_messages_without_a_chinese_text_of_their_own_are_said_in_suanlis_words(string language, string expected, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--lang", language]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(expected, stderr.TrimEnd());
    }

    [Fact]
    public void Econ_help_is_in_the_chosen_language()
    {
        var (_, stdout, _) = CliRunner.Run("econ", "--help", "--lang", "zh-Hans");
        Assert.Contains("数据中心的现金流经济测算", stdout, StringComparison.Ordinal);
        Assert.Contains("不论终端宽度，列出逐年现金流表的所有列", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Write one JSON object", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_essay_claim_in_a_scenario_table_is_named_in_chinese_and_points_at_the_essay_for_its_evidence()
    {
        var (_, stdout, _) = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--lang", "zh-Hant");
        var flat = CliRunner.Flat(stdout);
        Assert.Contains("見 suanli essay --claim C4", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("Construction, depreciation and O&M need", flat, StringComparison.Ordinal);
    }
}
