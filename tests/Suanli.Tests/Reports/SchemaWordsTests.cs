using System.Reflection;
using System.Text.RegularExpressions;
using Suanli.Reports;
using Suanli.Scenarios.Schema;

namespace Suanli.Tests.Reports;

/// <summary>
/// What each scenario key means is in the Schema resources in English, Traditional and Simplified Chinese, one key per
/// <see cref="FieldAttribute"/> (<c>field.{Type}.{key}</c>), and the English there is the attribute's own.
/// </summary>
public class SchemaWordsTests
{
    private static readonly Language[] Languages = [Language.En, Language.ZhHant, Language.ZhHans];

    /// <summary>Every property of the schema types that carries a <see cref="FieldAttribute"/>, with its key.</summary>
    private static List<(PropertyInfo Property, FieldAttribute Attribute, string Key)> Fields() =>
        [.. typeof(ScenarioDto).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<FieldAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Property, x.Attribute!, SchemaInfo.DescriptionKey(x.Property)))];

    [Fact]
    public void Every_schema_field_has_its_description_in_English_Traditional_and_Simplified_Chinese()
    {
        var fields = Fields();
        Assert.True(fields.Count > 150, $"only {fields.Count} schema fields were found");
        var problems = new List<string>();
        foreach (var language in Languages)
        {
            var texts = Strings.All(language);
            foreach (var (property, attribute, key) in fields)
            {
                var english = attribute.Description.TrimEnd('.');
                if (!texts.TryGetValue(key, out var text))
                {
                    problems.Add($"{property.DeclaringType!.Name}.{property.Name}: add the key '{key}' to Schema{(language == Language.En ? string.Empty : "." + language.Tag())}.resx"
                        + (language == Language.En ? $" with the English \"{english}\"" : $" in {language.Tag()} (the English is \"{english}\")"));
                }
                else if (language == Language.En && text != english)
                {
                    problems.Add($"{key}: the English resource \"{text}\" is not the [Field] description \"{english}\" (without its closing full stop); make them the same");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Each_field_has_its_own_key_and_every_field_key_belongs_to_a_field()
    {
        var keys = Fields().Select(f => f.Key).ToList();
        var twice = keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "fields sharing a key: " + string.Join(", ", twice));
        var orphans = Strings.All(Language.En).Keys.Where(k => k.StartsWith("field.", StringComparison.Ordinal)).Except(keys).ToList();
        Assert.True(orphans.Count == 0, "resources for no [Field] (remove them from the Schema resources): " + string.Join(", ", orphans));
    }

    [Fact]
    public void Schema_descriptions_are_the_whole_Schema_area()
    {
        // The area holds field descriptions only, so a key elsewhere cannot shadow or be shadowed by one of them.
        var schema = Strings.AllByArea(Language.En).Where(kv => kv.Value.Area.EndsWith(".Schema", StringComparison.Ordinal)).Select(kv => kv.Key).ToList();
        Assert.NotEmpty(schema);
        Assert.All(schema, k => Assert.StartsWith("field.", k, StringComparison.Ordinal));
        Assert.Equal(Fields().Count, schema.Count);
    }

    [Theory]
    [InlineData(Language.ZhHant)]
    [InlineData(Language.ZhHans)]
    public void The_Chinese_descriptions_keep_every_key_path_and_number_of_the_English(Language language)
    {
        // camelCase keys (initialOccupancy), paths (site.designPue), code in backticks and numbers are written the same.
        var literal = new Regex(@"`[^`]+`|\b[a-z]{2,}(?:[A-Z][a-z0-9]*)+\b|\b[a-z]+\.[a-z]+[A-Za-z.]*[A-Za-z]\b|\d+(?:\.\d+)?", RegexOptions.CultureInvariant);
        var texts = Strings.All(language);
        var problems = new List<string>();
        foreach (var (_, attribute, key) in Fields())
        {
            var text = texts[key];
            var lost = literal.Matches(attribute.Description).Select(m => m.Value).Where(v => v != "e.g" && !text.Contains(v, StringComparison.Ordinal)).Distinct().ToList();
            if (lost.Count > 0)
            {
                problems.Add($"{key}: {string.Join(", ", lost)}");
            }

            if (!text.Any(c => c is >= '\u4E00' and <= '\u9FFF'))
            {
                problems.Add($"{key}: no Chinese in \"{text}\"");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
