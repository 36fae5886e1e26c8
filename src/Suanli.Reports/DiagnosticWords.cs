using System.Globalization;
using Suanli.Core;

namespace Suanli.Reports;

/// <summary>
/// Messages and diagnostics in words: <c>file:line:col: field: message (allowed: …)</c> with the message and what is
/// allowed in the reader's language, the location and the field as they are in every language.
/// </summary>
public static class DiagnosticWords
{
    /// <summary>A message in the words' language; a literal, or a key without words, in its English words.</summary>
    public static string Text(this Words words, MessageText text)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Key is not { } key || !words.Strings.Contains(key))
        {
            return text.English;
        }

        var args = new Dictionary<string, object?>(text.Args.Count, StringComparer.Ordinal);
        foreach (var (name, value) in text.Args)
        {
            args[name] = value is MessageText inner ? words.Text(inner) : value;
        }

        return words.Strings.Format(key, args);
    }

    /// <summary>One diagnostic on one line in the words' language; in English exactly <see cref="Diagnostic.ToString"/>.</summary>
    public static string DiagnosticLine(this Words words, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var where = string.Create(CultureInfo.InvariantCulture, $"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}");
        var field = string.IsNullOrEmpty(diagnostic.Path) ? "(scenario)" : diagnostic.Path;
        var message = diagnostic.MessageText is { } m ? Diagnostic.OneLine(words.Text(m)) : diagnostic.Message;
        var allowed = diagnostic.AllowedText is { } a ? Diagnostic.OneLine(words.Text(a)) : diagnostic.Allowed;
        var key = (diagnostic.Severity == Severity.Warning ? "diag.line.warning" : "diag.line") + (allowed is null ? string.Empty : ".allowed");
        return words.Format(key, ("where", where), ("field", field), ("message", message), ("allowed", allowed));
    }
}
