using Suanli.Core;

namespace Suanli.Scenarios.Binding;

/// <summary>
/// The diagnostics the scenario layer writes, as resource keys with their English words. The words of every language
/// are in the Cli resource area (<c>diag.*</c>); the English there and here are the same text, which a test holds, so
/// that <see cref="Diagnostic.Message"/> reads exactly as the English output.
/// </summary>
public static partial class Messages
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        // Keys, sections and lists.
        ["diag.keyNotName"] = "a key must be a plain name",
        ["diag.unknownKey"] = "unknown key '{key}'",
        ["diag.unknownKey.suggest"] = "unknown key '{key}'; did you mean '{suggestion}'?",
        ["diag.unknownSourcedKey"] = "unknown key '{key}' in a sourced value",
        ["diag.missingKey"] = "required key '{key}' is missing ({description})",
        ["diag.missingSection"] = "required section '{key}' is missing",
        ["diag.missingList"] = "required list '{key}' is missing",
        ["diag.sourcedNeedsValue"] = "a sourced value needs a 'value' key",
        ["diag.expectedSection"] = "expected a section of keys, got {got}",
        ["diag.expectedItem"] = "expected an item with keys, got {got}",
        ["diag.expectedList"] = "expected a list, got {got}",
        ["diag.expectedFlowList"] = "expected a list such as [a, b], got {got}",
        ["diag.expected"] = "expected {expected}, got {got}",
        ["diag.expectedText"] = "expected text, got {got}",
        ["diag.expectedBoolean"] = "expected true or false, got '{value}'",
        ["diag.expectedWhole"] = "expected a whole number, got '{value}'",
        ["diag.quotedNumber"] = "expected {expected}, got the quoted text \"{value}\"",
        ["diag.controlCharacter"] = "the text holds the control character {control}",
        ["diag.unknownChoice"] = "'{value}' is not one of the choices",
        ["diag.unknownChoice.suggest"] = "'{value}' is not one of the choices; did you mean '{suggestion}'?",

        // Numbers.
        ["diag.notANumber"] = "expected {expected}, got '{value}'",
        ["diag.notANumber.localised"] = "expected {expected}, got '{value}' (decimals take a point, and numbers no group separators)",
        ["diag.notFinite"] = "'{value}' is not a finite number",
        ["diag.percentage"] = "'{value}' is a percentage; write fractions as decimals (35% is 0.35)",
        ["diag.subnormal"] = "'{value}' is too close to zero to compute with (write 0, or a number of magnitude at least 2.2e-308)",
        ["diag.outOfRange"] = "{value} is outside {range}",
        ["diag.outOfRange.negative"] = "{value} is outside {range} (it cannot be negative)",
        ["diag.outOfRange.fraction"] = "{value} is outside {range} (fractions are written 0–1: 35% is 0.35)",

        // What a value was, in "got …".
        ["diag.node.section"] = "a section of keys",
        ["diag.node.list"] = "a list",
        ["diag.node.alias"] = "an alias",
        ["diag.node.value"] = "a value",
        ["diag.node.quoted"] = "'{value}'",
        ["diag.node.other"] = "something else",

        // What was expected, in "expected …".
        ["diag.what.number"] = "a number",
        ["diag.what.whole"] = "a whole number",
        ["diag.what.boolean"] = "true or false",
        ["diag.what.choice"] = "one of: {choices}",
        ["diag.what.value"] = "a value",

        // --set.
        ["diag.setSyntax"] = "'{argument}' is not of the form path=value",
        ["diag.setNoItem"] = "the scenario has no such list item to set (set items that the scenario lists)",
        ["diag.setSection"] = "'{path}' is a section; set one of its values",
        ["diag.setUnknownPath"] = "unknown path '{path}'",
        ["diag.setUnknownPath.suggest"] = "unknown path '{path}'; did you mean '{suggestion}'?",

        // YAML.
        ["diag.yamlTag"] = "the YAML tag '{tag}' is not read by Suanli",
        ["diag.yamlKeyNotName"] = "a key must be a plain name, not {what}",
        ["diag.yamlAliasUndefined"] = "the alias '*{name}' names no anchor defined before it",
        ["diag.yamlAliasCycle"] = "the alias '*{name}' is inside the node it refers to (a cycle)",
        ["diag.yamlTooDeep"] = "sections and lists are nested more than {depth} deep",
        ["diag.yamlTab"] = "a tab in the indentation (YAML indents with spaces)",
        ["diag.yamlSyntax.file"] = "the file is not valid YAML: {detail}",
        ["diag.yamlSyntax.value"] = "the value is not valid YAML: {detail}",
        ["diag.yamlUnclosed.file"] = "the file is not valid YAML: this '{bracket}' is not closed where it should be",
        ["diag.yamlUnclosed.value"] = "the value is not valid YAML: this '{bracket}' is not closed where it should be",
        ["diag.yamlFromHere.file"] = "the file is not valid YAML from here on (an unclosed quote, or an invalid escape such as \\U beyond 10FFFF?)",
        ["diag.yamlFromHere.value"] = "the value is not valid YAML from here on (an unclosed quote, or an invalid escape such as \\U beyond 10FFFF?)",

        // Files and documents.
        ["diag.fileNameEmpty"] = "the scenario file name is empty",
        ["diag.fileIsDirectory"] = "cannot read the scenario: it is a directory, not a file",
        ["diag.fileNotFound"] = "cannot read the scenario: no such file",
        ["diag.filePermission"] = "cannot read the scenario: permission denied",
        ["diag.fileBadName"] = "cannot read the scenario: not a valid file name",
        ["diag.fileUnreadable"] = "cannot read the scenario: {detail}",
        ["diag.fileTooLarge"] = "the scenario is larger than {bytes} bytes (1 MiB), the most Suanli reads",
        ["diag.notUtf8"] = "the file is not UTF-8 text: byte 0x{byte} cannot start or continue a character here",
        ["diag.emptyScenario"] = "the scenario is empty",
        ["diag.severalDocuments"] = "the file holds {count} YAML documents",
        ["diag.notMapping"] = "the scenario must be a mapping of keys",
        ["diag.tooMany"] = "{count} more problems from here on are not shown",
        ["diag.unknownPreset"] = "unknown preset '{name}'",
        ["diag.unknownPreset.suggest"] = "unknown preset '{name}'; did you mean '{suggestion}'?",
        ["diag.noCurrency"] = "a scenario with a site section needs a currency for its money values",

        // What is allowed.
        ["diag.allowed.names"] = "names: {names}",
        ["diag.allowed.number"] = "a finite number in {range}",
        ["diag.allowed.numberOrAuto"] = "a finite number in {range}, or auto",
        ["diag.allowed.whole"] = "a whole number in {range}",
        ["diag.allowed.boolean"] = "true or false",
        ["diag.allowed.text"] = "text",
        ["diag.allowed.section"] = "a section of keys: {keys}",
        ["diag.allowed.list"] = "a list of items, each with keys: {keys}",
        ["diag.allowed.scalarList"] = "a list such as [a, b] of: {element}",
        ["diag.allowed.textNoControl"] = "text without control characters (line breaks and tabs are fine)",
        ["diag.allowed.source"] = "text naming the publication, or \"assumption: …\" with the reasoning",
        ["diag.allowed.numberForm"] = "a number written with a decimal point and no group separators, e.g. 12.8, 0.8 or 1.5e13",
        ["diag.allowed.setSyntax"] = "e.g. --set site.vacancy=0.05",
        ["diag.allowed.setIndex"] = "indexes of existing items, from 0",
        ["diag.allowed.setPath"] = "a value path such as site.vacancy; see docs/scenario-reference.md",
        ["diag.allowed.noTags"] = "values without tags: numbers, true/false, text, sections and lists",
        ["diag.allowed.plainNames"] = "plain names such as 'site' or 'vacancy'",
        ["diag.allowed.aliasAfterAnchor"] = "an alias after its '&anchor'",
        ["diag.allowed.aliasOutside"] = "aliases to a node defined before and outside them",
        ["diag.allowed.depth"] = "at most {depth} levels of nesting",
        ["diag.allowed.yaml"] = "YAML with 'key: value' lines",
        ["diag.allowed.file"] = "a readable YAML file, or --preset NAME",
        ["diag.allowed.fileSize"] = "a YAML scenario under 1 MiB (the presets are under 10 KiB)",
        ["diag.allowed.utf8"] = "a YAML file saved as UTF-8",
        ["diag.allowed.oneDocument"] = "one YAML document with name, currency and sections such as site",
        ["diag.allowed.fixAbove"] = "fix the ones above and run again",
    };

    private static readonly Lazy<Dictionary<string, string>> All = new(() => new(Table.Concat(Checks), StringComparer.Ordinal));

    /// <summary>Every key with its English words (those of the Cli area's <c>diag.*</c> and the Diagnostics area's <c>diag2.*</c>).</summary>
    public static IReadOnlyDictionary<string, string> English => All.Value;

    /// <summary>The message of a key with its arguments (each a string or a <see cref="MessageText"/>).</summary>
    public static MessageText Of(string key, params ReadOnlySpan<(string Name, object Value)> args) => MessageText.Of(key, All.Value[key], args);

    /// <summary>A message with a "did you mean" when there is a suggestion: <paramref name="key"/> or <paramref name="key"/>.suggest.</summary>
    public static MessageText WithSuggestion(string key, string? suggestion, params ReadOnlySpan<(string Name, object Value)> args) =>
        suggestion is null ? Of(key, args) : Of(key + ".suggest", AndSuggestion(args, suggestion));

    /// <summary>The arguments of a <c>.suggest</c> message: those of the plain one, then the suggestion.</summary>
    public static (string Name, object Value)[] AndSuggestion(ReadOnlySpan<(string Name, object Value)> args, string suggestion)
    {
        var all = new (string, object)[args.Length + 1];
        args.CopyTo(all);
        all[^1] = ("suggestion", suggestion);
        return all;
    }

    /// <summary>The closest of <paramref name="known"/> to a misspelt name, within a small edit distance; null when none is close.</summary>
    public static string? Suggest(string wrong, IEnumerable<string> known) => YamlBinder.Suggest(wrong, known);

    /// <summary>Words written the same in every language (names, keys, lists of choices).</summary>
    public static MessageText Literal(string text) => MessageText.Literal(text);
}
