using System.CommandLine;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary>
/// <c>suanli schema</c>: the scenario reference (docs/scenario-reference.md) from the schema itself. The reference is
/// written in English in every language: it is the generated docs/scenario-reference.md, whose field descriptions
/// are the schema's own.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schema", context.Words["cli.help.schema"]);
        command.SetAction(_ =>
        {
            context.Out.Write(ScenarioReference.Markdown());
            return ExitCodes.Success;
        });
        return command;
    }
}
