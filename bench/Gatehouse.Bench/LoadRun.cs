using System.Diagnostics;
using System.Globalization;

namespace Gatehouse.Bench;

/// <summary>
/// Runs one request function from <c>concurrency</c> loops for a fixed time after a warm-up, and reports the
/// rate and latency percentiles as a Markdown table row. Every answer must be HTTP 200; a failure ends the run.
/// With a server process id it also reports how busy the server was, from its CPU time in <c>/proc</c>: 100 %
/// is one core, so a rate with the server well under 100 % is limited by the load generator, not the server.
/// </summary>
internal sealed class LoadRun(int concurrency, Func<long, Task<(int Status, string Body)>> call, int? serverPid = null)
{
    private long _sequence;

    public async Task<string> RunAsync(string name, TimeSpan warmup, TimeSpan duration)
    {
        var r = await MeasureAsync(warmup, duration);
        var busy = r.ServerCores is { } cores ? string.Create(CultureInfo.InvariantCulture, $"{100 * cores:F0} %") : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {concurrency} | {r.Requests} | {r.PerSecond:F0} | {busy} | {r.P50:F2} | {r.P99:F2} |");
    }

    /// <summary>The measured window as numbers, for callers that print their own columns (such as a rate per core).</summary>
    public async Task<LoadResult> MeasureAsync(TimeSpan warmup, TimeSpan duration)
    {
        await LoopAsync(warmup, null);
        var latencies = Enumerable.Range(0, concurrency).Select(_ => new List<double>(100_000)).ToArray();
        var cpuBefore = ServerCpuSeconds();
        var watch = Stopwatch.StartNew();
        await LoopAsync(duration, latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpu = ServerCpuSeconds() - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, all.Length / elapsed, serverPid is null ? null : cpu / elapsed,
            Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private double ServerCpuSeconds()
    {
        if (serverPid is not { } pid)
        {
            return 0;
        }

        // /proc/<pid>/stat: the command may hold spaces, so count fields after its closing parenthesis;
        // utime and stime are fields 14 and 15, in clock ticks of 1/100 s.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private Task LoopAsync(TimeSpan time, List<double>[]? latencies)
    {
        var until = Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var n = Interlocked.Increment(ref _sequence);
                var start = Stopwatch.GetTimestamp();
                var (status, body) = await call(n);
                if (status != 200)
                {
                    throw new InvalidOperationException($"HTTP {status}: {body}");
                }

                latencies?[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
