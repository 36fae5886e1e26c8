using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Suanli.Core;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using YamlDotNet.RepresentationModel;

namespace Suanli.Scenarios;

/// <summary>Reads scenarios from files, presets or text, applies <c>--set</c> overrides and validates them.</summary>
public static class ScenarioLoader
{
    /// <summary>
    /// Largest scenario file read, in bytes (1 MiB). The built-in presets are under 10 KiB; the bound keeps a hostile
    /// or mistaken input (<c>/dev/zero</c>, a disk image) from exhausting memory, and is checked while reading, since
    /// pipes and devices have no length.
    /// </summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Most problems reported for one scenario; the rest are summarised in one more line.</summary>
    public const int MaxDiagnostics = 50;

    private static MessageText AllowedFile => Messages.Of("diag.allowed.file");

    /// <summary>Loads a scenario file.</summary>
    public static LoadResult FromFile(string path, IEnumerable<string>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        // The path names the scenario in every message and title: escaped, so that a file name cannot carry terminal
        // control sequences into them.
        return ReadBounded(path, out var text) is { } problem ? Fail(problem) : FromText(text!, Diagnostic.OneLine(path, 4096), sets);
    }

    /// <summary>Loads a built-in preset.</summary>
    public static LoadResult FromPreset(string name, IEnumerable<string>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = Presets.Text(name);
        if (text is null)
        {
            return Fail(Presets.Unknown(name, "--preset"));
        }

        // Diagnostics name the preset like a file (no colon, so file:line:col stays unambiguous).
        return FromText(text, PresetOrigin(name), sets);
    }

    /// <summary>How a preset is named in diagnostics and outputs: <c>presets/NAME.yaml</c> (built in; print it with <c>suanli presets show NAME</c>).</summary>
    public static string PresetOrigin(string name) => $"presets/{name}.yaml";

    /// <summary>Loads a scenario from YAML text; <paramref name="origin"/> names it in diagnostics.</summary>
    public static LoadResult FromText(string yaml, string origin, IEnumerable<string>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new List<Diagnostic>();
        var overrides = new List<SetOverride>();
        var given = sets?.ToList() ?? [];
        var index = 1;
        foreach (var argument in given)
        {
            if (SetOverride.TryParse(argument, index++, diagnostics) is { } o)
            {
                overrides.Add(o);
            }
        }

        var root = Parse(yaml, origin, diagnostics);
        if (root is null || diagnostics.Count > 0)
        {
            return new LoadResult(null, Bounded(diagnostics));
        }

        var binder = new YamlBinder(origin, overrides);
        var dto = binder.Bind<ScenarioDto>(root);
        diagnostics.AddRange(binder.Diagnostics);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new LoadResult(null, Bounded(diagnostics));
        }

        var scenario = ScenarioBuilder.Build(dto, binder, origin, diagnostics) with { Overrides = given };
        return new LoadResult(diagnostics.Any(d => d.Severity == Severity.Error) ? null : scenario, Bounded(diagnostics));
    }

    /// <summary>Reads a file of at most <see cref="MaxFileBytes"/> bytes of UTF-8 (or BOM-marked UTF-16/32) text.</summary>
    private static Diagnostic? ReadBounded(string path, out string? text)
    {
        text = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            return Diagnostic.Error(DiagnosticCodes.FileNotFound, "command-line", 1, 1, "scenario", Messages.Of("diag.fileNameEmpty"), AllowedFile);
        }

        byte[] buffer;
        var length = 0;
        try
        {
            if (Directory.Exists(path))
            {
                return FileProblem(DiagnosticCodes.FileNotFound, path, 1, 1, Messages.Of("diag.fileIsDirectory"), AllowedFile);
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            buffer = new byte[MaxFileBytes + 1];
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => Messages.Of("diag.fileNotFound"),
                UnauthorizedAccessException => Messages.Of("diag.filePermission"),
                ArgumentException or NotSupportedException => Messages.Of("diag.fileBadName"),
                _ => Messages.Of("diag.fileUnreadable", ("detail", e.Message.TrimEnd('.'))),
            };
            return FileProblem(DiagnosticCodes.FileNotFound, path, 1, 1, why, AllowedFile);
        }

        if (length > MaxFileBytes)
        {
            return FileProblem(DiagnosticCodes.FileTooLarge, path, 1, 1,
                Messages.Of("diag.fileTooLarge", ("bytes", MaxFileBytes.ToString("#,0", CultureInfo.InvariantCulture))),
                Messages.Of("diag.allowed.fileSize"));
        }

        var bytes = buffer.AsSpan(0, length);
        var utf8 = !(bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]));
        if (!utf8)
        {
            using var reader = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Say where the first byte that is not UTF-8 is, rather than replacing it silently.
            var before = chars.AsSpan(0, charsWritten);
            var line = before.Count('\n') + 1;
            var column = charsWritten - (before.LastIndexOf('\n') + 1) + 1;
            return FileProblem(DiagnosticCodes.NotUtf8, path, line, column,
                Messages.Of("diag.notUtf8", ("byte", bytes[bytesRead].ToString("X2", CultureInfo.InvariantCulture))),
                Messages.Of("diag.allowed.utf8"));
        }

        text = new string(chars, 0, charsWritten);
        return null;
    }

    private static YamlMappingNode? Parse(string yaml, string origin, List<Diagnostic> diagnostics)
    {
        if (SafeYaml.Load(yaml, origin, diagnostics) is not { } stream)
        {
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, origin, 1, 1, string.Empty,
                stream.Documents.Count == 0 ? Messages.Of("diag.emptyScenario") : Messages.Of("diag.severalDocuments", ("count", stream.Documents.Count.ToString(CultureInfo.InvariantCulture))),
                Messages.Of("diag.allowed.oneDocument")));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, origin, (int)node.Start.Line, (int)node.Start.Column,
                string.Empty, Messages.Of("diag.notMapping"), Messages.Literal("name, description, currency, site, claims")));
            return null;
        }

        return root;
    }

    /// <summary>The first <see cref="MaxDiagnostics"/> diagnostics, and one line saying how many more there are.</summary>
    private static List<Diagnostic> Bounded(List<Diagnostic> diagnostics)
    {
        if (diagnostics.Count <= MaxDiagnostics)
        {
            return diagnostics;
        }

        var next = diagnostics[MaxDiagnostics];
        var rest = diagnostics.Count - MaxDiagnostics;
        return [.. diagnostics.Take(MaxDiagnostics), Diagnostic.Error(DiagnosticCodes.TooManyProblems, next.File, next.Line, next.Column, next.Path,
            Messages.Of("diag.tooMany", ("count", rest.ToString("#,0", CultureInfo.InvariantCulture))), Messages.Of("diag.allowed.fixAbove"))];
    }

    private static Diagnostic FileProblem(string code, string path, int line, int column, MessageText message, MessageText allowed) =>
        Diagnostic.Error(code, path, line, column, string.Empty, message, allowed);

    private static LoadResult Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
