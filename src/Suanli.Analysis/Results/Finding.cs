using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanli.Analysis.Results;

/// <summary>How much a finding matters to a reader.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingLevel>))]
public enum FindingLevel
{
    /// <summary>A reading of the figures.</summary>
    Info,

    /// <summary>Something that limits what the figures mean (an assumption outside its evidence, a simplification that bites).</summary>
    Warning,
}

/// <summary>A word to look up rather than a value: a verdict, a unit, a name of an input, carried in a finding's arguments.</summary>
/// <param name="Key">The resource key of the word.</param>
public readonly record struct Term(string Key);

/// <summary>
/// One argument of a finding: a number, a text (a name, an id) or a <see cref="Term"/>. In JSON a number is a number,
/// a text a string, and a term <c>{"term": key}</c>.
/// </summary>
[JsonConverter(typeof(FindingArgConverter))]
public readonly record struct FindingArg
{
    private FindingArg(double? number, string? text, Term? term, IReadOnlyList<Term>? terms = null, IReadOnlyList<string>? texts = null, IReadOnlyList<double>? numbers = null)
    {
        Number = number;
        Text = text;
        Term = term;
        Terms = terms;
        Texts = texts;
        Numbers = numbers;
    }

    /// <summary>The number, when the argument is one.</summary>
    public double? Number { get; }

    /// <summary>The text, when the argument is one.</summary>
    public string? Text { get; }

    /// <summary>The term, when the argument is one.</summary>
    public Term? Term { get; }

    /// <summary>The list of terms, when the argument is one (rendered as a list in the reader's language).</summary>
    public IReadOnlyList<Term>? Terms { get; }

    /// <summary>The list of texts (names, paths, ids), when the argument is one (joined as the reader's language joins lists).</summary>
    public IReadOnlyList<string>? Texts { get; }

    /// <summary>The list of numbers, when the argument is one (each formatted alike, joined as the reader's language joins lists).</summary>
    public IReadOnlyList<double>? Numbers { get; }

    /// <summary>The value as an object (double, string, <see cref="Results.Term"/>, a list of terms, texts or numbers), for formatting.</summary>
    public object? Value => Number is { } n ? n : Text is { } t ? t : Term is { } term ? term : Terms is { } terms ? terms : Texts is { } texts ? texts : Numbers;

    /// <summary>A number argument.</summary>
    public static implicit operator FindingArg(double number) => new(number, null, null);

    /// <summary>A text argument.</summary>
    public static implicit operator FindingArg(string text) => new(null, text, null);

    /// <summary>A term argument.</summary>
    public static implicit operator FindingArg(Term term) => new(null, null, term);

    /// <summary>A list of terms.</summary>
    public static FindingArg List(IEnumerable<Term> terms) => new(null, null, null, [.. terms]);

    /// <summary>A list of texts (names, paths, ids) that are not words to translate.</summary>
    public static FindingArg List(IEnumerable<string> texts) => new(null, null, null, null, [.. texts]);

    /// <summary>A list of numbers.</summary>
    public static FindingArg List(IEnumerable<double> numbers) => new(null, null, null, null, null, [.. numbers]);

    /// <summary>A number argument.</summary>
    public static FindingArg FromDouble(double number) => number;

    /// <summary>A text argument.</summary>
    public static FindingArg FromString(string text) => text;

    /// <summary>A term argument.</summary>
    public static FindingArg FromTerm(Term term) => term;
}

/// <summary>
/// A reading of a result as data: a stable code (the resource key of its words is <c>finding.</c> + code) and named
/// arguments. No prose below the renderers: the words are chosen at the edge, in the reader's language.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>econ.noEconomicBreakEven.npvNegativeAtAnyRent</c>.</param>
/// <param name="Level">Info or warning.</param>
/// <param name="Args">Named arguments the words refer to.</param>
public sealed record Finding(string Code, FindingLevel Level, IReadOnlyDictionary<string, FindingArg> Args)
{
    /// <summary>A finding without arguments.</summary>
    public static Finding Of(string code, FindingLevel level = FindingLevel.Info) => new(code, level, new SortedDictionary<string, FindingArg>(StringComparer.Ordinal));

    /// <summary>A finding with arguments, kept in key order so its JSON is stable.</summary>
    public static Finding Of(string code, FindingLevel level, params ReadOnlySpan<(string Name, FindingArg Value)> args)
    {
        var map = new SortedDictionary<string, FindingArg>(StringComparer.Ordinal);
        foreach (var (name, value) in args)
        {
            map.Add(name, value);
        }

        return new Finding(code, level, map);
    }

    /// <summary>An info finding with arguments.</summary>
    public static Finding Info(string code, params ReadOnlySpan<(string Name, FindingArg Value)> args) => Of(code, FindingLevel.Info, args);

    /// <summary>A warning with arguments.</summary>
    public static Finding Warning(string code, params ReadOnlySpan<(string Name, FindingArg Value)> args) => Of(code, FindingLevel.Warning, args);
}

/// <summary>Writes a <see cref="FindingArg"/> as a JSON number, string or <c>{"term": key}</c>.</summary>
public sealed class FindingArgConverter : JsonConverter<FindingArg>
{
    public override FindingArg Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return FindingArg.FromDouble(double.NaN);
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                return reader.GetString() ?? string.Empty;
            case JsonTokenType.StartArray:
                var texts = new List<string>();
                var numbers = new List<double>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        numbers.Add(reader.GetDouble());
                    }
                    else
                    {
                        texts.Add(reader.GetString() ?? string.Empty);
                    }
                }

                return numbers.Count > 0 ? FindingArg.List(numbers) : FindingArg.List(texts);
            case JsonTokenType.StartObject:
                string? key = null;
                List<Term>? list = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (reader.TokenType != JsonTokenType.PropertyName)
                    {
                        continue;
                    }

                    var name = reader.GetString();
                    reader.Read();
                    if (name == "term")
                    {
                        key = reader.GetString();
                    }
                    else if (name == "terms" && reader.TokenType == JsonTokenType.StartArray)
                    {
                        list = [];
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            list.Add(new Term(reader.GetString() ?? string.Empty));
                        }
                    }
                }

                return list is not null ? FindingArg.List(list) : new Term(key ?? throw new JsonException("A term argument needs a 'term' or 'terms' key."));
            default:
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"A finding argument is a number, a string or a term, not {reader.TokenType}."));
        }
    }

    public override void Write(Utf8JsonWriter writer, FindingArg value, JsonSerializerOptions options)
    {
        if (value.Number is { } n)
        {
            // A figure that does not exist (NaN, as the words write "n/a") is JSON null: JSON has no NaN or infinity.
            if (double.IsFinite(n))
            {
                writer.WriteNumberValue(n);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        else if (value.Text is { } t)
        {
            writer.WriteStringValue(t);
        }
        else if (value.Term is { } term)
        {
            writer.WriteStartObject();
            writer.WriteString("term", term.Key);
            writer.WriteEndObject();
        }
        else if (value.Terms is { } terms)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("terms");
            foreach (var item in terms)
            {
                writer.WriteStringValue(item.Key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else if (value.Numbers is { } numbers)
        {
            writer.WriteStartArray();
            foreach (var item in numbers)
            {
                if (double.IsFinite(item))
                {
                    writer.WriteNumberValue(item);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
        }
        else if (value.Texts is { } texts)
        {
            writer.WriteStartArray();
            foreach (var item in texts)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
