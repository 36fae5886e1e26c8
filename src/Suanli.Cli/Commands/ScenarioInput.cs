using System.CommandLine;
using Suanli.Core;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary>The <c>(SCENARIO.yaml | --preset NAME) [--set k=v]…</c> arguments every scenario command shares.</summary>
internal sealed class ScenarioInput
{
    // The descriptions are written in the chosen language when the tree is built (HelpKeys.Apply).
    public Argument<string?> File { get; } = HelpKeys.Tag(new Argument<string?>("scenario") { Arity = ArgumentArity.ZeroOrOne }, "cli.help.scenario");

    public Option<string?> Preset { get; } = HelpKeys.Tag(new Option<string?>("--preset"), "cli.help.preset");

    public Option<string[]> Set { get; } = HelpKeys.Tag(new Option<string[]>("--set")
    {
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    }, "cli.help.set");

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
            context.Report(file is null
                ? CliMessages.Usage("usage", CliMessages.Of("diag.usage.noScenario"), CliMessages.Of("diag.allowed.fileOrPreset", ("presets", string.Join(", ", Presets.Names))))
                : CliMessages.Usage("usage", CliMessages.Of("diag.usage.both"), CliMessages.Of("diag.allowed.oneOfThem")));
            return null;
        }

        var result = file is not null ? ScenarioLoader.FromFile(file, sets) : ScenarioLoader.FromPreset(preset!, sets);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Report(diagnostic);
        }

        return result.Scenario;
    }

    /// <summary>
    /// Loads the scenario and takes the section a command needs; prints the diagnostics (or that the section is
    /// missing) and returns null when it cannot.
    /// </summary>
    /// <summary>A loader of the same scenario with one more <c>--set</c> after the user's (what <c>suanli solve</c> varies).</summary>
    public Func<string, LoadResult> LoaderWith(ParseResult parse)
    {
        var many = LoaderWithMany(parse);
        return extra => many([extra]);
    }

    /// <summary>A loader of the same scenario with more <c>--set</c>s after the user's (what <c>suanli sweep</c> varies).</summary>
    public Func<IReadOnlyList<string>, LoadResult> LoaderWithMany(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var file = parse.GetValue(File);
        var preset = parse.GetValue(Preset);
        var sets = parse.GetValue(Set) ?? [];
        return extra => file is not null ? ScenarioLoader.FromFile(file, [.. sets, .. extra]) : ScenarioLoader.FromPreset(preset!, [.. sets, .. extra]);
    }

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
    public static void MissingSection(CliContext context, Scenario scenario, string section, string command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scenario);
        context.Report(Diagnostic.Error(Scenarios.Binding.DiagnosticCodes.MissingSection, scenario.Origin, 1, 1, section,
            CliMessages.Of("diag.missingSectionForCommand", ("command", command), ("section", section)),
            CliMessages.Of("diag.allowed.sectionFor", ("section", section), ("preset", ExamplePreset(section)))));
    }

    /// <summary>A built-in preset that has <paramref name="section"/>, to copy from (the first by name).</summary>
    private static string ExamplePreset(string section)
    {
        var has = Suanli.Analysis.Run.ModelRunners.Sections.FirstOrDefault(s => s.Section == section)?.Present;
        return has is null ? "cn-2025-essay"
            : Presets.Names.FirstOrDefault(n => ScenarioLoader.FromPreset(n).Scenario is { } s && has(s)) ?? "cn-2025-essay";
    }
}
