namespace Personalization.Grains.Quality;

/// <summary>The last ranks seen for one ranker version (0 = not in the top K), with running sums so the figures
/// cost nothing to read.</summary>
internal sealed class RankWindow(int capacity)
{
    private readonly int[] _ranks = new int[capacity];
    private int _next, _count, _hits;
    private double _reciprocal;

    public void Add(int rank)
    {
        if (_count == _ranks.Length) Remove(_ranks[_next]);
        else _count++;
        _ranks[_next] = rank;
        _next = (_next + 1) % _ranks.Length;
        if (rank > 0) (_hits, _reciprocal) = (_hits + 1, _reciprocal + 1.0 / rank);
    }

    public (int Samples, double HitRate, double Mrr) Figures() =>
        _count == 0 ? (0, 0, 0) : (_count, (double)_hits / _count, _reciprocal / _count);

    private void Remove(int rank)
    {
        if (rank > 0) (_hits, _reciprocal) = (_hits - 1, _reciprocal - 1.0 / rank);
    }
}
