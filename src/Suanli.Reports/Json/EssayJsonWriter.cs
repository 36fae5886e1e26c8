using Suanli.Analysis.Essay;
using Suanli.Analysis.Results;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Essay;

namespace Suanli.Reports.Json;

/// <summary>Turns an essay result into its JSON shape, with every text in the chosen language.</summary>
public static class EssayJsonWriter
{
    /// <summary>The JSON record of an essay result.</summary>
    public static EssayJson ToJson(EssayResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        return new EssayJson(words)
        {
            Overrides = [],
            Inputs = AllInputs(result),
            Essay = new EssayInfoJson(result.Title, result.Author, result.Date),
            Claims = [.. result.Claims.Select(c => Claim(c, words))],
            Summary = Summary(result.Summary, words),
        };
    }

    /// <summary>The inputs of every claim, by origin, each origin once, in key order.</summary>
    private static SortedDictionary<string, IReadOnlyList<InputValue>> AllInputs(EssayResult result)
    {
        var all = new SortedDictionary<string, IReadOnlyList<InputValue>>(StringComparer.Ordinal);
        foreach (var (origin, inputs) in result.Claims.SelectMany(c => c.Inputs))
        {
            all.TryAdd(origin, inputs);
        }

        return all;
    }

    /// <summary>The essay's sentences as shown in a language: verbatim in zh-Hant, converted to Simplified in zh-Hans, verbatim in English output (beside the English rendering).</summary>
    public static string QuoteText(EssayClaim claim, Language language)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return language == Language.ZhHans ? HanConverter.ToSimplified(claim.Quote) : claim.Quote;
    }

    /// <summary>A finding in JSON.</summary>
    public static FindingJson Finding(Finding f, Words words)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(words);
        return new FindingJson(f.Code, f.Level, f.Args, words.Finding(f));
    }

    private static ClaimJson Claim(ClaimResult c, Words words) => new()
    {
        Id = c.Id,
        Title = words["claim." + c.Id + ".title"],
        Section = words.Language == Language.ZhHans ? HanConverter.ToSimplified(c.Claim.Section) : c.Claim.Section,
        Verdict = c.Verdict,
        VerdictText = words.Verdict(c.Verdict),
        Reason = Finding(c.Reason, words),
        Quote = new QuoteJson(c.Claim.Quote, c.Claim.English, QuoteText(c.Claim, words.Language)),
        EssayFigures = [.. c.Claim.Figures.Select(f => new EssayFigureJson(f.Key, words[$"essayFigure.{c.Id}.{f.Key}"], f.Comparison, f.Value, f.Low, f.High, f.Unit, f.Currency?.ToString(), f.Period))],
        Figures = Metrics(c.Figures),
        Evidence = [.. c.Claim.Evidence.Select(e => new EvidenceJson(e.Key, words[$"evidence.{c.Id}.{e.Key}"], e.Compares, e.Bears, e.Value, e.Low, e.High, e.Unit, e.Currency?.ToString(), e.Period, e.Grade, e.Source))],
        Comparisons = c.Comparisons,
        Tests = [.. c.Tests.Select(t => new TestJson(t.Key, words["test." + t.Key], t.Verdict, t.Primary, Finding(t.Reason, words)))],
        Variants = [.. c.Variants.Select(v => new VariantJson(v.Key, words["variant." + v.Key], v.Set, v.Source, v.Holds, Metrics(v.Figures)))],
        Findings = [.. c.Findings.Select(f => Finding(f, words))],
        Inputs = c.Inputs,
    };

    /// <summary>Figures keyed by name, in the order computed.</summary>
    public static IReadOnlyDictionary<string, MetricJson> Metrics(IEnumerable<Metric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new OrderedDictionaryOf<MetricJson>(metrics.Select(m => KeyValuePair.Create(m.Key, new MetricJson(m.Value, m.Unit, m.Currency?.ToString()))));
    }

    private static EssaySummaryJson Summary(EssaySummary s, Words words)
    {
        var gap = s.BiggestGap is { } g ? new GapJson(s.BiggestGapClaim!, g.Figure, g.Evidence, g.GapFactor) : null;
        return new EssaySummaryJson(s.Counts, s.Holding, s.Overturning, s.AssumedInputs, gap, SummaryText(s, words));
    }

    /// <summary>The closing summary in words, one line each.</summary>
    public static IReadOnlyList<string> SummaryText(EssaySummary s, Words words)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(words);
        var total = s.Counts.Values.Sum();
        var lines = new List<string>
        {
            words.Format("essay.summary.holding", ("holding", s.Holding.Count), ("total", total),
                ("claims", s.Holding.Count == 0 ? words["list.none"] : string.Join(words["list.separator"], s.Holding))),
        };
        foreach (var (verdict, count) in s.Counts.Where(kv => kv.Value > 0))
        {
            lines.Add(words.Format("essay.summary.count", ("verdict", words.Verdict(verdict)), ("count", count)));
        }

        foreach (var (claim, variants) in s.Overturning)
        {
            lines.Add(words.Format("essay.summary.assumptions", ("claim", claim), ("items", variants.Select(v => new Term("variant." + v)).ToList())));
        }

        foreach (var (claim, inputs) in s.AssumedInputs)
        {
            lines.Add(words.Format("essay.summary.assumedInputs", ("claim", claim), ("items", inputs)));
        }

        if (s.BiggestGap is { } g)
        {
            lines.Add(words.Format("essay.summary.gap", ("claim", s.BiggestGapClaim!), ("figure", words[$"essayFigure.{s.BiggestGapClaim}.{g.Figure}"]),
                ("evidence", words[$"evidence.{s.BiggestGapClaim}.{g.Evidence}"]), ("factor", g.GapFactor)));
        }

        return lines;
    }
}

/// <summary>A dictionary that enumerates in insertion order (so JSON keys come out in the order computed).</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class OrderedDictionaryOf<T> : System.Collections.ObjectModel.ReadOnlyDictionary<string, T>
{
    public OrderedDictionaryOf()
        : base(new OrderedDictionary<string, T>(StringComparer.Ordinal))
    {
    }

    /// <summary>The pairs in their order (a key twice throws, as <see cref="Add"/> does).</summary>
    public OrderedDictionaryOf(IEnumerable<KeyValuePair<string, T>> pairs)
        : this()
    {
        foreach (var (key, value) in pairs)
        {
            Add(key, value);
        }
    }

    public void Add(string key, T value) => ((OrderedDictionary<string, T>)Dictionary).Add(key, value);
}
