using System.Globalization;
using Suanli.Cli;

namespace Suanli.Tests.Cli;

/// <summary>Error messages and help in the chosen language (issue 9: "every … error message comes from resource files").</summary>
public class LanguageErrorsTests
{
    private static void AssertOneLineError((int ExitCode, string Out, string Error) run, string expectedStart)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith(expectedStart, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set[1]:1:14: site.vacancy：1.5 超出範圍 [0, 1] 比例（比例以 0–1 表示：35% 寫作 0.35）（可接受：", "econ", "--preset", "us-2025", "--set", "site.vacancy=1.5", "--lang", "zh-Hant")]
    [InlineData("--set[1]:1:1: site.vacany：未知的路径“site.vacany”；是否应为“site.vacancy”？", "econ", "--preset", "us-2025", "--set", "site.vacany=0.1", "--lang", "zh-Hans")]
    [InlineData("--set[1]:1:14: site.vacancy：此處應為數值，實際為「abc」（可接受：[0, 1] 比例 內的有限數值）", "econ", "--preset", "us-2025", "--set", "site.vacancy=abc", "--lang", "zh-Hant")]
    [InlineData("/no/such/file.yaml:1:1: (scenario)：無法讀取情境檔：檔案不存在（可接受：可讀取的 YAML 檔案，或 --preset NAME）", "econ", "/no/such/file.yaml", "--lang", "zh-Hant")]
    [InlineData("command-line:1:1: usage：请指定情景文件或 --preset NAME（可接受：YAML 文件路径，或下列之一：", "econ", "--lang", "zh-Hans")]
    [InlineData("command-line:1:1: usage：情境檔與 --preset 只能擇一指定（可接受：擇一）", "econ", "a.yaml", "--preset", "us-2025", "--lang", "zh-Hant")]
    [InlineData("command-line:1:1: --preset：未知的预设情景“nope”（可接受：", "econ", "--preset", "nope", "--lang", "zh-Hans")]
    [InlineData("presets/llama3-405b-16k.yaml:1:1: site：“suanli econ”需要“site:”部分，但情景文件中没有", "econ", "--preset", "llama3-405b-16k", "--lang", "zh-Hans")]
    [InlineData("command-line:1:1: --trials：此處應為整數，實際為「2.5」（可接受：", "reliability", "--preset", "llama3-405b-16k", "--trials", "2.5", "--lang", "zh-Hant")]
    [InlineData("command-line:1:1: --mfu：“NaN”不是有限数值（可接受：以小数点书写、不加千分位分隔符的数", "train", "--model", "llama3-405b", "--mfu", "NaN", "--lang", "zh-Hans")]
    [InlineData("command-line:1:1: --precision：“fp4”不在可选值之列（可接受：下列之一：bf16, fp8）", "train", "--model", "llama3-405b", "--precision", "fp4", "--lang", "zh-Hans")]
    [InlineData("command-line:1:1: --occupancy：7 超出範圍 [0, 1]（可接受：", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "7", "--lang", "zh-Hant")]
    [InlineData("command-line:1:1: --claim：「C10」不是文章中的論點（可接受：C1, C2", "essay", "--claim", "C10", "--lang", "zh-Hant")]
    [InlineData("command-line:1:1: name：未知的預設情境「nope」（可接受：", "presets", "show", "nope", "--lang", "zh-Hant")]
    public void Errors_are_written_in_the_chosen_language_with_location_and_field_as_they_are(string expectedStart, params string[] args) =>
        AssertOneLineError(CliRunner.Run(args), expectedStart);

    [Theory]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hans")]
    public void The_parser_own_errors_are_in_the_chosen_language_too(string lang)
    {
        var run = CliRunner.Run("frobnicate", "--lang", lang);
        Assert.Equal(2, run.ExitCode);
        foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.StartsWith("command-line:1:1: usage：", line, StringComparison.Ordinal);
            Assert.Contains(line, c => c is >= '\u4E00' and <= '\u9FFF');
            Assert.DoesNotContain("Unrecognized", line, StringComparison.Ordinal);
            Assert.DoesNotContain(".（", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void English_is_English_on_a_Chinese_system_too()
    {
        // The parser's own messages follow the UI culture; --lang en must win over a zh-TW system's.
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
            var run = CliRunner.Run("catalog", "models", "frobnicate", "--lang", "en");
            Assert.Contains("command-line:1:1: usage: Unrecognized command or argument 'frobnicate'. (allowed: see 'suanli catalog models --help')", run.Error, StringComparison.Ordinal);
            Assert.Equal(CultureInfo.GetCultureInfo("zh-TW"), CultureInfo.CurrentUICulture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_language_that_cannot_be_read_is_said_in_English_when_nothing_else_is_chosen()
    {
        var run = CliRunner.Run("essay", "--lang", "fr");
        AssertOneLineError(run, "command-line:1:1: --lang: 'fr' is not a language Suanli writes (allowed: en, zh-Hant, zh-Hans)");
    }

    [Theory]
    [InlineData("zh-Hant", new[] { "--help" }, new[] { "說明:", "Suanli（算力）：依據明確列出的輸入，測算數據中心經濟性與 AI 算力基礎設施。", "輸出語言：en、zh-Hant", "顯示說明與用法", "顯示版本資訊" })]
    [InlineData("zh-Hans", new[] { "presets", "--help" }, new[] { "说明:", "重现文章论点与公开数据的内置情景。", "列出内置的预设情景。", "以 YAML 输出一个预设情景" })]
    [InlineData("zh-Hant", new[] { "presets", "list", "--help" }, new[] { "以 JSON 輸出清單。" })]
    [InlineData("zh-Hans", new[] { "presets", "show", "--help" }, new[] { "预设情景名称。" })]
    [InlineData("zh-Hant", new[] { "schema", "--help" }, new[] { "以 Markdown 輸出情境檔參考" })]
    [InlineData("zh-Hans", new[] { "essay", "--help" }, new[] { "文章的论点 C1–C9", "只看这些论点，例如 --claim C4", "在标准输出写出一个 JSON 对象" })]
    [InlineData("zh-Hans", new[] { "econ", "--help" }, new[] { "情景 YAML 文件（或改用 --preset）。", "要运行的内置预设情景", "覆盖一项输入，例如 --set site.vacancy=0.05" })]
    [InlineData("zh-Hant", new[] { "run", "--help" }, new[] { "以對應的模型測算情境檔中的每個區段", "情境 YAML 檔（或改用 --preset）。" })]
    public void Help_is_written_in_the_chosen_language(string lang, string[] args, string[] expected)
    {
        var (code, stdout, _) = CliRunner.Run([.. args, "--lang", lang]);
        Assert.Equal(0, code);
        foreach (var text in expected)
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Description:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help and usage information", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void English_help_reads_as_before()
    {
        var (_, stdout, _) = CliRunner.Run("econ", "--help", "--lang", "en");
        Assert.Contains("Description:", stdout, StringComparison.Ordinal);
        Assert.Contains("Scenario YAML file (or use --preset).", stdout, StringComparison.Ordinal);
        Assert.Contains("Built-in preset to run (see 'suanli presets list').", stdout, StringComparison.Ordinal);
        Assert.Contains("Override one input, e.g. --set site.vacancy=0.05 (repeatable; same checks as the file).", stdout, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help     Show help and usage information", stdout, StringComparison.Ordinal);
        var root = CliRunner.Run("--help", "--lang", "en").Out;
        Assert.Contains("Suanli (算力): data-center economics and AI compute infrastructure, computed from stated inputs.", root, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hant", "預設情境", "幣別", "以 YAML 顯示其中一個以便複製修改：suanli presets show NAME")]
    [InlineData("zh-Hans", "预设情景", "币种", "以 YAML 显示其中一个以便复制修改：suanli presets show NAME")]
    [InlineData("en", "preset", "currency", "Show one as YAML to copy and edit: suanli presets show NAME")]
    public void The_presets_table_is_in_the_chosen_language(string lang, string presetHeader, string currencyHeader, string hint)
    {
        var (code, stdout, _) = CliRunner.Run("presets", "list", "--lang", lang);
        Assert.Equal(0, code);
        Assert.Contains(presetHeader, stdout, StringComparison.Ordinal);
        Assert.Contains(currencyHeader, stdout, StringComparison.Ordinal);
        Assert.Contains(hint, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_presets_JSON_and_the_schema_are_the_same_in_every_language()
    {
        Assert.Equal(CliRunner.Run("presets", "list", "--json", "--lang", "en").Out, CliRunner.Run("presets", "list", "--json", "--lang", "zh-Hant").Out);
        var reference = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "docs", "scenario-reference.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(reference, CliRunner.Run("schema", "--lang", "zh-Hans").Out);
    }

    [Fact]
    public void A_failure_of_Suanli_itself_is_said_in_the_chosen_language()
    {
        using var stderr = new StringWriter();
        var code = CliApp.Run(["essay", "--lang", "zh-Hant"], new CliContext(new FailingWriter(), stderr));
        Assert.Equal(1, code);
        Assert.StartsWith("suanli: 錯誤：", stderr.ToString(), StringComparison.Ordinal);
    }

    private sealed class FailingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device", 28);
    }
}
