using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using Suanli.Core;
using Suanli.Reports;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli;

/// <summary>
/// Gives every numeric and enum option (and argument) of the command tree one parser that reads values the way the
/// scenario files and <c>--set</c> do, instead of System.CommandLine's defaults — which parse numbers in the user's
/// locale (<c>12.8</c> is 128 under de-DE) with group separators (<c>12,8</c> is 128 under C), accept NaN and
/// infinities, and accept any integer or comma list for an enum. It walks the tree, so options added to any command
/// get it without a change in that command.
/// </summary>
internal static class InvariantOptions
{
    /// <summary>Largest whole number that a double (an exponent form such as 1e6) still holds exactly.</summary>
    private const double MaxExactWhole = 9_007_199_254_740_992d;

    /// <summary>
    /// Installs the parsers on every option and argument under <paramref name="command"/>, their messages in the
    /// language of <paramref name="words"/>; returns the "allowed" text of each.
    /// </summary>
    public static Dictionary<Symbol, MessageText> Install(Command command, Words words)
    {
        var allowed = new Dictionary<Symbol, MessageText>();
        Walk(command, allowed, words);
        return allowed;
    }

    private static void Walk(Command command, Dictionary<Symbol, MessageText> allowed, Words words)
    {
        foreach (var option in command.Options)
        {
            if (Parser(option.ValueType, Commands.OptionRanges.Of(option)) is { } parser)
            {
                Set(option, Localised(parser.Parse, words), words);
                allowed[option] = parser.Allowed;
            }
        }

        foreach (var argument in command.Arguments)
        {
            if (Parser(argument.ValueType, Commands.OptionRanges.Of(argument)) is { } parser)
            {
                Set(argument, Localised(parser.Parse, words), words);
                allowed[argument] = parser.Allowed;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Walk(sub, allowed, words);
        }
    }

    private static Func<string, (object? Value, string? Error)> Localised(Func<string, (object? Value, MessageText? Error)> parse, Words words) => text =>
    {
        var (value, error) = parse(text);
        return (value, error is null ? null : words.Text(error));
    };

    /// <summary>Whether values of this type are read by <see cref="InvariantOptions"/> (every number and enum, nullable or not).</summary>
    public static bool Handles(Type type) => Parser(type, null) is not null;

    private sealed record ValueParser(Func<string, (object? Value, MessageText? Error)> Parse, MessageText Allowed);

    /// <summary>The parser of a value type; a whole number checks <paramref name="range"/> when one is stated, else its storage type's range.</summary>
    private static ValueParser? Parser(Type type, Commands.WholeRange? range)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var names = Enum.GetNames(t);
            return new ValueParser(text => ParseEnum(t, names, text), CliMessages.Of("diag.allowed.oneOf", ("choices", string.Join(", ", names.Select(ChoiceName)))));
        }

