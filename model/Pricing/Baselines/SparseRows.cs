namespace Personalization.Model.Pricing.Baselines;

/// <summary>A sparse matrix in compressed rows: row r's entries are <c>Columns[Starts[r]..Starts[r+1]]</c>.</summary>
public sealed record SparseRows(int[] Starts, int[] Columns, double[] Values, int ColumnCount)
{
    public int RowCount => Starts.Length - 1;

    public static SparseRows From(IReadOnlyList<IReadOnlyList<(int Column, double Value)>> rows, int columnCount)
    {
        var starts = new int[rows.Count + 1];
        for (var r = 0; r < rows.Count; r++) starts[r + 1] = starts[r] + rows[r].Count;
        var columns = new int[starts[^1]];
        var values = new double[starts[^1]];
        for (var r = 0; r < rows.Count; r++)
            for (var j = 0; j < rows[r].Count; j++) (columns[starts[r] + j], values[starts[r] + j]) = rows[r][j];
        return new SparseRows(starts, columns, values, columnCount);
    }

    /// <summary>Row r · w.</summary>
    public double Dot(int r, ReadOnlySpan<double> w)
    {
        double sum = 0;
        for (var j = Starts[r]; j < Starts[r + 1]; j++) sum += Values[j] * w[Columns[j]];
        return sum;
    }
}
