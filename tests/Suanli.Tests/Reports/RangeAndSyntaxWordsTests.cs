using Suanli.Core;
using Suanli.Reports;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using Suanli.Tests.Cli;

namespace Suanli.Tests.Reports;

/// <summary>The unit words inside ranges, and YamlDotNet's own words inside syntax errors, read in the chosen language.</summary>
public class RangeAndSyntaxWordsTests
{
    // Unit symbols, written the same in every language; every other unit of the schema is a word with a key.
    private static readonly HashSet<string> Symbols = ["MW", "kW", "W", "GB", "GB/s", "TB/s", "Gbps", "TFLOPS", "FLOP", "FTE", "km", "µs", "µs/km", "kg CO2/kWh", "RMB/USD"];

    [Fact]
    public void Every_unit_of_the_schema_is_a_symbol_or_a_word_with_a_key()
    {
        var units = SchemaInfo.ScalarPaths(typeof(Suanli.Scenarios.Schema.ScenarioDto)).Select(p => p.Field.Attribute.Unit).OfType<string>().Distinct().ToList();
        Assert.True(units.Count > 20, $"only {units.Count} units");
        var neither = units.Where(u => !Symbols.Contains(u) && SchemaInfo.UnitKey(u) is null).ToList();
        Assert.True(neither.Count == 0, "units with neither a key nor a place among the symbols: " + string.Join(", ", neither));
    }

