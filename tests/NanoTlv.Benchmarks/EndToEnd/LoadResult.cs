namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>One load run's outcome.</summary>
/// <param name="Server">"device" or "echo" (or the client used).</param>
/// <param name="Workload">The message moved.</param>
/// <param name="Connections">Connections used together.</param>
/// <param name="InFlight">Requests kept in flight per connection (0: paced).</param>
/// <param name="MessagesPerSecond">Replies received per second over the measured window, all connections.</param>
/// <param name="Latency">Round trips of the replies received in the window.</param>
public sealed record LoadResult(string Server, string Workload, int Connections, int InFlight, double MessagesPerSecond, LatencySummary Latency);
