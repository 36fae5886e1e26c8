using System.Globalization;
using System.Resources;
using System.Text;
using Suanli.Analysis.Results;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports;

/// <summary>
/// The words of one language: every label, header, unit word, finding, verdict and message, read by key from the
/// resource files in Resources/ (one set per area — Strings.resx for what is shared and the essay, Econ.resx,
/// Layout.resx … — each with its .zh-Hant and .zh-Hans translations; a key lives in exactly one area). Placeholders are named, <c>{rent}</c> or <c>{rent:n1}</c>, and filled with
/// invariant-culture numbers (see <see cref="FormatValue"/>), so a translation may reorder them freely.
/// </summary>
public sealed class Strings
{
    private static readonly ResourceManager[] Areas = [.. typeof(Strings).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Suanli.Reports.Resources.", StringComparison.Ordinal) && n.EndsWith(".resources", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => new ResourceManager(n[..^".resources".Length], typeof(Strings).Assembly))];

    private static readonly Dictionary<Language, Strings> ByLanguage = new()
    {
        [Language.En] = new Strings(Language.En),
        [Language.ZhHant] = new Strings(Language.ZhHant),
        [Language.ZhHans] = new Strings(Language.ZhHans),
    };

    private Strings(Language language) => Language = language;

    /// <summary>The language of these words.</summary>
    public Language Language { get; }

    /// <summary>The words of a language.</summary>
    public static Strings For(Language language) => ByLanguage[language];

    /// <summary>The names of the resource areas (Strings, Econ, …).</summary>
    public static IReadOnlyList<string> AreaNames => [.. Areas.Select(a => a.BaseName["Suanli.Reports.Resources.".Length..])];

    /// <summary>Every key of a language's own resource files (no fallback), with the area each comes from.</summary>
    public static IReadOnlyDictionary<string, (string Area, string Text)> AllByArea(Language language)
    {
        var all = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var area in Areas)
        {
            var set = area.GetResourceSet(language.Culture(), createIfNotExists: true, tryParents: false);
            if (set is null)
            {
                continue;
            }

            foreach (System.Collections.DictionaryEntry e in set)
            {
                if (e.Key is string k && e.Value is string v && !all.TryAdd(k, (area.BaseName, v)))
                {
                    throw new InvalidOperationException($"The key '{k}' is in two resource areas: {all[k].Item1} and {area.BaseName}.");
                }
            }
        }

        return all;
    }

    /// <summary>Every key of a language's own resource files (without falling back to English).</summary>
    public static IReadOnlyDictionary<string, string> All(Language language) =>
        new SortedDictionary<string, string>(AllByArea(language).ToDictionary(kv => kv.Key, kv => kv.Value.Text), StringComparer.Ordinal);

    /// <summary>The text of a key; a missing key is a programmer error (a test checks every language has every key).</summary>
    public string this[string key] => Lookup(key) ?? throw new KeyNotFoundException($"No text for '{key}' in {Language.Tag()}.");

    /// <summary>Whether the key exists (in this language or by fallback to English).</summary>
    public bool Contains(string key) => Lookup(key) is not null;

    /// <summary>The text of a key with its named placeholders filled.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var values = new Dictionary<string, object?>(args.Length, StringComparer.Ordinal);
        foreach (var (name, value) in args)
        {
            values[name] = value;
        }

