using System.Text.RegularExpressions;
using Suanli.Reports;
using Suanli.Scenarios;

namespace Suanli.Tests.Reports;

/// <summary>
/// Each built-in scenario's description is in the Presets resources in English, Traditional and Simplified Chinese
/// (<c>preset.{name}.description</c>), the English being the YAML's own.
/// </summary>
public class PresetWordsTests
{
    [Fact]
    public void Every_preset_description_is_in_every_language_and_its_English_is_the_YAML_one()
    {
        var problems = new List<string>();
        foreach (var language in new[] { Language.En, Language.ZhHant, Language.ZhHans })
        {
            var texts = Strings.All(language);
            foreach (var name in Presets.Names)
            {
                var yaml = ScenarioLoader.FromPreset(name).Scenario!.Description!;
                var key = PresetWords.DescriptionKey(name);
                if (!texts.TryGetValue(key, out var text))
                {
                    problems.Add($"add the key '{key}' to Presets{(language == Language.En ? string.Empty : "." + language.Tag())}.resx"
                        + (language == Language.En ? $" with the English \"{yaml}\"" : $" in {language.Tag()} (the English is \"{yaml}\")"));
                }
                else if (language == Language.En && text != yaml)
                {
                    problems.Add($"{key}: the English resource is not the description of presets/{name}.yaml; make it \"{yaml}\"");
                }
            }
        }

        var orphans = Strings.All(Language.En).Keys.Where(k => k.StartsWith("preset.", StringComparison.Ordinal) && k.EndsWith(".description", StringComparison.Ordinal))
            .Except(Presets.Names.Select(PresetWords.DescriptionKey)).ToList();
        problems.AddRange(orphans.Select(k => $"{k}: no such preset; remove it from the Presets resources"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData(Language.ZhHant)]
    [InlineData(Language.ZhHans)]
    public void A_Chinese_description_keeps_every_number_and_its_first_sentence_is_the_summary(Language language)
    {
        var words = Words.For(language);
        foreach (var name in Presets.Names)
        {
            var text = words[PresetWords.DescriptionKey(name)];
            var english = Strings.For(Language.En)[PresetWords.DescriptionKey(name)];
            var lost = Regex.Matches(english, @"\d+(?:\.\d+)?").Select(m => m.Value).Where(n => !text.Contains(n, StringComparison.Ordinal)).ToList();
            Assert.True(lost.Count == 0, $"{name} in {language.Tag()} lost {string.Join(", ", lost)}");

            // Two sentences at least, like the English: the first is what `presets list` shows.
            var summary = words.PresetSummary(name);
            Assert.EndsWith("。", summary, StringComparison.Ordinal);
            Assert.StartsWith(summary, text, StringComparison.Ordinal);
            Assert.True(summary.Length < text.Length, $"{name}: the whole description is one sentence");
        }
    }

    [Fact]
    public void In_English_the_summary_is_the_YAML_first_sentence_as_before() =>
        Assert.All(Presets.Names, n => Assert.Equal(Presets.Summary(n), Words.For(Language.En).PresetSummary(n)));
}
