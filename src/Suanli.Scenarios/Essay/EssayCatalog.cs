using Suanli.Core;
using Suanli.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios.Essay;

/// <summary>How the essay states a figure.</summary>
public enum FigureComparison
{
    /// <summary>"About" the value: read as within ±15 %.</summary>
    About,

    /// <summary>"At least" the value.</summary>
    AtLeast,

    /// <summary>"At most" the value.</summary>
    AtMost,

    /// <summary>Between a low and a high value.</summary>
    Range,

    /// <summary>"Roughly", an order of magnitude: within a factor of √10 either way.</summary>
    OrderOfMagnitude,
}

/// <summary>What a piece of evidence without a number says of the claim (the cited source's judgement).</summary>
public enum EvidenceBearing
{
    /// <summary>It bears the claim out.</summary>
    Supports,

    /// <summary>It speaks against the claim.</summary>
    Contradicts,
}

/// <summary>A documented alternative set of inputs for a claim's scenario.</summary>
/// <param name="Key">Stable key, e.g. <c>powerIncluded</c>.</param>
/// <param name="Set">The overrides, as <c>--set</c> takes them.</param>
/// <param name="Source">Why this alternative, with its source.</param>
public sealed record ClaimVariant(string Key, IReadOnlyList<string> Set, string Source);

/// <summary>How well a piece of evidence is sourced.</summary>
public enum EvidenceGrade
{
    /// <summary>A primary or reputable secondary source.</summary>
    Sourced,

    /// <summary>Arithmetic on sourced inputs; the inputs are cited.</summary>
    Derived,

    /// <summary>Aggregator pages or conflicting sources.</summary>
    LowConfidence,

    /// <summary>No source found.</summary>
    Unverified,
}

/// <summary>A closed interval of values; an open end is infinite.</summary>
/// <param name="Low">Low end.</param>
/// <param name="High">High end.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>Relative half-width of an "about" figure.</summary>
    public const double AboutTolerance = 0.15;

    /// <summary>Whether two intervals share a point.</summary>
    public bool Overlaps(Interval other) => Low <= other.High && other.Low <= High;

    /// <summary>
    /// How far apart two positive intervals are, as the factor between their nearest ends (1 when they overlap):
    /// an essay's 3–10 % against evidence of 1.6–2.3 % is 3 ÷ 2.3 = 1.3×.
    /// </summary>
    public double GapFactor(Interval other)
    {
        if (Overlaps(other))
        {
            return 1;
        }

        var (below, above) = High < other.Low ? (High, other.Low) : (other.High, Low);
        return below > 0 ? above / below : double.PositiveInfinity;
    }
}

/// <summary>One figure of the essay, as the essay states it.</summary>
/// <param name="Key">Stable key, e.g. <c>usVacancy</c>.</param>
/// <param name="Comparison">About, at least, at most or a range.</param>
/// <param name="Value">The value (about, at least, at most).</param>
/// <param name="Low">Low end of a range.</param>
/// <param name="High">High end of a range.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Currency">Currency of a money figure.</param>
/// <param name="Period">The period it is about.</param>
public sealed record EssayFigure(string Key, FigureComparison Comparison, double? Value, double? Low, double? High, Unit Unit, Currency? Currency, string? Period)
{
    /// <summary>
    /// The figure as the essay states it, without the tolerance of "about" or "roughly": the value itself, or the range.
    /// Distances between the essay and the evidence are measured from here, so 80 % against 66 % reads 1.21×.
    /// </summary>
    public Interval Stated => Comparison switch
    {
        FigureComparison.AtLeast => new(Value!.Value, double.PositiveInfinity),
        FigureComparison.AtMost => new(double.NegativeInfinity, Value!.Value),
        FigureComparison.Range => new(Low!.Value, High!.Value),
        _ => new(Value!.Value, Value!.Value),
    };

