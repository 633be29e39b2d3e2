using System.Runtime.InteropServices;
using System.Text;

namespace Personalization.Ingestion.Mock;

/// <summary>librdkafka's mock-cluster C API (rdkafka_mock.h, experimental: pinned to
/// <see cref="Native.KafkaNativeLibrary.ExpectedVersion"/>) and the few core calls needed to host it.</summary>
internal static class LibrdkafkaMockApi
{
    private const string Lib = "librdkafka";
    internal const int ProducerType = 0;

    [DllImport(Lib)] internal static extern IntPtr rd_kafka_version_str();
    [DllImport(Lib)] internal static extern IntPtr rd_kafka_err2str(int err);
    [DllImport(Lib)] internal static extern IntPtr rd_kafka_conf_new();
    [DllImport(Lib)] internal static extern void rd_kafka_conf_destroy(IntPtr conf);

    [DllImport(Lib)]
    internal static extern int rd_kafka_conf_set(IntPtr conf, [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value, byte[] errstr, UIntPtr errstrSize);

    [DllImport(Lib)]
    internal static extern IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [DllImport(Lib)] internal static extern void rd_kafka_destroy(IntPtr rk);
    [DllImport(Lib)] internal static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);
    [DllImport(Lib)] internal static extern void rd_kafka_mock_cluster_destroy(IntPtr cluster);
    [DllImport(Lib)] internal static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);

    [DllImport(Lib)]
    internal static extern int rd_kafka_mock_topic_create(IntPtr cluster,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitions, int replicationFactor);

    [DllImport(Lib)]
    internal static extern int rd_kafka_mock_partition_delete_records(IntPtr cluster,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partition, long beforeOffset);

    [DllImport(Lib)] internal static extern void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr cluster, int delayMs);
    [DllImport(Lib)] internal static extern int rd_kafka_mock_broker_set_down(IntPtr cluster, int brokerId);
    [DllImport(Lib)] internal static extern int rd_kafka_mock_broker_set_up(IntPtr cluster, int brokerId);

    [DllImport(Lib)]
    internal static extern void rd_kafka_mock_push_request_errors_array(IntPtr cluster, short apiKey, UIntPtr count, int[] errors);

    internal static string Utf8(IntPtr text) => Marshal.PtrToStringUTF8(text) ?? "";

    internal static string ErrorText(byte[] errstr) => Encoding.UTF8.GetString(errstr).TrimEnd('\0');

    internal static void ThrowOnError(int err, string what)
    {
        if (err != 0) throw new InvalidOperationException($"{what} failed: {Utf8(rd_kafka_err2str(err))} ({err}).");
    }
}
