using System.CommandLine;
using System.Globalization;
using Suanli.Core;
using Suanli.Reports;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Commands;

/// <summary>
/// <c>--lang en|zh-Hant|zh-Hans</c>: the language of tables and texts; else the environment variable <c>SUANLI_LANG</c>;
/// else the UI culture (zh-TW, zh-HK, zh-MO → zh-Hant; zh-CN, zh-SG → zh-Hans; anything else → en).
/// </summary>
internal static class LanguageOption
{
    public const string EnvironmentVariable = "SUANLI_LANG";

    public static Option<string?> Create(Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new("--lang")
        {
            Description = words["cli.help.lang"],
            Recursive = true,
        };
    }

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

    /// <summary>
    /// The language chosen, or null after reporting a bad value (which names where it came from) on <paramref name="error"/>,
    /// in the language the next choice down would give (the environment's, else the UI culture's).
    /// </summary>
    public static Language? Resolve(IReadOnlyList<string> args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var allowed = string.Join(", ", Languages.Names);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } e ? e : null;
        var fromCulture = Languages.FromCulture(CultureInfo.CurrentUICulture);
        var fromEnvironment = Languages.Parse(env);
        if (Given(args) is { } given)
        {
            if (Languages.Parse(given) is { } language)
            {
                return language;
            }

            error.WriteLine(Words.For(fromEnvironment ?? fromCulture).DiagnosticLine(CliMessages.Usage("--lang",
                CliMessages.Of("diag.unknownLanguage", ("value", Escape(given))), MessageText.Literal(allowed))));
            return null;
        }

        if (env is not null)
        {
            if (fromEnvironment is { } language)
            {
                return language;
            }

            error.WriteLine(Words.For(fromCulture).DiagnosticLine(Diagnostic.Error(DiagnosticCodes.Usage, "environment", 1, 1, EnvironmentVariable,
                CliMessages.Of("diag.unknownLanguage", ("value", Escape(env))), CliMessages.Of("diag.allowed.languagesOrUnset", ("languages", allowed)))));
            return null;
        }

        return fromCulture;
    }

    /// <summary>A value echoed in a message, with control characters shown as escapes.</summary>
    internal static string Escape(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
