using Spectre.Console;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Output;

/// <summary>The table of a scenario's inputs: path, value, unit and source (or --set, or default).</summary>
internal static class InputsTable
{
    /// <summary>Every input whose path starts with one of <paramref name="prefixes"/> (all when none are given).</summary>
    public static Table Build(Scenario scenario, params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var currency = scenario.Currency?.ToString() ?? "currency";
        var table = new Table().Title("Inputs and their sources").AddColumn("path").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit").AddColumn("source");
        foreach (var i in scenario.Inputs.Where(i => prefixes.Length == 0 || prefixes.Any(p => i.Path.StartsWith(p, StringComparison.Ordinal))))
        {
            var unit = i.Unit?.Replace("currency", currency, StringComparison.Ordinal) ?? string.Empty;
            var source = i.Origin switch
            {
                InputOrigin.Default => "default",
                InputOrigin.Set => "--set",
                _ => i.Source ?? "(no source given)",
            };
            table.AddRow(Markup.Escape(i.Path), Markup.Escape(i.Value), Markup.Escape(unit), Markup.Escape(source));
        }

        return table;
    }
}
