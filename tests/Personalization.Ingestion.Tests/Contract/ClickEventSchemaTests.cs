using System.Text.Json;
using System.Text.Json.Nodes;
using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Contract;

/// <summary>The published JSON Schema and the parser describe the same contract.</summary>
public sealed class ClickEventSchemaTests
{
    private static readonly JsonObject Schema =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "clickstream-event.schema.json")))!.AsObject();

    private readonly ClickEventJson _json = new(time: new FixedClock(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void The_schema_examples_are_valid_events()
    {
        var examples = Schema["examples"]!.AsArray();

        Assert.NotEmpty(examples);
        Assert.All(examples, example =>
        {
            var result = _json.Parse(JsonSerializer.SerializeToUtf8Bytes(example));
            Assert.True(result.IsValid, result.Reason);
        });
    }

    [Fact]
    public void The_fields_the_schema_requires_are_exactly_those_the_parser_reports_missing()
    {
        var required = Schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

        var result = _json.Parse("{}"u8);

        Assert.Equal($"missing_field: missing {string.Join(", ", required)}", result.Reason);
    }

    [Fact]
    public void The_schema_type_enum_lists_every_event_type_the_parser_accepts()
    {
        var names = Schema["properties"]!["type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

        Assert.Equal(Enum.GetValues<Personalization.Contract.ClickEventType>().Select(t => t.ToWireName()), names);
    }
}
