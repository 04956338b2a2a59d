using NanoTlv.Firmware.Session;
using Xunit;

namespace NanoTlv.Firmware.Tests.Units;

public sealed class ConnectionDeadlinesTests
{
    [Fact]
    public void Waits_are_capped_and_shrink_towards_the_idle_deadline()
    {
        var deadlines = new ConnectionDeadlines(30000, 2500, 10000);
        deadlines.Start(1000, mustAuthenticate: false);

        Assert.Equal(ConnectionDeadlines.MaxWaitMs, deadlines.WaitMs(1000));
        Assert.Equal(500, deadlines.WaitMs(3000));
        Assert.False(deadlines.HasExpired(3499, out _));
        Assert.True(deadlines.HasExpired(3500, out SessionEndReason reason));
        Assert.Equal(SessionEndReason.IdleTimeout, reason);
    }

    [Fact]
    public void A_request_restarts_the_idle_clock()
    {
        var deadlines = new ConnectionDeadlines(30000, 2500, 10000);
        deadlines.Start(0, mustAuthenticate: false);
        deadlines.OnRequest(2000);

        Assert.False(deadlines.HasExpired(4000, out _));
        Assert.True(deadlines.HasExpired(4500, out _));
    }

    [Fact]
    public void The_receive_clock_runs_from_the_chunk_that_started_the_frame()
    {
        var deadlines = new ConnectionDeadlines(3000, 0, 10000);
        deadlines.Start(0, mustAuthenticate: false);
        deadlines.OnChunk(100, frameInProgress: true, passedBoundary: false);
        deadlines.OnChunk(2000, frameInProgress: true, passedBoundary: false);

        Assert.Equal(1000, deadlines.WaitMs(2100));
        Assert.False(deadlines.HasExpired(3099, out _));
        Assert.True(deadlines.HasExpired(3100, out SessionEndReason reason));
        Assert.Equal(SessionEndReason.ReceiveTimeout, reason);
    }

    [Fact]
    public void A_chunk_that_completed_a_frame_and_started_another_restarts_the_receive_clock()
    {
        var deadlines = new ConnectionDeadlines(3000, 0, 10000);
        deadlines.Start(0, mustAuthenticate: false);
        deadlines.OnChunk(100, frameInProgress: true, passedBoundary: false);
        deadlines.OnChunk(2000, frameInProgress: true, passedBoundary: true);

        Assert.False(deadlines.HasExpired(4999, out _));
        Assert.True(deadlines.HasExpired(5000, out _));
    }

    [Fact]
    public void Without_a_frame_in_progress_and_idle_zero_nothing_expires()
    {
        var deadlines = new ConnectionDeadlines(3000, 0, 10000);
        deadlines.Start(0, mustAuthenticate: false);
        deadlines.OnChunk(100, frameInProgress: false, passedBoundary: true);

        Assert.False(deadlines.HasExpired(long.MaxValue / 2, out _));
        Assert.Equal(ConnectionDeadlines.MaxWaitMs, deadlines.WaitMs(1_000_000));
    }

    [Fact]
    public void The_wait_is_at_least_one_millisecond()
    {
        var deadlines = new ConnectionDeadlines(3000, 100, 10000);
        deadlines.Start(0, mustAuthenticate: false);

        Assert.Equal(1, deadlines.WaitMs(100));
        Assert.Equal(1, deadlines.WaitMs(5000));
    }

    [Fact]
    public void A_connection_that_must_authenticate_expires_at_the_authentication_timeout_whatever_it_sends()
    {
        var deadlines = new ConnectionDeadlines(30000, 0, 3000);
        deadlines.Start(1000, mustAuthenticate: true);
        deadlines.OnRequest(3500);

        Assert.Equal(ConnectionDeadlines.MaxWaitMs, deadlines.WaitMs(1000));
        Assert.Equal(400, deadlines.WaitMs(3600));
        Assert.False(deadlines.HasExpired(3999, out _));
        Assert.True(deadlines.HasExpired(4000, out SessionEndReason reason));
        Assert.Equal(SessionEndReason.AuthenticationTimeout, reason);
    }

    [Fact]
    public void Authenticating_stops_the_authentication_clock_for_good()
    {
        var deadlines = new ConnectionDeadlines(30000, 0, 3000);
        deadlines.Start(0, mustAuthenticate: true);
        deadlines.OnAuthenticated();

        Assert.False(deadlines.HasExpired(1_000_000, out _));
        Assert.Equal(ConnectionDeadlines.MaxWaitMs, deadlines.WaitMs(2999));
    }

    [Fact]
    public void Without_a_token_the_authentication_timeout_does_not_apply()
    {
        var deadlines = new ConnectionDeadlines(30000, 0, 3000);
        deadlines.Start(0, mustAuthenticate: false);

        Assert.False(deadlines.HasExpired(1_000_000, out _));
    }
}
