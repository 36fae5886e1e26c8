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
            Report(option.Name, Fmt.Text($"{value} is outside {range}"), $"{what} in {range}");
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
            Report(option.Name, Fmt.Text($"{value} is outside [{min}, {max}]"), Fmt.Text($"{what} from {min:#,0} to {max:#,0}"));
            return null;
        }

        return value;
    }

    /// <summary>Reports an unknown catalog id with the list of known ones.</summary>
    public void Unknown(string option, string kind, string value, IEnumerable<string> known) =>
        Report(option, $"unknown {kind} '{Diagnostic.Shown(value)}'", string.Join(", ", known));

    /// <summary>Reports any other usage error.</summary>
    public void Error(string option, string message, string allowed) => Report(option, message, allowed);

    // Through Diagnostic, so that a value echoed in the message cannot break the line or reach the terminal raw.
    private void Report(string option, string message, string allowed)
    {
        context.Error.WriteLine(new Diagnostic(Severity.Error, DiagnosticCodes.Usage, "command-line", 1, 1, option, message, allowed).ToString());
        Failed = true;
    }
}
