// The stopword package ships no types; only its per-language word lists (ISO 639-3 keys) are used.
declare module 'stopword' {
  const lists: Record<string, string[] | undefined>;
  export = lists;
}
