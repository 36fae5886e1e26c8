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
                    Error(DiagnosticCodes.WrongType, At(keyNode), path, Messages.Of("diag.keyNotName"), Messages.Of("diag.allowed.names", ("names", string.Join(", ", fields.Select(f => f.Key)))));
                    continue;
                }

                if (!fields.Any(f => f.Key == key))
                {
                    var suggestion = Suggest(key, fields.Select(f => f.Key));
                    Error(DiagnosticCodes.UnknownKey, At(keyNode), Join(path, key),
                        Messages.WithSuggestion("diag.unknownKey", suggestion, ("key", Diagnostic.Shown(key))),
                        Messages.Literal(string.Join(", ", fields.Select(f => f.Key))));
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
            Error(DiagnosticCodes.WrongType, At(child), path, Messages.Of("diag.expectedSection", ("got", Describe(child))), field.Allowed);
            return null;
        }

        if (HasOverridesUnder(path))
        {
            return BindSection(field.ValueType, null, path, parent);
        }

        if (field.Attribute.Required)
        {
            Error(DiagnosticCodes.MissingKey, parent, path, Messages.Of("diag.missingSection", ("key", field.Key)), field.Allowed);
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
                    Error(DiagnosticCodes.WrongType, At(item), itemPath, Messages.Of("diag.expectedItem", ("got", Describe(item))), field.Allowed);
                }

                i++;
            }

            return list;
        }

        if (child is not null && !IsNull(child))
        {
            Error(DiagnosticCodes.WrongType, At(child), path, Messages.Of("diag.expectedList", ("got", Describe(child))), field.Allowed);
        }
        else if (field.Attribute.Required)
        {
            Error(DiagnosticCodes.MissingKey, parent, path, Messages.Of("diag.missingList", ("key", field.Key)), field.Allowed);
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
            var stream = SafeYaml.Load(entry.Override.Value, at.File, problems, path, columnOffset: at.Column - 1, isValue: true, allowedYaml: field.Allowed);
            child = stream is { Documents.Count: 1 } ? stream.Documents[0].RootNode : null;
            if (problems.Count > 0)
            {
                Diagnostics.AddRange(problems);
                return null;
            }

            if (child is not YamlSequenceNode)
            {
                Error(DiagnosticCodes.WrongType, at, path, Messages.Of("diag.expectedFlowList", ("got", Messages.Of("diag.node.quoted", ("value", Diagnostic.Shown(entry.Override.Value))))), field.Allowed);
                return null;
            }

            Locations[path] = at;
        }

        if (child is null || IsNull(child))
        {
            if (field.Attribute.Required)
            {
                Error(DiagnosticCodes.MissingKey, parent, path, Messages.Of("diag.missingList", ("key", field.Key)), field.Allowed);
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
            Error(DiagnosticCodes.WrongType, At(child), path, Messages.Of("diag.expectedFlowList", ("got", Describe(child))), field.Allowed);
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
                Error(DiagnosticCodes.WrongType, itemAt, itemPath, Messages.Of("diag.expected", ("expected", Article(element)), ("got", Describe(item))), element.Allowed);
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
                    Messages.Of("diag.missingKey", ("key", field.Key), ("description", field.Description)), field.Allowed);
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
                Error(DiagnosticCodes.WrongType, At(valueNode), path, Messages.Of("diag.expected", ("expected", Article(field)), ("got", Describe(valueNode))), field.Allowed);
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
                    Error(DiagnosticCodes.WrongType, At(valueNode), path + ".source", Messages.Of("diag.controlCharacter", ("control", control)), Messages.Of("diag.allowed.textNoControl"));
                    ok = false;
                    break;
                case "source" when valueNode is YamlScalarNode s:
                    source = s.Value;
                    break;
                case "source":
                    Error(DiagnosticCodes.WrongType, At(valueNode), path + ".source", Messages.Of("diag.expectedText", ("got", Describe(valueNode))), Messages.Of("diag.allowed.source"));
                    ok = false;
                    break;
                default:
                    Error(DiagnosticCodes.UnknownKey, At(keyNode), $"{path}.{key}", Messages.Of("diag.unknownSourcedKey", ("key", Diagnostic.Shown(key))), Messages.Literal(string.Join(", ", SourcedKeys)));
                    ok = false;
                    break;
            }
        }

        if (found is null)
        {
            Error(DiagnosticCodes.MissingKey, At(node), path + ".value", Messages.Of("diag.sourcedNeedsValue"), field.Allowed);
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
                    Error(DiagnosticCodes.WrongType, at, path, Messages.Of("diag.controlCharacter", ("control", control)), Messages.Of("diag.allowed.textNoControl"));
                    return null;
                }

                return text;
            case FieldKind.Boolean:
                if (!quoted && bool.TryParse(trimmed, out var b))
                {
                    return b;
                }

                Error(DiagnosticCodes.WrongType, at, path, Messages.Of("diag.expectedBoolean", ("value", Diagnostic.Shown(text))), field.Allowed);
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
                    Messages.WithSuggestion("diag.unknownChoice", suggestion, ("value", Diagnostic.Shown(text))), field.Allowed);
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
            Error(DiagnosticCodes.WrongType, at, path, Messages.Of("diag.quotedNumber", ("expected", Article(field)), ("value", Diagnostic.Shown(text))), field.Allowed);
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
            Error(problem == NumberProblem.NotFinite ? DiagnosticCodes.NotFinite : DiagnosticCodes.WrongType, at, path, message!, field.Allowed);
            return null;
        }

        if (field.Kind == FieldKind.Integer && (number != Math.Floor(number) || Math.Abs(number) > int.MaxValue))
        {
            Error(DiagnosticCodes.WrongType, at, path, Messages.Of("diag.expectedWhole", ("value", Diagnostic.Shown(text))), field.Allowed);
            return null;
        }

        var a = field.Attribute;
        var belowMin = a.MinExclusive ? number <= a.Min : number < a.Min;
        var aboveMax = a.MaxExclusive ? number >= a.Max : number > a.Max;
        if (belowMin || aboveMax)
        {
            var key = a.Unit switch
            {
                _ when number < 0 && a.Min >= 0 => "diag.outOfRange.negative",
                "fraction" when number > 1 => "diag.outOfRange.fraction",
                _ => "diag.outOfRange",
            };
            var value = Diagnostic.Shown(text);
            var range = field.Range ?? Messages.Literal(string.Empty);
            var outside = belowMin && key == "diag.outOfRange" && a.MinReason is { } reason
                ? Messages.Of("diag2.outOfRange.reason", ("value", value), ("range", range), ("reason", Messages.Of(reason)))
                : Messages.Of(key, ("value", value), ("range", range));
            Error(DiagnosticCodes.OutOfRange, at, path, outside, field.Allowed);
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
            return Diagnostic.Error(DiagnosticCodes.SetUnknownPath, o.Location.File, 1, 1, path,
                Messages.Of("diag.setNoItem"), Messages.Of("diag.allowed.setIndex"));
        }

        var suggestion = Suggest(path, known);
        var section = known.Where(k => k.StartsWith(path + ".", StringComparison.Ordinal)).ToList();
        var message = section.Count > 0
            ? Messages.Of("diag.setSection", ("path", Diagnostic.Shown(path)))
            : Messages.WithSuggestion("diag.setUnknownPath", suggestion, ("path", Diagnostic.Shown(path)));
        var allowed = section.Count > 0 ? Messages.Literal(string.Join(", ", section)) : Messages.Of("diag.allowed.setPath");
        return Diagnostic.Error(DiagnosticCodes.SetUnknownPath, o.Location.File, 1, 1, path, message, allowed);
    }

    /// <summary>
    /// Adds an error about <paramref name="path"/>, a check that may also involve <paramref name="involved"/> (most
    /// relevant first). When one of them was set with <c>--set</c> it is located there and names that field (see
    /// <see cref="Blame"/>); otherwise it is located at the path as bound, or the closest section above it that was.
    /// </summary>
    public void Report(List<Diagnostic> diagnostics, string code, string path, MessageText message, MessageText allowed, params string[] involved) =>
        Report(diagnostics, Severity.Error, code, path, message, allowed, involved);

    /// <summary>Adds a diagnostic of any severity, located as <see cref="Report(List{Diagnostic}, string, string, MessageText, MessageText, string[])"/> says.</summary>
    public void Report(List<Diagnostic> diagnostics, Severity severity, string code, string path, MessageText message, MessageText allowed, params string[] involved)
    {
        if (Blame.SetAmong(Inputs.Values, [path, .. involved]) is { } set)
        {
            diagnostics.Add(Diagnostic.Of(severity, code, set.File, set.Line, set.Column, set.Path, message, allowed));
            return;
        }

        var at = Locate(path);
        diagnostics.Add(Diagnostic.Of(severity, code, at.File, at.Line, at.Column, path, message, allowed));
    }

    /// <summary>A number input as the user wrote it (escaped for printing), or <paramref name="value"/> in plain invariant form when it was not written.</summary>
    public string Typed(string path, double value, string format = "G6") =>
        Inputs.TryGetValue(path, out var input) && input.Origin != InputOrigin.Default ? Diagnostic.Shown(input.Value.Trim()) : NumberFormat.Plain(value, format);

    /// <summary>Where a path was bound, or the closest section above it that was; the file's 1:1 when none was.</summary>
    private SourceLocation Locate(string path)
    {
        var probe = path;
        SourceLocation at;
        while (!Locations.TryGetValue(probe, out at))
        {
            var cut = probe.LastIndexOfAny(['.', '[']);
            if (cut <= 0)
            {
                return new SourceLocation(file, 1, 1);
            }

            probe = probe[..cut];
        }

        return at;
    }

    private void Error(string code, SourceLocation at, string path, MessageText message, MessageText? allowed) =>
        Diagnostics.Add(Diagnostic.Error(code, at.File, at.Line, at.Column, path, message, allowed));

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

    private static MessageText Describe(YamlNode node) => node switch
    {
        YamlMappingNode => Messages.Of("diag.node.section"),
        YamlSequenceNode => Messages.Of("diag.node.list"),
        YamlScalarNode s => Messages.Of("diag.node.quoted", ("value", Diagnostic.Shown(s.Value))),
        _ => Messages.Of("diag.node.other"),
    };

    private static MessageText Article(SchemaField field) => field.Kind switch
    {
        FieldKind.Number => Messages.Of("diag.what.number"),
        FieldKind.Integer => Messages.Of("diag.what.whole"),
        FieldKind.Boolean => Messages.Of("diag.what.boolean"),
        FieldKind.Choice => Messages.Of("diag.what.choice", ("choices", string.Join(", ", field.Choices))),
        _ => Messages.Of("diag.what.value"),
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
