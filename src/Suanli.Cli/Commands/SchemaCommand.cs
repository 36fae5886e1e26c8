using System.CommandLine;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli schema</c>: the scenario reference (docs/scenario-reference.md) from the schema itself.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schema", "Print the scenario file reference as Markdown (every key, unit, default and allowed range).");
        command.SetAction(_ =>
        {
            context.Out.Write(ScenarioReference.Markdown());
            return ExitCodes.Success;
        });
        return command;
    }
}
