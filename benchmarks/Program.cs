using Personalization.Benchmarks.Cli;

return await BenchCommandLine.RunAsync(args);
