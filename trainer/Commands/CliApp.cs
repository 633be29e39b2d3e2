namespace Personalization.Trainer.Commands;

/// <summary>pz-train: the commands and their usage.</summary>
public static class CliApp
{
    public const string Usage = """
        pz-train train     --input F --format tsv|diginetica|jsonl|sequences|taobao --out model.pzm
                           [--test-days 14] [--validation-days N] [--epochs 10] [--batch-size 64] [--learning-rate 0.001]
                           [--embedding 64] [--hidden 64] [--attention 64] [--window 5] [--negatives 0] [--max-length 50]
                           [--dropout 0.3] [--session-dropout 0.3] [--no-last-item-skip] [--untied-embeddings]
                           [--no-transitions] [--transition-min-count 1] [--transition-lr-scale 1] [--item-lr-scale 1] [--weight-decay 0]
                           [--lr-decay 1] [--repeat-window 20] [--neighbours 50] [--refit auto|always|never]
                           [--intent-weight 0 (> 0: jointly trained purchase-intent head)] [--intent-hidden 32] [--intent-features]
                           [--price-head (fit the price-preference head on the trained states; needs priced events)]
                           [--patience 3] [--seed 42] [--threads 2] [--version V] [--validation-users 0.1]
                           [--baselines pop,sr,sknn] [--json report.json] [--plot curve.png] [--exclude-seen]
        pz-train tune      --budget 10m, then the options of train: tries the given options and the settings that matter
                           on the validation split within the budget, refits the best, writes it and its report
        pz-train evaluate  --input F --format tsv|diginetica|jsonl|sequences|taobao [--model model.pzm] [--baselines pop,sr,sknn]
                           [--test-days 14] [--validation-days N] [--json out.json] [--plot metrics.png] [--exclude-seen]
                           [--sr-window 10] [--sr-rules 20] [--knn-last 20] [--knn-neighbours 100] [--knn-sample 1000] [--knn-exclude-seen]
        pz-train intent    (--input F --format taobao|diginetica|jsonl|tsv [--purchases F] [--categories F] | --synthetic N)
                           [--variant both|joint|frozen] [--intent-hidden 32] [--intent-weight 1] [--no-intent-features] [--no-wide-start] [--refit auto|always|never]
                           [--rare-items 2] [--rare-buckets 512] [--out model.pzm]
                           [--test-days 2 (taobao) / 14] [--validation-days N] [--epochs 10] [--batch-size 64]
                           [--learning-rate 0.005] [--embedding 64] [--hidden 64] [--negatives 0 (512 above 5,000 items)]
                           [--dropout 0.1] [--session-dropout 0.1] [--no-transitions] [--patience 3] [--seed 42]
                           [--threads 2] [--data-seed 42] [--json report.json] [--plot reliability.png]
        pz-train price-preference (--synthetic N [--data-seed 42] | --input events.jsonl [--test-days 1]) [--out model.pzm]
                           [--json report.json] [--embedding 64] [--hidden 64] [--epochs 5] ...
        pz-train synthetic --sessions N --out file.tsv [--format tsv|jsonl] [--items 2000] [--categories 40] [--users 5000]
                           [--seed 42] [--products products.csv]
        pz-train price     --input products.csv --out price.pzm [--json report.json] [--baselines global-median,category-median,tfidf-ridge]
                           [--epochs 40] [--batch-size 32] [--learning-rate 0.002] [--dropout 0.4] [--patience 5] [--min-count 2]
                           [--median-huber 0] [--huber-delta 1] [--average-from 0] [--token-learning-rate 0.0005]
                           [--wide-buckets 262144] [--wide-learning-rate 0.002] [--wide-weight-decay 0.001] [--members 3]
                           [--refit never|auto|always]
                           [--buckets 131072] [--embedding 48] [--filters 96] [--widths 1,2,3] [--hidden 128] [--ridge-lambda 1]
                           [--seed 42] [--threads 1] [--version V] [--no-model]
        pz-train coldstart --input F --format tsv|diginetica|taobao|jsonl [--categories itemId;categoryId file] [--products products.csv]
                           [--holdout 0.1] [--holdout-seed 42] [--map-loss rank|mse] [--out model.pzm] [--content-out content.pzm] [--json report.json]
                           [--map-epochs 30] [--map-batch-size 1024] [--map-learning-rate 0.01] [--map-weight-decay 0.0001] [--text-buckets 16384] [--min-count 1]
                           and the options of train
        pz-train content   --model model.pzm --out content.pzm (--products products.csv | --categories F | --input F --format taobao)
                           [--map-epochs 30] [--map-batch-size 1024] [--map-learning-rate 0.01] [--map-weight-decay 0.0001] [--text-buckets 16384] [--min-count 1] [--seed 42]

        Session formats are split by time (the last --test-days are the test set, 14 by default and 2 for taobao,
        the --validation-days before them validate); 'sequences' (user item lines) is split leave-last-out, the second-to-last item of a
        --validation-users share of the users validating. Test items unseen in training are dropped.
        --exclude-seen makes every ranker skip the session's own items. --refit auto trains the chosen epochs again on
        train + validation when validation holds back at least 5 % of the events (time splits; not leave-last-out).
        'intent' splits whole sessions by start time (synthetic: the last 20 % test, the 10 % before validation),
        keeps every prefix before a session's first purchase and reports ROC-AUC, PR-AUC, log-loss and calibration;
        the joint head is refitted on train + validation for its chosen epochs (--refit, as for 'train');
        items seen fewer than --rare-items times in training step as one of --rare-buckets hashed 'rare item' rows (0: none).
        'price-preference' trains the next-item GRU, fits the price-preference head (ridge on the frozen states) and reports
        the MAE of the next event's log price against the session's mean price so far and its last price.
        synthetic --products also writes the items' titles, category paths, brands and prices in the layout of
        the Amazon products file (uniq_id;product_name;amazon_category_and_sub_category;manufacturer;price;...).
        'coldstart' holds out a seeded share of the items (their events leave every training session), trains the session model
        and a content map (content -> the model's item rows) on the rest, gives the held-out items their content rows and reports
        HR/MRR on the test events that target a held-out item, ranked among the held-out items, against category popularity.
        'content' fits a content map to a trained model's items for serving (catalog items the model never saw).
        'price' reads a ';'-separated product table with a header (the Amazon UK toys columns, as
        'synthetic --products' writes too), splits it by md5(id) (test: 0 mod 5), trains the text CNN and reports MAE, MdAPE and R² of log price;
        --members N trains N networks (seeds seed, seed + 1, …) into one artifact whose estimate is their mean;
        --wide-buckets 0 drops the wide (linear) part; --refit auto|always trains each again on train + validation.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h") return Help(output);
        try
        {
            var arguments = CliArguments.Parse(args);
            return arguments.Command switch
            {
                "train" => TrainCommand.Run(arguments, output),
                "tune" => TuneCommand.Run(arguments, output),
                "evaluate" => EvaluateCommand.Run(arguments, output),
                "synthetic" => SyntheticCommand.Run(arguments, output),
                "price" => PriceCommand.Run(arguments, output),
                "intent" => IntentCommand.Run(arguments, output),
                "price-preference" => PricePreferenceCommand.Run(arguments, output),
                "coldstart" => ColdStartCommand.Run(arguments, output),
                "content" => ContentCommand.Run(arguments, output),
                _ => throw new CliException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (CliException e)
        {
            error.WriteLine($"pz-train: {e.Message}");
            error.WriteLine();
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            error.WriteLine($"pz-train: {e.Message}");
            return 1;
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
