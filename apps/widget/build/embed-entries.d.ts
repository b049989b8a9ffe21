export declare const VIEW_ENTRIES: string[];
export declare const EMBED_ENTRIES: Record<string, string>;
