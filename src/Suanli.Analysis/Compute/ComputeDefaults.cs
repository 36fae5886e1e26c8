using Suanli.Core.Compute;

namespace Suanli.Analysis.Compute;

/// <summary>
/// The documented defaults of the compute model (docs/compute.md), in one place: <c>suanli train</c>, <c>suanli infer</c>
/// and the essay's claims read them from here.
/// </summary>
public static class ComputeDefaults
{
    /// <summary>A new AI hall: China hub nodes must reach ≤ 1.25, US new builds ≤ 1.3.</summary>
    public const double Pue = 1.25;

    /// <summary>Accelerators at TDP, as Meta's Llama 3.1 model card accounts them.</summary>
    public const double PowerFraction = 1;

    /// <summary>DERIVED: a 100 k-H100 cluster draws ~150 MW [R43c] = 1,500 W per GPU; ÷ PUE 1.25 = 1,200 W IT; − 700 W TDP = 500 W.</summary>
    public const double HostWatts = 500;

    /// <summary>vLLM's default <c>gpu_memory_utilization</c>: the rest is left for activations and the runtime.</summary>
    public const double MemoryUtilisation = 0.9;

    /// <summary>No interruptions (see <c>suanli reliability</c> for what they cost).</summary>
    public const double Ettr = 1;

    /// <summary>Llama 3 405B: BF16 MFU 38–43 % on 8,192–16,384 H100 (Llama 3 paper, Table 4).</summary>
    public const double Bf16Mfu = 0.40;

    /// <summary>
    /// DeepSeek-V3, the one large FP8 run with published hours: 6ND over its 2.664 M pre-training H800-hours is 17.3 % of
    /// the FP8 peak (report, Table 1; the catalog check recomputes it); NVIDIA's DeepSeek-V3 benchmark on 1,024 H100 in
    /// FP8 did 338 TFLOP/s per GPU = 17.1 % (Megatron-Bridge performance summary, NeMo 25.09).
    /// </summary>
    public const double Fp8Mfu = 0.17;

    /// <summary>NVIDIA's dense Llama 3.1 405B FP8 benchmark on 1,024 H100: 737 TFLOP/s = 37 % of the FP8 peak (Megatron-Bridge, NeMo 25.09/25.11 [R67]).</summary>
    public const double DenseFp8BenchmarkMfu = 0.37;

    /// <summary>The model whose published hours the FP8 default rests on.</summary>
    public const string Fp8ReferenceModel = "deepseek-v3";

    /// <summary>A human brain's power, W (Herculano-Houzel et al. via [R59]).</summary>
    public const double BrainWatts = BrainComparison.BrainWatts;

    /// <summary>The default MFU for a precision, relative to that precision's dense peak.</summary>
    public static double Mfu(Precision precision) => precision == Precision.Fp8 ? Fp8Mfu : Bf16Mfu;

    /// <summary>Facility watts of one accelerator at the default power fraction, host watts and PUE: (TDP × 1 + 500 W) × 1.25.</summary>
    public static double WattsPerAccelerator(Accelerator accelerator) => ComputeEngine.WattsPerAccelerator(accelerator, PowerFraction, HostWatts, Pue);
}
