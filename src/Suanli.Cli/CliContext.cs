using Spectre.Console;

namespace Suanli.Cli;

/// <summary>Where a command writes: stdout for data (tables or JSON), stderr for logs, progress and errors.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OutIsTerminal">Whether stdout is an interactive terminal (colours and its width are used).</param>
/// <param name="ErrorIsTerminal">Whether stderr is an interactive terminal (progress bars are drawn there).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    /// <summary>Width of tables when stdout is not a terminal: wide enough for the yearly cash-flow table.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Writes a command's result: one JSON object, or tables for people.</summary>
    public int Emit(bool json, Func<object> toJson, Action<IAnsiConsole> tables)
    {
        ArgumentNullException.ThrowIfNull(toJson);
        ArgumentNullException.ThrowIfNull(tables);
        if (json)
        {
            Output.JsonOutput.Write(Out, toJson());
        }
        else
        {
            tables(CreateOutConsole());
        }

        return ExitCodes.Success;
    }

    /// <summary>A Spectre console on stdout; plain text (no colour codes, fixed width) unless stdout is a terminal.</summary>
    public IAnsiConsole CreateOutConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        if (!OutIsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }
        else if (console.Profile.Width < 120)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 120);
        }

        return console;
    }
}

/// <summary>Process exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Any failure that is not the user's input.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input or usage.</summary>
    public const int InvalidInput = 2;
}
