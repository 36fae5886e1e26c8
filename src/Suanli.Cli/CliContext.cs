using Spectre.Console;
using Suanli.Reports;

namespace Suanli.Cli;

/// <summary>Where a command writes: stdout for data (tables or JSON), stderr for logs, progress and errors.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OutIsTerminal">Whether stdout is an interactive terminal (colours and its width are used).</param>
/// <param name="ErrorIsTerminal">Whether stderr is an interactive terminal (progress bars are drawn there).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    /// <summary>Width of tables when stdout is not a terminal (a file, a pipe): a fixed width, the same on every machine.</summary>
    public const int RedirectedWidth = 120;

    /// <summary>The language of tables, texts and messages (chosen by <c>--lang</c>, <c>SUANLI_LANG</c> or the UI culture).</summary>
    public Language Language { get; init; } = Language.En;

    /// <summary>Cancelled by Ctrl+C or SIGTERM; long runs stop within a second.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Width of a terminal's tables when the console cannot tell (tests set it to try narrow terminals).</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>The words of the chosen language.</summary>
    public Words Words => Words.For(Language);

    /// <summary>Writes one diagnostic on stderr, in the chosen language (location and field as they are).</summary>
    public void Report(Suanli.Core.Diagnostic diagnostic) => Error.WriteLine(Words.DiagnosticLine(diagnostic));

    /// <summary>Writes a command's result: one JSON object, or tables for people. Nothing reaches stdout until all is rendered.</summary>
    public int Emit(bool json, Func<string> toJson, Action<IAnsiConsole> tables)
    {
        ArgumentNullException.ThrowIfNull(toJson);
        ArgumentNullException.ThrowIfNull(tables);
        if (json)
        {
            var text = toJson();
            Cancellation.ThrowIfCancellationRequested();
            Out.Write(text);
        }
        else
        {
            using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            tables(CreateConsole(buffer));
            Cancellation.ThrowIfCancellationRequested();
            Out.Write(buffer.ToString());
        }

        Out.Flush();
        return ExitCodes.Success;
    }

    /// <summary>A Spectre console writing to <paramref name="writer"/>; plain text (no colour codes, fixed width) unless stdout is a terminal.</summary>
    private IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = OutIsTerminal ? TerminalWidth ?? TerminalColumns() : RedirectedWidth;
        return console;
    }

    /// <summary>The terminal's width, at least 40 (a terminal that reports none counts as 80 columns).</summary>
    private static int TerminalColumns()
    {
        try
        {
            return Console.WindowWidth is > 0 and var w ? Math.Max(40, w) : 80;
        }
        catch (IOException)
        {
            return 80;
        }
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

    /// <summary>Stopped by Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + SIGTERM).</summary>
    public const int Terminated = 143;
}

/// <summary>A run's cancellation by a signal: the token long runs watch and the exit code the signal calls for.</summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source = new();

    /// <summary>Cancelled when the signal arrives.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>130 after Ctrl+C, 143 after SIGTERM.</summary>
    public int ExitCode { get; private set; } = ExitCodes.Interrupted;

    /// <summary>Cancels the run as a signal asks.</summary>
    public void Signal(int exitCode)
    {
        if (!source.IsCancellationRequested)
        {
            ExitCode = exitCode;
            source.Cancel();
        }
    }

    /// <inheritdoc />
    public void Dispose() => source.Dispose();
}
