using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary>Reads the chosen data set and splits it the way the format calls for.</summary>
internal static class SplitLoader
{
    public static (LoadedData Data, DataSplit Split) Load(DataSelection selection, TextWriter output)
    {
        var data = DataReader.Read(selection.Input, selection.Format);
        foreach (var line in data.Describe()) output.WriteLine(line);
        var split = selection.Format == DataFormat.Sequences
            ? LeaveLastOutSplit.Split(data.Sessions, selection.ValidationUsers)
            : TimeSplit.Split(data.Sessions, selection.TestDays, selection.ValidationDays);
        output.WriteLine(split.Describe());
        return (data, split);
    }
}
