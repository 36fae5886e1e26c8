using System.Collections.Concurrent;
using System.Reflection;
using Suanli.Scenarios.Binding;

namespace Suanli.Scenarios.Schema;

/// <summary>What kind of YAML node a key takes.</summary>
internal enum FieldKind
{
    Number,
    Integer,
    Boolean,
    Text,
    Choice,
    Section,
    List,

    /// <summary>A list of plain values (numbers, text or choices).</summary>
    ScalarList,
}

/// <summary>One key of a schema type, read by reflection from its <see cref="FieldAttribute"/>.</summary>
internal sealed record SchemaField(string Key, PropertyInfo Property, FieldAttribute Attribute, FieldKind Kind, Type ValueType)
{
    /// <summary>The resource key of the field's description (see <see cref="SchemaInfo.DescriptionKey"/>).</summary>
    public string DescriptionKey => SchemaInfo.DescriptionKey(Property);

    /// <summary>
    /// What the field means, as a phrase without its closing full stop (it is put in parentheses after a missing key),
    /// which front ends show in the reader's language; the English is <see cref="FieldAttribute.Description"/>.
    /// </summary>
    public Suanli.Core.MessageText Description => Suanli.Core.MessageText.Of(DescriptionKey, Attribute.Description.TrimEnd('.'));

    /// <summary>For a scalar list: the field that describes one element (same attribute, the element type).</summary>
    public SchemaField Element => this with { Kind = SchemaInfo.ScalarKind(ValueType), ValueType = ValueType };

    /// <summary>The names a <see cref="FieldKind.Choice"/> accepts, as written in YAML.</summary>
    public IReadOnlyList<string> Choices => Kind is FieldKind.Choice || (Kind == FieldKind.ScalarList && ValueType.IsEnum) ? SchemaInfo.ChoiceNames(ValueType) : [];

    /// <summary>The allowed range of a number in interval notation, e.g. "(0, 5000]"; null when any number goes.</summary>
    public string? Interval
    {
        get
        {
            var a = Attribute;
            if (Kind is not (FieldKind.Number or FieldKind.Integer)
                || (double.IsNegativeInfinity(a.Min) && double.IsPositiveInfinity(a.Max)))
            {
                return null;
            }

            var lower = double.IsNegativeInfinity(a.Min) ? "(−∞" : (a.MinExclusive ? "(" : "[") + Format(a.Min);
            var upper = double.IsPositiveInfinity(a.Max) ? "∞)" : Format(a.Max) + (a.MaxExclusive ? ")" : "]");
            return $"{lower}, {upper}";
        }
    }

    /// <summary>
    /// The allowed range with its unit, as a message: a unit written in words (fraction, years, accelerators) is
    /// translated, a symbol (MW, GB, km) is not. Null when any number goes.
    /// </summary>
    public Suanli.Core.MessageText? Range => Interval is not { } interval ? null
        : Attribute.Unit is not { } unit ? Messages.Literal(interval)
        : SchemaInfo.UnitKey(unit) is { } key ? Messages.Of(key, ("interval", interval))
        : Messages.Literal(interval + " " + unit);

    /// <summary>The allowed range of a number in interval notation with its unit, e.g. "(0, 5000] MW", in English.</summary>
    public string? RangeText => Range?.English;

    /// <summary>What the field accepts, for error messages and the reference.</summary>
    public string AllowedText => Allowed.English;

    /// <summary>What the field accepts, as a message that front ends show in the reader's language.</summary>
    public Suanli.Core.MessageText Allowed => Kind switch
    {
        FieldKind.Number when Attribute is { RangeReasonKey: { } key, RangeReason: { } reason } =>
            Suanli.Core.MessageText.Of(key, reason, ("range", Range ?? Messages.Literal(string.Empty))),
        FieldKind.Number => Messages.Of(Attribute.AllowAuto ? "diag.allowed.numberOrAuto" : "diag.allowed.number", ("range", Range ?? Messages.Literal(string.Empty))),
        FieldKind.Integer => Messages.Of("diag.allowed.whole", ("range", Range ?? Messages.Literal(string.Empty))),
        FieldKind.Boolean => Messages.Of("diag.allowed.boolean"),
        FieldKind.Choice => Messages.Literal(string.Join(", ", Choices)),
        FieldKind.Text => Messages.Of("diag.allowed.text"),
        FieldKind.Section => Messages.Of("diag.allowed.section", ("keys", string.Join(", ", SchemaInfo.Fields(ValueType).Select(f => f.Key)))),
        FieldKind.List => Messages.Of("diag.allowed.list", ("keys", string.Join(", ", SchemaInfo.Fields(ValueType).Select(f => f.Key)))),
        FieldKind.ScalarList => Messages.Of("diag.allowed.scalarList", ("element", Element.Allowed)),
        _ => throw new InvalidOperationException(),
    };

    private static string Format(double x) => NumberFormat.Plain(x, "G");
}

