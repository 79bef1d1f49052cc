using System.Diagnostics;
using System.Globalization;

namespace Gatehouse.Bench;

/// <summary>
/// Runs one request function from <c>concurrency</c> loops for a fixed time after a warm-up, and reports the
/// rate and latency percentiles as a Markdown table row. Every answer must be HTTP 200; a failure ends the run.
/// </summary>
internal sealed class LoadRun(int concurrency, Func<long, Task<(int Status, string Body)>> call)
{
    private long _sequence;

    public async Task<string> RunAsync(string name, TimeSpan warmup, TimeSpan duration)
    {
        await LoopAsync(warmup, null);
        var latencies = Enumerable.Range(0, concurrency).Select(_ => new List<double>(100_000)).ToArray();
        var watch = Stopwatch.StartNew();
        await LoopAsync(duration, latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {concurrency} | {all.Length} | {all.Length / elapsed:F0} | {Percentile(all, 0.50):F2} | {Percentile(all, 0.99):F2} |");
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