    [Theory]
    [InlineData(Language.ZhHant)]
    [InlineData(Language.ZhHans)]
    public void A_range_with_a_unit_in_words_reads_in_Chinese(Language language)
    {
        var words = Words.For(language);
        foreach (var (path, field) in SchemaInfo.ScalarPaths(typeof(Suanli.Scenarios.Schema.ScenarioDto)))
        {
            if (field.Range is not { } range || field.Attribute.Unit is not { } unit || Symbols.Contains(unit))
            {
                continue;
            }

            var text = words.Text(range);
            Assert.True(text.Any(c => c is >= '\u4E00' and <= '\u9FFF'), $"{path}: '{text}'");
            Assert.StartsWith(field.Interval!, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_range_reads_as_before_in_English()
    {
        var field = SchemaInfo.ScalarPaths(typeof(Suanli.Scenarios.Schema.ScenarioDto)).Single(p => p.Path == "site.vacancy").Field;
        Assert.Equal("[0, 1] fraction", field.RangeText);
        Assert.Equal("[0, 1] 比例", Words.For(Language.ZhHant).Text(field.Range!));
        var mw = SchemaInfo.ScalarPaths(typeof(Suanli.Scenarios.Schema.ScenarioDto)).Single(p => p.Path == "site.itCapacityMw").Field;
        Assert.Equal("[0.01, 5000] MW", Words.For(Language.ZhHans).Text(mw.Range!));
    }

    [Theory]
    [InlineData("zh-Hant", "--set[1]:1:14: site.vacancy：1.5 超出範圍 [0, 1] 比例（比例以 0–1 表示：35% 寫作 0.35）（可接受：[0, 1] 比例 內的有限數值）")]
    [InlineData("zh-Hans", "--set[1]:1:14: site.vacancy：1.5 超出范围 [0, 1] 比例（比例以 0–1 表示：35% 写作 0.35）（可接受：[0, 1] 比例 内的有限数值）")]
    [InlineData("en", "--set[1]:1:14: site.vacancy: 1.5 is outside [0, 1] fraction (fractions are written 0–1: 35% is 0.35) (allowed: a finite number in [0, 1] fraction)")]
    public void The_unit_word_of_a_range_is_translated_on_the_command_line(string language, string expected)
    {
        var run = CliRunner.Run("econ", "--preset", "us-2025", "--set", "site.vacancy=1.5", "--lang", language);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error.TrimEnd());
    }

    [Theory]
    [InlineData("While scanning a plain scalar value, found invalid mapping", "plainScalar")]
    [InlineData("While scanning a quoted scalar, found unexpected end of stream", "quoteUnclosed")]
    [InlineData("While scanning a quoted scalar, found unknown escape character", "quoteEscape")]
    [InlineData("Mapping values are not allowed in this context", "mappingValue")]
    [InlineData("Block sequence entries are not allowed in this context", "blockEntry")]
    [InlineData("While parsing a flow sequence, did not find expected ',' or ']'", "flowSequence")]
    [InlineData("While parsing a flow mapping, did not find expected ',' or '}'", "flowMapping")]
    [InlineData("While parsing a block mapping, did not find expected key", "blockMapping")]
    [InlineData("While parsing a block collection, did not find expected '-' indicator", "blockCollection")]
    [InlineData("While scanning a simple key, could not find expected ':'", "simpleKey")]
    [InlineData("While scanning an anchor or alias, found value containing disallowed: []{},", "anchor")]
    [InlineData("While scanning a %TAG directive, did not find expected whitespace", "directive")]
    [InlineData("While scanning a tag, did not find expected '!'", "tag")]
    [InlineData("Did not find expected <document start>", "document")]
    [InlineData("While scanning for the next token, found character that cannot start any token", "badCharacter")]
    [InlineData("While parsing a node, did not find expected node content", "node")]
    [InlineData("Something YamlDotNet says one day", "other")]
    public void The_kind_of_a_syntax_error_is_read_from_the_parser_words(string parser, string kind) =>
        Assert.Equal(kind, SafeYaml.SyntaxKind(parser));

    [Theory]
    [InlineData("name: x\nsite: x: y\n")]
    [InlineData("name: \"x\n")]
    [InlineData("name: x\nsite:\n  a: 1\n - b\n")]
    [InlineData("name: x\n@site: 1\n")]
    [InlineData("name: x\nsite: [1, 2\n")]
    [InlineData("name: x\n  site: 1\n")]
    public void A_syntax_error_names_its_kind_in_Chinese_around_the_parser_words(string yaml)
    {
        var d = Assert.Single(ScenarioLoader.FromText(yaml, "t.yaml").Diagnostics);
        Assert.Equal(d.ToString(), Words.For(Language.En).DiagnosticLine(d));
        foreach (var language in new[] { Language.ZhHant, Language.ZhHans })
        {
            var line = Words.For(language).DiagnosticLine(d);
            Assert.Contains(line, c => c is >= '\u4E00' and <= '\u9FFF');
            if (d.MessageText?.Key?.StartsWith("diag.yamlSyntax", StringComparison.Ordinal) == true)
            {
                // The parser's English stays, as a quotation in parentheses after the Chinese words.
                var detail = (MessageText)d.MessageText.Args.Single(a => a.Key == "detail").Value;
                var parser = (string)detail.Args.Single().Value;
                Assert.Contains("（解析器原文：" + parser + "）", line, StringComparison.Ordinal);
                Assert.DoesNotContain("：" + parser, line.Replace("解析器原文：" + parser, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_syntax_error_reads_in_Chinese_as_a_sentence()
    {
        var d = Assert.Single(ScenarioLoader.FromText("name: x\nsite: x: y\n", "t.yaml").Diagnostics);
        Assert.Equal("t.yaml:2:8: (scenario)：檔案不是有效的 YAML：未加引號的值中含有「: 」或「#」（請為該值加上引號）（解析器原文：While scanning a plain scalar value, found invalid mapping）（可接受：由「key: value」行組成的 YAML）",
            Words.For(Language.ZhHant).DiagnosticLine(d));
        Assert.Equal("t.yaml:2:8: (scenario): the file is not valid YAML: While scanning a plain scalar value, found invalid mapping (allowed: YAML with 'key: value' lines)", d.ToString());
    }

    [Fact]
    public void A_missing_key_is_described_in_the_Chinese_sentence_too()
    {
        // The schema's field descriptions are in the Schema resources (field.<Type>.<key>); the English stays the
        // attribute's, which docs/scenario-reference.md is generated from.
        var d = ScenarioLoader.FromText(Suanli.Tests.Scenarios.ScenarioText.Without("designPue"), "t.yaml").Diagnostics.Single(x => x.MessageText?.Key == "diag.missingKey");
        var line = Words.For(Language.ZhHans).DiagnosticLine(d);
        Assert.Contains("缺少必填键“designPue”（IT 满载设计工况下的 PUE）", line, StringComparison.Ordinal);
        Assert.DoesNotContain("PUE at full design IT load", line, StringComparison.Ordinal);
        Assert.Contains("(PUE at full design IT load)", Words.For(Language.En).DiagnosticLine(d), StringComparison.Ordinal);
    }
}