        return Fill(this[key], values, key);
    }

    /// <summary>The text of a key with its named placeholders filled from a dictionary.</summary>
    public string Format(string key, IReadOnlyDictionary<string, object?> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Fill(this[key], args, key);
    }

    /// <summary>The placeholder names of a text, in order of appearance (each once).</summary>
    public static IReadOnlyList<string> Placeholders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        Scan(text, (name, _) =>
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            return string.Empty;
        });
        return names;
    }

    /// <summary>
    /// A value as text. Numbers use invariant culture with group separators; formats: <c>n0</c>…<c>n4</c> (decimals),
    /// <c>pct0</c>…<c>pct2</c> (a fraction as a percentage), <c>m</c> (millions, two decimals), <c>q3</c> (a size: whole
    /// from 10 up, three significant digits below), <c>g</c> (shortest round-trip), <c>g3</c> (three significant digits,
    /// 6.64e+12), <c>p2</c> (a probability: a percentage with two decimals, or 5.36e-54 below 0.1 %), <c>int</c>; a
    /// <see cref="Term"/> is looked up as a key; anything else is its invariant string.
    /// </summary>
    public string FormatValue(object? value, string? format) => value switch
    {
        null => "-",
        Term t => this[t.Key],
        IReadOnlyList<Term> list => list.Count == 0 ? this["list.none"] : string.Join(this["list.separator"], list.Select(t => this[t.Key])),
        IReadOnlyList<string> texts => texts.Count == 0 ? this["list.none"] : string.Join(this["list.separator"], texts),
        IReadOnlyList<double> numbers => numbers.Count == 0 ? this["list.none"] : string.Join(this["list.separator"], numbers.Select(x => FormatNumber(x, format))),
        double d => FormatNumber(d, format),
        float f => FormatNumber(f, format),
        int i => FormatNumber(i, format ?? "int"),
        long l => FormatNumber(l, format ?? "int"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatNumber(double x, string? format)
    {
        var inv = CultureInfo.InvariantCulture;
        if (double.IsNaN(x))
        {
            return "n/a";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "∞" : "-∞";
        }

        // Fixed-point formats fall back to an exponent from NumberFormat.LargestFixed up: never a 300-digit figure.
        var text = format switch
        {
            null or "n1" => NumberFormat.Fixed(x, "#,0.0"),
            "n0" or "int" => NumberFormat.Fixed(x, "#,0"),
            "n2" => NumberFormat.Fixed(x, "#,0.00"),
            "n3" => NumberFormat.Fixed(x, "#,0.000"),
            "n4" => NumberFormat.Fixed(x, "#,0.0000"),
            "pct0" => NumberFormat.Fixed(x * 100, "0") + "%",
            "pct1" => NumberFormat.Fixed(x * 100, "0.0") + "%",
            "pct2" => NumberFormat.Fixed(x * 100, "0.00") + "%",
            "m" => NumberFormat.Fixed(x / 1e6, "#,0.00"),
            "bn1" => Math.Abs(x) >= 1e9 || x == 0 ? NumberFormat.Fixed(x / 1e9, "#,0.0") : NumberFormat.Plain(x / 1e9, "G2"),
            "yi0" => Math.Abs(x) >= 1e9 || x == 0 ? NumberFormat.Fixed(x / 1e8, "#,0") : NumberFormat.Plain(x / 1e8, "G2"),
            "q3" => Math.Abs(x) >= 10 ? NumberFormat.Fixed(x, "#,0") : NumberFormat.Plain(x, "G3"),
            "g" => NumberFormat.Plain(x),
            "g3" => NumberFormat.Plain(x, "G3"),
            "g7" => NumberFormat.Plain(x, "G7"),
            "p2" => x >= 0.001 || x == 0 ? NumberFormat.Fixed(x * 100, "0.00") + "%" : x.ToString("0.00e+0", inv),
            _ => throw new FormatException($"Unknown number format '{format}'."),
        };

        // A value that rounds to zero reads 0, not -0 or -0.0.
        return text.StartsWith('-') && !text.Any(c => c is >= '1' and <= '9') ? text[1..] : text;
    }

    private string? Lookup(string key)
    {
        var culture = Language.Culture();
        foreach (var area in Areas)
        {
            if (area.GetString(key, culture) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private string Fill(string text, IReadOnlyDictionary<string, object?> args, string key) =>
        Scan(text, (name, format) => args.TryGetValue(name, out var value)
            ? FormatValue(value, format)
            : throw new KeyNotFoundException($"The text '{key}' in {Language.Tag()} needs '{name}', which was not given."));

    /// <summary>Replaces every <c>{name}</c> or <c>{name:format}</c>; <c>{{</c> and <c>}}</c> are literal braces.</summary>
    private static string Scan(string text, Func<string, string?, string> replace)
    {
        var output = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                output.Append(c);
                i += 2;
                continue;
            }

            if (c != '{')
            {
                output.Append(c);
                i++;
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new FormatException($"Unclosed placeholder in \"{text}\".");
            }

            var body = text.AsSpan(i + 1, close - i - 1);
            var colon = body.IndexOf(':');
            var name = (colon < 0 ? body : body[..colon]).ToString();
            var format = colon < 0 ? null : body[(colon + 1)..].ToString();
            output.Append(replace(name, format));
            i = close + 1;
        }

        return output.ToString();
    }
}
