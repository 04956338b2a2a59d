namespace NanoTlv.Benchmarks.Budget;

/// <summary>What constructing one <see cref="NanoTlv.Firmware.DeviceServer"/> allocated.</summary>
/// <param name="MaxClients">Connection slots.</param>
/// <param name="MaxPayloadBytes">Largest request payload.</param>
/// <param name="SessionPreallocatedBytes">The server's own figure: buffer bytes one slot preallocates.</param>
/// <param name="AllocatedBytes">.NET bytes allocated by the constructor on this thread (objects, headers and all).</param>
/// <param name="Census">The objects the server holds, and an estimate of their size on nanoFramework.</param>
public sealed record ServerConstruction(int MaxClients, int MaxPayloadBytes, int SessionPreallocatedBytes, long AllocatedBytes, ObjectCensus Census);
