using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Suanli.Tests.Architecture;

/// <summary>The layers of docs/architecture.md, held by reading the assemblies' references.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Suanli.Core.Currency).Assembly;

    /// <summary>Static classes of Suanli.Core (engines, numerical routines): what only the application layer may call.</summary>
    private static readonly HashSet<string> CoreStaticClasses =
    [
        .. Core.GetTypes().Where(t => t.IsAbstract && t.IsSealed && t.IsClass && t.Namespace is not null).Select(t => t.FullName!),
    ];

    public static TheoryData<string> Renderers => ["Suanli.Reports", "suanli"];

    [Theory]
    [MemberData(nameof(Renderers))]
    public void A_renderer_calls_no_engine_or_numerical_routine_of_Core(string assemblyName)
    {
        var offending = TypeReferences(assemblyName).Where(CoreStaticClasses.Contains).Order(StringComparer.Ordinal).ToList();
        Assert.True(offending.Count == 0, $"{assemblyName} calls {string.Join(", ", offending)}: compute it in Suanli.Analysis and carry it in the result.");
    }

    [Fact]
    public void The_check_sees_an_engine_call_where_there_is_one()
    {
        // Suanli.Analysis calls the engines: the same reading finds them there.
        var used = TypeReferences("Suanli.Analysis").Where(CoreStaticClasses.Contains).ToList();
        Assert.Contains("Suanli.Core.Economics.EconomicsEngine", used);
        Assert.Contains("Suanli.Core.Layout.LayoutEngine", used);
        Assert.Contains("Suanli.Core.Compute.ComputeEngine", used);
        Assert.Contains("Suanli.Core.Compute.ServingEngine", used);
    }

    [Fact]
    public void Core_and_Scenarios_do_not_reference_the_layers_above_them()
    {
        foreach (var name in new[] { "Suanli.Core", "Suanli.Scenarios" })
        {
            var referenced = AssemblyReferences(name);
            Assert.DoesNotContain("Suanli.Analysis", referenced);
            Assert.DoesNotContain("Suanli.Reports", referenced);
            Assert.DoesNotContain("suanli", referenced);
        }

        Assert.DoesNotContain("Suanli.Reports", AssemblyReferences("Suanli.Analysis"));
    }

    private static string PathOf(string assemblyName) => Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");

    /// <summary>Full names of every type the assembly refers to in another assembly.</summary>
    private static HashSet<string> TypeReferences(string assemblyName)
    {
        using var stream = File.OpenRead(PathOf(assemblyName));
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
        {
            var t = md.GetTypeReference(handle);
            var ns = md.GetString(t.Namespace);
            // Nested types name their enclosing type as scope; the engines are top-level.
            names.Add(ns.Length == 0 ? md.GetString(t.Name) : ns + "." + md.GetString(t.Name));
        }

        return names;
    }

    private static HashSet<string> AssemblyReferences(string assemblyName)
    {
        using var stream = File.OpenRead(PathOf(assemblyName));
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        return [.. md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name))];
    }
}
