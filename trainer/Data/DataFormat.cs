namespace Personalization.Trainer.Data;

/// <summary>Input formats the trainer reads.</summary>
public enum DataFormat
{
    /// <summary>Session TSV with header <c>SessionId\tItemId\tTime</c> (time in seconds or milliseconds).</summary>
    Tsv,
    /// <summary>DIGINETICA CSV <c>session_id;user_id;item_id;timeframe;eventdate</c>.</summary>
    Diginetica,
    /// <summary>JSON lines of the cluster's click event contract.</summary>
    Jsonl,
    /// <summary><c>user item</c> lines, each user's items in time order.</summary>
    Sequences,
    /// <summary>Taobao UserBehavior CSV <c>user,item,category,pv|cart|fav|buy,unixSeconds</c>, no header.</summary>
    Taobao,
}
