using Suanli.Core;
using Suanli.Reports;

namespace Suanli.Cli;

/// <summary>
/// The English of the command line's own <c>diag2.*</c> words (the Diagnostics resource area): what each numeric
/// option takes, and the failure to write to a closed standard output.
/// </summary>
internal static partial class CliMessages
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["diag2.allowed.optionWholeForm"] = "{what} from {min} to {max}, in digits or an exponent form such as 1e6 (no group separators)",

        ["diag2.option.fraction"] = "a fraction",
        ["diag2.option.accelerators"] = "a whole number of accelerators",
        ["diag2.option.tokens"] = "a number of tokens, e.g. 1.5e13",
        ["diag2.option.contextTokens"] = "tokens per sequence",
        ["diag2.option.batch"] = "sequences per replica",
        ["diag2.option.perReplica"] = "accelerators per replica",
        ["diag2.option.memoryShare"] = "a share of memory",
        ["diag2.option.price"] = "a price per accelerator-hour",
        ["diag2.option.fx"] = "renminbi per US dollar, e.g. 7.2",
        ["diag2.option.pue"] = "a PUE",
        ["diag2.option.tdpShare"] = "a share of TDP",
        ["diag2.option.watts"] = "watts",
        ["diag2.option.maxEvents"] = "a whole number of simulated events",

        ["diag2.stdoutClosed"] = "standard output is closed or not open for writing, so the results cannot be written (run with stdout open, or redirect it to a file)",
        ["diag2.stdoutFailed"] = "cannot write to standard output: {detail}",
    };

    // After both tables: Table (CliMessages.cs) and Options (above).
    private static readonly Lazy<Dictionary<string, string>> All = new(() => new(Table.Concat(Options), StringComparer.Ordinal));

    /// <summary>
    /// A message whose words are a resource key of another area (<c>reliability.error.trials</c>), its English taken
    /// from the English resource: shown in the reader's language like any other. Its placeholders take no format.
    /// </summary>
    public static MessageText Resource(string key, params ReadOnlySpan<(string Name, object Value)> args) =>
        MessageText.Of(key, Strings.For(Language.En)[key], args);
}
