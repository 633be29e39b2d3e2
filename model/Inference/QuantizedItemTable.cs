using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Personalization.Model.Inference;

/// <summary>An int8 copy of the output item table (symmetric, one scale per row: <c>row ≈ scale · codes</c>, codes in
/// −127..127), built at model load. A quarter of the float table's bytes, so a scan over the catalog reads a quarter
/// of the memory; it only pre-selects candidates, which are then scored exactly on the float table
/// (<see cref="CatalogScorer"/>). Rows are padded with zeros to a multiple of 32 columns and the row count to a
/// multiple of <see cref="Block"/>, so the SIMD kernel needs no tail handling.</summary>
internal sealed class QuantizedItemTable
{
    /// <summary>Rows scored per kernel call.</summary>
    public const int Block = 8;

    private readonly sbyte[] _codes;

    public QuantizedItemTable(float[] table, int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        Stride = (columns + 31) / 32 * 32;
        PaddedRows = (rows + Block - 1) / Block * Block;
        _codes = new sbyte[(long)PaddedRows * Stride];
        Scales = new float[PaddedRows];
        HalfScaledL1 = new float[PaddedRows];
        for (var r = 0; r < rows; r++)
        {
            var row = table.AsSpan(r * columns, columns);
            var max = 0f;
            foreach (var v in row) max = MathF.Max(max, MathF.Abs(v));
            var scale = max == 0 ? 0f : max / 127f;
            var codes = _codes.AsSpan(r * Stride, columns);
            var l1 = 0;
            for (var c = 0; c < columns; c++)
            {
                var code = scale == 0 ? 0 : (int)MathF.Round(row[c] / scale);
                codes[c] = (sbyte)Math.Clamp(code, -127, 127);
                l1 += Math.Abs((int)codes[c]);
            }
            Scales[r] = scale;
            HalfScaledL1[r] = scale * l1 / 2;
        }
    }

    public int Rows { get; }
    public int Columns { get; }
    /// <summary>Bytes per stored row (columns rounded up to 32).</summary>
    public int Stride { get; }
    public int PaddedRows { get; }
    /// <summary>Per row: the scale s (row ≈ s · codes); 0 for padding rows.</summary>
    public float[] Scales { get; }
    /// <summary>Per row: s · Σ|codes| / 2, the row's share of the error bound (see <see cref="CatalogScorer"/>).</summary>
    public float[] HalfScaledL1 { get; }

    /// <summary>Memory held by the codes, the scales and the bound terms.</summary>
    public long Bytes => _codes.LongLength + 2L * sizeof(float) * PaddedRows;

    /// <summary>Integer dot products of rows <paramref name="first"/> .. +<see cref="Block"/> with the quantised query,
    /// as 8 int32 lanes. <paramref name="magnitudes"/> = |query codes| and <paramref name="signs"/> = the query codes
    /// (only their signs matter), both <see cref="Stride"/> bytes. Needs AVX2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<int> Dots(int first, ReadOnlySpan<byte> magnitudes, ReadOnlySpan<sbyte> signs)
    {
        ref var rows = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), (nint)first * Stride);
        ref var m = ref MemoryMarshal.GetReference(magnitudes);
        ref var s = ref MemoryMarshal.GetReference(signs);
        var ones = Vector256.Create((short)1);
        var r0 = Vector256<int>.Zero; var r1 = r0; var r2 = r0; var r3 = r0; var r4 = r0; var r5 = r0; var r6 = r0; var r7 = r0;
        for (var c = 0; c < Stride; c += 32)
        {
            var mag = Vector256.LoadUnsafe(ref m, (nuint)c);
            var sign = Vector256.LoadUnsafe(ref s, (nuint)c);
            r0 = Avx2.Add(r0, Dot32(ref rows, 0 * Stride + c, mag, sign, ones));
            r1 = Avx2.Add(r1, Dot32(ref rows, 1 * Stride + c, mag, sign, ones));
            r2 = Avx2.Add(r2, Dot32(ref rows, 2 * Stride + c, mag, sign, ones));
            r3 = Avx2.Add(r3, Dot32(ref rows, 3 * Stride + c, mag, sign, ones));
            r4 = Avx2.Add(r4, Dot32(ref rows, 4 * Stride + c, mag, sign, ones));
            r5 = Avx2.Add(r5, Dot32(ref rows, 5 * Stride + c, mag, sign, ones));
            r6 = Avx2.Add(r6, Dot32(ref rows, 6 * Stride + c, mag, sign, ones));
            r7 = Avx2.Add(r7, Dot32(ref rows, 7 * Stride + c, mag, sign, ones));
        }
        // Horizontal sums of the 8 accumulators into one vector: hadd pairs within 128-bit lanes, then join the lanes.
        var s0123 = Avx2.HorizontalAdd(Avx2.HorizontalAdd(r0, r1), Avx2.HorizontalAdd(r2, r3));
        var s4567 = Avx2.HorizontalAdd(Avx2.HorizontalAdd(r4, r5), Avx2.HorizontalAdd(r6, r7));
        return Avx2.Add(Avx2.Permute2x128(s0123, s4567, 0x20), Avx2.Permute2x128(s0123, s4567, 0x31));
    }

    // Σ q·r over 32 columns as 8 int32 partial sums: maddubs multiplies unsigned |q| by r carrying q's sign, adding
    // pairs into int16 (at most 2·127·127, no saturation), madd widens pairs into int32.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Dot32(ref sbyte rows, int offset, Vector256<byte> magnitude, Vector256<sbyte> sign, Vector256<short> ones)
    {
        var row = Vector256.LoadUnsafe(ref rows, (nuint)offset);
        return Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(row, sign)), ones);
    }

    /// <summary>The same integer dot product for one row, without SIMD (the portable path and the tests' reference).</summary>
    public int Dot(int row, ReadOnlySpan<sbyte> query)
    {
        var codes = _codes.AsSpan(row * Stride, Stride);
        var sum = 0;
        for (var c = 0; c < Stride; c++) sum += codes[c] * query[c];
        return sum;
    }
}
