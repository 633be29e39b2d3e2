using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;

namespace Personalization.Benchmarks.Chaos;

/// <summary><c>pz-bench chaos</c>: its options, with the defaults of <see cref="ChaosOptions"/>.</summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var defaults = new ChaosOptions { Api = new Uri("http://127.0.0.1"), BootstrapServers = "", RedisPid = 0, SiloPidFile = "", KafkaPid = 0 };
        var api = Declare.RequiredUrl("--api", "the running system's web API");
        var bootstrap = Declare.Required<string>("--bootstrap", "its Kafka bootstrap servers", "HOST:PORT");
        var redisPid = Declare.Required<int>("--redis-pid", "the Redis server's pid (SIGSTOP/SIGCONT pause it)", "N");
        var siloPidFile = Declare.Required<string>("--silo-pid-file", "a file holding the pid of the silo to kill", "FILE");
        var kafkaPid = Declare.Required<int>("--kafka-pid", "the embedded Kafka's pid (SIGUSR1: brokers down, SIGUSR2: up)", "N");
        var users = Declare.Value("--users", defaults.Users, "users of the known corpus").Positive();
        var rate = Declare.Value("--rate", defaults.Rate, "events per second while the faults happen").Positive();
        var faultSeconds = Declare.Value("--fault-seconds", (int)defaults.FaultDuration.TotalSeconds, "how long each timed fault lasts").Positive();
        var settleSeconds = Declare.Value("--settle-seconds", (int)defaults.Settle.TotalSeconds, "quiet time before the first fault and between faults").NonNegative();
        var json = BenchOptions.Json();
        var key = BenchOptions.ApiKey();
        var command = new Command("chaos", """
            the fault benchmark against a running system (scripts/chaos.sh starts one): a known corpus while a silo is
            killed, Redis freezes, the brokers go down and bad records arrive; lost, doubled, recovery
            """)
        {
            api, bootstrap, redisPid, siloPidFile, kafkaPid, users, rate, faultSeconds, settleSeconds, json, key,
        };
        command.SetAction((parsed, _) => ChaosBenchmark.RunAsync(defaults with
        {
            Api = new Uri(parsed.GetRequiredValue(api).ToString().TrimEnd('/') + "/"),
            BootstrapServers = parsed.GetRequiredValue(bootstrap),
            RedisPid = parsed.GetValue(redisPid),
            SiloPidFile = parsed.GetRequiredValue(siloPidFile),
            KafkaPid = parsed.GetValue(kafkaPid),
            Users = parsed.GetValue(users),
            Rate = parsed.GetValue(rate),
            FaultDuration = TimeSpan.FromSeconds(parsed.GetValue(faultSeconds)),
            Settle = TimeSpan.FromSeconds(parsed.GetValue(settleSeconds)),
            JsonPath = parsed.GetValue(json),
            ApiKey = BenchOptions.ApiKeyOf(parsed, key),
        }));
        return command;
    }
}
