using System.CommandLine;
using Suanli.Core;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary>The <c>(SCENARIO.yaml | --preset NAME) [--set k=v]…</c> arguments every scenario command shares.</summary>
internal sealed class ScenarioInput
{
    public Argument<string?> File { get; } = new("scenario")
    {
        Description = "Scenario YAML file (or use --preset).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = "Built-in preset to run (see 'suanli presets list').",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one input, e.g. --set site.vacancy=0.05 (repeatable; same checks as the file).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(Preset);
        command.Add(Set);
    }

    /// <summary>Loads the scenario, printing every diagnostic to stderr; null when it cannot be used.</summary>
    public Scenario? Load(ParseResult parse, CliContext context)
    {
        var file = parse.GetValue(File);
        var preset = parse.GetValue(Preset);
        var sets = parse.GetValue(Set) ?? [];
        if ((file is null) == (preset is null))
        {
            context.Error.WriteLine(file is null
                ? "command-line:1:1: usage: give a scenario file or --preset NAME (allowed: a YAML file path, or one of: " + string.Join(", ", Presets.Names) + ")"
                : "command-line:1:1: usage: give either a scenario file or --preset, not both (allowed: one of them)");
            return null;
        }

        var result = file is not null ? ScenarioLoader.FromFile(file, sets) : ScenarioLoader.FromPreset(preset!, sets);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Error.WriteLine(diagnostic.ToString());
        }

        return result.Scenario;
    }

    /// <summary>
    /// Loads the scenario and takes the section a command needs; prints the diagnostics (or that the section is
    /// missing) and returns null when it cannot.
    /// </summary>
    public (Scenario Scenario, T Section)? LoadSection<T>(ParseResult parse, CliContext context, string section, string command, Func<Scenario, T?> select)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(select);
        var scenario = Load(parse, context);
        if (scenario is null)
        {
            return null;
        }

        if (select(scenario) is not { } value)
        {
            MissingSection(context, scenario, section, command);
            return null;
        }

        return (scenario, value);
    }

    /// <summary>Reports that the scenario lacks a section the command needs.</summary>
    public static void MissingSection(CliContext context, Scenario scenario, string section, string command) =>
        context.Error.WriteLine(new Diagnostic(Severity.Error, Scenarios.Binding.DiagnosticCodes.MissingSection, scenario.Origin, 1, 1, section,
            $"'suanli {command}' needs a '{section}:' section and the scenario has none", $"a '{section}:' section; see docs/scenario-reference.md or 'suanli presets show cn-2025-essay'").ToString());
}
