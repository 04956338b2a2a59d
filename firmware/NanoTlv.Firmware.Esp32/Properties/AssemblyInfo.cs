using System.Reflection;

[assembly: AssemblyTitle("NanoTlv.Firmware.Esp32")]
[assembly: AssemblyDescription("NanoTlv device firmware for ESP32 on .NET nanoFramework")]
[assembly: AssemblyProduct("NanoTlv")]
[assembly: AssemblyCompany("NanoTlv")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
