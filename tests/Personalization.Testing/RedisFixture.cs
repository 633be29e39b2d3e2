using System.Diagnostics;
using StackExchange.Redis;
using Xunit;

namespace Personalization.Testing;

/// <summary>A real redis-server: the one scripts/test.sh started (<c>PZ_TEST_REDIS</c>=host:port), or else one this
/// fixture starts on a free loopback port (needs <c>redis-server</c> on PATH) and stops afterwards.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private Process? _server;
    private DirectoryInfo? _directory;

    public string ConnectionString { get; private set; } = "";

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>When true, always starts a private redis-server (for tests that reconfigure it).</summary>
    public bool Private { get; init; }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("PZ_TEST_REDIS");
        if (!Private && !string.IsNullOrWhiteSpace(external))
            ConnectionString = external;
        else
            ConnectionString = StartServer();
        Connection = await ConnectAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        _directory?.Delete(recursive: true);
    }

    private string StartServer()
    {
        _directory = Directory.CreateTempSubdirectory("pz-redis-");
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(), "--daemonize", "no", "--save", "",
                "--appendonly", "no", "--dir", _directory.FullName },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "Redis tests need PZ_TEST_REDIS (host:port) or redis-server on PATH (apt-get install redis-server); " +
                "scripts/test.sh provides both.", e);
        }
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        return $"127.0.0.1:{port}";
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync($"{connectionString},abortConnect=true,connectTimeout=500,allowAdmin=true");
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
