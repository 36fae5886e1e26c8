namespace Suanli.Scenarios.Schema;

/// <summary>
/// Describes one scenario key: what it means, its unit, whether it is required, its default and its allowed range.
/// The binder validates against it and the scenario reference in docs/ is generated from it, so the two cannot drift.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class FieldAttribute(string description) : Attribute
{
    /// <summary>
    /// What the key means, in English. Its words in every language are the resource <c>field.{Type}.{key}</c> of the
    /// Schema area (see <c>SchemaInfo.DescriptionKey</c>), which a test holds equal to this text without its closing full stop.
    /// </summary>
    public string Description { get; } = description;

    /// <summary>Unit of a number (e.g. <c>MW</c>, <c>currency/kWh</c>, <c>fraction</c>); null for unitless or non-numbers.</summary>
    public string? Unit { get; set; }

    /// <summary>Whether the key must be present.</summary>
    public bool Required { get; set; }

    /// <summary>The value used when the key is absent, written as in YAML; null means "absent stays absent".</summary>
    public string? Default { get; set; }

    /// <summary>Lowest allowed number.</summary>
    public double Min { get; set; } = double.NegativeInfinity;

    /// <summary>Highest allowed number.</summary>
    public double Max { get; set; } = double.PositiveInfinity;

    /// <summary>Whether <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; set; }

    /// <summary>Whether <see cref="Max"/> itself is excluded.</summary>
    public bool MaxExclusive { get; set; }

    /// <summary>
    /// Why numbers below <see cref="Min"/> are refused, as the resource key of a reason (<c>diag2.reason.capacity</c>);
    /// null when the bound needs no reason (a fraction cannot be negative).
    /// </summary>
    public string? MinReason { get; set; }

    /// <summary>Whether a number may also be written <c>auto</c> (the model then chooses it).</summary>
    public bool AllowAuto { get; set; }

    /// <summary>What an absent optional key means, for the reference (e.g. "actual PUE").</summary>
    public string? WhenAbsent { get; set; }

    /// <summary>
    /// The resource key of what a number must be and why its range is what it is (a phrase with the placeholder
    /// <c>{range}</c>), shown as the "allowed" part of a refusal instead of the bare range; null for the bare range.
    /// </summary>
    public string? RangeReasonKey { get; set; }

    /// <summary>The English words of <see cref="RangeReasonKey"/> (the same text as the English resource, which a test holds).</summary>
    public string? RangeReason { get; set; }
}
