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

    private ComputeCatalog(IReadOnlyDictionary<string, Accelerator> accelerators, IReadOnlyDictionary<string, ModelSpec> models, IReadOnlyDictionary<int, double> rmbPerUsd,
        IReadOnlyList<InputValue> inputs)
    {
        Accelerators = accelerators;
        Models = models;
        RmbPerUsdByYear = rmbPerUsd;
        Inputs = inputs;
    }

    /// <summary>The catalog shipped with Suanli (src/Suanli.Scenarios/Catalog).</summary>
    public static ComputeCatalog BuiltIn => Embedded.Value;

    /// <summary>Accelerators by id, in catalog order.</summary>
    public IReadOnlyDictionary<string, Accelerator> Accelerators { get; }

    /// <summary>Models by id, in catalog order.</summary>
    public IReadOnlyDictionary<string, ModelSpec> Models { get; }

    /// <summary>Annual average renminbi per US dollar, by year, ascending.</summary>
    public IReadOnlyDictionary<int, double> RmbPerUsdByYear { get; }

    /// <summary>Every catalog value with its source, paths like <c>accelerators[1].tdpWatts</c>.</summary>
    public IReadOnlyList<InputValue> Inputs { get; }

    /// <summary>An accelerator by id, or null.</summary>
    public Accelerator? FindAccelerator(string id) => Accelerators.GetValueOrDefault(id);

    /// <summary>A model by id, or null.</summary>
    public ModelSpec? FindModel(string id) => Models.GetValueOrDefault(id);

    /// <summary>The annual average exchange rate of <paramref name="year"/>, or null when the catalog has none for it.</summary>
    public ExchangeRate? ExchangeRateFor(int year) => RmbPerUsdByYear.TryGetValue(year, out var rate) ? new ExchangeRate(rate, year) : null;

    /// <summary>The latest year's annual average exchange rate.</summary>
    public ExchangeRate LatestExchangeRate => RmbPerUsdByYear.Count > 0
        ? new ExchangeRate(RmbPerUsdByYear[RmbPerUsdByYear.Keys.Max()], RmbPerUsdByYear.Keys.Max())
        : throw new InvalidOperationException("The catalog has no exchange rates.");

    /// <summary>The source of an exchange rate of the catalog, or null.</summary>
    public string? ExchangeRateSource(int year)
    {
        var index = RmbPerUsdByYear.Keys.ToList().IndexOf(year);
        return index < 0 ? null : Inputs.FirstOrDefault(i => i.Path == $"rmbPerUsd[{index}].rate")?.Source;
    }

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

        return new ComputeCatalog(a, m, RmbPerUsdByYear, Inputs);
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
        var rates = dto.RmbPerUsd ?? [];
        for (var i = 1; i < rates.Count; i++)
        {
            if (rates[i].Year <= rates[i - 1].Year)
            {
                binder.Report(diagnostics, Binding.DiagnosticCodes.Inconsistent, FormattableString.Invariant($"rmbPerUsd[{i}].year"), Binding.Messages.Of("diag2.catalog.yearsOrder"),
                    Binding.Messages.Of("diag2.catalog.yearsOrder.allowed"));
            }
        }

        return diagnostics.Count > 0
            ? (null, diagnostics)
            : (new ComputeCatalog(accelerators.ToDictionary(x => x.Id, StringComparer.Ordinal), models.ToDictionary(x => x.Id, StringComparer.Ordinal),
                rates.ToDictionary(r => r.Year!.Value, r => r.Rate!.Value), [.. binder.Inputs.Values]), diagnostics);
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

        // The files are one catalog: models after accelerators, then the exchange rates.
        var text = Read("accelerators") + "\n" + Read("models") + "\n" + Read("exchange-rates");
        var (catalog, diagnostics) = Parse(text, "catalog");
        return catalog ?? throw new InvalidOperationException("The built-in catalog is invalid: " + string.Join("; ", diagnostics));
    }
}
