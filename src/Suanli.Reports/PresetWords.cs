using Suanli.Analysis.Results;
using Suanli.Scenarios;

namespace Suanli.Reports;

/// <summary>
/// The built-in scenarios' descriptions in the reader's language (Presets resource area, <c>preset.{name}.description</c>,
/// whose English is the YAML's own). Only table output uses them: JSON keeps the description as the YAML writes it, and
/// a user's own scenario file, or a description changed with <c>--set</c>, is shown as written.
/// </summary>
public static class PresetWords
{
    /// <summary>The resource key of a preset's description.</summary>
    public static string DescriptionKey(string preset) => "preset." + preset + ".description";

    /// <summary>
    /// The one-line description of a preset for <c>suanli presets list</c>: in English <see cref="Presets.Summary"/> (its
    /// first sentence); in Chinese the first sentence of its translated description, up to the first 。.
    /// </summary>
    public static string PresetSummary(this Words words, string preset)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Language == Language.En || !words.Strings.Contains(DescriptionKey(preset)))
        {
            return Presets.Summary(preset);
        }

        var text = words[DescriptionKey(preset)];
        var end = text.IndexOf('。', StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>
    /// A scenario's description as a table header shows it: a built-in preset's own description in the reader's
    /// language; any other as written (a user's file, even one copied from a preset, or a description set with <c>--set</c>).
    /// </summary>
    public static string? ScenarioDescription(this Words words, ResultHeader header)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(header);
        if (header.Description is not { } description || words.Language == Language.En)
        {
            return header.Description;
        }

        var preset = Presets.Names.FirstOrDefault(n => ScenarioLoader.PresetOrigin(n) == header.Origin);
        var english = Strings.For(Language.En);
        return preset is not null && english.Contains(DescriptionKey(preset)) && english[DescriptionKey(preset)] == description
            ? words[DescriptionKey(preset)]
            : description;
    }
}
