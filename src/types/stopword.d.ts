// The stopword package ships no types. Only the lists of the engine's languages are imported, one
// module each (ISO 639-3 names), not the bundle of sixty languages.
declare module 'stopword/src/stopwords_fra.js' {
  export const fra: string[];
}
declare module 'stopword/src/stopwords_eng.js' {
  export const eng: string[];
}
declare module 'stopword/src/stopwords_deu.js' {
  export const deu: string[];
}
declare module 'stopword/src/stopwords_spa.js' {
  export const spa: string[];
}
declare module 'stopword/src/stopwords_ita.js' {
  export const ita: string[];
}
declare module 'stopword/src/stopwords_nld.js' {
  export const nld: string[];
}
declare module 'stopword/src/stopwords_por.js' {
  export const por: string[];
}
declare module 'stopword/src/stopwords_swe.js' {
  export const swe: string[];
}
declare module 'stopword/src/stopwords_fin.js' {
  export const fin: string[];
}
