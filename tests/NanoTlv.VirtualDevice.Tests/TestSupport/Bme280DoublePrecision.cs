using System;
using NanoTlv.VirtualDevice;

namespace NanoTlv.VirtualDevice.Tests.TestSupport;

/// <summary>
/// The datasheet's floating-point compensation (BME280 datasheet section 8.1), an oracle independent of the
/// integer code under test. It takes the calibration as numbers, not as parsed registers, so a register
/// layout mistake in the driver shows up as a disagreement.
/// </summary>
public static class Bme280DoublePrecision
{
    /// <summary>Integer and floating-point results differ by the integer output's rounding (0.005 °C) and little more.</summary>
    public const double CelsiusAgreement = 0.006;

    /// <summary>t_fine: the integer code floors after each shift, the floating code truncates the sum toward zero.</summary>
    public const double FineTemperatureAgreement = 3;

    /// <summary>The 64-bit integer pressure agrees to a few thousandths of a pascal (0.05 leaves room).</summary>
    public const double PascalAgreement = 0.05;

    /// <summary>The 32-bit integer humidity agrees to a few thousandths of a percent (0.01 leaves room).</summary>
    public const double HumidityAgreement = 0.01;

    public static double Temperature(Bme280CalibrationValues c, int adcT, out int fineTemperature)
    {
        double var1 = ((adcT / 16384.0) - (c.T1 / 1024.0)) * c.T2;
        double delta = (adcT / 131072.0) - (c.T1 / 8192.0);
        double var2 = delta * delta * c.T3;
        fineTemperature = (int)(var1 + var2);
        return (var1 + var2) / 5120.0;
    }

    public static double Pressure(Bme280CalibrationValues c, int adcP, int fineTemperature)
    {
        double var1 = (fineTemperature / 2.0) - 64000.0;
        double var2 = var1 * var1 * c.P6 / 32768.0;
        var2 += var1 * c.P5 * 2.0;
        var2 = (var2 / 4.0) + (c.P4 * 65536.0);
        var1 = ((c.P3 * var1 * var1 / 524288.0) + (c.P2 * var1)) / 524288.0;
        var1 = (1.0 + (var1 / 32768.0)) * c.P1;
        if (var1 == 0.0)
        {
            return 0;
        }

        double p = 1048576.0 - adcP;
        p = (p - (var2 / 4096.0)) * 6250.0 / var1;
        var1 = c.P9 * p * p / 2147483648.0;
        var2 = p * c.P8 / 32768.0;
        return p + ((var1 + var2 + c.P7) / 16.0);
    }

    public static double Humidity(Bme280CalibrationValues c, int adcH, int fineTemperature)
    {
        double h = fineTemperature - 76800.0;
        h = (adcH - ((c.H4 * 64.0) + (c.H5 / 16384.0 * h)))
            * (c.H2 / 65536.0 * (1.0 + (c.H6 / 67108864.0 * h * (1.0 + (c.H3 / 67108864.0 * h)))));
        h *= 1.0 - (c.H1 * h / 524288.0);
        return Math.Clamp(h, 0.0, 100.0);
    }
}
