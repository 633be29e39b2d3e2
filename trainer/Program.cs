using Personalization.Trainer.Commands;

return CliApp.Run(args, Console.Out, Console.Error);
