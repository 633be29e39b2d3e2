// Load for a running personalization API (not part of the API build; a .NET 10 file-based app):
//   dotnet run client/load/ApiLoad.cs -- <baseUrl> <mode> <concurrency> <seconds> [items=500]
// modes: get (recommendations, count=20), session, health, post (batches of 10 events),
//        visible (POST one event for a new user, poll its session until applied: ingest-to-visible latency).
// Prints requests/s, errors, p50/p99/max latency. Users load-0..load-1999, items item-0..item-<items-1>.
using System.Diagnostics;
using System.Text;
using System.Text.Json;

var (baseUrl, mode, concurrency, seconds) = (args[0], args[1], int.Parse(args[2]), int.Parse(args[3]));
var items = args.Length > 4 ? int.Parse(args[4]) : 500;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl) };
var users = Enumerable.Range(0, 2000).Select(i => $"load-{i}").ToArray();
var latencies = new List<double>[concurrency];
var errors = 0;
var stop = Stopwatch.StartNew();
string Event(string user, int n) => $"{{\"eventId\":\"{Guid.NewGuid():N}\",\"userId\":\"{user}\",\"itemId\":\"item-{n % items}\",\"type\":\"view\",\"timestamp\":\"{DateTimeOffset.UtcNow:O}\"}}";
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
{
    latencies[w] = new();
    var rnd = new Random(w);
    while (stop.Elapsed.TotalSeconds < seconds)
    {
        var user = users[rnd.Next(users.Length)];
        var t = Stopwatch.GetTimestamp();
        HttpResponseMessage r;
        if (mode == "get") r = await http.GetAsync($"/api/users/{user}/recommendations?count=20");
        else if (mode == "session") r = await http.GetAsync($"/api/users/{user}/session");
        else if (mode == "health") r = await http.GetAsync("/health");
        else if (mode == "post")
        {
            var batch = "[" + string.Join(",", Enumerable.Range(0, 10).Select(i => Event(users[rnd.Next(users.Length)], rnd.Next()))) + "]";
            r = await http.PostAsync("/api/events", new StringContent(batch, Encoding.UTF8, "application/json"));
        }
        else
        {
            // visible: one new user per probe; POST one event, poll the session until it shows it.
            var probe = $"vis-{Guid.NewGuid():N}"[..20];
            r = await http.PostAsync("/api/events", new StringContent(Event(probe, rnd.Next()), Encoding.UTF8, "application/json"));
            while (r.IsSuccessStatusCode)
            {
                var s = JsonDocument.Parse(await http.GetStringAsync($"/api/users/{probe}/session")).RootElement;
                if (s.GetProperty("eventsApplied").GetInt32() == 1) break;
                await Task.Delay(2);
            }
        }
        if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
        latencies[w].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
}));
var all = latencies.SelectMany(l => l).Order().ToArray();
double P(double q) => all[(int)Math.Min(all.Length - 1, q * all.Length)];
Console.WriteLine($"{mode} c={concurrency} {seconds}s: {all.Length / stop.Elapsed.TotalSeconds:0} req/s, errors {errors}, p50 {P(0.5):0.00} ms, p99 {P(0.99):0.00} ms, max {all[^1]:0.0} ms");