    /// <summary>The values the essay's words allow: about v → v ± 15 %, at least v → [v, ∞), at most v → (−∞, v], a range → [low, high].</summary>
    public Interval Allowed => Comparison switch
    {
        FigureComparison.AtLeast => new(Value!.Value, double.PositiveInfinity),
        FigureComparison.AtMost => new(double.NegativeInfinity, Value!.Value),
        FigureComparison.Range => new(Low!.Value, High!.Value),
        FigureComparison.OrderOfMagnitude => new(Value!.Value / Math.Sqrt(10), Value!.Value * Math.Sqrt(10)),
        _ => new(Value!.Value * (1 - Interval.AboutTolerance), Value!.Value * (1 + Interval.AboutTolerance)),
    };
}

/// <summary>One piece of published evidence.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Compares">The essay figure it is set against, or null.</param>
/// <param name="Bears">What it says of the claim without a number, or null.</param>
/// <param name="Value">A single value.</param>
/// <param name="Low">Low end of a range.</param>
/// <param name="High">High end of a range.</param>
/// <param name="Unit">Unit, when there is a value.</param>
/// <param name="Currency">Currency of a money value.</param>
/// <param name="Period">The period it is about.</param>
/// <param name="Grade">How well it is sourced.</param>
/// <param name="Source">Title, publisher, date and URL.</param>
public sealed record Evidence(string Key, string? Compares, EvidenceBearing? Bears, double? Value, double? Low, double? High, Unit? Unit, Currency? Currency, string? Period, EvidenceGrade Grade, string Source)
{
    /// <summary>The value as an interval, or null when the evidence has no number.</summary>
    public Interval? Interval => Value is { } v ? new Interval(v, v) : Low is { } l && High is { } h ? new Interval(l, h) : null;
}

/// <summary>One claim of the essay with its figures and evidence.</summary>
/// <param name="Id">C1 … C9.</param>
/// <param name="Section">The essay's section heading.</param>
/// <param name="Scenario">The built-in preset the claim is computed on, or null.</param>
/// <param name="Variants">Alternative inputs under which the verdict is tried again.</param>
/// <param name="Quote">The essay's sentences, verbatim in Traditional Chinese.</param>
/// <param name="English">An English rendering of the quote (Suanli's translation).</param>
/// <param name="Figures">The essay's figures.</param>
/// <param name="Evidence">The published evidence.</param>
public sealed record EssayClaim(string Id, string Section, string? Scenario, IReadOnlyList<ClaimVariant> Variants, string Quote, string English, IReadOnlyList<EssayFigure> Figures, IReadOnlyList<Evidence> Evidence);

/// <summary>The essay (title, author, date) and its claims C1–C9 with the published evidence, from Essay/essay.yaml.</summary>
public sealed class EssayCatalog
{
    private static readonly Lazy<EssayCatalog> Embedded = new(LoadBuiltIn);

    private EssayCatalog(string title, string author, string date, IReadOnlyList<EssayClaim> claims)
    {
        Title = title;
        Author = author;
        Date = date;
        Claims = claims;
    }

    /// <summary>The catalog shipped with Suanli.</summary>
    public static EssayCatalog BuiltIn => Embedded.Value;

    /// <summary>The essay's title as published.</summary>
    public string Title { get; }

    /// <summary>Its author.</summary>
    public string Author { get; }

    /// <summary>Its date, yyyy-mm-dd.</summary>
    public string Date { get; }

    /// <summary>Claims C1–C9 in order.</summary>
    public IReadOnlyList<EssayClaim> Claims { get; }

    /// <summary>A claim by id, or null.</summary>
    public EssayClaim? Find(string id) => Claims.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and checks the catalog: every claim has an id, quote and section; ranges are ordered; every comparison names a figure of its claim with the same unit.</summary>
    internal static (EssayCatalog? Catalog, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml, string origin)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var binder = new YamlBinder(origin, []);
        var dto = binder.Bind<EssayDto>((YamlMappingNode)stream.Documents[0].RootNode);
        var diagnostics = new List<Diagnostic>(binder.Diagnostics);
        if (diagnostics.Count > 0)
        {
            return (null, diagnostics);
        }

