using System.Reflection;
using Suanli.Core;
using Suanli.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios;

/// <summary>The built-in scenarios, embedded as YAML so that <c>suanli presets show</c> prints exactly what runs.</summary>
public static class Presets
{
    private const string Prefix = "Suanli.Presets.";
    private static readonly Assembly Assembly = typeof(Presets).Assembly;

    /// <summary>Names of every preset, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The YAML text of a preset, or null when there is none of that name.</summary>
    public static string? Text(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name + ".yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The error for an unknown preset name given as <paramref name="field"/> on the command line, with the closest known name and the full list.</summary>
    public static Diagnostic Unknown(string name, string field)
    {
        var suggestion = YamlBinder.Suggest(name, Names);
        return Diagnostic.Error(DiagnosticCodes.UnknownPreset, "command-line", 1, 1, field,
            Messages.WithSuggestion("diag.unknownPreset", suggestion, ("name", Diagnostic.Shown(name))),
            Messages.Literal(string.Join(", ", Names)));
    }

    /// <summary>The one-line description of a preset (its <c>description</c> key's first sentence).</summary>
    public static string Summary(string name)
    {
        var text = Text(name) ?? throw new ArgumentException($"No preset named {name}.", nameof(name));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var description = root.Children.TryGetValue(new YamlScalarNode("description"), out var d) ? ((YamlScalarNode)d).Value ?? string.Empty : string.Empty;
        var firstSentence = description.Split(". ", 2)[0].Trim();
        return firstSentence.EndsWith('.') ? firstSentence : firstSentence + ".";
    }
}
