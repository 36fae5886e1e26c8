using System.Text;
using Suanli.Cli;
using Suanli.Core;
using Suanli.Reports;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;
using Suanli.Tests.Scenarios;

namespace Suanli.Tests.Reports;

/// <summary>Diagnostics carry a message key and arguments; the words come from the Cli resources in each language.</summary>
public class DiagnosticWordsTests
{
    private static readonly string Valid = ScenarioText.Valid;

    /// <summary>Inputs that between them give every common kind of diagnostic the loader writes.</summary>
    public static IEnumerable<Diagnostic> Corpus()
    {
        static IEnumerable<Diagnostic> Text(string yaml, params string[] sets) => ScenarioLoader.FromText(yaml, "t.yaml", sets).Diagnostics;
        var all = new List<Diagnostic>();
        all.AddRange(Text(Valid.Replace("  itCapacityMw: 10", "  itCapacityMv: 10", StringComparison.Ordinal)));     // unknown key, suggestion
        all.AddRange(Text(Valid.Replace("  itCapacityMw: 10", "  zzz: 10", StringComparison.Ordinal)));               // unknown key, none close; missing key
        all.AddRange(Text(Valid, "site.vacancy=1.5"));                                                              // out of range (fraction)
        all.AddRange(Text(Valid, "site.designPue=-2"));                                                             // out of range (negative)
        all.AddRange(Text(Valid, "site.designPue=abc"));                                                            // not a number
        all.AddRange(Text(Valid, "site.designPue=12,5"));                                                           // not a number, localised
        all.AddRange(Text(Valid, "site.designPue=.nan"));                                                           // not finite
        all.AddRange(Text(Valid, "site.designPue=35%"));                                                            // a percentage
        all.AddRange(Text(Valid, "site.designPue=\"1.2\""));                                                        // quoted number
        all.AddRange(Text(Valid, "site.constructionMonths=2.5"));                                                   // not whole
        all.AddRange(Text(Valid, "site.powerPricing=passThrouh"));                                                  // unknown choice, suggestion
        all.AddRange(Text(Valid, "site.replaceAtEndOfLife=maybe"));                                                 // not a boolean
        all.AddRange(Text(Valid, "site.vacany=0.1", "site=1"));                                                     // --set: unknown path, a section
        all.AddRange(Text(Valid, "nonsense"));                                                                      // --set: not path=value
        all.AddRange(Text(Valid.Replace("  designPue: 1.25", "  designPue: [1, 2]", StringComparison.Ordinal)));     // wrong type
        all.AddRange(Text(Valid.Replace("  designPue: 1.25", "  designPue: {value: 1.25, sorce: x}", StringComparison.Ordinal)));
        all.AddRange(Text("name: x\nsite: [1, {a: 2\nb: 3\n"));                                                     // YAML syntax
        all.AddRange(Text("name: x\nsite: x: y\n"));
        all.AddRange(Text("name: x\n\tsite: 1\n"));                                                                 // tab
        all.AddRange(Text("name: !!str x\n"));                                                                      // tag
        all.AddRange(Text("name: x\na: [*nope]\n"));                                                                // alias
        all.AddRange(Text(""));                                                                                     // empty
        all.AddRange(Text("a: 1\n---\nb: 2\n"));                                                                    // two documents
        all.AddRange(Text("- 1\n"));                                                                                // not a mapping
        all.AddRange(Text("name: x\nsite:\n  itCapacityMw: 10\n"));                                                 // missing keys
        all.AddRange(Text(Valid.Replace("currency: RMB\n", string.Empty, StringComparison.Ordinal)));              // no currency
        all.AddRange(ScenarioLoader.FromFile("/no/such/file.yaml").Diagnostics);                                    // no such file
        all.AddRange(ScenarioLoader.FromFile(Path.GetTempPath()).Diagnostics);                                      // a directory
        all.AddRange(ScenarioLoader.FromPreset("us-2025x").Diagnostics);                                            // unknown preset
        var dir = Directory.CreateTempSubdirectory("suanli-diag-");
        try
        {
            var large = Path.Combine(dir.FullName, "large.yaml");
            File.WriteAllBytes(large, new byte[ScenarioLoader.MaxFileBytes + 1]);
            all.AddRange(ScenarioLoader.FromFile(large).Diagnostics);                                                // too large
            var latin1 = Path.Combine(dir.FullName, "latin1.yaml");
            File.WriteAllBytes(latin1, [.. Encoding.ASCII.GetBytes("name: caf"), 0xE9, (byte)'\n']);
            all.AddRange(ScenarioLoader.FromFile(latin1).Diagnostics);                                               // not UTF-8
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        return all;
    }

    [Fact]
    public void The_English_of_every_message_key_is_its_English_resource()
    {
        var english = Strings.For(Language.En);
        Assert.Empty(Messages.English.Keys.Intersect(CliMessages.English.Keys));
        foreach (var (key, text) in Messages.English.Concat(CliMessages.English))
        {
            Assert.True(english.Contains(key), $"no resource for {key}");
            Assert.Equal(text, english[key]);
        }
    }

    [Fact]
    public void The_common_kinds_of_diagnostic_are_keyed_messages()
    {
        var keys = Corpus().Select(d => d.MessageText?.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        string[] common =
        [
            "diag.unknownKey.suggest", "diag.unknownKey", "diag.missingKey", "diag.expected", "diag.notANumber", "diag.notANumber.localised",
            "diag.notFinite", "diag.percentage", "diag.outOfRange.fraction", "diag.outOfRange.negative", "diag.unknownChoice.suggest",
            "diag.expectedBoolean", "diag.expectedWhole", "diag.quotedNumber", "diag.setUnknownPath.suggest", "diag.setSection", "diag.setSyntax",
            "diag.yamlUnclosed.file", "diag.yamlTab", "diag.yamlTag", "diag.yamlAliasUndefined", "diag.emptyScenario", "diag.severalDocuments",
            "diag.notMapping", "diag.fileNotFound", "diag.fileIsDirectory", "diag.fileTooLarge", "diag.notUtf8", "diag.unknownPreset.suggest",
            "diag.unknownSourcedKey", "diag.noCurrency",
        ];
        Assert.Empty(common.Except(keys));
    }

    [Fact]
    public void In_English_a_diagnostic_reads_exactly_as_its_one_line_form()
    {
        var english = Words.For(Language.En);
        foreach (var d in Corpus())
        {
            Assert.Equal(d.ToString(), english.DiagnosticLine(d));
        }
    }

    [Theory]
    [InlineData(Language.ZhHant)]
    [InlineData(Language.ZhHans)]
    public void In_Chinese_the_message_is_translated_and_the_location_and_field_are_not(Language language)
    {
        var words = Words.For(language);
        foreach (var d in Corpus().Where(d => d.MessageText is not null))
        {
            var line = words.DiagnosticLine(d);
            var field = string.IsNullOrEmpty(d.Path) ? "(scenario)" : d.Path;
            Assert.StartsWith($"{d.File}:{d.Line}:{d.Column}: {field}：", line, StringComparison.Ordinal);
            Assert.Contains(line, c => c is >= '\u4E00' and <= '\u9FFF');
            Assert.DoesNotContain("(allowed: ", line, StringComparison.Ordinal);
            Assert.DoesNotContain(d.Message, line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
        }
    }

    [Fact]
    public void A_value_echoed_in_a_translated_message_stays_escaped()
    {
        var d = Assert.Single(ScenarioLoader.FromText(Valid, "t.yaml", ["site.designPue=\u001b[2Jx"]).Diagnostics);
        var line = Words.For(Language.ZhHant).DiagnosticLine(d);
        Assert.DoesNotContain('\u001b', line);
        Assert.Contains("\\u001B[2Jx", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagnostic_without_a_key_keeps_its_English_words_in_a_Chinese_frame()
    {
        var d = new Diagnostic(Severity.Error, DiagnosticCodes.Inconsistent, "t.yaml", 3, 5, "site.phases", "the phases add up to 5 MW", "phases that sum");
        Assert.Equal("t.yaml:3:5: site.phases：the phases add up to 5 MW（可接受：phases that sum）", Words.For(Language.ZhHans).DiagnosticLine(d));
        Assert.Equal(d.ToString(), Words.For(Language.En).DiagnosticLine(d));
    }
}
