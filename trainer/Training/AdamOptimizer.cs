using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>Adam (Kingma &amp; Ba 2015; the update of torch.optim.Adam without amsgrad), written here because
/// TorchSharp's managed <c>Adam.step</c> passes its numbers to libtorch as implicitly converted <see cref="Scalar"/>
/// objects that nothing references once their native handle is read: a garbage collection on another thread can
/// finalize (free) one while libtorch still reads it, and <c>step</c> then fails at random with
/// "Expected false to be true ... toDouble/toFloat" or "Unknown scalar type". Here every scalar lives in a
/// variable disposed only after the native call returns.</summary>
public sealed class AdamOptimizer : IDisposable
{
    private sealed record Moments(Parameter Parameter, Tensor Mean, Tensor Square);

    private readonly List<(AdamParameterGroup Group, Moments[] Slots)> _groups;
    private readonly double _beta1, _beta2;
    private readonly Scalar _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon;
    private long _steps;

    public AdamOptimizer(IEnumerable<AdamParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        (_beta1, _beta2) = (beta1, beta2);
        _beta1Scalar = beta1.ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _groups = [.. groups.Select(g => (g, g.Parameters.Select(p => new Moments(p, zeros_like(p), zeros_like(p))).ToArray()))];
    }

    public IEnumerable<AdamParameterGroup> Groups => _groups.Select(g => g.Group);

    public void ZeroGrad()
    {
        foreach (var (_, slots) in _groups)
            foreach (var slot in slots) slot.Parameter.grad?.zero_();
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step() => Step(null);

    /// <summary>One update; a parameter listed in <paramref name="touchedRows"/> (a table of which a batch reads only
    /// some rows, e.g. a hashed token embedding) updates those rows and their moments only, from the gradient of
    /// those rows, as lazy Adam does: untouched rows keep their moments instead of decaying them, and the step costs
    /// the rows read, not the table. Bias correction uses the global step count.</summary>
    /// <param name="touchedRows">Per parameter: [R] int64 distinct row indices and [R, ...] their gradient.</param>
    public void Step(IReadOnlyDictionary<Parameter, (Tensor Rows, Tensor Gradient)>? touchedRows)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        _steps++;
        var correction1 = 1 - Math.Pow(_beta1, _steps);
        using var correction2Root = Math.Sqrt(1 - Math.Pow(_beta2, _steps)).ToScalar();
        foreach (var (group, slots) in _groups)
        {
            using var stepSize = (-group.LearningRate / correction1).ToScalar();
            using var weightDecay = group.WeightDecay.ToScalar();
            foreach (var (parameter, mean, square) in slots)
            {
                if (touchedRows is not null && touchedRows.TryGetValue(parameter, out var touched))
                {
                    StepRows(parameter, mean, square, touched.Rows, touched.Gradient, group.WeightDecay != 0 ? weightDecay : null, stepSize, correction2Root);
                    continue;
                }
                var gradient = parameter.grad;
                if (gradient is null) continue;
                if (group.WeightDecay != 0) gradient = gradient.add(parameter, alpha: weightDecay);
                mean.mul_(_beta1Scalar).add_(gradient, alpha: _oneMinusBeta1);
                square.mul_(_beta2Scalar).addcmul_(gradient, gradient, value: _oneMinusBeta2);
                var denominator = square.sqrt().div_(correction2Root).add_(_epsilon);
                parameter.addcdiv_(mean, denominator, value: stepSize);
            }
        }
    }

    private void StepRows(Parameter parameter, Tensor mean, Tensor square, Tensor rows, Tensor g, Scalar? weightDecay,
        Scalar stepSize, Scalar correction2Root)
    {
        if (weightDecay is not null) g = g.add(parameter.index_select(0, rows), alpha: weightDecay);
        var m = mean.index_select(0, rows).mul_(_beta1Scalar).add_(g, alpha: _oneMinusBeta1);      // [R, ...]
        var v = square.index_select(0, rows).mul_(_beta2Scalar).addcmul_(g, g, value: _oneMinusBeta2);
        mean.index_copy_(0, rows, m);
        square.index_copy_(0, rows, v);
        var update = m.div(v.sqrt().div_(correction2Root).add_(_epsilon));
        parameter.index_add_(0, rows, update, stepSize);
    }

    public void Dispose()
    {
        foreach (var (_, slots) in _groups)
            foreach (var slot in slots) { slot.Mean.Dispose(); slot.Square.Dispose(); }
        foreach (var scalar in new[] { _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon }) scalar.Dispose();
    }
}
