using Suanli.Core.Random;

namespace Suanli.Tests.Core;

public class RandomTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_outputs()
    {
        // Reference implementation (Blackman and Vigna) from state {1, 2, 3, 4}.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
        Assert.Equal(1216172134540287360UL, rng.NextUInt64());
    }

    [Fact]
    public void SplitMix64_matches_the_reference_outputs()
    {
        var mixer = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, mixer.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, mixer.Next());
        Assert.Equal(0x06C45D188009454FUL, mixer.Next());
    }

    [Fact]
    public void Streams_are_reproducible_and_distinct()
    {
        var a = Xoshiro256StarStar.ForStream(42, 7);
        var b = Xoshiro256StarStar.ForStream(42, 7);
        var c = Xoshiro256StarStar.ForStream(42, 8);
        var first = a.NextUInt64();
        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());
    }

    [Fact]
    public void Uniforms_and_exponentials_have_the_right_moments()
    {
        var rng = Xoshiro256StarStar.ForStream(1, 0);
        const int n = 200_000;
        double sumU = 0, sumE = 0, sumE2 = 0;
        for (var i = 0; i < n; i++)
        {
            var u = rng.NextDouble();
            Assert.InRange(u, 0, 1 - double.Epsilon);
            sumU += u;
            var e = rng.NextExponential(2);
            sumE += e;
            sumE2 += e * e;
        }

        Assert.Equal(0.5, sumU / n, 0.005);
        Assert.Equal(2, sumE / n, 0.03);
        Assert.Equal(4, sumE2 / n - Math.Pow(sumE / n, 2), 0.15);   // variance of an exponential = mean²
    }
}
