using Suanli.Core;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli;

/// <summary>
/// The command line's own diagnostics as resource keys with their English words (the scenario layer's are in
/// <see cref="Messages"/>). The English here is the English of the Cli resource area, which a test holds.
/// </summary>
internal static partial class CliMessages
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["diag.usage.noScenario"] = "give a scenario file or --preset NAME",
        ["diag.usage.both"] = "give either a scenario file or --preset, not both",
        ["diag.missingSectionForCommand"] = "'suanli {command}' needs a '{section}:' section and the scenario has none",
        ["diag.missingAnySection"] = "'suanli {command}' needs at least one of the sections {sections} and the scenario has none",
        ["diag.unknownOption"] = "unknown option '{option}'",
        ["diag.unknownOption.suggest"] = "unknown option '{option}'; did you mean '{suggestion}'?",
        ["diag.unknownId"] = "unknown {kind} '{value}'",
        ["diag.valueRequired"] = "a value is required",
        ["diag.oneValue"] = "give one value",
        ["diag.optionRequired"] = "option '{option}' is required",
        ["diag.optionOneValue"] = "option '{option}' takes one value, but {count} were given",
        ["diag.tooLarge"] = "'{value}' is too large",
        ["diag.inexactWhole"] = "'{value}' is too large to be exact in that form; write it out in digits",
        ["diag.unknownLanguage"] = "'{value}' is not a language Suanli writes",
        ["diag.unknownClaim"] = "'{value}' is not a claim of the essay",
        ["diag.allowed.fileOrPreset"] = "a YAML file path, or one of: {presets}",
        ["diag.allowed.oneOfThem"] = "one of them",
        ["diag.allowed.sectionFor"] = "a '{section}:' section; see docs/scenario-reference.md or 'suanli presets show {preset}'",
        ["diag.allowed.anySection"] = "one of the sections {sections}; see docs/scenario-reference.md or 'suanli presets list'",
        ["diag.allowed.options"] = "the options of '{command}': {options}",
        ["diag.allowed.optionRange"] = "{what} in {range}",
        ["diag.allowed.optionWhole"] = "{what} from {min} to {max}",
        ["diag.allowed.oneOf"] = "one of: {choices}",
        ["diag.allowed.wholeForm"] = "a whole number from {min} to {max}, in digits or an exponent form such as 1e6 (no group separators)",
        ["diag.allowed.seeHelp"] = "see '{command} --help'",
        ["diag.allowed.languagesOrUnset"] = "{languages}, or unset it",
        ["diag.cannotWrite"] = "cannot write {file}: {reason}",
        ["diag.allowed.writablePath"] = "a file path in a directory that exists and can be written",
        ["diag.solve.target"] = "'{value}' is not METRIC=VALUE with a finite number",
        ["diag.allowed.solve.target"] = "a metric name, '=' and a finite number in digits, e.g. irr=0.10 or npv=0",
    };

    /// <summary>Every key with its English words.</summary>
    public static IReadOnlyDictionary<string, string> English => All.Value;

    /// <summary>The message of a key of the command line or, failing that, of the scenario layer.</summary>
    public static MessageText Of(string key, params ReadOnlySpan<(string Name, object Value)> args) =>
        All.Value.TryGetValue(key, out var english) ? MessageText.Of(key, english, args) : Messages.Of(key, args);

    /// <summary>A message with a "did you mean" when there is a suggestion: <paramref name="key"/> or <paramref name="key"/>.suggest.</summary>
    public static MessageText WithSuggestion(string key, string? suggestion, params ReadOnlySpan<(string Name, object Value)> args) =>
        suggestion is null ? Of(key, args) : Of(key + ".suggest", Messages.AndSuggestion(args, suggestion));

    /// <summary>A usage error on the command line, located at <c>command-line:1:1</c>.</summary>
    public static Diagnostic Usage(string field, MessageText message, MessageText? allowed) =>
        Diagnostic.Error(DiagnosticCodes.Usage, "command-line", 1, 1, field, message, allowed);
}
