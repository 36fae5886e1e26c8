using Suanli.Core;
using Suanli.Scenarios.Binding;

namespace Suanli.Scenarios;

/// <summary>The presets with a site section: what a market server, a cloud or a break-even can be housed at or priced from.</summary>
internal static class SitePresets
{
    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        [.. Presets.Names.Where(n => Presets.Text(n) is { } text && text.Contains("\nsite:", StringComparison.Ordinal))]);

    /// <summary>Reports at <paramref name="path"/> when <paramref name="preset"/> is not a preset with a site; false then.</summary>
    public static bool Check(string preset, string path, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        if (Names.Value.Contains(preset, StringComparer.Ordinal))
        {
            return true;
        }

        binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, path,
            Messages.Of(Presets.Text(preset) is null ? "diag2.essay.notAPreset" : "diag2.market.noSite", ("preset", Diagnostic.Shown(preset))),
            Messages.Literal(string.Join(", ", Names.Value)));
        return false;
    }

    /// <summary>The presets with a site, for an "allowed" list.</summary>
    public static string List => string.Join(", ", Names.Value);
}
