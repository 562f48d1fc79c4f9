// Maintained lists: the data protection authorities of the EEA (for organisations based
// there) and the other bodies that can help with what we do not cover. Names of the
// authorities are their own; what each body does is described in the locale files
// (concerns.json: countries.*, helpers.*), in English and Welsh.
//
// Keep these current: check them against the European Data Protection Board's list of
// members (EEA_AUTHORITIES_SOURCE) and each helper's website, then update REMIT_REVIEWED_ON.
// remit.test.ts fails when a country or helper has no text in either language.

/** When these lists were last checked against their sources. */
export const REMIT_REVIEWED_ON = "2026-11-24";

export const EEA_AUTHORITIES_SOURCE = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en";

export type DataProtectionAuthority = { country: string; name: string; url: string };

/** One supervisory authority per EEA country (the EU 27, Iceland, Liechtenstein and Norway). */
export const EEA_AUTHORITIES: readonly DataProtectionAuthority[] = [
  { country: "AT", name: "Österreichische Datenschutzbehörde", url: "https://www.dsb.gv.at" },
  { country: "BE", name: "Autorité de protection des données / Gegevensbeschermingsautoriteit", url: "https://www.dataprotectionauthority.be" },
  { country: "BG", name: "Комисия за защита на личните данни (Commission for Personal Data Protection)", url: "https://www.cpdp.bg" },
  { country: "HR", name: "Agencija za zaštitu osobnih podataka (AZOP)", url: "https://azop.hr" },
  { country: "CY", name: "Επίτροπος Προστασίας Δεδομένων Προσωπικού Χαρακτήρα (Commissioner for Personal Data Protection)", url: "https://www.dataprotection.gov.cy" },
  { country: "CZ", name: "Úřad pro ochranu osobních údajů (ÚOOÚ)", url: "https://uoou.gov.cz" },
  { country: "DK", name: "Datatilsynet", url: "https://www.datatilsynet.dk" },
  { country: "EE", name: "Andmekaitse Inspektsioon", url: "https://www.aki.ee" },
  { country: "FI", name: "Tietosuojavaltuutetun toimisto", url: "https://tietosuoja.fi" },
  { country: "FR", name: "Commission Nationale de l’Informatique et des Libertés (CNIL)", url: "https://www.cnil.fr" },
  { country: "DE", name: "Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)", url: "https://www.bfdi.bund.de" },
  { country: "GR", name: "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα (Hellenic Data Protection Authority)", url: "https://www.dpa.gr" },
  { country: "HU", name: "Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)", url: "https://naih.hu" },
  { country: "IS", name: "Persónuvernd", url: "https://www.personuvernd.is" },
  { country: "IE", name: "Data Protection Commission", url: "https://www.dataprotection.ie" },
  { country: "IT", name: "Garante per la protezione dei dati personali", url: "https://www.garanteprivacy.it" },
  { country: "LV", name: "Datu valsts inspekcija", url: "https://www.dvi.gov.lv" },
  { country: "LI", name: "Datenschutzstelle", url: "https://www.datenschutzstelle.li" },
  { country: "LT", name: "Valstybinė duomenų apsaugos inspekcija", url: "https://vdai.lrv.lt" },
  { country: "LU", name: "Commission nationale pour la protection des données (CNPD)", url: "https://cnpd.public.lu" },
  { country: "MT", name: "Information and Data Protection Commissioner", url: "https://idpc.org.mt" },
  { country: "NL", name: "Autoriteit Persoonsgegevens", url: "https://www.autoriteitpersoonsgegevens.nl" },
  { country: "NO", name: "Datatilsynet", url: "https://www.datatilsynet.no" },
  { country: "PL", name: "Urząd Ochrony Danych Osobowych (UODO)", url: "https://uodo.gov.pl" },
  { country: "PT", name: "Comissão Nacional de Proteção de Dados (CNPD)", url: "https://www.cnpd.pt" },
  { country: "RO", name: "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)", url: "https://www.dataprotection.ro" },
  { country: "SK", name: "Úrad na ochranu osobných údajov Slovenskej republiky", url: "https://dataprotection.gov.sk" },
  { country: "SI", name: "Informacijski pooblaščenec", url: "https://www.ip-rs.si" },
  { country: "ES", name: "Agencia Española de Protección de Datos (AEPD)", url: "https://www.aepd.es" },
  { country: "SE", name: "Integritetsskyddsmyndigheten (IMY)", url: "https://www.imy.se" },
];

/** Countries where the national authority is not the only one (the page adds a note for them). */
export const COUNTRIES_WITH_REGIONAL_AUTHORITIES: readonly string[] = ["DE", "ES"];

export const EEA_COUNTRIES: readonly string[] = EEA_AUTHORITIES.map((a) => a.country);

export function isEeaCountry(code: unknown): code is string {
  return typeof code === "string" && EEA_COUNTRIES.includes(code);
}

export function authorityFor(country: string): DataProtectionAuthority | null {
  return EEA_AUTHORITIES.find((a) => a.country === country) ?? null;
}

export type Helper = {
  id: string;
  url: string;
  /** A phone number or short code people use, when that is the way to reach them. */
  contact?: string;
};

/**
 * Who can help with what we do not cover. Texts (name, what they deal with) are in
 * concerns.json under helpers.<id>. The marketing and premium-rate outcomes use some of these too.
 */
export const HELPERS: readonly Helper[] = [
  { id: "phone_paid_services", url: "https://psauthority.org.uk" },
  { id: "ofcom", url: "https://www.ofcom.org.uk" },
  { id: "action_fraud", url: "https://www.actionfraud.police.uk" },
  { id: "ncsc_phishing", url: "https://www.ncsc.gov.uk/collection/phishing-scams", contact: "report@phishing.gov.uk" },
  { id: "spam_texts", url: "https://www.ncsc.gov.uk/collection/phishing-scams/report-scam-text-message", contact: "7726" },
  { id: "tps", url: "https://www.tpsonline.org.uk" },
  { id: "citizens_advice", url: "https://www.citizensadvice.org.uk" },
  { id: "financial_ombudsman", url: "https://www.financial-ombudsman.org.uk" },
  { id: "public_services_ombudsman_wales", url: "https://www.ombudsman.wales" },
];

export function helper(id: string): Helper {
  const found = HELPERS.find((h) => h.id === id);
  if (!found) throw new RangeError(`No helper ${id}`);
  return found;
}

/** The helpers the marketing outcome points to, by channel (besides our own nuisance tool). */
export function marketingHelpers(channel: string, premiumRate: boolean): string[] {
  const ids: string[] = [];
  if (premiumRate) ids.push("phone_paid_services");
  if (channel === "text") ids.push("spam_texts");
  if (channel === "live_call" || channel === "recorded_call" || channel === "fax") ids.push("tps");
  // Silent and abandoned calls are Ofcom's (persistent misuse of a network), not ours.
  if (channel === "live_call" || channel === "recorded_call") ids.push("ofcom");
  if (channel === "email") ids.push("ncsc_phishing");
  return ids;
}
