using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Personalization.Model.Pricing;

namespace Personalization.Trainer.Pricing;

/// <summary>The split of the data README: a product is a test product when md5(id), read as a number, is 0 mod 5;
/// of the rest, those whose md5 / 5 is 0 mod 8 validate (early stopping), the others train. A product's side
/// depends only on its id, so reruns and other tools split alike.</summary>
public sealed record ProductSplit(IReadOnlyList<PricedProduct> Train, IReadOnlyList<PricedProduct> Validation, IReadOnlyList<PricedProduct> Test)
{
    public static ProductSplit ByIdHash(IReadOnlyList<PricedProduct> products)
    {
        var (train, validation, test) = (new List<PricedProduct>(), new List<PricedProduct>(), new List<PricedProduct>());
        foreach (var product in products)
        {
            var hash = new BigInteger(MD5.HashData(Encoding.UTF8.GetBytes(product.Id)), isUnsigned: true, isBigEndian: true);
            if (hash % 5 == 0) test.Add(product);
            else if (hash / 5 % 8 == 0) validation.Add(product);
            else train.Add(product);
        }
        return new ProductSplit(train, validation, test);
    }

    /// <summary>Training and validation products together (what the baselines fit on).</summary>
    public IReadOnlyList<PricedProduct> TrainAndValidation => [.. Train, .. Validation];
}
