using System.CommandLine;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Commands;

/// <summary>Range checks of numeric command-line options, reported like scenario diagnostics.</summary>
internal sealed class OptionChecks(ParseResult parse, CliContext context)
{
    public ParseResult Parse => parse;

    public bool Failed { get; private set; }

    /// <summary>The option's value when given and inside its range; reports and returns null otherwise.</summary>
    /// <param name="option">The option.</param>
    /// <param name="min">Lowest value.</param>
    /// <param name="max">Highest value.</param>
    /// <param name="minExclusive">Whether <paramref name="min"/> itself is refused.</param>
    /// <param name="what">What the number is ("a fraction"), in any language.</param>
    public double? Number(Option<double?> option, double min, double max, bool minExclusive, MessageText what)
    {
        if (parse.GetValue(option) is not { } value)
        {
            return null;
        }

        var below = minExclusive ? value <= min : value < min;
        if (!double.IsFinite(value) || below || value > max)
        {
            var range = $"{(minExclusive ? "(" : "[")}{NumberFormat.Plain(min)}, {NumberFormat.Plain(max)}]";
            Report(option.Name, CliMessages.Of("diag.outOfRange", ("value", Typed(option, value)), ("range", range)),
                CliMessages.Of("diag.allowed.optionRange", ("what", what), ("range", range)));
            return null;
        }

        return value;
    }

    /// <summary>
    /// The option's value when given and inside its range; otherwise reports it, the allowed part being the words of
    /// <paramref name="reasonKey"/> (<paramref name="reasonEnglish"/> in English) that say why the range is what it is.
    /// </summary>
    public double? Number(Option<double?> option, double min, double max, bool minExclusive, string reasonKey, string reasonEnglish)
    {
        if (parse.GetValue(option) is not { } value)
        {
            return null;
        }

        var below = minExclusive ? value <= min : value < min;
        if (!double.IsFinite(value) || below || value > max)
        {
            var range = $"{(minExclusive ? "(" : "[")}{NumberFormat.Plain(min)}, {NumberFormat.Plain(max)}]";
            Report(option.Name, CliMessages.Of("diag.outOfRange", ("value", Typed(option, value)), ("range", range)), MessageText.Of(reasonKey, reasonEnglish, ("range", range)));
            return null;
        }

        return value;
    }

    /// <summary>A whole-number option checked against the range stated for it (<see cref="OptionRanges"/>).</summary>
    public int? Whole(Option<int?> option)
    {
        if (parse.GetValue(option) is not { } value)
        {
            return null;
        }

        var range = OptionRanges.Of(option) ?? throw new InvalidOperationException($"No range was stated for {option.Name}.");
        if (value < range.Min || value > range.Max)
        {
            Report(option.Name, CliMessages.Of("diag.outOfRange", ("value", Typed(option, value)), ("range", Fmt.Text($"[{range.Min}, {range.Max}]"))),
                CliMessages.Of("diag.allowed.optionWhole", ("what", range.What), ("min", Fmt.Text($"{range.Min:#,0}")), ("max", Fmt.Text($"{range.Max:#,0}"))));
            return null;
        }

        return value;
    }

    /// <summary>Reports an unknown catalog id with the list of known ones; <paramref name="kind"/> says what it is ("accelerator") in any language.</summary>
    public void Unknown(string option, MessageText kind, string value, IEnumerable<string> known) =>
        Report(option, CliMessages.Of("diag.unknownId", ("kind", kind), ("value", Diagnostic.Shown(value))), MessageText.Literal(string.Join(", ", known)));

    /// <summary>Reports any other usage error, in the chosen language.</summary>
    public void Error(string option, MessageText message, MessageText allowed) => Report(option, message, allowed);

    /// <summary>The option's value as the user typed it (escaped for printing), else the number in plain invariant form.</summary>
    private string Typed(Option option, double value) =>
        parse.GetResult(option) is { Tokens: [.., var token] } ? Diagnostic.Shown(token.Value.Trim()) : NumberFormat.Plain(value);

    // Through Diagnostic, so that a value echoed in the message cannot break the line or reach the terminal raw.
    private void Report(string option, MessageText message, MessageText allowed)
    {
        context.Report(Diagnostic.Error(DiagnosticCodes.Usage, "command-line", 1, 1, option, message, allowed));
        Failed = true;
    }
}
