using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios;

/// <summary>Accelerators and models by id, each value with its source: the built-in catalog, plus a scenario's own.</summary>
public sealed class ComputeCatalog
{
    private static readonly Lazy<ComputeCatalog> Embedded = new(LoadBuiltIn);

    private ComputeCatalog(IReadOnlyDictionary<string, Accelerator> accelerators, IReadOnlyDictionary<string, ModelSpec> models, IReadOnlyList<InputValue> inputs)
    {
        Accelerators = accelerators;
        Models = models;
        Inputs = inputs;
    }

    /// <summary>The catalog shipped with Suanli (src/Suanli.Scenarios/Catalog).</summary>
    public static ComputeCatalog BuiltIn => Embedded.Value;

    /// <summary>Accelerators by id, in catalog order.</summary>
    public IReadOnlyDictionary<string, Accelerator> Accelerators { get; }

    /// <summary>Models by id, in catalog order.</summary>
    public IReadOnlyDictionary<string, ModelSpec> Models { get; }

    /// <summary>Every catalog value with its source, paths like <c>accelerators[1].tdpWatts</c>.</summary>
    public IReadOnlyList<InputValue> Inputs { get; }

    /// <summary>An accelerator by id, or null.</summary>
    public Accelerator? FindAccelerator(string id) => Accelerators.GetValueOrDefault(id);

    /// <summary>A model by id, or null.</summary>
    public ModelSpec? FindModel(string id) => Models.GetValueOrDefault(id);

    /// <summary>The source of a field of an accelerator or model, or null.</summary>
    public string? Source(string id, string field)
    {
        var accelerator = Accelerators.Keys.ToList().IndexOf(id);
        var model = Models.Keys.ToList().IndexOf(id);
        var path = accelerator >= 0 ? $"accelerators[{accelerator}].{field}" : model >= 0 ? $"models[{model}].{field}" : null;
        return Inputs.FirstOrDefault(i => i.Path == path)?.Source;
    }

    /// <summary>This catalog with more entries appended.</summary>
    public ComputeCatalog With(IEnumerable<Accelerator> accelerators, IEnumerable<ModelSpec> models)
    {
        var a = new Dictionary<string, Accelerator>(Accelerators, StringComparer.Ordinal);
        foreach (var x in accelerators)
        {
            a[x.Id] = x;
        }

        var m = new Dictionary<string, ModelSpec>(Models, StringComparer.Ordinal);
        foreach (var x in models)
        {
            m[x.Id] = x;
        }

        return new ComputeCatalog(a, m, Inputs);
    }

    /// <summary>Reads and validates a catalog from YAML; the diagnostics say what is wrong with it.</summary>
    public static (ComputeCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml, string origin)
    {
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var binder = new YamlBinder(origin, []);
        var dto = binder.Bind<CatalogDto>((YamlMappingNode)stream.Documents[0].RootNode);
        diagnostics.AddRange(binder.Diagnostics);
        if (diagnostics.Count > 0)
        {
            return (null, diagnostics);
        }

        var accelerators = ComputeBuilder.Accelerators(dto.Accelerators ?? [], "accelerators", binder, diagnostics, []);
        var models = ComputeBuilder.Models(dto.Models ?? [], "models", binder, diagnostics, []);
        return diagnostics.Count > 0
            ? (null, diagnostics)
            : (new ComputeCatalog(accelerators.ToDictionary(x => x.Id, StringComparer.Ordinal), models.ToDictionary(x => x.Id, StringComparer.Ordinal), [.. binder.Inputs.Values]), diagnostics);
    }

    private static ComputeCatalog LoadBuiltIn()
    {
        var assembly = typeof(ComputeCatalog).Assembly;
        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream($"Suanli.Catalog.{name}.yaml")
                ?? throw new InvalidOperationException($"The built-in catalog {name}.yaml is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        // The two files are one catalog: models after accelerators.
        var text = Read("accelerators") + "\n" + Read("models");
        var (catalog, diagnostics) = Parse(text, "catalog");
        return catalog ?? throw new InvalidOperationException("The built-in catalog is invalid: " + string.Join("; ", diagnostics));
    }
}
