namespace Personalization.Api.Contracts;

/// <summary>A product to price: its content, as a catalog item carries it.</summary>
/// <param name="Title">Required, at most <see cref="Endpoints.ItemPriceEndpoints.MaxTitleLength"/> characters.</param>
/// <param name="CategoryPath">Optional, levels separated by <c>&gt;</c> (e.g. <c>Hobbies &gt; Model Trains</c>).</param>
/// <param name="Brand">Optional brand or manufacturer.</param>
public sealed record PriceEstimateRequest(string? Title, string? CategoryPath, string? Brand);
