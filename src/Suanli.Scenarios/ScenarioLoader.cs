using Suanli.Core;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios;

/// <summary>Reads scenarios from files, presets or text, applies <c>--set</c> overrides and validates them.</summary>
public static class ScenarioLoader
{
    /// <summary>Loads a scenario file.</summary>
    public static LoadResult FromFile(string path, IEnumerable<string>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return Fail(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, path, 0, 0, string.Empty,
                $"cannot read the scenario: {why}", "a readable YAML file, or --preset NAME"));
        }

        return FromText(text, path, sets);
    }

    /// <summary>Loads a built-in preset.</summary>
    public static LoadResult FromPreset(string name, IEnumerable<string>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = Presets.Text(name);
        if (text is null)
        {
            return Fail(Presets.Unknown(name, "--preset"));
        }

        // Diagnostics name the preset like a file (no colon, so file:line:col stays unambiguous).
        return FromText(text, PresetOrigin(name), sets);
    }

    /// <summary>How a preset is named in diagnostics and outputs: <c>presets/NAME.yaml</c> (built in; print it with <c>suanli presets show NAME</c>).</summary>
    public static string PresetOrigin(string name) => $"presets/{name}.yaml";

    /// <summary>Loads a scenario from YAML text; <paramref name="origin"/> names it in diagnostics.</summary>
    public static LoadResult FromText(string yaml, string origin, IEnumerable<string>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new List<Diagnostic>();
        var overrides = new List<SetOverride>();
        var index = 1;
        foreach (var argument in sets ?? [])
        {
            if (SetOverride.TryParse(argument, index++, diagnostics) is { } o)
            {
                overrides.Add(o);
            }
        }

        var root = Parse(yaml, origin, diagnostics);
        if (root is null || diagnostics.Count > 0)
        {
            return new LoadResult(null, diagnostics);
        }

        var binder = new YamlBinder(origin, overrides);
        var dto = binder.Bind<ScenarioDto>(root);
        diagnostics.AddRange(binder.Diagnostics);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new LoadResult(null, diagnostics);
        }

        var scenario = ScenarioBuilder.Build(dto, binder, origin, diagnostics);
        return new LoadResult(diagnostics.Any(d => d.Severity == Severity.Error) ? null : scenario, diagnostics);
    }

    private static YamlMappingNode? Parse(string yaml, string origin, List<Diagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.YamlSyntax, origin, (int)e.Start.Line, (int)e.Start.Column,
                string.Empty, "the file is not valid YAML: " + message.TrimEnd('.'), "YAML with 'key: value' lines"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DocumentShape, origin, 1, 1, string.Empty,
                stream.Documents.Count == 0 ? "the scenario is empty" : $"the file holds {stream.Documents.Count} YAML documents",
                "one YAML document with name, currency and sections such as site"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DocumentShape, origin, (int)node.Start.Line, (int)node.Start.Column,
                string.Empty, "the scenario must be a mapping of keys", "name, description, currency, site, claims"));
            return null;
        }

        return root;
    }

    private static LoadResult Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
