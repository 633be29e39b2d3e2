using System.Diagnostics;
using System.Net.Sockets;

namespace Personalization.Cluster.Tests;

/// <summary>A real redis-server: the one scripts/test.sh started (<c>PZ_TEST_REDIS</c>), else a throw-away one on a
/// free loopback port when <c>redis-server</c> is on PATH.</summary>
public sealed class ApiRedisServer : IAsyncLifetime
{
    private Process? _process;
    private DirectoryInfo? _directory;

    /// <summary>host:port, usable as a StackExchange.Redis connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("PZ_TEST_REDIS") is { Length: > 0 } shared)
        {
            ConnectionString = shared;
            return;
        }
        var port = ApiFreePorts.Next();
        _directory = Directory.CreateTempSubdirectory("pz-api-redis-");
        try
        {
            _process = Process.Start(new ProcessStartInfo("redis-server",
                ["--bind", "127.0.0.1", "--port", $"{port}", "--save", "", "--appendonly", "no", "--dir", _directory.FullName])
            {
                RedirectStandardOutput = true,
            });
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests need Redis: set PZ_TEST_REDIS (scripts/test.sh does) or " +
                "install redis-server (apt-get install -y redis-server).", e);
        }
        ConnectionString = $"127.0.0.1:{port}";
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {port}.");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _directory?.Delete(recursive: true);
    }
}
