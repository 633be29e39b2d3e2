namespace Personalization.Api.Contracts;

/// <summary>A catalog category path and the number of sessions holding an item of it.</summary>
public sealed record CategorySessionCount(string Category, long Sessions);
