using System.Text;

namespace Suanli.Core;

/// <summary>
/// A message as data: the resource key of its words, its named arguments and its English words. Front ends show it in
/// the reader's language (the words of <see cref="Key"/> with the arguments filled in); <see cref="English"/> is what
/// any consumer without resources prints, and what the English resource gives.
/// </summary>
/// <remarks>
/// An argument is a string (a value as the user wrote it, a name, a number already formatted invariantly) or another
/// <see cref="MessageText"/> (a phrase that is itself translated, such as "a whole number"). A text without a key is a
/// literal — a list of names or keys — written the same in every language.
/// </remarks>
public sealed record MessageText
{
    private MessageText(string? key, IReadOnlyList<KeyValuePair<string, object>> args, string english)
    {
        Key = key;
        Args = args;
        English = english;
    }

    /// <summary>The resource key of the words, e.g. <c>diag.unknownKey</c>; null for a literal.</summary>
    public string? Key { get; }

    /// <summary>The named arguments in order; each value is a <see cref="string"/> or a <see cref="MessageText"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Args { get; }

    /// <summary>The message in English.</summary>
    public string English { get; }

    /// <summary>A text written the same in every language (names, keys, a list of choices).</summary>
    public static MessageText Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(null, [], text);
    }

    /// <summary>
    /// A message from its key, its English template (named placeholders <c>{name}</c>, the same as the English resource)
    /// and its arguments.
    /// </summary>
    public static MessageText Of(string key, string englishTemplate, params ReadOnlySpan<(string Name, object Value)> args)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(englishTemplate);
        var list = new List<KeyValuePair<string, object>>(args.Length);
        foreach (var (name, value) in args)
        {
            if (value is not (string or MessageText))
            {
                throw new ArgumentException($"The argument '{name}' of '{key}' is a {value?.GetType().Name ?? "null"}, not a string or a MessageText.", nameof(args));
            }

            list.Add(new(name, value));
        }

        return new(key, list, Fill(englishTemplate, list, key));
    }

    /// <inheritdoc />
    public bool Equals(MessageText? other) =>
        other is not null && Key == other.Key && English == other.English && Args.SequenceEqual(other.Args);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, English);

    /// <summary>Replaces each <c>{name}</c> of <paramref name="template"/> with its argument's English words.</summary>
    private static string Fill(string template, List<KeyValuePair<string, object>> args, string key)
    {
        var output = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                output.Append(template, i, template.Length - i);
                break;
            }

            output.Append(template, i, open - i);
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new FormatException($"Unclosed placeholder in the English text of '{key}'.");
            }

            var name = template[(open + 1)..close];
            var found = args.FindIndex(a => a.Key == name);
            if (found < 0)
            {
                throw new KeyNotFoundException($"The English text of '{key}' needs '{name}', which was not given.");
            }

            output.Append(args[found].Value is MessageText m ? m.English : (string)args[found].Value);
            i = close + 1;
        }

        return output.ToString();
    }
}
