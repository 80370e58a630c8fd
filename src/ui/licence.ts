/**
 * One spelling for a licence wherever the app shows it. Data files spell Creative Commons
 * Attribution both "CC-BY 4.0" and "CC BY 4.0"; Creative Commons writes "CC BY 4.0".
 */
export function licenceName(licence: string): string {
  return licence.replace(/^CC[-\s]BY(?=[-\s]|$)/i, 'CC BY');
}
