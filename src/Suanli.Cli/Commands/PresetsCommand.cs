using System.CommandLine;
using Spectre.Console;
using Suanli.Cli.Output;
using Suanli.Reports;
using Suanli.Reports.Json;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli presets list|show</c>: the built-in scenarios.</summary>
internal static class PresetsCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var json = new Option<bool>("--json") { Description = words["cli.help.presets.list.json"] };
        var list = new Command("list", words["cli.help.presets.list"]) { json };
        list.SetAction(parse =>
        {
            var rows = Presets.Names.Select(n =>
            {
                var scenario = ScenarioLoader.FromPreset(n).Scenario;
                return new PresetJson(n, scenario?.Currency?.ToString(), Sections(scenario), Presets.Summary(n));
            }).ToList();
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize<IReadOnlyList<PresetJson>>(rows), console =>
            {
                var table = View.Table(string.Empty, words["cli.presets.col.preset"], words["cli.presets.col.currency"], words["cli.presets.col.sections"], words["cli.presets.col.description"]);
                table.Title = null;
                foreach (var row in rows)
                {
                    table.AddRow(View.Cell(row.Name), View.Cell(row.Currency ?? "-"), View.Cell(string.Join(", ", row.Sections)), View.Cell(words.PresetSummary(row.Name)));
                }

                console.Write(table);
                console.WriteLine(words["cli.presets.hint"]);
            });
        });

        var name = new Argument<string>("name") { Description = words["cli.help.presets.show.name"] };
        var show = new Command("show", words["cli.help.presets.show"]) { name };
        show.SetAction(parse =>
        {
            var presetName = parse.GetValue(name)!;
            var text = Presets.Text(presetName);
            if (text is null)
            {
                context.Report(Presets.Unknown(presetName, name.Name));
                return ExitCodes.InvalidInput;
            }

            context.Out.Write(text);
            return ExitCodes.Success;
        });

        return new Command("presets", words["cli.help.presets"]) { list, show };
    }

    private static string[] Sections(Scenario? scenario) =>
        scenario is null ? [] : [.. new[] { scenario.Site is null ? null : "site", scenario.Layout is null ? null : "layout", scenario.Training is null ? null : "training", scenario.Compute is null ? null : "compute", scenario.Market is null ? null : "market",
            scenario.Cloud is null ? null : "cloud", scenario.Claims.Count > 0 ? "claims" : null }.OfType<string>()];
}
