namespace Personalization.Benchmarks.Chaos;

/// <summary>`pz-bench chaos` arguments to <see cref="ChaosOptions"/>.</summary>
internal static class ChaosArguments
{
    public static ChaosOptions Parse(BenchmarkArguments args)
    {
        var defaults = new ChaosOptions { Api = new Uri("http://127.0.0.1"), BootstrapServers = "", RedisPid = 0, SiloPidFile = "", KafkaPid = 0 };
        return defaults with
        {
            Api = new Uri(args.Text("--api").TrimEnd('/') + "/"),
            BootstrapServers = args.Text("--bootstrap"),
            RedisPid = int.Parse(args.Text("--redis-pid")),
            SiloPidFile = args.Text("--silo-pid-file"),
            KafkaPid = int.Parse(args.Text("--kafka-pid")),
            Users = args.Int("--users", defaults.Users),
            Rate = args.Int("--rate", defaults.Rate),
            FaultDuration = TimeSpan.FromSeconds(args.Int("--fault-seconds", (int)defaults.FaultDuration.TotalSeconds)),
            Settle = TimeSpan.FromSeconds(args.Int("--settle-seconds", (int)defaults.Settle.TotalSeconds)),
            JsonPath = args.Optional("--json"),
            ApiKey = args.ApiKey(),
        };
    }
}
