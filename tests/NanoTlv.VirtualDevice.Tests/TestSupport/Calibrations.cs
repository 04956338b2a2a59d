using NanoTlv.Firmware.Sensors;

namespace NanoTlv.VirtualDevice.Tests.TestSupport;

public static class Calibrations
{
    /// <summary>The driver's calibration object for <paramref name="values"/>, decoded from chip-layout registers.</summary>
    public static Bme280Calibration Load(Bme280CalibrationValues values)
    {
        byte[] registers = new byte[256];
        values.WriteTo(registers);
        var calibration = new Bme280Calibration();
        calibration.Load(registers, Bme280Registers.Calibration00, registers, Bme280Registers.Calibration26);
        return calibration;
    }

    /// <summary>The larger output change to either neighbouring raw value (<paramref name="rawStep"/> away): the quantisation step there.</summary>
    public static double TemperatureStepCelsius(Bme280Calibration c, int raw, int rawStep) =>
        Larger(c.CompensateTemperature(raw - rawStep, out _), c.CompensateTemperature(raw, out _), c.CompensateTemperature(raw + rawStep, out _)) / 100.0;

    public static double PressureStepPa(Bme280Calibration c, int raw, int rawStep, int fine) =>
        Larger(c.CompensatePressure(raw - rawStep, fine), c.CompensatePressure(raw, fine), c.CompensatePressure(raw + rawStep, fine)) / 256.0;

    public static double HumidityStepPercent(Bme280Calibration c, int raw, int fine) =>
        Larger(c.CompensateHumidity(raw - 1, fine), c.CompensateHumidity(raw, fine), c.CompensateHumidity(raw + 1, fine)) / 1024.0;

    private static double Larger(double below, double at, double above) => System.Math.Max(System.Math.Abs(at - below), System.Math.Abs(above - at));
}
