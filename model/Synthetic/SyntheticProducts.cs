using System.Globalization;

namespace Personalization.Model.Synthetic;

/// <summary>A deterministic synthetic catalog for the clickstream's items (item i is in category
/// i / (items / categories), as in <see cref="SyntheticClickstream"/>) whose prices a text model can learn and a
/// category median cannot: log price = the category's base + the brand's premium + the title's modifier words
/// (<c>mini</c>, <c>deluxe</c>, …) + 0.4 · ln(pieces) + Gaussian noise (σ = <see cref="NoiseSigma"/>).</summary>
public sealed class SyntheticProducts(SyntheticClickstreamOptions options)
{
    public const double NoiseSigma = 0.15;
    private static readonly string[] Departments = ["Toys", "Games", "Hobbies", "Baby", "Outdoor", "Crafts", "Puzzles", "Learning"];
    private static readonly string[] Nouns = ["Train", "Doll", "Robot", "Puzzle", "Car", "Kite", "Blocks", "Bear", "Rocket", "Castle",
        "Drone", "Farm", "Boat", "Truck", "Dinosaur", "Unicorn", "Pirate", "Garage", "Kitchen", "Circus"];
    private static readonly (string Word, double Effect)[] Modifiers =
    [
        ("Mini", -0.5), ("Deluxe", 0.6), ("Wooden", 0.35), ("Plastic", -0.25), ("Electronic", 0.7), ("Giant", 0.5),
        ("Pocket", -0.4), ("Premium", 0.5), ("Starter", -0.2), ("Classic", 0.0),
    ];
    private static readonly string[] Fillers = ["Toy", "Set", "Kit", "Playset", "Edition", "Fun", "Kids", "Gift", "Colourful", "Adventure"];
    private static readonly int[] Pieces = [1, 2, 4, 6, 12, 24];
    private const int BrandCount = 25;

    private readonly int _perCategory = Math.Max(1, options.Items / options.Categories);

    /// <summary>The category path of a category index, e.g. <c>Hobbies &gt; Robots 12</c>.</summary>
    public static string CategoryPathOf(int category) =>
        $"{Departments[category % Departments.Length]} > {Nouns[category % Nouns.Length]}s {category}";

    public static string BrandOf(int brand) => $"Brand{(char)('A' + brand % 26)}{brand / 26}";

    public IEnumerable<SyntheticProduct> Products()
    {
        var random = new Random(options.Seed ^ 0x9e1c);
        var bases = Enumerable.Range(0, options.Categories).Select(_ => 1.5 + 2 * random.NextDouble()).ToArray();
        var premiums = Enumerable.Range(0, BrandCount).Select(_ => 0.35 * Gaussian(random)).ToArray();
        for (var item = 0; item < options.Items; item++)
        {
            var category = Math.Min(item / _perCategory, options.Categories - 1);
            var brand = random.Next(BrandCount);
            var logPrice = bases[category] + premiums[brand];
            var words = new List<string> { BrandOf(brand) };
            foreach (var _ in Enumerable.Range(0, random.Next(3)))
            {
                var (word, effect) = Modifiers[random.Next(Modifiers.Length)];
                if (words.Contains(word)) continue;
                words.Add(word);
                logPrice += effect;
            }
            words.Add(Nouns[category % Nouns.Length]);
            words.Add(Fillers[random.Next(Fillers.Length)]);
            var pieces = Pieces[random.Next(Pieces.Length)];
            logPrice += 0.4 * Math.Log(pieces) + NoiseSigma * Gaussian(random);
            var title = $"{string.Join(' ', words)} - {pieces.ToString(CultureInfo.InvariantCulture)} Pieces";
            yield return new SyntheticProduct(SyntheticClickstream.ItemId(item), title, CategoryPathOf(category), BrandOf(brand),
                Math.Round(Math.Exp(logPrice), 2), random.NextDouble() >= 0.1);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
