using Suanli.Core;
using Suanli.Scenarios.Binding;

namespace Suanli.Analysis.Solve;

/// <summary>A refusal of a command-line option of <c>solve</c>, <c>sweep</c> or <c>sensitivity</c>, at <c>command-line:1:1</c>.</summary>
public static class CommandLineRefusal
{
    /// <summary>The diagnostic naming <paramref name="option"/>.</summary>
    public static Diagnostic Of(string option, MessageText message, MessageText allowed) =>
        Diagnostic.Error(DiagnosticCodes.Inconsistent, "command-line", 1, 1, option, message, allowed);
}
