using Personalization.Producer.Cli;
using Personalization.Producer.Commands;

try
{
    return args switch
    {
        [] or ["--help"] or ["-h"] => ShowUsage(0),
        ["mock-cluster", .. var rest] => await MockClusterCommand.RunAsync(rest),
        ["lag", .. var rest] => await LagCommand.RunAsync(rest),
        _ => await ProduceCommand.RunAsync(args),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"pz-produce: {e.Message}");
    return ShowUsage(2);
}

static int ShowUsage(int code)
{
    (code == 0 ? Console.Out : Console.Error).WriteLine(Usage.Text);
    return code;
}
