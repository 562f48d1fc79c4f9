// Company names as people write them, made comparable: "ACME Solar Ltd.", "Acme Solar Limited"
// and "acme-solar" are one company. Case, punctuation, accents and legal suffixes go; the
// words that identify the company stay, in order.

const SUFFIXES = [
  "ltd",
  "limited",
  "plc",
  "llp",
  "lp",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "llc",
  "cyf",
  "cyfyngedig",
  "ccc",
  "cwmni",
  "co",
  "company",
  "uk",
  "group",
  "the",
];
const SUFFIX = new RegExp(`\\b(${SUFFIXES.join("|")})\\b`, "g");

export function normaliseCompany(name: string): string | null {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    // "co.uk" and friends: a web address typed as the name keeps its identifying part.
    .replace(/\b(www\.)/g, " ")
    .replace(/\.(co\.uk|com|org\.uk|org|net|uk)\b/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(SUFFIX, " ")
    .replace(/\s+/g, " ")
    .trim();
  return words === "" ? null : words;
}
