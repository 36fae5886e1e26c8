using System.Globalization;
using Suanli.Core;
using Suanli.Scenarios.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios.Binding;

/// <summary>
/// Binds a YAML node tree to the schema DTOs, key by key, so that every error names its file, line, column and
/// field, and every value used is recorded with its source. <c>--set</c> overrides are applied to the same paths
/// with the same checks. Any scalar may also be written <c>{ value: …, source: "…" }</c>.
/// </summary>
internal sealed class YamlBinder
{
    private static readonly string[] SourcedKeys = ["value", "source"];

    private readonly string file;
    private readonly Dictionary<string, (SetOverride Override, bool Used)> overrides;

    public YamlBinder(string file, IEnumerable<SetOverride> overrides)
    {
        this.file = file;
        this.overrides = [];
        foreach (var o in overrides)
        {
            // A later --set of the same path wins, as on most command lines.
            this.overrides[o.Path] = (o, false);
        }
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Every scalar bound, by path, in document order.</summary>
    public Dictionary<string, InputValue> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each bound section, list and scalar starts.</summary>
    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    public T Bind<T>(YamlMappingNode root)
        where T : class, new()
    {
        var result = (T)BindSection(typeof(T), root, string.Empty, At(root));
        foreach (var (path, (o, used)) in overrides)
        {
            if (!used)
            {
                Diagnostics.Add(UnknownSetPath(o, path));
            }
        }

        return result;
    }

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private object BindSection(Type type, YamlMappingNode? node, string path, SourceLocation where)
    {
        var instance = Activator.CreateInstance(type)!;
        var fields = SchemaInfo.Fields(type);
        var children = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not null)
        {
            foreach (var (keyNode, valueNode) in node.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                if (key is null)
                {
                    // SafeYaml refuses keys that are not scalars; a null one (written '? ') lands here.
                    Error(DiagnosticCodes.WrongType, At(keyNode), path, "a key must be a plain name", "names: " + string.Join(", ", fields.Select(f => f.Key)));
                    continue;
                }

                if (!fields.Any(f => f.Key == key))
                {
                    var suggestion = Suggest(key, fields.Select(f => f.Key));
                    Error(DiagnosticCodes.UnknownKey, At(keyNode), Join(path, key),
                        $"unknown key '{Diagnostic.Shown(key)}'" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"),
                        string.Join(", ", fields.Select(f => f.Key)));
                    continue;
                }

                children[key] = valueNode;
            }
        }

        foreach (var field in fields)
        {
            var childPath = Join(path, field.Key);
            children.TryGetValue(field.Key, out var child);
            if (child is not null)
            {
                Locations[childPath] = At(child);
            }

            var value = field.Kind switch
            {
                FieldKind.Section => BindSectionField(field, child, childPath, where),
                FieldKind.List => BindList(field, child, childPath, where),
                FieldKind.ScalarList => BindScalarList(field, child, childPath, where),
                _ => BindScalar(field, child, childPath, where),
            };
            field.Property.SetValue(instance, value);
        }

        return instance;
    }

    private object? BindSectionField(SchemaField field, YamlNode? child, string path, SourceLocation parent)
    {
        if (child is YamlMappingNode mapping)
        {
            return BindSection(field.ValueType, mapping, path, At(mapping));
        }

        if (child is not null && !IsNull(child))
        {
            Error(DiagnosticCodes.WrongType, At(child), path, $"expected a section of keys, got {Describe(child)}", field.AllowedText);
            return null;
        }

        if (HasOverridesUnder(path))
        {
            return BindSection(field.ValueType, null, path, parent);
        }

        if (field.Attribute.Required)
        {
            Error(DiagnosticCodes.MissingKey, parent, path, $"required section '{field.Key}' is missing", field.AllowedText);
        }

        return null;
    }

    private object? BindList(SchemaField field, YamlNode? child, string path, SourceLocation parent)
    {
        if (child is YamlSequenceNode sequence)
        {
            var list = (System.Collections.IList)Activator.CreateInstance(field.Property.PropertyType)!;
            var i = 0;
            foreach (var item in sequence.Children)
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                Locations[itemPath] = At(item);
                if (item is YamlMappingNode mapping)
                {
                    list.Add(BindSection(field.ValueType, mapping, itemPath, At(mapping)));
                }
                else
                {
                    Error(DiagnosticCodes.WrongType, At(item), itemPath, $"expected an item with keys, got {Describe(item)}", field.AllowedText);
                }

                i++;
            }

