namespace Gatehouse.Bench;

/// <summary>
/// One measured window of a <see cref="LoadRun"/>: successful requests, their rate, the server's CPU use in cores
/// (1.0 is one core fully busy; null without a server process id) and latency percentiles in milliseconds.
/// </summary>
internal sealed record LoadResult(int Requests, double PerSecond, double? ServerCores, double P50, double P99)
{
    /// <summary>The rate one fully used server core would serve: the rate over the cores it used.</summary>
    public double? PerCore => ServerCores is { } cores && cores > 0 ? PerSecond / cores : null;
}
