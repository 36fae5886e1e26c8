using System.Numerics;

namespace Suanli.Core.Random;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna, 2018): fast, 256 bits of state, identical output on every runtime
/// and platform, so a Monte Carlo result is reproducible from its seed. A mutable struct: keep one per thread or trial.
/// </summary>
public struct Xoshiro256StarStar
{
    private const double InverseTwoPow53 = 1.0 / (1UL << 53);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Starts from an explicit state (not all zero).</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /// <summary>
    /// The generator for one stream of a seeded computation, e.g. trial <paramref name="stream"/> of a Monte Carlo run:
    /// the state is four outputs of SplitMix64 started at seed + stream × golden gamma, so streams do not depend on
    /// which thread runs them.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream)
    {
        var mixer = new SplitMix64(seed ^ (stream * 0xD1B54A32D192ED03UL));
        return new Xoshiro256StarStar(mixer.Next(), mixer.Next(), mixer.Next(), mixer.Next());
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * InverseTwoPow53;

    /// <summary>A uniform double in (0, 1]: safe to take the logarithm of.</summary>
    public double NextOpenClosed() => ((NextUInt64() >> 11) + 1) * InverseTwoPow53;

    /// <summary>An exponential variate with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(NextOpenClosed());
}

/// <summary>SplitMix64 (Steele, Lea and Flood, 2014), used to expand one seed into generator states.</summary>
public struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 bits.</summary>
    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
