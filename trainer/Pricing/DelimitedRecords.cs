using System.Text;

namespace Personalization.Trainer.Pricing;

/// <summary>Records of a delimited text file with RFC 4180 quoting: a field in double quotes may hold the
/// delimiter, line breaks and doubled quotes.</summary>
public static class DelimitedRecords
{
    /// <summary>The records with the line each starts on (1-based).</summary>
    public static IEnumerable<(long Line, string[] Fields)> Read(TextReader reader, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, start = 1;
        var (quoted, any) = (false, false);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return (start, fields.ToArray());
                fields.Clear();
                any = false;
                start = ++line;
            }
            else field.Append((char)c);
        }
        if (any)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return (start, fields.ToArray());
        }
    }
}
