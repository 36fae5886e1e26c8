using BenchmarkDotNet.Running;

// Run all:  dotnet run -c Release --project bench/Suanli.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point marker for the benchmark switcher.</summary>
public partial class Program;
