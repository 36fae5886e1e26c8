using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Suanli.Cli.Commands;
using Suanli.Core;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli;

/// <summary>Builds the command tree and runs it with Suanli's exit-code and error conventions.</summary>
internal static partial class CliApp
{
    /// <summary>The command tree, with every numeric and enum option read by <see cref="InvariantOptions"/>.</summary>
    public static RootCommand BuildRoot(CliContext context) => Build(context).Root;

    public static int Run(string[] args, CliContext context) => Run(args, context, null);

    /// <summary>Runs the command line; <paramref name="interruption"/> says which signal cancelled the run, if one did.</summary>
    public static int Run(string[] args, CliContext context, Interruption? interruption)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        // Writes that fail (a full disk, a closed pipe) surface as OutputFailedException, handled below.
        context = context with { Out = new GuardedWriter(context.Out, "standard output"), Error = new GuardedWriter(context.Error, "standard error") };
        if (interruption is not null)
        {
            context = context with { Cancellation = interruption.Token };
        }

        try
        {
            // The language is chosen before the command tree is built, so that its help is in that language too.
            if (LanguageOption.Resolve(args, context.Error) is not { } language)
            {
                return ExitCodes.InvalidInput;
            }

            context = context with { Language = language };

            var (root, allowed) = Build(context);

            // No response files: '@/dev/zero' would otherwise be read whole, and '@name' is not a Suanli convention.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    context.Error.WriteLine(UsageLine(error, parse, allowed));
                }

                return ExitCodes.InvalidInput;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (OutputFailedException e)
        {
            return OutputFailed(context, e);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: nothing partial was written to stdout (results are written whole, at the end).
            return Report(context, interruption?.ExitCode ?? ExitCodes.Interrupted, "suanli: interrupted");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's input: say what happened in one line, without a stack trace.
            return Report(context, ExitCodes.Failure,
                $"suanli: internal error: {e.GetType().Name}: {Diagnostic.OneLine(e.Message, 300)}; this is a bug in Suanli, please report it with the command you ran");
        }
    }

    private static (RootCommand Root, Dictionary<Symbol, string> Allowed) Build(CliContext context)
    {
        var root = new RootCommand("Suanli (算力): data-center economics and AI compute infrastructure, computed from stated inputs.")
        {
            EconCommand.Create(context),
            LayoutCommand.Create(context),
            ReliabilityCommand.Create(context),
            TrainCommand.Create(context),
            TrainCommand.CreateInfer(context),
            CatalogCommand.Create(context),
            PresetsCommand.Create(context),
            SchemaCommand.Create(context),
            EssayCommand.Create(context),
        };
        root.Add(LanguageOption.Create());
        return (root, InvariantOptions.Install(root));
    }

    /// <summary>One parse error as <c>command-line:1:1: field: message (allowed: …)</c>, naming the option at fault.</summary>
    private static string UsageLine(ParseError error, ParseResult parse, Dictionary<Symbol, string> allowed)
    {
        Symbol? symbol = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            ArgumentResult a => a.Argument,
            _ => null,
        };
        var field = symbol switch
        {
            Option o => o.Name,
            Argument a => a.Name,
            _ => "usage",
        };
        var allowedText = symbol is not null && allowed.TryGetValue(symbol, out var known) ? known
            : symbol is not null && Choices(symbol) is { Count: > 0 } choices ? "one of: " + string.Join(", ", choices)
            : $"see '{CommandPath(parse.CommandResult)} --help'";

        // System.CommandLine's own messages may span lines ("Did you mean one of the following?\n…").
        var message = Whitespace().Replace(error.Message, " ").Trim();
        return new Diagnostic(Severity.Error, DiagnosticCodes.Usage, "command-line", 1, 1, field, message, allowedText).ToString();
    }

    private static List<string> Choices(Symbol symbol) =>
        [.. symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label)];

    /// <summary>The full command, e.g. <c>suanli presets show</c>.</summary>
    private static string CommandPath(CommandResult? result)
    {
        var names = new List<string>();
        for (var r = result; r is not null; r = r.Parent as CommandResult)
        {
            names.Add(r.Command is RootCommand ? "suanli" : r.Command.Name);
        }

        names.Reverse();
        return names.Count == 0 ? "suanli" : string.Join(' ', names);
    }

    /// <summary>
    /// A failed write to stdout or stderr. A reader that went away (<c>| head -1</c>) ends the run quietly and
    /// successfully, as it would have with SIGPIPE handled; any other failure is an I/O error (exit 1) said in one line
    /// on stderr when stderr still works.
    /// </summary>
    private static int OutputFailed(CliContext context, OutputFailedException e)
    {
        if (e.BrokenPipe && e.Stream == "standard output")
        {
            return ExitCodes.Success;
        }

        return e.Stream == "standard error"
            ? ExitCodes.Failure
            : Report(context, ExitCodes.Failure, $"suanli: error: {Diagnostic.OneLine(e.Message, 300)}");
    }

    /// <summary>Writes one line to stderr if it can; the exit code stands either way.</summary>
    private static int Report(CliContext context, int code, string line)
    {
        try
        {
            context.Error.WriteLine(line);
        }
        catch (OutputFailedException)
        {
            // stderr itself cannot be written: the exit code is all that is left to say it.
        }

        return code;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
