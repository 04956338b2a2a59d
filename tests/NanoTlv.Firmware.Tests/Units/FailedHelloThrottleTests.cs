using NanoTlv.Firmware.Security;
using Xunit;

namespace NanoTlv.Firmware.Tests.Units;

public sealed class FailedHelloThrottleTests
{
    [Fact]
    public void The_penalty_doubles_per_failure_up_to_sixteen_times_the_first_delay()
    {
        var throttle = new FailedHelloThrottle(250, 5, 10, 4);

        Assert.Equal([250, 500, 1000, 2000, 4000, 4000, 4000], Enumerable.Range(1, 7).Select(throttle.PenaltyMs));
    }

    [Fact]
    public void Recent_failures_on_the_device_raise_the_penalty_of_a_fresh_connection()
    {
        var throttle = new FailedHelloThrottle(100, 5, 0, 4);

        Assert.Equal(100, throttle.RecordFailure(0, 1));
        Assert.Equal(200, throttle.RecordFailure(10, 1));
        Assert.Equal(400, throttle.RecordFailure(20, 1));
        Assert.Equal(3, throttle.TotalFailures);
    }

    [Fact]
    public void One_remembered_failure_is_forgotten_per_interval_but_the_total_stays()
    {
        var throttle = new FailedHelloThrottle(100, 0, 0, 4);
        for (int i = 0; i < 4; i++)
        {
            throttle.RecordFailure(1000, 1);
        }

        Assert.Equal(4, throttle.RecentFailures(1000 + FailedHelloThrottle.ForgetOneFailureMs - 1));
        Assert.Equal(3, throttle.RecentFailures(1000 + FailedHelloThrottle.ForgetOneFailureMs));
        Assert.Equal(1, throttle.RecentFailures(1000 + (3 * FailedHelloThrottle.ForgetOneFailureMs)));
        Assert.Equal(0, throttle.RecentFailures(1000 + (60 * FailedHelloThrottle.ForgetOneFailureMs)));
        Assert.Equal(4, throttle.TotalFailures);
        Assert.Equal(100, throttle.RecordFailure(1000 + (61 * FailedHelloThrottle.ForgetOneFailureMs), 1));
    }

    [Fact]
    public void The_device_cools_down_at_the_limit_until_one_failure_is_forgotten()
    {
        var throttle = new FailedHelloThrottle(0, 0, 3, 4);
        throttle.RecordFailure(500, 1);
        throttle.RecordFailure(600, 1);
        Assert.False(throttle.IsCoolingDown(700));

        throttle.RecordFailure(700, 1);

        Assert.True(throttle.IsCoolingDown(700));
        Assert.True(throttle.IsCoolingDown(500 + FailedHelloThrottle.ForgetOneFailureMs - 1));
        Assert.False(throttle.IsCoolingDown(500 + FailedHelloThrottle.ForgetOneFailureMs));
    }

    [Fact]
    public void Connections_are_closed_at_the_limit_and_zero_turns_each_mechanism_off()
    {
        var limited = new FailedHelloThrottle(250, 5, 10, 4);
        Assert.False(limited.ClosesConnection(4));
        Assert.True(limited.ClosesConnection(5));

        var off = new FailedHelloThrottle(0, 0, 0, 4);
        Assert.False(off.ClosesConnection(1000));
        Assert.Equal(0, off.RecordFailure(0, 50));
        for (int i = 0; i < 100; i++)
        {
            off.RecordFailure(0, 1);
        }

        Assert.False(off.IsCoolingDown(0));
    }

    [Fact]
    public void The_cool_down_penalty_is_one_forgetting_interval_per_slot_and_off_with_the_delays()
    {
        Assert.Equal(4 * FailedHelloThrottle.ForgetOneFailureMs, new FailedHelloThrottle(250, 5, 10, 4).CoolDownPenaltyMs);
        Assert.Equal(FailedHelloThrottle.ForgetOneFailureMs, new FailedHelloThrottle(250, 5, 10, 1).CoolDownPenaltyMs);
        Assert.Equal(0, new FailedHelloThrottle(0, 5, 10, 4).CoolDownPenaltyMs);
    }
}
