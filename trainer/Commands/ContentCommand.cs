using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Trainer.ColdStart;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train content</c>: fits a content map to a trained session model's items, for the silos to give
/// catalog items the model never saw their rows (docs/cold-start.md).</summary>
internal static class ContentCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        var modelPath = args.Required("model");
        var outPath = args.Required("out");
        var mapOptions = ContentMapArguments.Read(args);
        var (products, categories, input) = (args.String("products"), args.String("categories"), args.String("input"));
        var format = args.String("format");
        args.RejectUnknown();
        if (products is null && categories is null && input is null)
            throw new CliException("give the items' content: --products, --categories or --input with --format");
        var sessions = input is null ? [] : Data.DataReader.Read(input, Data.DataReader.ParseFormat(format ?? "tsv")).Sessions;
        var contents = ItemContents.Read(products, categories, sessions);
        var model = ModelArtifactFile.Read(modelPath);
        var written = ContentMapArtifactFile.Write(outPath, ContentMapFitting.Fit(model, contents, mapOptions, output.WriteLine, sessions,
            new Dictionary<string, string> { ["items"] = Path.GetFileName(products ?? categories ?? input!) }));
        output.WriteLine($"wrote {outPath}: {written.ModelVersion} for {model.ModelVersion}");
        return 0;
    }
}
