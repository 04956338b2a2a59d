using Xunit;

namespace NanoTlv.Firmware.Tests.Units;

public sealed class DeviceOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_documented_values()
    {
        var options = new DeviceOptions();
        options.Validate();

        Assert.Equal(1024, options.MaxPayloadBytes);
        Assert.Equal(4, options.MaxClients);
        Assert.Equal(30000, options.ReceiveTimeoutMs);
        Assert.Equal(60000, options.IdleTimeoutMs);
        Assert.Null(options.AuthToken);
        Assert.Equal(10000, options.AuthenticationTimeoutMs);
        Assert.Equal(250, options.FailedHelloDelayMs);
        Assert.Equal(5, options.MaxFailedHellosPerConnection);
        Assert.Equal(10, options.MaxRecentFailedHellos);
    }

    public static TheoryData<string, Action<DeviceOptions>> Invalid => new()
    {
        { nameof(DeviceOptions.DeviceName), options => options.DeviceName = new string('n', 33) },
        { nameof(DeviceOptions.DeviceName), options => options.DeviceName = "caf\u00e9" },
        { nameof(DeviceOptions.DeviceName), options => options.DeviceName = null! },
        { nameof(DeviceOptions.AuthToken), options => options.AuthToken = "" },
        { nameof(DeviceOptions.AuthToken), options => options.AuthToken = new string('t', 65) },
        { nameof(DeviceOptions.AuthToken), options => options.AuthToken = "tab\there" },
        { nameof(DeviceOptions.MaxPayloadBytes), options => options.MaxPayloadBytes = 127 },
        { nameof(DeviceOptions.MaxPayloadBytes), options => options.MaxPayloadBytes = 65536 },
        { nameof(DeviceOptions.MaxClients), options => options.MaxClients = 0 },
        { nameof(DeviceOptions.MaxClients), options => options.MaxClients = 33 },
        { nameof(DeviceOptions.ReceiveTimeoutMs), options => options.ReceiveTimeoutMs = 0 },
        { nameof(DeviceOptions.IdleTimeoutMs), options => options.IdleTimeoutMs = -1 },
        { nameof(DeviceOptions.AuthenticationTimeoutMs), options => options.AuthenticationTimeoutMs = 0 },
        { nameof(DeviceOptions.FailedHelloDelayMs), options => options.FailedHelloDelayMs = -1 },
        { nameof(DeviceOptions.FailedHelloDelayMs), options => options.FailedHelloDelayMs = 60001 },
        { nameof(DeviceOptions.MaxFailedHellosPerConnection), options => options.MaxFailedHellosPerConnection = -1 },
        { nameof(DeviceOptions.MaxFailedHellosPerConnection), options => options.MaxFailedHellosPerConnection = 1001 },
        { nameof(DeviceOptions.MaxRecentFailedHellos), options => options.MaxRecentFailedHellos = -1 },
        { nameof(DeviceOptions.MaxRecentFailedHellos), options => options.MaxRecentFailedHellos = 1001 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Out_of_range_settings_are_named_in_the_exception(string setting, Action<DeviceOptions> spoil)
    {
        var options = new DeviceOptions();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(setting, error.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    public void Failsafe_pin_numbers_outside_a_byte_are_refused(int pin)
    {
        var options = new DeviceOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.SetFailsafe(pin, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ClearFailsafe(pin));
    }

    [Fact]
    public void Boot_failsafe_levels_take_room_only_up_to_the_highest_pin_given_one()
    {
        var options = new DeviceOptions();
        Assert.Equal(0, options.FailsafePinCount);

        options.SetFailsafe(23, true);
        options.SetFailsafe(4, false);
        options.ClearFailsafe(200);

        Assert.Equal(24, options.FailsafePinCount);
        Assert.Equal(1, options.GetFailsafeLevel(23));
        Assert.Equal(0, options.GetFailsafeLevel(4));
        for (int pin = 0; pin <= byte.MaxValue; pin++)
        {
            if (pin != 4 && pin != 23)
            {
                Assert.Equal(NanoTlv.Messages.WireMarkers.FailsafeClear, options.GetFailsafeLevel(pin));
            }
        }

        options.ClearFailsafe(23);
        Assert.Equal(NanoTlv.Messages.WireMarkers.FailsafeClear, options.GetFailsafeLevel(23));
        options.SetFailsafe(255, true);
        Assert.Equal(256, options.FailsafePinCount);
        Assert.Equal(0, options.GetFailsafeLevel(4));
    }
}
