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
    public double? Number(Option<double?> option, double min, double max, bool minExclusive, string what)
    {
        if (parse.GetValue(option) is not { } value)
        {
            return null;
        }

        var below = minExclusive ? value <= min : value < min;
        if (!double.IsFinite(value) || below || value > max)
        {
            var range = Fmt.Text($"{(minExclusive ? "(" : "[")}{min}, {max}]");
            Report(option.Name, CliMessages.Of("diag.outOfRange", ("value", Fmt.Text($"{value}")), ("range", range)),
                CliMessages.Of("diag.allowed.optionRange", ("what", MessageText.Literal(what)), ("range", range)));
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
            var range = Fmt.Text($"{(minExclusive ? "(" : "[")}{min}, {max}]");
            Report(option.Name, CliMessages.Of("diag.outOfRange", ("value", Fmt.Text($"{value}")), ("range", range)), MessageText.Of(reasonKey, reasonEnglish, ("range", range)));
            return null;
        }

        return value;
    }

    /// <summary>A whole-number option checked against its range.</summary>
    public int? Whole(Option<int?> option, int min, int max, string what)
    {
        if (parse.GetValue(option) is not { } value)
        {
            return null;
        }

        if (value < min || value > max)
        {
            Report(option.Name, CliMessages.Of("diag.outOfRange", ("value", Fmt.Text($"{value}")), ("range", Fmt.Text($"[{min}, {max}]"))),
                CliMessages.Of("diag.allowed.optionWhole", ("what", MessageText.Literal(what)), ("min", Fmt.Text($"{min:#,0}")), ("max", Fmt.Text($"{max:#,0}"))));
            return null;
        }

        return value;
    }

    /// <summary>Reports an unknown catalog id with the list of known ones.</summary>
    public void Unknown(string option, string kind, string value, IEnumerable<string> known) =>
        Report(option, CliMessages.Of("diag.unknownId", ("kind", MessageText.Literal(kind)), ("value", Diagnostic.Shown(value))), MessageText.Literal(string.Join(", ", known)));

    /// <summary>Reports any other usage error (in English: words that a command gives as text are not translated).</summary>
    public void Error(string option, string message, string allowed) => Report(option, MessageText.Literal(message), MessageText.Literal(allowed));

    /// <summary>Reports any other usage error, in the chosen language.</summary>
    public void Error(string option, MessageText message, MessageText allowed) => Report(option, message, allowed);

    // Through Diagnostic, so that a value echoed in the message cannot break the line or reach the terminal raw.
    private void Report(string option, MessageText message, MessageText allowed)
    {
        context.Report(Diagnostic.Error(DiagnosticCodes.Usage, "command-line", 1, 1, option, message, allowed));
        Failed = true;
    }
}
