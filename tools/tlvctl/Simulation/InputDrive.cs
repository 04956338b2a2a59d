namespace NanoTlv.Cli.Simulation
{
    /// <summary>What an <see cref="InputAction"/> does to a line.</summary>
    internal enum InputDrive
    {
        /// <summary>Drive it low.</summary>
        Low,

        /// <summary>Drive it high.</summary>
        High,

        /// <summary>Stop driving it: it returns to its pull, or low when floating.</summary>
        Release,

        /// <summary>Drive it to the opposite of its level now.</summary>
        Toggle,
    }
}
