using System.Text.RegularExpressions;
using Suanli.Scenarios.Schema;

namespace Suanli.Scenarios;

/// <summary>The allowed range of a numeric scenario input, as the schema states it.</summary>
/// <param name="Path">The path as given (list items by index).</param>
/// <param name="IsInteger">Whether the input takes whole numbers.</param>
/// <param name="Min">The lower bound (−∞ when none).</param>
/// <param name="Max">The upper bound (+∞ when none).</param>
/// <param name="MinExclusive">Whether the lower bound itself is refused.</param>
/// <param name="MaxExclusive">Whether the upper bound itself is refused.</param>
/// <param name="Unit">The unit the schema names, or null.</param>
public sealed record InputRange(string Path, bool IsInteger, double Min, double Max, bool MinExclusive, bool MaxExclusive, string? Unit);

/// <summary>The numeric inputs a scenario has, by path (what <c>--set</c> and <c>suanli solve --vary</c> reach).</summary>
public static partial class ScenarioPaths
{
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    private static readonly Lazy<Dictionary<string, SchemaField>> ByPath = new(() =>
        SchemaInfo.ScalarPaths(typeof(ScenarioDto)).ToDictionary(p => p.Path, p => p.Field, StringComparer.Ordinal));

    /// <summary>The range of a numeric input, or null when the path is not a number or an integer of the schema.</summary>
    public static InputRange? Numeric(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!ByPath.Value.TryGetValue(Index().Replace(path, "[i]"), out var field) || field.Kind is not (FieldKind.Number or FieldKind.Integer))
        {
            return null;
        }

        var a = field.Attribute;
        return new InputRange(path, field.Kind == FieldKind.Integer, a.Min, a.Max, a.MinExclusive, a.MaxExclusive, a.Unit);
    }

    /// <summary>Whether the path names any scalar input of the schema (a number or not).</summary>
    public static bool Exists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ByPath.Value.ContainsKey(Index().Replace(path, "[i]"));
    }

    /// <summary>The numeric paths of the schema (list items as <c>[i]</c>) that start with a prefix, for suggestions.</summary>
    public static IReadOnlyList<string> NumericPaths(string prefix) =>
        [.. ByPath.Value.Where(p => p.Value.Kind is FieldKind.Number or FieldKind.Integer && p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Key)];
}
