using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Trainer.ColdStart;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train content</c>: fits a content map to a trained session model's items, for the silos to give
/// catalog items the model never saw their rows (docs/cold-start.md).</summary>
internal static class ContentCommand
{
    public static Command Create()
    {
        var map = new ContentMapOptionSet();
        var model = Declare.Required<string>("--model", "the trained session model", "FILE").ExistingFile();
        var outPath = Declare.Required<string>("--out", "the content map to write", "FILE");
        var input = Declare.Optional<string>("--input", "sessions whose events carry the items' categories (e.g. taobao)", "FILE").ExistingFile();
        var format = Declare.Value("--format", "tsv", "the --input file's format", DataOptionSet.Formats);
        var seed = Declare.Value("--seed", new ContentMapTrainerOptions().Seed, "random seed");
        var command = new Command("content", "fit a content map to a trained model's items, for serving catalog items the model never saw");
        map.AddTo(command);
        foreach (var option in new Option[] { model, outPath, input, format, seed }) command.Add(option);
        command.SetAction(parsed => Run(parsed.GetRequiredValue(model), parsed.GetRequiredValue(outPath), map.Read(parsed, parsed.GetValue(seed)),
            map.Products(parsed), map.Categories(parsed), parsed.GetValue(input), parsed.GetValue(format), parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string modelPath, string outPath, ContentMapTrainerOptions mapOptions, string? products, string? categories,
        string? input, string? format, TextWriter output)
    {
        if (products is null && categories is null && input is null)
            throw new CliException("give the items' content: --products, --categories or --input with --format");
        var sessions = input is null ? [] : Data.DataReader.Read(input, Data.DataReader.ParseFormat(format ?? "tsv")).Sessions;
        var contents = ItemContents.Read(products, categories, sessions);
        var trained = ModelArtifactFile.Read(modelPath);
        var written = ContentMapArtifactFile.Write(outPath, ContentMapFitting.Fit(trained, contents, mapOptions, output.WriteLine, sessions,
            new Dictionary<string, string> { ["items"] = Path.GetFileName(products ?? categories ?? input!) }));
        output.WriteLine($"wrote {outPath}: {written.ModelVersion} for {trained.ModelVersion}");
        return 0;
    }
}
