using Personalization.Hosting.Security;

namespace Personalization.Testing;

/// <summary>The API keys every test host is configured with, one per scope, so tests can call as each kind of caller.</summary>
public static class TestApiKeys
{
    public const string Admin = "test-admin-key-0123456789";
    public const string Ingest = "test-ingest-key-0123456789";
    public const string Read = "test-read-key-0123456789";
    public const string Frontend = "test-frontend-key-0123456789";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [$"{SecurityOptions.Section}:ApiKeys:admin:Key"] = Admin,
        [$"{SecurityOptions.Section}:ApiKeys:admin:Scopes"] = ApiScopes.Admin,
        [$"{SecurityOptions.Section}:ApiKeys:ingest:Key"] = Ingest,
        [$"{SecurityOptions.Section}:ApiKeys:ingest:Scopes"] = ApiScopes.Ingest,
        [$"{SecurityOptions.Section}:ApiKeys:read:Key"] = Read,
        [$"{SecurityOptions.Section}:ApiKeys:read:Scopes"] = ApiScopes.Read,
        [$"{SecurityOptions.Section}:ApiKeys:frontend:Key"] = Frontend,
        [$"{SecurityOptions.Section}:ApiKeys:frontend:Scopes"] = ApiScopes.Frontend,
    };
}
