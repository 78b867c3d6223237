// Where the UN Treaty Collection publishes a treaty's status page as XML: the address follows from
// the chapter and number (XVIII-16 → …/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml). The printed
// MTDSG puts chapters I to XI in Volume I and XII to XXIX in Volume II; addresses seen in use
// confirm chapters I, IV and XI under Volume I and XVIII, XXI, XXVI and XXVII under Volume II.

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** "XXVII" → 27; null for anything that is not a chapter numeral up to XXIX. */
function chapterNumber(roman: string): number | null {
  if (!/^(X{0,2})(IX|IV|V?I{0,3})$/.test(roman) || roman === '') return null;
  let n = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN[roman[i]!]!;
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n >= 1 && n <= 29 ? n : null;
}

/** The XML status page of an MTDSG treaty id ("XXVI-8", "XXVII-7-d"), or null when the id is not one. */
export function statusPageAddress(id: string): string | null {
  const m = /^([IVX]+)-([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)$/.exec(id);
  const chapter = m ? chapterNumber(m[1]!) : null;
  if (!m || chapter === null) return null;
  const volume = chapter <= 11 ? 'I' : 'II';
  return `https://treaties.un.org/doc/Publication/MTDSG/Volume%20${volume}/Chapter%20${m[1]}/${encodeURIComponent(id)}.en.xml`;
}
