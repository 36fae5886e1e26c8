using System.Reflection;
using System.Text.Json.Serialization;
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

/// <summary>Numbers as JSON writes them.</summary>
internal static class JsonNumbers
{
    /// <summary>The number, or null for an infinity or NaN (JSON has neither).</summary>
    public static double? Finite(double x) => double.IsFinite(x) ? x : null;
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

/// <summary>
/// The keys every command's JSON starts with: the versions, the command and the language of every text. System.Text.Json
/// writes a derived record's keys before its base's, so each header key states its place (negative: before every key of
/// the derived record, which keeps the default 0 and its declaration order).
/// </summary>
public abstract record CommandJson
{
    private protected CommandJson(string command, Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
        SchemaVersion = JsonHeader.SchemaVersion;
        SuanliVersion = JsonHeader.SuanliVersion;
        Command = command;
        Language = words.Language.Tag();
    }

    /// <summary>Version of the JSON shapes.</summary>
    [JsonPropertyOrder(-7)]
    public int SchemaVersion { get; }

    /// <summary>Suanli's version.</summary>
    [JsonPropertyOrder(-6)]
    public string SuanliVersion { get; }

    /// <summary>The command, e.g. <c>econ</c> or <c>catalog models</c>.</summary>
    [JsonPropertyOrder(-5)]
    public string Command { get; }

    /// <summary>The language of every text: en, zh-Hant or zh-Hans.</summary>
    [JsonPropertyOrder(-4)]
    public string Language { get; }
}

/// <summary>The common header of a command that reads a scenario (or, for train and infer, the command line): its name, origin and overrides follow.</summary>
public abstract record ScenarioCommandJson : CommandJson
{
    private protected ScenarioCommandJson(ResultHeader header, Words words)
        : base(header.Command, words)
    {
        Scenario = header.Scenario;
        Origin = header.Origin;
        Overrides = header.Overrides;
    }

    /// <summary>Scenario name (<c>command-line</c> for a run from options alone).</summary>
    [JsonPropertyOrder(-3)]
    public string Scenario { get; }

    /// <summary>File or preset it came from, or <c>command-line</c>.</summary>
    [JsonPropertyOrder(-2)]
    public string Origin { get; }

    /// <summary>The <c>--set</c> overrides applied, as given (none for a run from options alone).</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<string> Overrides { get; }
}
