export declare const EMBED_ENTRIES: Record<string, string>;