            return list;
        }

        if (child is not null && !IsNull(child))
        {
            Error(DiagnosticCodes.WrongType, At(child), path, $"expected a list, got {Describe(child)}", field.AllowedText);
        }
        else if (field.Attribute.Required)
        {
            Error(DiagnosticCodes.MissingKey, parent, path, $"required list '{field.Key}' is missing", field.AllowedText);
        }

        return null;
    }

    private object? BindScalarList(SchemaField field, YamlNode? child, string path, SourceLocation parent)
    {
        var at = parent;
        if (overrides.TryGetValue(path, out var entry))
        {
            // --set path=[a, b]: the value is read as a YAML flow sequence, with the same guards as a file.
            overrides[path] = (entry.Override, true);
            at = entry.Override.Location;
            var problems = new List<Diagnostic>();
            var stream = SafeYaml.Load(entry.Override.Value, at.File, problems, path, columnOffset: at.Column - 1, subject: "the value", allowedYaml: field.AllowedText);
            child = stream is { Documents.Count: 1 } ? stream.Documents[0].RootNode : null;
            if (problems.Count > 0)
            {
                Diagnostics.AddRange(problems);
                return null;
            }

            if (child is not YamlSequenceNode)
            {
                Error(DiagnosticCodes.WrongType, at, path, $"expected a list such as [a, b], got '{Diagnostic.Shown(entry.Override.Value)}'", field.AllowedText);
                return null;
            }

            Locations[path] = at;
        }

        if (child is null || IsNull(child))
        {
            if (field.Attribute.Required)
            {
                Error(DiagnosticCodes.MissingKey, parent, path, $"required list '{field.Key}' is missing", field.AllowedText);
            }

            return null;
        }

        string? source = entry.Override is null ? null : "--set on the command line";
        if (child is YamlMappingNode sourced)
        {
            if (!TryReadSourced(sourced, path, field, out child, out source))
            {
                return null;
            }
        }

        if (child is not YamlSequenceNode sequence)
        {
            Error(DiagnosticCodes.WrongType, At(child), path, $"expected a list such as [a, b], got {Describe(child)}", field.AllowedText);
            return null;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(field.Property.PropertyType)!;
        var element = field.Element;
        var i = 0;
        foreach (var item in sequence.Children)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
            var itemAt = entry.Override is null ? At(item) : at;
            if (item is not YamlScalarNode scalar)
            {
                Error(DiagnosticCodes.WrongType, itemAt, itemPath, $"expected {Article(element)}, got {Describe(item)}", element.AllowedText);
                continue;
            }

            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
            if (Convert(element, scalar.Value ?? string.Empty, quoted, itemPath, itemAt) is { } value)
            {
                list.Add(value);
            }
        }

        var where = entry.Override is null ? At(sequence) : at;
        Inputs[path] = new InputValue(path, "[" + string.Join(", ", sequence.Children.Select(c => (c as YamlScalarNode)?.Value)) + "]", field.Attribute.Unit,
            source, entry.Override is null ? InputOrigin.File : InputOrigin.Set, where.File, where.Line, where.Column);
        return list;
    }

    private object? BindScalar(SchemaField field, YamlNode? child, string path, SourceLocation parent)
    {
        string text;
        bool quoted;
        string? source = null;
        SourceLocation at;
        InputOrigin origin;
        if (overrides.TryGetValue(path, out var entry))
        {
            overrides[path] = (entry.Override, true);
            (text, quoted) = Unquote(entry.Override.Value);
            at = entry.Override.Location;
            origin = InputOrigin.Set;
            source = "--set on the command line";
        }
        else if (child is null || IsNull(child))
        {
            if (field.Attribute.Required)
            {
                Error(DiagnosticCodes.MissingKey, child is null ? parent : At(child), path,
                    $"required key '{field.Key}' is missing ({field.Attribute.Description.TrimEnd('.')})", field.AllowedText);
                return null;
            }

            if (field.Attribute.Default is null)
            {
                return null;
            }

            text = field.Attribute.Default;
            quoted = false;
            at = new SourceLocation(file, 0, 0);
            origin = InputOrigin.Default;
            source = "default";
        }
        else
        {
            YamlNode valueNode = child;
            if (child is YamlMappingNode sourced)
            {
                if (!TryReadSourced(sourced, path, field, out valueNode, out source))
                {
                    return null;
                }
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                Error(DiagnosticCodes.WrongType, At(valueNode), path, $"expected {Article(field)}, got {Describe(valueNode)}", field.AllowedText);
                return null;
            }

            text = scalar.Value ?? string.Empty;
            quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            at = At(scalar);
            origin = InputOrigin.File;
        }

        var value = Convert(field, text, quoted, path, at);
        if (value is not null)
        {
            Inputs[path] = new InputValue(path, text, field.Attribute.Unit, source, origin, at.File, at.Line, at.Column);
            Locations[path] = at;
        }

        return value;
    }

    private bool TryReadSourced(YamlMappingNode node, string path, SchemaField field, out YamlNode value, out string? source)
    {
        value = node;
        source = null;
        var ok = true;
        YamlNode? found = null;
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "value":
                    found = valueNode;
                    break;
                case "source" when valueNode is YamlScalarNode s && ControlCharacter(s.Value ?? string.Empty) is { } control:
                    Error(DiagnosticCodes.WrongType, At(valueNode), path + ".source", $"the text holds the control character {control}", AllowedText);
                    ok = false;
                    break;
                case "source" when valueNode is YamlScalarNode s:
                    source = s.Value;
                    break;
                case "source":
                    Error(DiagnosticCodes.WrongType, At(valueNode), path + ".source", $"expected text, got {Describe(valueNode)}", "text naming the publication, or \"assumption: …\" with the reasoning");
                    ok = false;
                    break;
                default:
                    Error(DiagnosticCodes.UnknownKey, At(keyNode), $"{path}.{key}", $"unknown key '{Diagnostic.Shown(key)}' in a sourced value", string.Join(", ", SourcedKeys));
                    ok = false;
                    break;
            }
        }

        if (found is null)
        {
            Error(DiagnosticCodes.MissingKey, At(node), path + ".value", "a sourced value needs a 'value' key", field.AllowedText);
            return false;
        }

        value = found;
        return ok;
    }

    private object? Convert(SchemaField field, string text, bool quoted, string path, SourceLocation at)
    {
        var trimmed = text.Trim();
        switch (field.Kind)
        {
            case FieldKind.Text:
                if (ControlCharacter(text) is { } control)
                {
                    Error(DiagnosticCodes.WrongType, at, path, $"the text holds the control character {control}", AllowedText);
                    return null;
                }

                return text;
            case FieldKind.Boolean:
                if (!quoted && bool.TryParse(trimmed, out var b))
                {
                    return b;
                }

                Error(DiagnosticCodes.WrongType, at, path, $"expected true or false, got '{Diagnostic.Shown(text)}'", field.AllowedText);
                return null;
            case FieldKind.Choice:
                var match = Enum.GetNames(field.ValueType)
                    .FirstOrDefault(n => string.Equals(SchemaInfo.ChoiceName(n), trimmed, StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return Enum.Parse(field.ValueType, match);
                }

                var suggestion = Suggest(trimmed, field.Choices);
                Error(DiagnosticCodes.UnknownChoice, at, path,
                    $"'{Diagnostic.Shown(text)}' is not one of the choices" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"), field.AllowedText);
                return null;
            case FieldKind.Number:
            case FieldKind.Integer:
                return ConvertNumber(field, trimmed, quoted, path, at);
            default:
                throw new InvalidOperationException($"{field.Kind} is not a scalar.");
        }
    }

    private object? ConvertNumber(SchemaField field, string text, bool quoted, string path, SourceLocation at)
    {
        if (quoted)
        {
            Error(DiagnosticCodes.WrongType, at, path, $"expected {Article(field)}, got the quoted text \"{Diagnostic.Shown(text)}\"", field.AllowedText);
            return null;
        }

        var lower = text.ToLowerInvariant();
        if (field.Attribute.AllowAuto && lower == "auto")
        {
            // NaN marks "auto" inside the DTO only; the builder turns it into "let the model choose".
            return double.NaN;
        }

        var problem = NumberText.TryParse(text, Article(field), out var number, out var message);
        if (problem != NumberProblem.None)
        {
            Error(problem == NumberProblem.NotFinite ? DiagnosticCodes.NotFinite : DiagnosticCodes.WrongType, at, path, message!, field.AllowedText);
            return null;
        }

        if (field.Kind == FieldKind.Integer && (number != Math.Floor(number) || Math.Abs(number) > int.MaxValue))
        {
            Error(DiagnosticCodes.WrongType, at, path, $"expected a whole number, got '{Diagnostic.Shown(text)}'", field.AllowedText);
            return null;
        }

        var a = field.Attribute;
        var belowMin = a.MinExclusive ? number <= a.Min : number < a.Min;
        var aboveMax = a.MaxExclusive ? number >= a.Max : number > a.Max;
        if (belowMin || aboveMax)
        {
            var why = a.Unit switch
            {
                _ when number < 0 && a.Min >= 0 => " (it cannot be negative)",
                "fraction" when number > 1 => " (fractions are written 0–1: 35% is 0.35)",
                _ => string.Empty,
            };
            Error(DiagnosticCodes.OutOfRange, at, path, $"{Diagnostic.Shown(text)} is outside {field.RangeText}{why}", field.AllowedText);
            return null;
        }

        return field.Kind == FieldKind.Integer ? (object)(int)number : number;
    }

    private bool HasOverridesUnder(string path) =>
        overrides.Keys.Any(p => p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal));

    private Diagnostic UnknownSetPath(SetOverride o, string path)
    {
        var known = SchemaInfo.ScalarPaths(typeof(ScenarioDto)).Select(p => p.Path).ToList();
        var generic = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[i]");
        if (known.Contains(generic))
        {
            return new Diagnostic(Severity.Error, DiagnosticCodes.SetUnknownPath, o.Location.File, 1, 1, path,
                "the scenario has no such list item to set (set items that the scenario lists)", "indexes of existing items, from 0");
        }

        var suggestion = Suggest(path, known);
        var section = known.Where(k => k.StartsWith(path + ".", StringComparison.Ordinal)).ToList();
        var message = section.Count > 0
            ? $"'{Diagnostic.Shown(path)}' is a section; set one of its values"
            : $"unknown path '{Diagnostic.Shown(path)}'" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
        var allowed = section.Count > 0 ? string.Join(", ", section) : "a value path such as site.vacancy; see docs/scenario-reference.md";
        return new Diagnostic(Severity.Error, DiagnosticCodes.SetUnknownPath, o.Location.File, 1, 1, path, message, allowed);
    }

    /// <summary>Adds an error located at a bound path (or the closest section above it that was bound).</summary>
    public void Report(List<Diagnostic> diagnostics, string code, string path, string message, string allowed)
    {
        var probe = path;
        SourceLocation at;
        while (!Locations.TryGetValue(probe, out at))
        {
            var cut = probe.LastIndexOfAny(['.', '[']);
            if (cut <= 0)
            {
                at = new SourceLocation(file, 1, 1);
                break;
            }

            probe = probe[..cut];
        }

        diagnostics.Add(new Diagnostic(Severity.Error, code, at.File, at.Line, at.Column, path, message, allowed));
    }

    private void Error(string code, SourceLocation at, string path, string message, string? allowed) =>
        Diagnostics.Add(new Diagnostic(Severity.Error, code, at.File, at.Line, at.Column, path, message, allowed));

    private const string AllowedText = "text without control characters (line breaks and tabs are fine)";

    /// <summary>
    /// The first control character other than a line break or tab, as U+XXXX, or null. Text is printed in tables and
    /// titles, where an escape sequence or a carriage return would redraw the user's terminal.
    /// </summary>
    private static string? ControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
        }

        return null;
    }

    private static (string Text, bool Quoted) Unquote(string raw)
    {
        if (raw.Length >= 2 && ((raw[0] == '"' && raw[^1] == '"') || (raw[0] == '\'' && raw[^1] == '\'')))
        {
            return (raw[1..^1], true);
        }

        return (raw, false);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a section of keys",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{Diagnostic.Shown(s.Value)}'",
        _ => "something else",
    };

    private static string Article(SchemaField field) => field.Kind switch
    {
        FieldKind.Number => "a number",
        FieldKind.Integer => "a whole number",
        FieldKind.Boolean => "true or false",
        FieldKind.Choice => "one of: " + string.Join(", ", field.Choices),
        _ => "a value",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>The closest known name within a small edit distance, for "did you mean".</summary>
    internal static string? Suggest(string wrong, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(2, wrong.Length / 3);
        foreach (var candidate in known)
        {
            // The distance is at least the difference in length: skip hopeless candidates (and a huge hostile name).
            if (Math.Abs(wrong.Length - candidate.Length) > limit)
            {
                continue;
            }

            var d = EditDistance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return best is not null && bestDistance <= limit ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
