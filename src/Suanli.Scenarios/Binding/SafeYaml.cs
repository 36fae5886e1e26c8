using System.Globalization;
using Suanli.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios.Binding;

/// <summary>
/// Reads untrusted YAML into a node tree with bounded depth and without the constructs that make YamlDotNet's
/// recursive loader overflow the stack or hash without end: nesting deeper than <see cref="MaxDepth"/>, an alias
/// inside the node its anchor names (a cycle), and any key that is not a plain scalar. Tags are refused rather than
/// silently ignored. Whatever the parser throws becomes a located diagnostic, never an exception.
/// </summary>
internal static class SafeYaml
{
    /// <summary>Deepest nesting of sections and lists accepted; the schema itself needs fewer than ten levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Parses <paramref name="yaml"/>; on failure adds one diagnostic (located in <paramref name="origin"/>) and returns
    /// null. <paramref name="fieldPrefix"/> is put before the paths of offending nodes and <paramref name="columnOffset"/>
    /// added to columns on the first line (for a <c>--set</c> value, which starts after <c>path=</c>); <paramref name="isValue"/>
    /// says the text is one value (of a <c>--set</c>) rather than a file.
    /// </summary>
    public static YamlStream? Load(string yaml, string origin, List<Diagnostic> diagnostics, string fieldPrefix = "", int columnOffset = 0, bool isValue = false,
        MessageText? allowedYaml = null)
    {
        allowedYaml ??= Messages.Of("diag.allowed.yaml");
        var subject = isValue ? ".value" : ".file";
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parser = new GuardedParser(new Parser(new StringReader(yaml)), fieldPrefix);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
            return stream;
        }
        catch (RefusedYamlException e)
        {
            diagnostics.Add(At(e.Where, e.Path, e.Text, e.Allowed));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException is YamlException inner ? inner.Message : e.Message).TrimEnd('.');
            var where = message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? TabPosition(yaml, e) : e.Start;
            var reason = message.Contains("tab", StringComparison.OrdinalIgnoreCase)
                ? Messages.Of("diag.yamlTab")
                : Messages.Of("diag.yamlSyntax" + subject, ("detail", SyntaxDetail(message)));
            diagnostics.Add(At(where, fieldPrefix, reason, allowedYaml));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException
            or FormatException or OverflowException or KeyNotFoundException or NotSupportedException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unclosed '[' or '{' followed by more lines,
            // a \U escape beyond U+10FFFF) instead of a YamlException: it is still the input that is wrong.
            // Point at the outermost '[' or '{' still open, the likely culprit, or else at the last node read.
            diagnostics.Add(parser.OpenFlow is { } open
                ? At(open.Start, fieldPrefix, Messages.Of("diag.yamlUnclosed" + subject, ("bracket", open.Bracket.ToString())), allowedYaml)
                : At(parser.LastStart, fieldPrefix, Messages.Of("diag.yamlFromHere" + subject), allowedYaml));
        }

        return null;

        Diagnostic At(Mark mark, string path, MessageText message, MessageText allowed)
        {
            // The parser reports an error at the end of the input one line past the last: point at the last character.
            var (line, column) = (mark.Line, mark.Column);
            var lines = yaml.Split('\n');
            if (line > lines.Length || (line == lines.Length && lines[^1].Length == 0 && lines.Length > 1))
            {
                var last = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
                (line, column) = (last, lines[last - 1].TrimEnd('\r').Length + 1);
            }

            return Diagnostic.Error(DiagnosticCodes.YamlSyntax, origin, (int)Math.Min(int.MaxValue, line),
                (int)Math.Min(int.MaxValue, column + (line == 1 ? columnOffset : 0)), path, message, allowed);
        }
    }

    /// <summary>
    /// YamlDotNet's own words for a syntax error (English only) inside a sentence that names the kind of error in the
    /// reader's language: in English the parser's words alone, as before; in Chinese the kind, then the parser's words
    /// in parentheses.
    /// </summary>
    internal static MessageText SyntaxDetail(string parser) => Messages.Of("diag2.yaml." + SyntaxKind(parser), ("parser", parser));

    /// <summary>The kind of a YamlDotNet syntax error, from its message (the first pattern that matches).</summary>
    internal static string SyntaxKind(string parser)
    {
        bool Has(string text) => parser.Contains(text, StringComparison.OrdinalIgnoreCase);
        return parser switch
        {
            _ when Has("quoted scalar") && Has("end of stream") => "quoteUnclosed",
            _ when Has("quoted scalar") && (Has("escape") || Has("hexadecimal") || Has("surrogate")) => "quoteEscape",
            _ when Has("quoted scalar") => "quoteOther",
            _ when Has("block scalar") => "blockScalar",
            _ when Has("plain scalar") => "plainScalar",
            _ when Has("mapping values are not allowed") => "mappingValue",
            _ when Has("block sequence entries are not allowed") => "blockEntry",
            _ when Has("mapping keys are not allowed") => "mappingKey",
            _ when Has("flow sequence") => "flowSequence",
            _ when Has("flow mapping") => "flowMapping",
            _ when Has("block mapping") => "blockMapping",
            _ when Has("block collection") => "blockCollection",
            _ when Has("simple key") => "simpleKey",
            _ when Has("anchor") || Has("alias") => "anchor",
            _ when Has("directive") || Has("%YAML") => "directive",
            _ when Has("tag") => "tag",
            _ when Has("document") || Has("stream") => "document",
            _ when Has("cannot start any token") => "badCharacter",
            _ when Has("comment") => "comment",
            _ when Has("duplicate key") || Has("same key") => "duplicateKey",
            _ when Has("node") => "node",
            _ => "other",
        };
    }

    /// <summary>Where a tab breaks the indentation: the first line from the error's start whose indentation holds one.</summary>
    private static Mark TabPosition(string yaml, YamlException e)
    {
        var lines = yaml.Split('\n');
        for (var i = (int)Math.Max(0, e.Start.Line - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\t')
            {
                indent++;
            }

            var tab = line.IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return e.End;
    }

    /// <summary>A YAML construct Suanli refuses, with where it is.</summary>
    private sealed class RefusedYamlException(Mark where, string path, MessageText message, MessageText allowed) : Exception(message.English)
    {
        public Mark Where { get; } = where;

        public string Path { get; } = path;

        public MessageText Text { get; } = message;

        public MessageText Allowed { get; } = allowed;
    }

    /// <summary>Passes the parser's events through, refusing what would make the recursive loader misbehave.</summary>
    private sealed class GuardedParser(IParser inner, string fieldPrefix) : IParser
    {
        // One frame per open section or list: whether the next node of a section is a key, and the key or index under
        // which the current child sits (for the path in messages).
        private readonly List<Frame> frames = [];

        // The latest node each anchor names: its frame while that section or list is still open (an alias to it would
        // make a cycle), null once it is complete or when it is a scalar.
        private readonly Dictionary<string, Frame?> anchors = new(StringComparer.Ordinal);

        public ParsingEvent? Current => inner.Current;

        public Mark LastStart { get; private set; } = new(0, 1, 1);

        /// <summary>The outermost flow collection ('[…]' or '{…}') still open, if any.</summary>
        public (Mark Start, char Bracket)? OpenFlow =>
            frames.FirstOrDefault(f => f.Flow) is { } f ? (f.Start, f.IsMapping ? '{' : '[') : null;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var e = inner.Current!;
            LastStart = e.Start;
            switch (e)
            {
                case NodeEvent or AnchorAlias:
                    CheckNode(e);
                    break;
                case SequenceEnd or MappingEnd:
                    frames[^1].Open = false;
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case DocumentStart:
                    anchors.Clear();
                    break;
            }

            return true;
        }

        private void CheckNode(ParsingEvent node)
        {
            var parent = frames.Count > 0 ? frames[^1] : null;
            var isKey = parent is { IsMapping: true, ExpectsKey: true };
            if (parent is { IsMapping: true } && isKey)
            {
                parent.Key = (node as Scalar)?.Value;
            }
            else if (parent is { IsMapping: false })
            {
                parent.Index++;
            }

            if (node is NodeEvent { Tag.IsEmpty: false } tagged)
            {
                Refuse(node, Messages.Of("diag.yamlTag", ("tag", Diagnostic.Shown(tagged.Tag.Value))), Messages.Of("diag.allowed.noTags"));
            }

            if (isKey && node is not Scalar)
            {
                Refuse(node, Messages.Of("diag.yamlKeyNotName", ("what", Describe(node))), Messages.Of("diag.allowed.plainNames"));
            }

            if (node is AnchorAlias alias)
            {
                var name = alias.Value.Value;
                if (!anchors.TryGetValue(name, out var target))
                {
                    Refuse(node, Messages.Of("diag.yamlAliasUndefined", ("name", Diagnostic.Shown(name))), Messages.Of("diag.allowed.aliasAfterAnchor"));
                }
                else if (target is { Open: true })
                {
                    Refuse(node, Messages.Of("diag.yamlAliasCycle", ("name", Diagnostic.Shown(name))), Messages.Of("diag.allowed.aliasOutside"));
                }
            }

            if (parent is { IsMapping: true })
            {
                parent.ExpectsKey = !parent.ExpectsKey;
            }

            var anchor = node is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;
            if (node is SequenceStart or MappingStart)
            {
                if (frames.Count >= MaxDepth)
                {
                    var depth = MaxDepth.ToString(CultureInfo.InvariantCulture);
                    Refuse(node, Messages.Of("diag.yamlTooDeep", ("depth", depth)), Messages.Of("diag.allowed.depth", ("depth", depth)));
                }

                var flow = node is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                var frame = new Frame(node is MappingStart, flow, node.Start);
                frames.Add(frame);
                if (anchor is not null)
                {
                    anchors[anchor] = frame;
                }
            }
            else if (anchor is not null)
            {
                anchors[anchor] = null;
            }
        }

        private string PathHere()
        {
            var path = fieldPrefix;
            foreach (var frame in frames)
            {
                if (frame.IsMapping)
                {
                    path = frame.Key is null ? path : path.Length == 0 ? frame.Key : path + "." + frame.Key;
                }
                else if (frame.Index > 0)
                {
                    path += string.Create(CultureInfo.InvariantCulture, $"[{frame.Index - 1}]");
                }
            }

            return path;
        }

        private void Refuse(ParsingEvent node, MessageText message, MessageText allowed) =>
            throw new RefusedYamlException(node.Start, Diagnostic.Shown(PathHere(), 200), message, allowed);

        private static MessageText Describe(ParsingEvent node) => node switch
        {
            SequenceStart => Messages.Of("diag.node.list"),
            MappingStart => Messages.Of("diag.node.section"),
            AnchorAlias => Messages.Of("diag.node.alias"),
            _ => Messages.Of("diag.node.value"),
        };
    }

    private sealed class Frame(bool isMapping, bool flow, Mark start)
    {
        public bool IsMapping { get; } = isMapping;

        public bool Flow { get; } = flow;

        public Mark Start { get; } = start;

        public bool Open { get; set; } = true;

        public bool ExpectsKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; }
    }
}