        return t switch
        {
            _ when t == typeof(double) => new ValueParser(text => ParseReal(text, x => x), NumberText.FormText),
            _ when t == typeof(float) => new ValueParser(text => ParseReal(text, x => (float)x), NumberText.FormText),
            _ when t == typeof(decimal) => new ValueParser(text => ParseReal(text, x => (decimal)x), NumberText.FormText),
            _ when t == typeof(int) => Whole<int>(range),
            _ when t == typeof(long) => Whole<long>(range),
            _ when t == typeof(short) => Whole<short>(range),
            _ when t == typeof(sbyte) => Whole<sbyte>(range),
            _ when t == typeof(uint) => Whole<uint>(range),
            _ when t == typeof(ulong) => Whole<ulong>(range),
            _ when t == typeof(ushort) => Whole<ushort>(range),
            _ when t == typeof(byte) => Whole<byte>(range),
            _ => null,
        };
    }

    private static ValueParser Whole<T>(Commands.WholeRange? range)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        // The option's own range, within what its type can hold; else the type's.
        var min = range is null ? BigInteger.CreateTruncating(T.MinValue) : BigInteger.Max(range.Min, BigInteger.CreateTruncating(T.MinValue));
        var max = range is null ? BigInteger.CreateTruncating(T.MaxValue) : BigInteger.Min(range.Max, BigInteger.CreateTruncating(T.MaxValue));
        var allowed = range is null
            ? CliMessages.Of("diag.allowed.wholeForm", ("min", Fmt($"{min}")), ("max", Fmt($"{max}")))
            : CliMessages.Of("diag2.allowed.optionWholeForm", ("what", range.What), ("min", Fmt($"{min:#,0}")), ("max", Fmt($"{max:#,0}")));
        return new(text => ParseWhole<T>(text, min, max), allowed);
    }

    private static (object?, MessageText?) ParseReal(string text, Func<double, object> convert)
    {
        if (NumberText.TryParse(text, Messages.Of("diag.what.number"), out var value, out MessageText? message) != NumberProblem.None)
        {
            return (null, message);
        }

        var converted = convert(value);
        return converted is float f && !float.IsFinite(f) ? (null, CliMessages.Of("diag.tooLarge", ("value", Diagnostic.Shown(text.Trim())))) : (converted, null);
    }

    private static (object?, MessageText?) ParseWhole<T>(string text, BigInteger min, BigInteger max)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var trimmed = text.Trim();
        var shown = Diagnostic.Shown(trimmed);
        var range = Fmt($"[{min}, {max}]");

        // Digits first: exact for every 64-bit value, which a double is not.
        if (BigInteger.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
        {
            return exact < min || exact > max
                ? (null, OutOfRange(shown, range))
                : (T.CreateChecked(exact), null);
        }

        if (NumberText.TryParse(trimmed, Messages.Of("diag.what.whole"), out var value, out MessageText? message) != NumberProblem.None)
        {
            return (null, message);
        }

        if (value != Math.Floor(value))
        {
            return (null, CliMessages.Of("diag.expectedWhole", ("value", shown)));
        }

        var whole = new BigInteger(value);
        if (whole < min || whole > max)
        {
            return (null, OutOfRange(shown, range));
        }

        return Math.Abs(value) > MaxExactWhole
            ? (null, CliMessages.Of("diag.inexactWhole", ("value", shown)))
            : (T.CreateChecked(whole), null);
    }

    private static MessageText OutOfRange(string shown, string range) => CliMessages.Of("diag.outOfRange", ("value", shown), ("range", range));

    private static (object?, MessageText?) ParseEnum(Type type, string[] names, string text)
    {
        // Names only, ignoring case: Enum.Parse would also take "7" or "sites,distance".
        var trimmed = text.Trim();
        var match = names.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? (null, CliMessages.Of("diag.unknownChoice", ("value", Diagnostic.Shown(trimmed))))
            : (Enum.Parse(type, match), null);
    }

    /// <summary>How a choice is written on the command line: <c>sites</c>, <c>bf16</c>; all-capital codes stay (USD).</summary>
    public static string ChoiceName(string name) =>
        name.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static void Set(Option option, Func<string, (object? Value, string? Error)> parse, Words words)
    {
        var install = typeof(InvariantOptions).GetMethod(nameof(SetOption), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        install.MakeGenericMethod(option.ValueType).Invoke(null, [option, parse, words]);
    }

    private static void Set(Argument argument, Func<string, (object? Value, string? Error)> parse, Words words)
    {
        var install = typeof(InvariantOptions).GetMethod(nameof(SetArgument), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        install.MakeGenericMethod(argument.ValueType).Invoke(null, [argument, parse, words]);
    }

    private static void SetOption<T>(Option<T> option, Func<string, (object? Value, string? Error)> parse, Words words) =>
        option.CustomParser = result => Read<T>(result, parse, words);

    private static void SetArgument<T>(Argument<T> argument, Func<string, (object? Value, string? Error)> parse, Words words) =>
        argument.CustomParser = result => Read<T>(result, parse, words);

    private static T? Read<T>(ArgumentResult result, Func<string, (object? Value, string? Error)> parse, Words words)
    {
        if (result.Tokens.Count != 1)
        {
            result.AddError(words.Text(CliMessages.Of(result.Tokens.Count == 0 ? "diag.valueRequired" : "diag.oneValue")));
            return default;
        }

        var (value, error) = parse(result.Tokens[0].Value);
        if (error is not null)
        {
            result.AddError(error);
            return default;
        }

        return (T?)value;
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
