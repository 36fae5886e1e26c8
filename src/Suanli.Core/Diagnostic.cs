using System.Globalization;
using System.Text;

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
/// <remarks>
/// Every part is made safe to print on one terminal line when the diagnostic is created: control and line-breaking
/// characters (which a hostile value could use to forge lines or move the cursor) are escaped, overly long texts are
/// cut, and an unknown position is 1:1, so that nothing built from user input can break the one-line format.
/// </remarks>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable identifier such as <c>SL0101</c>.</param>
/// <param name="File">The file (or <c>--set[2]</c>, or a preset name) the input came from.</param>
/// <param name="Line">1-based line; 1 when the problem concerns the input as a whole.</param>
/// <param name="Column">1-based column; 1 when the problem concerns the input as a whole.</param>
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
    /// <summary>Longest text kept in any part of a diagnostic; longer texts are cut with an ellipsis.</summary>
    public const int MaxPartLength = 1000;

    /// <summary>The file (or <c>--set[2]</c>, or a preset name) the input came from, printable on one line.</summary>
    public string File { get; init; } = OneLine(File, MaxPartLength);

    /// <summary>1-based line, at least 1.</summary>
    public int Line { get; init; } = Math.Max(1, Line);

    /// <summary>1-based column, at least 1.</summary>
    public int Column { get; init; } = Math.Max(1, Column);

    /// <summary>The field path, printable on one line.</summary>
    public string Path { get; init; } = OneLine(Path, MaxPartLength);

    /// <summary>What is wrong, printable on one line.</summary>
    public string Message { get; init; } = OneLine(Message, MaxPartLength);

    /// <summary>What would be accepted, printable on one line.</summary>
    public string? Allowed { get; init; } = Allowed is null ? null : OneLine(Allowed, MaxPartLength);

    /// <summary>What is wrong as a resource key and arguments, for front ends that show it in the reader's language; null when only the English <see cref="Message"/> exists.</summary>
    public MessageText? MessageText { get; init; }

    /// <summary>What would be accepted as a resource key and arguments; null when only the English <see cref="Allowed"/> exists.</summary>
    public MessageText? AllowedText { get; init; }

    /// <summary>A diagnostic whose message (and what is allowed) is known by key, so that it can be shown in any language; its English words fill <see cref="Message"/> and <see cref="Allowed"/>.</summary>
    public static Diagnostic Of(Severity severity, string code, string file, int line, int column, string path, MessageText message, MessageText? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(severity, code, file, line, column, path, message.English, allowed?.English) { MessageText = message, AllowedText = allowed };
    }

    /// <summary>An error whose message is known by key (see <see cref="Of"/>).</summary>
    public static Diagnostic Error(string code, string file, int line, int column, string path, MessageText message, MessageText? allowed = null) =>
        Of(Severity.Error, code, file, line, column, path, message, allowed);

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

    /// <summary>
    /// A user-supplied value as it may be echoed in a message: control, line-breaking and bidirectional-override
    /// characters escaped (<c>\n</c>, <c>\u001B</c>), and cut to <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Shown(string? value, int maxLength = 64) => OneLine(value ?? string.Empty, maxLength);

    /// <summary>
    /// <paramref name="text"/> with every character that could break or disguise a terminal line escaped, and cut to
    /// <paramref name="maxLength"/> characters with an ellipsis.
    /// </summary>
    public static string OneLine(string text, int maxLength = MaxPartLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength && !text.Any(NeedsEscape))
        {
            return text;
        }

        // Each character gives at least one output character, so only the first maxLength + 1 can matter.
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        for (var i = 0; i < text.Length && builder.Length <= maxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when NeedsEscape(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(builder[cut - 1]))
        {
            cut--;
        }

        return builder.ToString(0, cut) + "…";
    }

    // Controls (C0, DEL, C1), line and paragraph separators, bidirectional overrides and isolates (which reorder
    // what a terminal shows), zero-width joiners and marks, the BOM, and surrogates (paired ones are kept above).
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
