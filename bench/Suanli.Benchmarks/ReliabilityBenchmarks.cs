using BenchmarkDotNet.Attributes;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Benchmarks;

/// <summary>
/// The reliability Monte Carlo on the llama3-405b-16k preset with 30-minute checkpoints: 10,000 trials of 54 days,
/// ~419 failures each (4.2 million events). Per-core throughput is measured on one thread.
/// </summary>
[MemoryDiagnoser]
public class ReliabilityBenchmarks
{
    private TrainingReliability llama = null!;

    [GlobalSetup]
    public void Setup() =>
        llama = ScenarioLoader.FromPreset("llama3-405b-16k", ["training.checkpoint.intervalMinutes=30"]).Scenario!.Training!;

    /// <summary>10,000 trials on every core.</summary>
    [Benchmark]
    public SimulationResult Llama3_10k_trials_all_cores() => ReliabilitySimulation.Run(llama, 10_000, 1);

    /// <summary>10,000 trials on one core: events per second per core = 4.19 M events / this time.</summary>
    [Benchmark]
    public SimulationResult Llama3_10k_trials_one_core() => ReliabilitySimulation.Run(llama, 10_000, 1, maxDegreeOfParallelism: 1);
}
