using System.Globalization;

namespace Suanli.Reports;

/// <summary>The languages Suanli writes: English, Traditional Chinese (the essay's own script) and Simplified Chinese.</summary>
public enum Language
{
    /// <summary>English.</summary>
    En,

    /// <summary>Traditional Chinese (zh-Hant), as written in Taiwan and Hong Kong and in the essay.</summary>
    ZhHant,

    /// <summary>Simplified Chinese (zh-Hans), as most mainland readers write.</summary>
    ZhHans,
}

/// <summary>Names of languages and how one is chosen: an explicit choice, else <c>SUANLI_LANG</c>, else the UI culture.</summary>
public static class Languages
{
    /// <summary>The names accepted by <c>--lang</c> and <c>SUANLI_LANG</c>, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["en", "zh-Hant", "zh-Hans"];

    /// <summary>The BCP 47 tag of a language: <c>en</c>, <c>zh-Hant</c> or <c>zh-Hans</c>.</summary>
    public static string Tag(this Language language) => language switch
    {
        Language.ZhHant => "zh-Hant",
        Language.ZhHans => "zh-Hans",
        _ => "en",
    };

    /// <summary>The culture whose resources hold the language's words.</summary>
    public static CultureInfo Culture(this Language language) => language switch
    {
        Language.ZhHant => CultureInfo.GetCultureInfo("zh-Hant"),
        Language.ZhHans => CultureInfo.GetCultureInfo("zh-Hans"),
        _ => CultureInfo.InvariantCulture,
    };

    /// <summary>Whether the language is written in Chinese characters.</summary>
    public static bool IsChinese(this Language language) => language != Language.En;

    /// <summary>
    /// Reads a language name as <c>--lang</c> and <c>SUANLI_LANG</c> accept it: <c>en</c>, <c>zh-Hant</c>, <c>zh-Hans</c>,
    /// case-insensitive, with <c>_</c> for <c>-</c> and the common region tags (zh-TW, zh-HK, zh-MO → zh-Hant;
    /// zh-CN, zh-SG → zh-Hans). Null when the name is none of these.
    /// </summary>
    public static Language? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim().Replace('_', '-');
        // A POSIX locale such as zh_TW.UTF-8 or en_US@euro: only the language and region matter.
        var cut = n.IndexOfAny(['.', '@']);
        if (cut >= 0)
        {
            n = n[..cut];
        }

        n = n.ToUpperInvariant();
        return n switch
        {
            "EN" or "C" or "POSIX" => Language.En,
            "ZH-HANT" or "ZH-TW" or "ZH-HK" or "ZH-MO" or "ZH-HANT-TW" or "ZH-HANT-HK" or "ZH-HANT-MO" => Language.ZhHant,
            "ZH-HANS" or "ZH-CN" or "ZH-SG" or "ZH" or "ZH-HANS-CN" or "ZH-HANS-SG" => Language.ZhHans,
            _ when n.StartsWith("EN-", StringComparison.Ordinal) => Language.En,
            _ => null,
        };
    }

    /// <summary>
    /// The language of a culture, for the last step of the choice: Chinese cultures by script or region, English for
    /// every other culture (Suanli has no other language).
    /// </summary>
    public static Language FromCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Parse(c.Name) is { } language)
            {
                return language;
            }
        }

        return Language.En;
    }
}
