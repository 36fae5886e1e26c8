namespace Suanli.Scenarios.Binding;

/// <summary>Where a scenario value came from.</summary>
public enum InputOrigin
{
    /// <summary>The scenario file or preset.</summary>
    File,

    /// <summary>A <c>--set path=value</c> override.</summary>
    Set,

    /// <summary>The documented default of an optional key.</summary>
    Default,

    /// <summary>An option on the command line (<c>--mfu</c>, <c>--pue</c> …) of a command that runs without a scenario or beside one.</summary>
    CommandLine,
}

/// <summary>One input as used: its path, value as written, unit, cited source and where it came from — what makes a figure traceable.</summary>
/// <param name="Path">Field path, e.g. <c>site.vacancy</c>.</param>
/// <param name="Value">The value as written (or the default).</param>
/// <param name="Unit">Unit, or null.</param>
/// <param name="Source">The cited source or reasoning, when the scenario gives one.</param>
/// <param name="Origin">File, <c>--set</c> or default.</param>
/// <param name="File">The file, preset or <c>--set[n]</c> it came from.</param>
/// <param name="Line">1-based line (0 for defaults).</param>
/// <param name="Column">1-based column (0 for defaults).</param>
public sealed record InputValue(string Path, string Value, string? Unit, string? Source, InputOrigin Origin, string File, int Line, int Column);

/// <summary>A position in an input, for diagnostics.</summary>
/// <param name="File">The file, preset or <c>--set[n]</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column);
