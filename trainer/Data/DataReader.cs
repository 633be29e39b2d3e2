namespace Personalization.Trainer.Data;

/// <summary>Reads a file in any supported format.</summary>
public static class DataReader
{
    public static LoadedData Read(string path, DataFormat format, int keepBadLines = 10)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, format, keepBadLines);
    }

    public static LoadedData Read(TextReader reader, DataFormat format, int keepBadLines = 10) => format switch
    {
        DataFormat.Tsv => SessionTsvReader.Read(reader, keepBadLines),
        DataFormat.Diginetica => DigineticaReader.Read(reader, keepBadLines),
        DataFormat.Jsonl => ClickstreamJsonlReader.Read(reader, keepBadLines: keepBadLines),
        DataFormat.Sequences => UserSequenceReader.Read(reader, keepBadLines),
        DataFormat.Taobao => TaobaoReader.Read(reader, keepBadLines: keepBadLines),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown data format."),
    };

    public static DataFormat ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "tsv" => DataFormat.Tsv,
        "diginetica" => DataFormat.Diginetica,
        "jsonl" => DataFormat.Jsonl,
        "sequences" => DataFormat.Sequences,
        "taobao" => DataFormat.Taobao,
        _ => throw new FormatException($"Unknown format '{name}': use tsv, diginetica, jsonl, sequences or taobao."),
    };
}
