using System.Net;
using System.Net.Sockets;

namespace Personalization.Cluster.Tests;

/// <summary>Loopback ports nobody listens on right now, so test silos never clash with a running system.</summary>
internal static class ApiFreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
