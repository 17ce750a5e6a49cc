const DIGITS_ONLY = /^\d+$/;

/**
 * The Luhn (mod 10) checksum every payment card number carries. Alone it is weak evidence
 * (one random digit string in ten passes), so callers also check length and shape.
 */
export function passesLuhn(digits: string): boolean {
  if (!DIGITS_ONLY.test(digits)) return false;
  let sum = 0;
  let doubleThis = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (doubleThis) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    doubleThis = !doubleThis;
  }
  return sum % 10 === 0;
}
