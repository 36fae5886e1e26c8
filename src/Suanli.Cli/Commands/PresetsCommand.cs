using System.CommandLine;
using Spectre.Console;
using Suanli.Cli.Output;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli presets list|show</c>: the built-in scenarios.</summary>
internal static class PresetsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write the list as JSON." };
        var list = new Command("list", "List the built-in presets.") { json };
        list.SetAction(parse =>
        {
            var rows = Presets.Names.Select(n =>
            {
                var scenario = ScenarioLoader.FromPreset(n).Scenario;
                return new { name = n, currency = scenario?.Currency?.ToString(), sections = Sections(scenario), description = Presets.Summary(n) };
            }).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, rows);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("preset").AddColumn("currency").AddColumn("sections").AddColumn("description");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.name), row.currency ?? "-", Markup.Escape(string.Join(", ", row.sections)), Markup.Escape(row.description));
            }

            var console = context.CreateOutConsole();
            console.Write(table);
            console.WriteLine("Show one as YAML to copy and edit: suanli presets show NAME");
            return ExitCodes.Success;
        });

        var name = new Argument<string>("name") { Description = "Preset name." };
        var show = new Command("show", "Print a preset as YAML, with every value's source, to copy and edit.") { name };
        show.SetAction(parse =>
        {
            var presetName = parse.GetValue(name)!;
            var text = Presets.Text(presetName);
            if (text is null)
            {
                context.Error.WriteLine(Presets.Unknown(presetName, name.Name).ToString());
                return ExitCodes.InvalidInput;
            }

            context.Out.Write(text);
            return ExitCodes.Success;
        });

        return new Command("presets", "Built-in scenarios that reproduce the essay and published data.") { list, show };
    }

    private static string[] Sections(Scenario? scenario) =>
        scenario is null ? [] : [.. new[] { scenario.Site is null ? null : "site", scenario.Layout is null ? null : "layout", scenario.Training is null ? null : "training", scenario.Compute is null ? null : "compute", scenario.Claims.Count > 0 ? "claims" : null }.OfType<string>()];
}