/// <summary>Reads the scenario schema from the DTO types.</summary>
internal static class SchemaInfo
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<SchemaField>> Cache = new();

    public static IReadOnlyList<SchemaField> Fields(Type type) => Cache.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<FieldAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => Describe(x.Property, x.Attribute!))]);

    public static string KeyOf(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    /// <summary>
    /// The resource key of a field's description: <c>field.</c>, the schema type that declares the property, <c>.</c>,
    /// the YAML key, e.g. <c>field.SiteDto.designPue</c>. Keyed by type rather than by YAML path because one type may
    /// sit at several paths and its words are the same at each; type names are unique in the schema namespace, and a test
    /// holds every key unique. The words (Schema resource area) are the attribute's description without its closing
    /// full stop.
    /// </summary>
    public static string DescriptionKey(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return "field." + property.DeclaringType!.Name + "." + KeyOf(property.Name);
    }

    /// <summary>The message key of a unit written in words (<c>fraction</c> → <c>diag2.range.fraction</c>); null for a symbol such as MW.</summary>
    public static string? UnitKey(string unit) => UnitWords.TryGetValue(unit, out var id) ? "diag2.range." + id : null;

    // Units in words, by the id of their resource key; units not listed are symbols, the same in every language.
    private static readonly Dictionary<string, string> UnitWords = new(StringComparer.Ordinal)
    {
        ["fraction"] = "fraction",
        ["fraction/year"] = "fractionPerYear",
        ["accelerators"] = "accelerators",
        ["servers"] = "servers",
        ["currency/server"] = "currencyPerServer",
        ["currency/rack-month"] = "currencyPerRackMonth",
        ["years"] = "years",
        ["ratio"] = "ratio",
        ["tokens"] = "tokens",
        ["minutes"] = "minutes",
        ["hours"] = "hours",
        ["dimensions"] = "dimensions",
        ["currency/kWh"] = "currencyPerKwh",
        ["year"] = "year",
        ["months"] = "months",
        ["exponent"] = "exponent",
        ["nodes"] = "nodes",
        ["days"] = "days",
        ["steps"] = "steps",
        ["currency"] = "currency",
        ["currency/accelerator-hour"] = "currencyPerAcceleratorHour",
        ["currency/MW"] = "currencyPerMw",
        ["billions"] = "billions",
        ["accelerator-hours"] = "acceleratorHours",
        ["x EBITDA"] = "timesEbitda",
        ["units"] = "units",
        ["trillions"] = "trillions",
        ["sites"] = "sites",
        ["layers"] = "layers",
        ["interruptions"] = "interruptions",
        ["heads"] = "heads",
        ["halls or sites"] = "hallsOrSites",
        ["failures"] = "failures",
        ["events/site-year"] = "eventsPerSiteYear",
        ["events/link-year"] = "eventsPerLinkYear",
        ["events/link-day-ms"] = "eventsPerLinkDayMs",
        ["cuts/km-year"] = "cutsPerKmYear",
        ["currency/km-Gbps-year"] = "currencyPerKmGbpsYear",
        ["currency/kW-month"] = "currencyPerKwMonth",
        ["currency/accelerator"] = "currencyPerAccelerator",
        ["currency/MW-year"] = "currencyPerMwYear",
        ["currency/FTE-year"] = "currencyPerFteYear",
        ["currency"] = "currency",
    };

    /// <summary>How an enum value is written: camelCase, except all-capital names (RMB) which stay as they are.</summary>
    public static string ChoiceName(string enumName) =>
        enumName.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? enumName : KeyOf(enumName);

    public static IReadOnlyList<string> ChoiceNames(Type enumType) => [.. Enum.GetNames(enumType).Select(ChoiceName)];

    /// <summary>Every scalar path of a schema, with <c>[i]</c> for list items: the paths <c>--set</c> can reach.</summary>
    public static IEnumerable<(string Path, SchemaField Field)> ScalarPaths(Type type, string prefix = "")
    {
        foreach (var field in Fields(type))
        {
            var path = prefix.Length == 0 ? field.Key : prefix + "." + field.Key;
            switch (field.Kind)
            {
                case FieldKind.Section:
                    foreach (var inner in ScalarPaths(field.ValueType, path))
                    {
                        yield return inner;
                    }

                    break;
                case FieldKind.List:
                    foreach (var inner in ScalarPaths(field.ValueType, path + "[i]"))
                    {
                        yield return inner;
                    }

                    break;
                default:
                    yield return (path, field);
                    break;
            }
        }
    }

    /// <summary>The kind of a plain value type.</summary>
    public static FieldKind ScalarKind(Type type) => type == typeof(double) ? FieldKind.Number
        : type == typeof(int) ? FieldKind.Integer
        : type == typeof(bool) ? FieldKind.Boolean
        : type.IsEnum ? FieldKind.Choice
        : FieldKind.Text;

    private static bool IsScalarType(Type type) => type == typeof(double) || type == typeof(int) || type == typeof(bool) || type == typeof(string) || type.IsEnum;

    private static SchemaField Describe(PropertyInfo property, FieldAttribute attribute)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var (kind, valueType) = type switch
        {
            _ when type == typeof(double) => (FieldKind.Number, type),
            _ when type == typeof(int) => (FieldKind.Integer, type),
            _ when type == typeof(bool) => (FieldKind.Boolean, type),
            _ when type == typeof(string) => (FieldKind.Text, type),
            { IsEnum: true } => (FieldKind.Choice, type),
            { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(List<>) && IsScalarType(type.GetGenericArguments()[0]) =>
                (FieldKind.ScalarList, type.GetGenericArguments()[0]),
            { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(List<>) =>
                (FieldKind.List, type.GetGenericArguments()[0]),
            { IsClass: true } => (FieldKind.Section, type),
            _ => throw new InvalidOperationException($"Schema property {property.DeclaringType?.Name}.{property.Name} has an unsupported type {type.Name}."),
        };
        return new SchemaField(KeyOf(property.Name), property, attribute, kind, valueType);
    }
}
