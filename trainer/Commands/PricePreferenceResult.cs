namespace Personalization.Trainer.Commands;

/// <summary>One predictor's error on the test prefixes: mean absolute error of the log price (≈ the relative error
/// for small values), and the share of next prices inside the predictor's 10–90 % band (NaN: it gives none).</summary>
public sealed record PricePreferenceResult(string Predictor, double MaeLog, double RmseLog, double BandCoverage);
