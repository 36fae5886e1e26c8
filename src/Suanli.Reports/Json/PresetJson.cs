namespace Suanli.Reports.Json;

/// <summary>One built-in preset in <c>suanli presets list --json</c>.</summary>
/// <param name="Name">The preset's name, for <c>--preset</c>.</param>
/// <param name="Currency">The currency of its money values, null when it has none.</param>
/// <param name="Sections">The sections it has: site, layout, training, compute, claims.</param>
/// <param name="Description">The first sentence of its description.</param>
public sealed record PresetJson(string Name, string? Currency, IReadOnlyList<string> Sections, string Description);
