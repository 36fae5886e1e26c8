namespace Suanli.Scenarios.Binding;

/// <summary>Stable identifiers of scenario diagnostics.</summary>
public static class DiagnosticCodes
{
    /// <summary>The YAML itself cannot be read.</summary>
    public const string YamlSyntax = "SL0001";

    /// <summary>The document is empty or not a mapping.</summary>
    public const string DocumentShape = "SL0002";

    /// <summary>The file cannot be opened.</summary>
    public const string FileNotFound = "SL0003";

    /// <summary>The file is larger than a scenario can be.</summary>
    public const string FileTooLarge = "SL0004";

    /// <summary>The file is not UTF-8 text.</summary>
    public const string NotUtf8 = "SL0005";

    /// <summary>More problems than are worth printing; the rest are counted.</summary>
    public const string TooManyProblems = "SL0006";

    /// <summary>A key the schema does not know.</summary>
    public const string UnknownKey = "SL0101";

    /// <summary>A required key is absent.</summary>
    public const string MissingKey = "SL0102";

    /// <summary>A value of the wrong type.</summary>
    public const string WrongType = "SL0103";

    /// <summary>NaN or an infinity.</summary>
    public const string NotFinite = "SL0104";

    /// <summary>A number outside its allowed range.</summary>
    public const string OutOfRange = "SL0105";

    /// <summary>A value not among the allowed choices.</summary>
    public const string UnknownChoice = "SL0106";

    /// <summary>Values that are each allowed but not together.</summary>
    public const string Inconsistent = "SL0201";

    /// <summary>A value far outside physical or economic sense.</summary>
    public const string Implausible = "SL0202";

    /// <summary>A section a command needs is absent.</summary>
    public const string MissingSection = "SL0203";

    /// <summary>A malformed <c>--set</c>.</summary>
    public const string SetSyntax = "SL0301";

    /// <summary>A <c>--set</c> path that the scenario does not have.</summary>
    public const string SetUnknownPath = "SL0302";

    /// <summary>An unknown preset name.</summary>
    public const string UnknownPreset = "SL0401";

    /// <summary>A command-line option or argument that cannot be read, or a usage error.</summary>
    public const string Usage = "SL0501";
}
