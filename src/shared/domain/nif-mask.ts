/**
 * The identity number as it may be published next to a name (Ley Orgánica 3/2018, disposición
 * adicional séptima, and the AEPD's guidance on applying it): a DNI shows its 4th to 7th digits
 * (12345678Z → ***4567**), a NIE its 5th to 8th characters (X1234567L → ****4567*). Anything else
 * (a malformed or foreign number) is hidden whole.
 */
export function maskNif(nif: string): string {
  const value = nif.trim().toUpperCase();
  if (/^\d{8}[A-Z]$/.test(value)) return `***${value.slice(3, 7)}**`;
  if (/^[XYZ]\d{7}[A-Z]$/.test(value)) return `****${value.slice(4, 8)}*`;
  return '*'.repeat(value.length);
}
