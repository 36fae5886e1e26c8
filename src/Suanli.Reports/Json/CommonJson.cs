using System.Reflection;
using Suanli.Analysis.Results;
using Suanli.Core;

namespace Suanli.Reports.Json;

/// <summary>What every command's JSON starts with, so a result can be read, versioned and reproduced from itself.</summary>
public static class JsonHeader
{
    /// <summary>The version of the JSON shapes; raised when a key changes meaning or disappears (keys are only ever added otherwise).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Suanli's version (the assembly's informational version without build metadata).</summary>
    public static string SuanliVersion { get; } = Version();

    private static string Version()
    {
        var informational = typeof(JsonHeader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}

/// <summary>A finding in JSON: its code and arguments (invariant), and its text in the chosen language.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Level">Info or warning.</param>
/// <param name="Args">Named arguments.</param>
/// <param name="Text">The finding in words, in the output's language.</param>
public sealed record FindingJson(string Code, FindingLevel Level, IReadOnlyDictionary<string, FindingArg> Args, string Text);

/// <summary>A figure in JSON: value, unit and currency.</summary>
/// <param name="Value">The value, null when it does not exist.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Currency">The currency of a money figure.</param>
public sealed record MetricJson(double? Value, Unit Unit, string? Currency);
