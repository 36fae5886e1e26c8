using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Suanli.Cli.Commands;
using Suanli.Core;
using Suanli.Reports;
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

        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            // The language is chosen before the command tree is built, so that its help is in that language too.
            if (LanguageOption.Resolve(args, context.Error) is not { } language)
            {
                return ExitCodes.InvalidInput;
            }

            context = context with { Language = language };

            // System.CommandLine's own words (help headings, its parse errors) follow the UI culture: make it the chosen
            // language's, also when --lang en runs on a Chinese system. Restored below; it flows with this call only.
            CultureInfo.CurrentUICulture = language.Culture();
            var (root, allowed) = Build(context);

            // No response files: '@/dev/zero' would otherwise be read whole, and '@name' is not a Suanli convention.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (UnknownOptions(parse) is { Count: > 0 } unknown)
            {
                // Reported before anything else: the other errors (a scenario path of '--bogus', an extra argument) follow from it.
                foreach (var option in unknown)
                {
                    context.Report(UnknownOption(option, parse));
                }

                return ExitCodes.InvalidInput;
            }

            if (parse.Errors.Count > 0 && UnknownSubcommand(parse) is { } unknownSubcommand)
            {
                // One fault, one line: System.CommandLine also says "Required command was not provided", which follows from it.
                context.Report(unknownSubcommand);
                return ExitCodes.InvalidInput;
            }

            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    context.Report(UsageLine(error, parse, allowed));
                }

                return ExitCodes.InvalidInput;
            }

            if (parse.Action is HelpAction && language.IsChinese())
            {
                return ChineseHelp(parse, context);
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
            return Report(context, interruption?.ExitCode ?? ExitCodes.Interrupted, context.Words["cli.interrupted"]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's input: say what happened in one line, without a stack trace.
            return Report(context, ExitCodes.Failure,
                context.Words.Format("cli.internalError", ("type", e.GetType().Name), ("message", Diagnostic.OneLine(e.Message, 300))));
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static (RootCommand Root, Dictionary<Symbol, MessageText> Allowed) Build(CliContext context)
    {
        var words = context.Words;
        var root = new RootCommand(words["cli.help.root"])
        {
            EconCommand.Create(context),
            LayoutCommand.Create(context),
            ReliabilityCommand.Create(context),
            MultisiteCommand.Create(context),
            MarketCommand.Create(context),
            CloudCommand.Create(context),
            TrainCommand.Create(context),
            TrainCommand.CreateInfer(context),
            CatalogCommand.Create(context),
            PresetsCommand.Create(context),
            SchemaCommand.Create(context),
            EssayCommand.Create(context),
            RunCommand.Create(context),
            SolveCommand.Create(context),
            SweepCommand.Create(context),
            SensitivityCommand.Create(context),
        };
        root.Add(LanguageOption.Create(words));
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => words["cli.help.help"],
                VersionOption => words["cli.help.version"],
                _ => option.Description,
            };
        }

        HelpKeys.Apply(root, words);
        return (root, InvariantOptions.Install(root, words));
    }

    /// <summary>
    /// Help in Chinese: System.CommandLine translates its headings but one ("Description:"), which is put in the
    /// chosen language here.
    /// </summary>
    private static int ChineseHelp(ParseResult parse, CliContext context)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        var code = parse.Invoke(new InvocationConfiguration { Output = buffer, Error = context.Error, EnableDefaultExceptionHandler = false });
        var lines = buffer.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') == "Description:")
            {
                lines[i] = context.Words["cli.help.heading.description"] + (lines[i].EndsWith('\r') ? "\r" : string.Empty);
            }
        }

        context.Out.Write(string.Join('\n', lines));
        context.Out.Flush();
        return code;
    }

    /// <summary>
    /// Tokens written as options (<c>-x</c>, <c>--name</c>, <c>--name=value</c>) that no option of the command matched:
    /// those System.CommandLine left unmatched, and those it took as the command's argument (a scenario path of
    /// <c>--bogus</c>). After <c>--</c> every token is an argument, so a file may still be called <c>--odd.yaml</c>.
    /// </summary>
    private static List<string> UnknownOptions(ParseResult parse)
    {
        var candidates = new HashSet<string>(parse.UnmatchedTokens, StringComparer.Ordinal);
        for (var r = parse.CommandResult; r is not null; r = r.Parent as CommandResult)
        {
            foreach (var argument in r.Children.OfType<ArgumentResult>())
            {
                candidates.UnionWith(argument.Tokens.Select(t => t.Value));
            }
        }

        return [.. parse.Tokens
            .TakeWhile(t => t.Type != TokenType.DoubleDash)
            .Where(t => t.Type == TokenType.Argument && candidates.Contains(t.Value) && OptionLike().IsMatch(t.Value))
            .Select(t => t.Value)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A word where a command expects one of its subcommands (<c>suanli catalog nope</c>), with the closest subcommand and
    /// the list of them; null when the parse errors are of another kind.
    /// </summary>
    private static Diagnostic? UnknownSubcommand(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        if (names.Count == 0 || parse.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var token = parse.UnmatchedTokens[0];
        return CliMessages.Usage("usage",
            CliMessages.WithSuggestion("diag.unknownChoice", Messages.Suggest(token, names), ("value", Diagnostic.Shown(token))),
            CliMessages.Of("diag.allowed.oneOf", ("choices", string.Join(", ", names))));
    }

    /// <summary>An unknown option, with the closest option of the command and the list of its options.</summary>
    private static Diagnostic UnknownOption(string token, ParseResult parse)
    {
        var name = token.Split('=', 2)[0];
        var command = parse.CommandResult.Command;
        var own = command.Options.Where(o => !o.Hidden).ToList();
        var inherited = new List<Option>();
        for (var r = parse.CommandResult.Parent as CommandResult; r is not null; r = r.Parent as CommandResult)
        {
            inherited.AddRange(r.Command.Options.Where(o => o.Recursive && !o.Hidden));
        }

        var visible = own.Concat(inherited).DistinctBy(o => o.Name).ToList();
        var suggestion = Messages.Suggest(name, visible.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
        return CliMessages.Usage("usage",
            CliMessages.WithSuggestion("diag.unknownOption", suggestion, ("option", Diagnostic.Shown(name))),
            CliMessages.Of("diag.allowed.options", ("command", CommandPath(parse.CommandResult)), ("options", string.Join(", ", visible.Select(o => o.Name)))));
    }

    /// <summary>One parse error as <c>command-line:1:1: field: message (allowed: …)</c>, naming the option at fault.</summary>
    private static Diagnostic UsageLine(ParseError error, ParseResult parse, Dictionary<Symbol, MessageText> allowed)
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
        var subcommands = error.SymbolResult is CommandResult c ? c.Command.Subcommands.Where(x => !x.Hidden).Select(x => x.Name).ToList() : [];
        var allowedText = symbol is not null && allowed.TryGetValue(symbol, out var known) ? known
            : symbol is not null && Choices(symbol) is { Count: > 0 } choices ? CliMessages.Of("diag.allowed.oneOf", ("choices", string.Join(", ", choices)))
            : subcommands.Count > 0 ? CliMessages.Of("diag.allowed.oneOf", ("choices", string.Join(", ", subcommands)))
            : CliMessages.Of("diag.allowed.seeHelp", ("command", CommandPath(parse.CommandResult)));

        // System.CommandLine's own messages (in the UI culture, set to the chosen language) may span lines
        // ("Did you mean one of the following?\n…"); Suanli's own are already in the chosen language.
        // Two of its messages have no Chinese in System.CommandLine's own resources: say them in Suanli's words.
        if (error.SymbolResult is OptionResult { Option: { } option } result)
        {
            if (result.Tokens.Count > 1 && option.Arity.MaximumNumberOfValues == 1)
            {
                return CliMessages.Usage(field, CliMessages.Of("diag.optionOneValue", ("option", option.Name), ("count", result.Tokens.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))), allowedText);
            }

            if (option.Required && result.Tokens.Count == 0)
            {
                return CliMessages.Usage(field, CliMessages.Of("diag.optionRequired", ("option", option.Name)), allowedText);
            }
        }

        var message = Whitespace().Replace(error.Message, " ").Trim();
        if (message.EndsWith('.') && message.Any(c => c is >= '\u4E00' and <= '\u9FFF'))
        {
            // Its Chinese messages end with an English full stop, some after a Chinese one.
            message = message[..^1];
        }

        return CliMessages.Usage(field, MessageText.Literal(message), allowedText);
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

        if (e.Stream == "standard error")
        {
            return ExitCodes.Failure;
        }

        var why = e.Closed
            ? CliMessages.Of("diag2.stdoutClosed")
            : CliMessages.Of("diag2.stdoutFailed", ("detail", e.InnerException?.Message.TrimEnd('.') ?? string.Empty));
        return Report(context, ExitCodes.Failure, context.Words.Format("cli.outputFailed", ("message", Diagnostic.OneLine(context.Words.Text(why), 300))));
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

    [GeneratedRegex(@"^--?[A-Za-z?]")]
    private static partial Regex OptionLike();
}
