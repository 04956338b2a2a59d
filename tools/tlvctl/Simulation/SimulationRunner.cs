using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Simulation
{
    /// <summary>
    /// Runs simulation steps on a virtual board: a step due now is applied before <see cref="Start"/> returns (so
    /// options are in place before the device listens), later and repeated ones on timers, until
    /// <see cref="DisposeAsync"/>. Each application is logged in the language it was written in.
    /// </summary>
    internal sealed class SimulationRunner : IAsyncDisposable
    {
        /// <summary>How often a ramp moves its voltage.</summary>
        public static readonly TimeSpan RampStep = TimeSpan.FromMilliseconds(100);

        private readonly VirtualBoard _board;
        private readonly ILog _log;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _running = [];
        private readonly Lock _sync = new();

        public SimulationRunner(VirtualBoard board, ILog log)
        {
            _board = board;
            _log = log;
        }

        /// <summary>Starts <paramref name="step"/>; its times count from now.</summary>
        /// <param name="step">The step.</param>
        public void Start(SimulationStep step)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            if (step.At == TimeSpan.Zero && step.Action.Duration == TimeSpan.Zero)
            {
                Apply(step);
                if (step.Every is null)
                {
                    return;
                }
            }

            lock (_sync)
            {
                _running.RemoveAll(task => task.IsCompleted);
                _running.Add(RunAsync(step, clock, _stop.Token));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            Task[] running;
            lock (_sync)
            {
                running = [.. _running];
            }

            // _stop stays undisposed: the prompt may still call Start (which then does nothing) after this.
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        private async Task RunAsync(SimulationStep step, Stopwatch clock, CancellationToken cancellationToken)
        {
            try
            {
                TimeSpan due = step.At;
                bool appliedAtStart = step.At == TimeSpan.Zero && step.Action.Duration == TimeSpan.Zero;
                if (appliedAtStart)
                {
                    due += step.Every!.Value;
                }

                while (true)
                {
                    await Delay(due - clock.Elapsed, cancellationToken).ConfigureAwait(false);
                    await RunActionAsync(step, cancellationToken).ConfigureAwait(false);
                    if (step.Every is not TimeSpan every)
                    {
                        return;
                    }

                    due += every;
                }
            }
            catch (OperationCanceledException)
            {
                // serve is stopping.
            }
        }

        private async Task RunActionAsync(SimulationStep step, CancellationToken cancellationToken)
        {
            Apply(step);
            TimeSpan duration = step.Action.Duration;
            if (duration == TimeSpan.Zero)
            {
                return;
            }

            var elapsed = Stopwatch.StartNew();
            while (elapsed.Elapsed < duration)
            {
                await Delay(RampStep, cancellationToken).ConfigureAwait(false);
                step.Action.Apply(_board, elapsed.Elapsed);
            }
        }

        private void Apply(SimulationStep step)
        {
            step.Action.Apply(_board, TimeSpan.Zero);
            _log.Info(step.Action + " (" + step.Source + ")");
        }

        private static Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
    }
}