        void Error(string path, MessageText message) =>
            binder.Report(diagnostics, DiagnosticCodes.OutOfRange, path, message, Messages.Of("diag2.essay.allowed"));

        var claims = new List<EssayClaim>();
        for (var i = 0; i < dto.Claims!.Count; i++)
        {
            var c = dto.Claims[i];
            var path = $"claims[{i}]";
            var figures = new List<EssayFigure>();
            for (var j = 0; j < c.Figures!.Count; j++)
            {
                var f = c.Figures[j];
                var ok = f.Comparison == FigureComparison.Range
                    ? f.Low is { } lo && f.High is { } hi && lo <= hi
                    : f.Value is not null;
                if (!ok)
                {
                    Error($"{path}.figures[{j}]", Messages.Of("diag2.essay.rangeOrValue"));
                }

                figures.Add(new EssayFigure(f.Key!, f.Comparison!.Value, f.Value, f.Low, f.High, f.Unit!.Value, f.Currency, f.Period));
            }

            var evidence = new List<Evidence>();
            for (var j = 0; j < c.Evidence!.Count; j++)
            {
                var e = c.Evidence[j];
                var epath = $"{path}.evidence[{j}]";
                if ((e.Value is not null || e.Low is not null) && e.Unit is null)
                {
                    Error(epath, Messages.Of("diag2.essay.valueNeedsUnit"));
                }

                if ((e.Low is null) != (e.High is null) || e.Low > e.High)
                {
                    Error(epath, Messages.Of("diag2.essay.rangeBounds"));
                }

                if (e.Compares is not null && e.Bears is not null)
                {
                    Error(epath, Messages.Of("diag2.essay.comparesOrBears"));
                }

                if (e.Compares is { } key)
                {
                    var figure = figures.FirstOrDefault(f => f.Key == key);
                    if (figure is null)
                    {
                        Error(epath + ".compares", Messages.Of("diag2.essay.notAFigure", ("key", key), ("claim", c.Id!)));
                    }
                    else if (figure.Unit != e.Unit || figure.Currency != e.Currency)
                    {
                        Error(epath + ".compares", Messages.Of("diag2.essay.otherUnit", ("key", key)));
                    }
                }

                evidence.Add(new Evidence(e.Key!, e.Compares, e.Bears, e.Value, e.Low, e.High, e.Unit, e.Currency, e.Period, e.Grade!.Value, e.Source!));
            }

            if (c.Scenario is { } preset && Presets.Text(preset) is null)
            {
                Error(path + ".scenario", Messages.Of("diag2.essay.notAPreset", ("preset", preset)));
            }

            var variants = (c.Variants ?? []).Select(v => new ClaimVariant(v.Key!, v.Set!, v.Source!)).ToList();
            if (variants.Count > 0 && c.Scenario is null)
            {
                Error(path + ".variants", Messages.Of("diag2.essay.variantsNeedScenario"));
            }

            claims.Add(new EssayClaim(c.Id!, c.Section!, c.Scenario, variants, c.Quote!, c.English!, figures, evidence));
        }

        var ids = claims.Select(c => c.Id).ToList();
        var expected = Enumerable.Range(1, 9).Select(n => "C" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (!ids.SequenceEqual(expected))
        {
            Error("claims", Messages.Of("diag2.essay.claimsOrder", ("ids", string.Join(", ", ids))));
        }

        return diagnostics.Count > 0
            ? (null, diagnostics)
            : (new EssayCatalog(dto.Essay!.Title!, dto.Essay.Author!, dto.Essay.Date!, claims), diagnostics);
    }

    private static EssayCatalog LoadBuiltIn()
    {
        using var stream = typeof(EssayCatalog).Assembly.GetManifestResourceStream("Suanli.Essay.essay.yaml")
            ?? throw new InvalidOperationException("The built-in essay.yaml is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (catalog, diagnostics) = Parse(reader.ReadToEnd(), "essay.yaml");
        return catalog ?? throw new InvalidOperationException("The built-in essay.yaml is invalid: " + string.Join("; ", diagnostics));
    }
}
