using System.CommandLine;
using Suanli.Cli.Output;

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
            context.Error.WriteLine(Fmt.Text($"command-line:1:1: {option.Name}: {value} is outside {range} (allowed: {what} in {range})"));
            Failed = true;
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
            context.Error.WriteLine(Fmt.Text($"command-line:1:1: {option.Name}: {value} is outside [{min}, {max}] (allowed: {what} from {min:#,0} to {max:#,0})"));
            Failed = true;
            return null;
        }

        return value;
    }

    /// <summary>Reports an unknown catalog id with the list of known ones.</summary>
    public void Unknown(string option, string kind, string value, IEnumerable<string> known)
    {
        context.Error.WriteLine($"command-line:1:1: {option}: unknown {kind} '{value}' (allowed: {string.Join(", ", known)})");
        Failed = true;
    }

    /// <summary>Reports any other usage error.</summary>
    public void Error(string option, string message, string allowed)
    {
        context.Error.WriteLine($"command-line:1:1: {option}: {message} (allowed: {allowed})");
        Failed = true;
    }
}
