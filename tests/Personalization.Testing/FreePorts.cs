using System.Net;
using System.Net.Sockets;

namespace Personalization.Testing;

/// <summary>Loopback ports nobody listens on right now, so test silos and servers never clash with a running system
/// or with each other.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
