using System.Globalization;

namespace Suanli.Core;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>The input cannot be used.</summary>
    Error,

    /// <summary>The input is used, but something about it deserves attention.</summary>
    Warning,
}

/// <summary>
/// One problem found in user input: where it is (file, line, column, field path), what is wrong and what is allowed.
/// Loading and validation return these as data; the CLI prints them, other front ends translate them.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable identifier such as <c>SL0101</c>.</param>
/// <param name="File">The file (or <c>--set[2]</c>, or a preset name) the input came from.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Path">The field path, e.g. <c>site.vacancy</c>.</param>
/// <param name="Message">What is wrong, naming the bad value.</param>
/// <param name="Allowed">What would be accepted, or null when it goes without saying.</param>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Path,
    string Message,
    string? Allowed = null)
{
    /// <summary>The one-line form <c>file:line:col: field: message (allowed: …)</c>.</summary>
    public override string ToString()
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
        var field = string.IsNullOrEmpty(Path) ? "(scenario)" : Path;
        var prefix = Severity == Severity.Warning ? "warning: " : string.Empty;
        return Allowed is null
            ? $"{where}: {prefix}{field}: {Message}"
            : $"{where}: {prefix}{field}: {Message} (allowed: {Allowed})";
    }
}
