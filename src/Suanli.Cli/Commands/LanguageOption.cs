using System.CommandLine;
using System.Globalization;
using Suanli.Reports;

namespace Suanli.Cli.Commands;

/// <summary>
/// <c>--lang en|zh-Hant|zh-Hans</c>: the language of tables and texts; else the environment variable <c>SUANLI_LANG</c>;
/// else the UI culture (zh-TW, zh-HK, zh-MO → zh-Hant; zh-CN, zh-SG → zh-Hans; anything else → en).
/// </summary>
internal static class LanguageOption
{
    public const string EnvironmentVariable = "SUANLI_LANG";

    public static Option<string?> Create() => new("--lang")
    {
        Description = "Language of the output: en, zh-Hant (Traditional Chinese) or zh-Hans (Simplified Chinese); default: $SUANLI_LANG, else the system's UI language.",
        Recursive = true,
    };

    /// <summary>The value of the last <c>--lang X</c> or <c>--lang=X</c> among the arguments, or null.</summary>
    public static string? Given(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                break;
            }

            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                value = args[i]["--lang=".Length..];
            }
        }

        return value;
    }

    /// <summary>The language chosen, or null after reporting a bad value (which names where it came from) on <paramref name="error"/>.</summary>
    public static Language? Resolve(IReadOnlyList<string> args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var allowed = string.Join(", ", Languages.Names);
        if (Given(args) is { } given)
        {
            if (Languages.Parse(given) is { } language)
            {
                return language;
            }

            error.WriteLine($"command-line:1:1: --lang: '{Escape(given)}' is not a language Suanli writes (allowed: {allowed})");
            return null;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            if (Languages.Parse(env) is { } language)
            {
                return language;
            }

            error.WriteLine($"environment:1:1: {EnvironmentVariable}: '{Escape(env)}' is not a language Suanli writes (allowed: {allowed}, or unset it)");
            return null;
        }

        return Languages.FromCulture(CultureInfo.CurrentUICulture);
    }

    /// <summary>A value echoed in a message, with control characters shown as escapes.</summary>
    internal static string Escape(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
