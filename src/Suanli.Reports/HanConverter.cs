using System.Collections.Frozen;
using System.Text;

namespace Suanli.Reports;

/// <summary>
/// Converts Traditional Chinese (as written in Taiwan) to Simplified Chinese with the dictionaries of OpenCC
/// (Open Chinese Convert, Apache-2.0, vendored in Resources/OpenCC with its licence): first Taiwan variants to
/// standard Traditional forms, then Traditional to Simplified — each stage by longest match over its phrase and
/// character tables, as OpenCC's <c>tw2s</c> configuration does.
/// </summary>
public static class HanConverter
{
    private static readonly Lazy<Stage[]> Stages = new(LoadStages);

    /// <summary>The Simplified form of Traditional Chinese text; characters outside the tables pass through unchanged.</summary>
    public static string ToSimplified(string traditional)
    {
        ArgumentNullException.ThrowIfNull(traditional);
        var text = traditional;
        foreach (var stage in Stages.Value)
        {
            text = stage.Convert(text);
        }

        return text;
    }

    private static Stage[] LoadStages()
    {
        var variants = Read("TWVariantsRevPhrases");
        // TWVariants maps standard → Taiwan forms; its reverse takes Taiwan forms back to the standard ones.
        foreach (var (standard, taiwan) in Read("TWVariants"))
        {
            variants.TryAdd(taiwan, standard);
        }

        var simplified = Read("TSPhrases");
        foreach (var (k, v) in Read("TSCharacters"))
        {
            simplified.TryAdd(k, v);
        }

        return [new Stage(variants), new Stage(simplified)];
    }

    /// <summary>One dictionary file as key → first value; lines starting with # are comments.</summary>
    private static Dictionary<string, string> Read(string name)
    {
        using var stream = typeof(HanConverter).Assembly.GetManifestResourceStream($"Suanli.OpenCC.{name}.txt")
            ?? throw new InvalidOperationException($"The OpenCC table {name} is not embedded in Suanli.Reports.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var values = line[(tab + 1)..];
            var space = values.IndexOf(' ', StringComparison.Ordinal);
            map.TryAdd(line[..tab], space < 0 ? values : values[..space]);
        }

        return map;
    }

    /// <summary>A table applied by longest match from left to right.</summary>
    private sealed class Stage
    {
        private readonly FrozenDictionary<string, string> map;
        private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private readonly int longestKey;

        public Stage(Dictionary<string, string> entries)
        {
            map = entries.ToFrozenDictionary(StringComparer.Ordinal);
            lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
            longestKey = entries.Keys.Max(k => k.Length);
        }

        public string Convert(string text)
        {
            var output = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                var matched = false;
                for (var length = Math.Min(longestKey, text.Length - i); length >= 1; length--)
                {
                    var span = text.AsSpan(i, length);
                    // Never split a surrogate pair: a key ends on a whole code point.
                    if (char.IsHighSurrogate(span[^1]))
                    {
                        continue;
                    }

                    if (lookup.TryGetValue(span, out var replacement))
                    {
                        output.Append(replacement);
                        i += length;
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    output.Append(text[i]);
                    i++;
                }
            }

            return output.ToString();
        }
    }
}
