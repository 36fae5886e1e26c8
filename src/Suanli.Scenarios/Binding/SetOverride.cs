using System.Globalization;
using Suanli.Core;

namespace Suanli.Scenarios.Binding;

/// <summary>One <c>--set path=value</c> argument, parsed.</summary>
/// <param name="Path">The field path, e.g. <c>site.vacancy</c> or <c>site.phases[1].itMw</c>.</param>
/// <param name="Value">The value text, read as a YAML scalar.</param>
/// <param name="Location">Where the value starts: <c>--set[n]</c>, line 1, its column in the argument.</param>
public sealed record SetOverride(string Path, string Value, SourceLocation Location)
{
    /// <summary>Parses the n-th (1-based) <c>--set</c> argument, or explains why it cannot be read.</summary>
    public static SetOverride? TryParse(string argument, int index, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var origin = string.Create(CultureInfo.InvariantCulture, $"--set[{index}]");
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SetSyntax, origin, 1, 1, string.Empty,
                Messages.Of("diag.setSyntax", ("argument", argument)), Messages.Of("diag.allowed.setSyntax")));
            return null;
        }

        var path = argument[..equals].Trim();
        var value = argument[(equals + 1)..].Trim();
        return new SetOverride(path, value, new SourceLocation(origin, 1, equals + 2));
    }
}
