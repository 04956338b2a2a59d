// The suites measure process-wide resources (threads, sockets, managed memory) and time-bounded behaviour on
// busy CI machines: test classes run one after another, never in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
