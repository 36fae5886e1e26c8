using System.Globalization;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Compute;

/// <summary>The inputs a compute result rests on when they come from the command line and the catalog rather than a scenario file.</summary>
internal sealed class ComputeInputs
{
    private readonly List<InputValue> inputs = [];
    private readonly HashSet<string> catalogEntries = new(StringComparer.Ordinal);

    /// <summary>The inputs gathered, in order.</summary>
    public IReadOnlyList<InputValue> All => inputs;

    /// <summary>Adds the inputs of a scenario.</summary>
    public void Scenario(Scenario scenario) => inputs.AddRange(scenario.Inputs);

    /// <summary>An option given on the command line.</summary>
    public void Flag(string option, object? value, string? unit = null)
    {
        if (value is null)
        {
            return;
        }

        inputs.Add(new InputValue(option, Text(value), unit, null, InputOrigin.CommandLine, RequestError.CommandLine, 0, 0));
    }

    /// <summary>The options of price and power that <c>train</c> and <c>infer</c> both take, as given.</summary>
    public void PriceAndPowerFlags(ComputeOptions o)
    {
        Flag("--price-per-hour", o.PricePerHour, "currency per accelerator-hour");
        Flag("--currency", o.Currency);
        Flag("--fx-rmb-per-usd", o.FxRmbPerUsd, "RMB/USD");
        Flag("--pue", o.Pue, "ratio");
        Flag("--power-fraction", o.PowerFraction, "fraction");
        Flag("--host-watts", o.HostWatts, "W");
    }

    /// <summary>The documented defaults of PUE, power fraction and host watts that a run from options alone used in place of options not given.</summary>
    public void PowerDefaults(ComputeOptions o)
    {
        Default("--pue", o.Pue, ComputeDefaults.Pue, "ratio");
        Default("--power-fraction", o.PowerFraction, ComputeDefaults.PowerFraction, "fraction");
        Default("--host-watts", o.HostWatts, ComputeDefaults.HostWatts, "W");
    }

    /// <summary>A default documented in docs/compute.md that the run used in place of an option not given; nothing when it was given.</summary>
    public void Default(string option, double? given, double value, string unit)
    {
        if (given is null)
        {
            inputs.Add(new InputValue(option, Text(value), unit, "docs/compute.md", InputOrigin.Default, RequestError.CommandLine, 0, 0));
        }
    }

    /// <summary>Every value of a built-in catalog entry (accelerator or model), with its source; nothing for a scenario's own entry.</summary>
    public void CatalogEntry(string id)
    {
        var builtIn = ComputeCatalog.BuiltIn;
        if (!catalogEntries.Add(id))
        {
            return;
        }

        var prefix = builtIn.Accelerators.ContainsKey(id) ? $"accelerators[{IndexOf(builtIn.Accelerators.Keys, id)}]."
            : builtIn.Models.ContainsKey(id) ? $"models[{IndexOf(builtIn.Models.Keys, id)}]."
            : null;
        if (prefix is not null)
        {
            inputs.AddRange(builtIn.Inputs.Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }

    /// <summary>A catalog year's average exchange rate, with its source.</summary>
    public void ExchangeRate(int? year)
    {
        var builtIn = ComputeCatalog.BuiltIn;
        if (year is not { } y || !builtIn.RmbPerUsdByYear.ContainsKey(y) || !catalogEntries.Add("rmbPerUsd:" + y.ToString(CultureInfo.InvariantCulture)))
        {
            return;
        }

        var prefix = $"rmbPerUsd[{IndexOf(builtIn.RmbPerUsdByYear.Keys, y)}].";
        inputs.AddRange(builtIn.Inputs.Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal)));
    }

    private static int IndexOf<T>(IEnumerable<T> keys, T key) => keys.ToList().IndexOf(key);

    private static string Text(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Core.Currency c => c.ToString(),
        Enum e => char.ToLowerInvariant(e.ToString()[0]) + e.ToString()[1..],
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
