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

    /// <summary>Dense model at BF16: Llama 3 405B ran at 38–43 % MFU on 8,192–16,384 H100 (Llama 3 paper, Table 4).</summary>
    public const double Bf16Mfu = 0.40;

    /// <summary>
    /// Dense model at FP8, of the FP8 peak: NVIDIA's Llama 3.1 405B pre-training benchmark on 1,024 H100 in FP8
    /// (current scaling) makes 292 tokens/s per GPU (Megatron-Bridge performance summary, NeMo 25.11, DGX-H100 table
    /// [R67]); on this tool's 6ND basis that is 6 × 405 B × 292 = 709.6 TFLOP/s = 35.9 % of the 1,978.9 FP8 peak (the
    /// table's 737 model TFLOP/s counts attention too: 37.2 %). A vendor benchmark, not a production run.
    /// </summary>
    public const double DenseFp8Mfu = 0.36;

    /// <summary>Tokens/s per H100 of NVIDIA's Llama 3.1 405B FP8 benchmark (Megatron-Bridge, NeMo 25.11, 1,024 GPUs, FP8-CS).</summary>
    public const double DenseFp8BenchmarkTokensPerSecond = 292;

    /// <summary>The model and accelerator of the dense FP8 benchmark, looked up in the catalog to recompute its MFU.</summary>
    public const string DenseFp8ReferenceModel = "llama3-405b";

    /// <summary>The accelerator of the dense FP8 benchmark.</summary>
    public const string DenseFp8ReferenceAccelerator = "h100-sxm";

    /// <summary>
    /// Mixture of experts at BF16: Huawei's Pangu Ultra MoE (718 B total, 39 B active) trained at 30.0 % MFU on 6K
    /// Ascend NPUs, which have no FP8 (arXiv 2505.04519, abstract [R68]).
    /// </summary>
    public const double MoeBf16Mfu = 0.30;

    /// <summary>
    /// Mixture of experts at FP8, of the FP8 peak: DeepSeek-V3, the one large FP8 run with published hours: 6ND over its
    /// 2.664 M pre-training H800-hours is 17.3 % of the FP8 peak (report, Table 1; the catalog check recomputes it);
    /// NVIDIA's DeepSeek-V3 benchmark on 1,024 H100 in FP8 did 338 TFLOP/s per GPU = 17.1 % (Megatron-Bridge, NeMo 25.09).
    /// </summary>
    public const double Fp8Mfu = 0.17;

    /// <summary>The model whose published hours the MoE FP8 default rests on.</summary>
    public const string Fp8ReferenceModel = "deepseek-v3";

    /// <summary>A human brain's power, W (Herculano-Houzel et al. via [R59]).</summary>
    public const double BrainWatts = BrainComparison.BrainWatts;

    /// <summary>
    /// The default MFU for a precision and an architecture, relative to that precision's dense peak: each from a published
    /// run of that kind (docs/compute.md). A dense FP8 run is faster than the same at BF16 (0.36 × 2 = 0.72 of the BF16
    /// peak against 0.40), an MoE one a little faster (0.17 × 2 = 0.34 against 0.30).
    /// </summary>
    public static double Mfu(Precision precision, ModelArchitecture architecture) => (precision, architecture) switch
    {
        (Precision.Fp8, ModelArchitecture.MixtureOfExperts) => Fp8Mfu,
        (Precision.Fp8, _) => DenseFp8Mfu,
        (_, ModelArchitecture.MixtureOfExperts) => MoeBf16Mfu,
        _ => Bf16Mfu,
    };

    /// <summary>Facility watts of one accelerator at the default power fraction, host watts and PUE: (TDP × 1 + 500 W) × 1.25.</summary>
    public static double WattsPerAccelerator(Accelerator accelerator) => ComputeEngine.WattsPerAccelerator(accelerator, PowerFraction, HostWatts, Pue);
}
