using System.Text.Json;
using Suanli.Reports;
using Suanli.Scenarios;

namespace Suanli.Tests.Cli;

/// <summary>
/// Table output shows a built-in scenario's description in the chosen language — in <c>presets list</c> and under the
/// title of each command — while JSON and a user's own description stay as written.
/// </summary>
public class PresetWordsCommandTests
{
    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The description column of the <c>presets list</c> table, all rows run together without white space.</summary>
    private static string DescriptionColumn(string table) => NoSpace(string.Concat(table.Split('\n')
        .Select(line => line.Split('│'))
        .Where(cells => cells.Length == 6)
        .Select(cells => cells[4])));

    [Theory]
    [InlineData("zh-Hant", Language.ZhHant, "文章所描述的 2025 年中國 AI 數據中心（智算中心）：市場租金約每千瓦每月 300 元人民幣，電費另計，30-40% 的容量空置。")]
    [InlineData("zh-Hans", Language.ZhHans, "文章所描述的 2025 年中国 AI 数据中心（智算中心）：市场租金约每千瓦每月 300 元人民币，电费另计，30-40% 的容量空置。")]
    public void The_list_describes_every_preset_in_Chinese(string lang, Language language, string essaySummary)
    {
        var (code, stdout, _) = CliRunner.Run("presets", "list", "--lang", lang);
        Assert.Equal(0, code);
        var column = DescriptionColumn(stdout);
        Assert.Contains(NoSpace(essaySummary), column, StringComparison.Ordinal);
        foreach (var name in Presets.Names)
        {
            Assert.Contains(NoSpace(Words.For(language).PresetSummary(name)), column, StringComparison.Ordinal);
            Assert.DoesNotContain(NoSpace(Presets.Summary(name)), column, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_list_in_English_and_its_JSON_in_any_language_keep_the_English()
    {
        var (_, english, _) = CliRunner.Run("presets", "list", "--lang", "en");
        Assert.Contains(NoSpace(Presets.Summary("cn-2025-essay")), DescriptionColumn(english), StringComparison.Ordinal);
        var json = CliRunner.Run("presets", "list", "--json", "--lang", "en").Out;
        Assert.Equal(json, CliRunner.Run("presets", "list", "--json", "--lang", "zh-Hans").Out);
        Assert.Equal(json, CliRunner.Run("presets", "list", "--json", "--lang", "zh-Hant").Out);
        var row = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "us-2025");
        Assert.Equal(Presets.Summary("us-2025"), row.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("zh-Hant", "econ", "us-2025", "2025 年美國批發型託管數據中心")]
    [InlineData("zh-Hans", "layout", "cn-200mw-campus-vs-5-sites", "中国 200 MW 智算中心建设的两种方案")]
    [InlineData("zh-Hans", "reliability", "llama3-405b-16k", "Meta Llama 3 405B 预训练的一段快照")]
    [InlineData("zh-Hant", "train", "deepseek-v3-h800", "DeepSeek 公布的 DeepSeek-V3 訓練")]
    [InlineData("zh-Hans", "run", "us-2025", "2025 年美国批发型托管")]
    public void The_header_describes_a_preset_in_Chinese(string lang, string command, string preset, string start)
    {
        var (code, stdout, stderr) = CliRunner.Run(command, "--preset", preset, "--lang", lang);
        Assert.True(code == 0, stderr);
        var language = lang == "zh-Hant" ? Language.ZhHant : Language.ZhHans;
        var description = Words.For(language)[PresetWords.DescriptionKey(preset)];
        Assert.StartsWith(start, description, StringComparison.Ordinal);
        Assert.Contains(NoSpace(description), NoSpace(stdout), StringComparison.Ordinal);
        var english = ScenarioLoader.FromPreset(preset).Scenario!.Description!;
        Assert.DoesNotContain(NoSpace(english[..40]), NoSpace(stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_JSON_carries_no_translated_description()
    {
        // Words in JSON are data: a preset's description is translated for tables only.
        var (code, stdout, _) = CliRunner.Run("econ", "--preset", "us-2025", "--json", "--lang", "zh-Hans");
        Assert.Equal(0, code);
        Assert.DoesNotContain("美国批发型托管", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_the_user_own_is_shown_as_written()
    {
        // Set with --set on a preset.
        var (_, set, _) = CliRunner.Run("econ", "--preset", "us-2025", "--set", "description=my own words", "--lang", "zh-Hans");
        Assert.Contains("\nmy own words\n", set.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("美国批发型托管", set, StringComparison.Ordinal);

        // A file copied from a preset is the user's: its description stays as the file writes it.
        var dir = Directory.CreateTempSubdirectory("suanli-preset-words-");
        try
        {
            var path = Path.Combine(dir.FullName, "mine.yaml");
            File.WriteAllText(path, Presets.Text("us-2025"));
            var (code, stdout, _) = CliRunner.Run("econ", path, "--lang", "zh-Hant");
            Assert.Equal(0, code);
            Assert.Contains(NoSpace(ScenarioLoader.FromPreset("us-2025").Scenario!.Description!), NoSpace(stdout), StringComparison.Ordinal);
            Assert.DoesNotContain("美國批發型託管", stdout, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
