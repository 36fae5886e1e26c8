using System.Text.RegularExpressions;

namespace Suanli.Tests.Cli;

/// <summary>
/// A missing key is explained in the chosen language: the description of what the key means comes from the Schema
/// resources, not from the English of the schema attribute.
/// </summary>
public class FieldWordsCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("suanli-fields-");

    public void Dispose()
    {
        dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Scenario()
    {
        var path = Path.Combine(dir.FullName, "m.yaml");
        File.WriteAllText(path, "site:\n  itCapacityMw: 10\n");
        return path;
    }

    [Theory]
    [InlineData("zh-Hans", "site.designPue：缺少必填键“designPue”（IT 满载设计工况下的 PUE）",
        "site.initialOccupancy：缺少必填键“initialOccupancy”（每期投产时的上架率（已出租容量占在役容量的比例））")]
    [InlineData("zh-Hant", "site.designPue：缺少必填的鍵「designPue」（IT 滿載設計工況下的 PUE）",
        "site.initialOccupancy：缺少必填的鍵「initialOccupancy」（每期投產時的上架率（已出租容量佔在役容量的比例））")]
    public void A_missing_key_is_described_in_Chinese(string lang, string designPue, string initialOccupancy)
    {
        var path = Scenario();
        var (code, stdout, stderr) = CliRunner.Run("econ", path, "--lang", lang);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(path + ":2:3: " + designPue + "（", stderr, StringComparison.Ordinal);
        Assert.Contains(path + ":2:3: " + initialOccupancy + "（", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("PUE at full design IT load", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("leased share of capacity", stderr, StringComparison.Ordinal);

        // No English sentence anywhere: three English words in a row would be one (keys and choices are single words).
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 10, stderr);
        foreach (var line in lines)
        {
            var words = Regex.Match(line[(path.Length + 1)..], @"\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b");
            Assert.False(words.Success, $"English words '{words.Value}' in: {line}");
        }
    }

    [Fact]
    public void In_English_a_missing_key_reads_as_before()
    {
        var path = Scenario();
        var (code, _, stderr) = CliRunner.Run("econ", path, "--lang", "en");
        Assert.Equal(2, code);
        Assert.Contains(path + ":2:3: site.designPue: required key 'designPue' is missing (PUE at full design IT load) (allowed: a finite number in [1, 3] ratio)",
            stderr, StringComparison.Ordinal);
        Assert.Contains(path + ":1:1: name: required key 'name' is missing (Short identifier of the scenario, e.g. cn-2025-essay) (allowed: text)",
            stderr, StringComparison.Ordinal);
    }
}
