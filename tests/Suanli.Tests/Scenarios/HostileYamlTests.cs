using System.Text;
using Suanli.Core;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Tests.Scenarios;

/// <summary>
/// Input a hostile or careless user could give the loader. Each case used to crash the process (stack overflow),
/// exhaust memory, end in an "internal error", or be accepted silently; each must now be one located diagnostic.
/// </summary>
public class HostileYamlTests
{
    private static LoadResult Load(string yaml, params string[] sets) => ScenarioLoader.FromText(yaml, "test.yaml", sets);

    private static Diagnostic SingleError(LoadResult result)
    {
        Assert.Null(result.Scenario);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData('{', '}', "site: ", "a: ")]
    [InlineData('[', ']', "site: ", "")]
    public void Nesting_20000_deep_is_refused_not_a_stack_overflow(char open, char close, string prefix, string key)
    {
        var yaml = "name: x\ncurrency: RMB\n" + prefix + string.Concat(Enumerable.Repeat(open + key, 20_000)) + "1" + new string(close, 20_000) + "\n";
        var d = SingleError(Load(yaml));
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal(3, d.Line);
        Assert.StartsWith("site", d.Path, StringComparison.Ordinal);
        Assert.Contains($"nested more than {SafeYaml.MaxDepth} deep", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_nesting_just_inside_the_limit_is_read_and_just_outside_is_refused()
    {
        static string Nested(int depth)
        {
            var text = new StringBuilder("name: x\ncurrency: RMB\nx:\n");
            for (var i = 1; i < depth; i++)
            {
                text.Append(' ', i).Append("x:\n");
            }

            return text.Append(' ', depth).Append("x: 1\n").ToString();
        }

        // The root mapping is level 1, so 'x:' nested n times makes n + 1 levels.
        var inside = Load(Nested(SafeYaml.MaxDepth - 1)).Diagnostics;
        Assert.DoesNotContain(inside, d => d.Code == DiagnosticCodes.YamlSyntax);
        Assert.Contains(inside, d => d.Code == DiagnosticCodes.UnknownKey && d.Path == "x");
        var outside = SingleError(Load(Nested(SafeYaml.MaxDepth)));
        Assert.Contains("nested more than", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cyclic_alias_used_as_a_key_is_refused()
    {
        // printf 'name: x\n? &k [*k]\n: 1\n' > c.yaml; suanli econ c.yaml  — was a stack overflow (exit 134).
        var d = SingleError(Load("name: x\n? &k [*k]\n: 1\n"));
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal((2, 3), (d.Line, d.Column));
        Assert.Contains("a key must be a plain name, not a list", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\na: &k [1, *k]\n", 2, 11, "a[1]", "is inside the node it refers to")]
    [InlineData("name: x\na: &k {b: *k}\n", 2, 11, "a.b", "is inside the node it refers to")]
    [InlineData("name: x\na: [*nope]\n", 2, 5, "a[0]", "names no anchor defined before it")]
    [InlineData("name: x\na: &x [*y]\nb: &y [*x]\n", 2, 8, "a[0]", "names no anchor defined before it")]
    [InlineData("name: x\n? *k\n: 1\n", 2, 3, "", "a key must be a plain name, not an alias")]
    public void Cyclic_forward_and_key_aliases_are_refused(string yaml, int line, int column, string path, string message)
    {
        var d = SingleError(Load(yaml));
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Equal(path, d.Path);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_to_complete_nodes_still_work()
    {
        var yaml = ScenarioText.Valid.Replace("  vacancy: 0.35", "  vacancy: &v 0.35", StringComparison.Ordinal)
            .Replace("  discountRate: 0.08", "  discountRate: *v", StringComparison.Ordinal);
        var result = Load(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(0.35, result.Scenario!.Site!.DiscountRate);
    }

    [Theory]
    [InlineData("[&a [*a]]", "layout.sharedComponents[0][0]", "a cycle")]
    [InlineData("[land, !!str building]", "layout.sharedComponents[1]", "YAML tag")]
    public void The_same_guards_apply_to_a_set_list(string value, string path, string message)
    {
        var d = SingleError(ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", ["layout.sharedComponents=" + value]));
        Assert.Equal("--set[1]", d.File);
        Assert.Equal(path, d.Path);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_list_nested_20000_deep_is_refused()
    {
        var d = SingleError(ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", ["layout.sharedComponents=" + new string('[', 20_000) + new string(']', 20_000)]));
        Assert.Equal("--set[1]", d.File);
        Assert.Contains("nested more than", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_item_from_set_is_blamed_on_the_set_not_the_preset()
    {
        var d = SingleError(ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites", ["layout.sharedComponents=[land, land]"]));
        Assert.Equal(("--set[1]", 1, 25), (d.File, d.Line, d.Column));
        Assert.Equal("layout.sharedComponents", d.Path);
        Assert.Contains("listed twice", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\ncurrency: [RMB\nsite:\n  itCapacityMw: 10\n", 2, 11, "this '[' is not closed")]   // an unclosed flow sequence, then more lines
    [InlineData("name: x\nsite: {a: 1\ncurrency: RMB\n", 2, 7, "this '{' is not closed")]                  // an unclosed flow mapping
    [InlineData("name: \"\\UFFFFFFFF\"\n", 1, 1, "not valid YAML from here on")]                            // an escape beyond U+10FFFF
    public void Yaml_the_parser_chokes_on_is_a_syntax_error_not_an_internal_error(string yaml, int line, int column, string message)
    {
        var d = SingleError(Load(yaml));
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  itCapacityMw: !!float 10", "site.itCapacityMw", "tag:yaml.org,2002:float")]
    [InlineData("  itCapacityMw: !custom 10", "site.itCapacityMw", "!custom")]
    [InlineData("  itCapacityMw: !!str 10", "site.itCapacityMw", "tag:yaml.org,2002:str")]
    public void Yaml_tags_are_refused_not_ignored(string line, string path, string tag)
    {
        var d = SingleError(Load(ScenarioText.WithLine(ScenarioText.ItCapacityLine, line)));
        Assert.Equal((ScenarioText.ItCapacityLine, 17), (d.Line, d.Column));
        Assert.Equal(path, d.Path);
        Assert.Contains($"the YAML tag '{tag}' is not read", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\n\tcurrency: RMB\n", 2, 1)]
    [InlineData("name: x\ncurrency: RMB\nsite:\n\titCapacityMw: 1\n", 4, 1)]
    [InlineData("name: x\ncurrency: RMB\nsite:\n  a: 1\n  b:\t2\n  c: [1,\t2]\n\td: 3\n", 7, 1)]
    public void A_tab_in_the_indentation_is_reported_on_its_line(string yaml, int line, int column)
    {
        var d = SingleError(Load(yaml));
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains("a tab in the indentation", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_a_key_or_value_are_escaped_in_the_message()
    {
        var yaml = ScenarioText.Valid + "\n  \"evil\\e[2J\\nkey\": 1";
        var d = Assert.Single(Load(yaml).Diagnostics, x => x.Code == DiagnosticCodes.UnknownKey);
        Assert.Equal("site.evil\\u001B[2J\\nkey", d.Path);
        Assert.Contains("unknown key 'evil\\u001B[2J\\nkey'", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(d.ToString(), char.IsControl);

        var set = SingleError(Load(ScenarioText.Valid, "site.vacancy=0.1\n\u001b[31mred\u202E"));
        Assert.Equal("site.vacancy", set.Path);
        Assert.Contains("'0.1\\n\\u001B[31mred\\u202E'", set.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_is_cut_in_the_message()
    {
        var d = SingleError(Load(ScenarioText.Valid, "site.vacancy=" + new string('9', 100_000) + "x"));
        Assert.Equal("site.vacancy", d.Path);
        Assert.True(d.ToString().Length < 400, d.ToString().Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("…", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_unknown_path_does_not_make_the_suggestion_slow()
    {
        // "did you mean" compares the name with every known path by edit distance: 500,000 × 40 × 300 steps before.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var d = SingleError(Load(ScenarioText.Valid, "site." + new string('v', 500_000) + "=1"));
        Assert.Equal(DiagnosticCodes.SetUnknownPath, d.Code);
        Assert.DoesNotContain("did you mean", d.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), started.Elapsed.ToString());
    }

    [Fact]
    public void Thousands_of_errors_are_cut_to_a_bounded_list()
    {
        var yaml = ScenarioText.Valid + string.Concat(Enumerable.Range(0, 5_000).Select(i => $"\n  bad{i}: 1"));
        var result = Load(yaml);
        Assert.Equal(ScenarioLoader.MaxDiagnostics + 1, result.Diagnostics.Count);
        var last = result.Diagnostics[^1];
        Assert.Equal(DiagnosticCodes.TooManyProblems, last.Code);
        Assert.Contains("4,950 more problems", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_called_a_directory()
    {
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var d = SingleError(ScenarioLoader.FromFile(dir.FullName));
            Assert.Equal((dir.FullName, 1, 1), (d.File, d.Line, d.Column));
            Assert.Contains("it is a directory, not a file", d.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("denied", d.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            dir.Delete();
        }
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_while_reading()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "name: x\n" + new string('#', ScenarioLoader.MaxFileBytes));
            var d = SingleError(ScenarioLoader.FromFile(path));
            Assert.Equal(DiagnosticCodes.FileTooLarge, d.Code);
            Assert.Equal((1, 1), (d.Line, d.Column));
            Assert.Contains("larger than 1,048,576 bytes", d.Message, StringComparison.Ordinal);

            File.WriteAllText(path, "name: x\n#" + new string(' ', ScenarioLoader.MaxFileBytes - 10));
            Assert.DoesNotContain(ScenarioLoader.FromFile(path).Diagnostics, x => x.Code == DiagnosticCodes.FileTooLarge);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_device_without_end_is_read_no_further_than_the_limit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;     // not a Unix system: the regular-file test above covers the limit
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var d = SingleError(ScenarioLoader.FromFile("/dev/zero"));
        Assert.Equal(DiagnosticCodes.FileTooLarge, d.Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * ScenarioLoader.MaxFileBytes);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_located_not_replaced()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "name: caf"u8, 0xE9, .. "\ncurrency: RMB\n"u8]);     // Latin-1 'é'
            var d = SingleError(ScenarioLoader.FromFile(path));
            Assert.Equal(DiagnosticCodes.NotUtf8, d.Code);
            Assert.Equal((1, 10), (d.Line, d.Column));
            Assert.Contains("byte 0xE9", d.Message, StringComparison.Ordinal);

            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ScenarioText.Valid)]);      // a UTF-8 BOM is fine
            Assert.Empty(ScenarioLoader.FromFile(path).Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("name: \"x\\e[2J\"", "name", 1, 7)]
    [InlineData("name: \"x\\ry\"", "name", 1, 7)]
    [InlineData("name: {value: x, source: \"a\\x07\"}", "name.source", 1, 26)]
    public void Text_with_control_characters_is_refused(string line, string path, int lineNumber, int column)
    {
        // A name or source is printed in table titles and notes, where it would reach the terminal raw.
        var d = SingleError(Load(line + "\ncurrency: RMB\nsite:\n" + string.Join('\n', ScenarioText.Valid.Split('\n').Skip(3))));
        Assert.Equal(path, d.Path);
        Assert.Equal((lineNumber, column), (d.Line, d.Column));
        Assert.Contains("the text holds the control character U+00", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_name_is_named_as_such()
    {
        // suanli econ '' printed ":1:1: (scenario): cannot read the scenario: The value cannot be an empty string. (Parameter 'path')".
        var d = SingleError(ScenarioLoader.FromFile(string.Empty));
        Assert.Equal(("command-line", "scenario"), (d.File, d.Path));
        Assert.Equal("the scenario file name is empty", d.Message);
    }

    [Fact]
    public void Diagnostics_are_always_located_at_line_and_column_1_or_more_and_on_one_line()
    {
        var d = new Diagnostic(Severity.Error, "SL0000", "a\nb", 0, -3, "p\tq", "m\r\n\u0007\u2028\u200Fx", "ok\u0085");
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Equal("a\\nb:1:1: p\\tq: m\\r\\n\\u0007\\u2028\\u200Fx (allowed: ok\\u0085)", d.ToString());
        Assert.Equal("a😀b", Diagnostic.OneLine("a😀b"));             // a surrogate pair is a character, kept
        Assert.Equal("a\\uD83D", Diagnostic.OneLine("a\uD83D"));     // a lone surrogate is escaped
        Assert.Equal("abcd…", Diagnostic.OneLine("abcdefgh", 5));
    }
}
