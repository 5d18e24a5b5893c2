/** News agencies whose credit on a story marks it as (close to) the wire original. */
const AGENCIES = [
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'Agence France-Presse',
  'Bloomberg',
  'dpa',
  'Xinhua',
  'TASS',
  'Interfax',
  'PTI',
  'ANI',
  'IANS',
  'UNI',
  'UPI',
  'Kyodo',
  'Yonhap',
  'ANSA',
  'EFE',
  'PA Media',
  'Press Association',
  'AAP',
  'Anadolu',
];

const CREDIT = new RegExp(
  `(?:^|[\\s(|—–-])(${AGENCIES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[\\s)|,:—–-])`,
);

/** The agency credited in a byline or dateline ("Reuters | Updated…", "(AP) —"), or null. */
export function wireCredit(text: string | null): string | null {
  if (text === null) return null;
  return CREDIT.exec(text)?.[1] ?? null;
}
