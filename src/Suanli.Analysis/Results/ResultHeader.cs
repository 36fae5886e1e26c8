using Suanli.Core;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Results;

/// <summary>What a result rests on: the command, the scenario and where it came from, the overrides and every input with its source.</summary>
/// <param name="Command">The command that produced it, e.g. <c>econ</c>.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Origin">The file or preset it was read from.</param>
/// <param name="Description">What the scenario describes, when it says.</param>
/// <param name="Currency">The currency of its money, when it has any.</param>
/// <param name="Overrides">The <c>--set path=value</c> overrides, as given.</param>
/// <param name="Inputs">Every input with its value, unit, source and origin.</param>
public sealed record ResultHeader(string Command, string Scenario, string Origin, string? Description, Currency? Currency, IReadOnlyList<string> Overrides, IReadOnlyList<InputValue> Inputs)
{
    /// <summary>The header of a result computed from a scenario.</summary>
    public static ResultHeader For(string command, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(command, scenario.Name, scenario.Origin, scenario.Description, scenario.Currency, scenario.Overrides, scenario.Inputs);
    }
}

/// <summary>What every model's result offers a reader that does not know the model: its header, named figures and findings.</summary>
public interface IModelResult
{
    /// <summary>What the result rests on.</summary>
    ResultHeader Header { get; }

    /// <summary>Named figures, each with its unit and currency (what a sweep or a report reads by key).</summary>
    IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Readings and warnings, as codes and arguments.</summary>
    IReadOnlyList<Finding> Findings { get; }
}
