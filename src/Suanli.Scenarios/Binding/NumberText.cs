using System.Globalization;
using Suanli.Core;

namespace Suanli.Scenarios.Binding;

/// <summary>What is wrong with a number as written, when it cannot be read.</summary>
public enum NumberProblem
{
    /// <summary>It reads as a finite number.</summary>
    None,

    /// <summary>It is not a number in the invariant form (digits, one decimal point, an optional exponent).</summary>
    NotANumber,

    /// <summary>NaN or an infinity, spelt out or overflowing (1e309).</summary>
    NotFinite,

    /// <summary>A percentage such as 35%.</summary>
    Percentage,
}

/// <summary>
/// How Suanli reads a number wherever it is written — a scenario file, <c>--set</c> or a command-line option: the
/// invariant form only (ASCII digits, a decimal point, an optional exponent), whatever the user's locale; no group
/// separators, no decimal comma, no percentages, no NaN or infinities.
/// </summary>
public static class NumberText
{
    /// <summary>The smallest positive normal double; anything closer to zero (but zero) is refused.</summary>
    public const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>How a number must be written, for "allowed" texts.</summary>
    public const string Form = "a number written with a decimal point and no group separators, e.g. 12.8, 0.8 or 1.5e13";

    /// <summary>How a number must be written, as a message in any language.</summary>
    public static MessageText FormText => Messages.Of("diag.allowed.numberForm");

    /// <summary>Reads <paramref name="text"/> (surrounding white space ignored); on failure says why in <paramref name="message"/>.</summary>
    /// <param name="text">The number as written.</param>
    /// <param name="expected">What was expected, for the message, e.g. "a number".</param>
    /// <param name="value">The number read, or NaN.</param>
    /// <param name="message">Why it cannot be read, naming the text (escaped and cut for printing); null when it can.</param>
    public static NumberProblem TryParse(string text, string expected, out double value, out string? message)
    {
        var problem = TryParse(text, MessageText.Literal(expected), out value, out MessageText? why);
        message = why?.English;
        return problem;
    }

    /// <summary>Reads <paramref name="text"/> (surrounding white space ignored); on failure says why in <paramref name="message"/>, in any language.</summary>
    /// <param name="text">The number as written.</param>
    /// <param name="expected">What was expected, for the message, e.g. "a number".</param>
    /// <param name="value">The number read, or NaN.</param>
    /// <param name="message">Why it cannot be read, naming the text (escaped and cut for printing); null when it can.</param>
    public static NumberProblem TryParse(string text, MessageText expected, out double value, out MessageText? message)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(expected);
        value = double.NaN;
        var trimmed = text.Trim();
        var shown = Diagnostic.Shown(trimmed);
        var lower = trimmed.ToLowerInvariant();
        if (lower is ".nan" or "nan" or ".inf" or "+.inf" or "-.inf" or "inf" or "-inf" or "+inf" or "infinity" or "-infinity" or "+infinity" or "∞" or "-∞" or "+∞")
        {
            message = Messages.Of("diag.notFinite", ("value", shown));
            return NumberProblem.NotFinite;
        }

        if (trimmed.EndsWith('%'))
        {
            message = Messages.Of("diag.percentage", ("value", shown));
            return NumberProblem.Percentage;
        }

        // NumberStyles.Float: optional sign, digits, one '.', exponent; no thousands separators, no currency, no hex.
        // The invariant culture reads only ASCII digits, so Arabic-Indic or full-width digits are refused too.
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            message = Messages.Of(LooksLocalised(trimmed) ? "diag.notANumber.localised" : "diag.notANumber", ("expected", expected), ("value", shown));
            return NumberProblem.NotANumber;
        }

        if (!double.IsFinite(number))
        {
            message = Messages.Of("diag.notFinite", ("value", shown));
            return NumberProblem.NotFinite;
        }

        // A subnormal number (below 2.2e-308) is never a meaningful input and turns quotients into infinities; one
        // written with a nonzero digit that underflows to 0 (1e-400) is refused alike rather than read as 0.
        if ((number != 0 && Math.Abs(number) < SmallestNormal) || (number == 0 && NonzeroMantissa(trimmed)))
        {
            message = Messages.Of("diag.subnormal", ("value", shown));
            return NumberProblem.NotFinite;
        }

        value = number;
        message = null;
        return NumberProblem.None;
    }

    // Whether the digits before the exponent hold a nonzero one: 1e-400 does, 0.000e5 does not.
    private static bool NonzeroMantissa(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        return (e < 0 ? text : text[..e]).Any(c => c is >= '1' and <= '9');
    }

    // Digits grouped or with a decimal comma, as a locale would write them: 12,8 or 1'000'000 or 1.000.000 or 1 500.
    private static bool LooksLocalised(string text)
    {
        if (text.Length == 0 || !text.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '\'' or '_' or ' ' or '\u00A0' or '\u202F' or '\u2009' or '+' or '-'))
        {
            return false;
        }

        return text.Count(c => c == '.') > 1 || text.Any(c => c is ',' or '\'' or '_' or ' ' or '\u00A0' or '\u202F' or '\u2009');
    }
}
