using System.CommandLine;
using Suanli.Cli.Commands;

namespace Suanli.Cli;

/// <summary>Builds the command tree and runs it with Suanli's exit-code and error conventions.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliContext context)
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

        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var command = parse.CommandResult.Command;
                var name = command == root ? "suanli" : "suanli " + command.Name;
                foreach (var error in parse.Errors)
                {
                    context.Error.WriteLine($"command-line:1:1: usage: {error.Message} (allowed: see '{name} --help')");
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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's input: say what happened in one line, without a stack trace.
            context.Error.WriteLine($"suanli: internal error: {e.GetType().Name}: {e.Message}");
            context.Error.WriteLine("suanli: this is a bug in Suanli; please report it with the command you ran.");
            return ExitCodes.Failure;
        }
    }
}
