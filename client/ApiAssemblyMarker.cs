namespace Personalization.Api;

/// <summary>Names this assembly for <c>WebApplicationFactory&lt;T&gt;</c>: the silo also has a top-level
/// <c>Program</c>, so tests cannot use that name unambiguously.</summary>
public sealed class ApiAssemblyMarker;
