using Personalization.Producer.Cli;

return await ProducerCommandLine.RunAsync(args);
