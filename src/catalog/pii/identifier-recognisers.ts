import { isIP } from 'node:net';
import { passesLuhn } from './luhn.js';

// 123-45-6789 (or with spaces). Undashed 9-digit strings are too often zip+4 codes or ids.
const SSN_SHAPE = /^(\d{3})([- ])(\d{2})\2(\d{4})$/;

/** A well-formed US SSN: the SSA never issues area 000, 666 or 9xx, group 00 or serial 0000. */
export function isSocialSecurityNumber(text: string): boolean {
  const match = text.length === 11 ? SSN_SHAPE.exec(text) : null;
  if (!match) return false;
  const [, area, , group, serial] = match;
  if (area === '000' || area === '666' || area!.startsWith('9')) return false;
  return group !== '00' && serial !== '0000';
}

// 13–19 digits, optionally grouped by single spaces or dashes: 4111 1111 1111 1111.
const CARD_SHAPE = /^\d(?:[ -]?\d){12,18}$/;
const CARD_SEPARATORS = /[ -]/g;
// Major industry identifiers 2–6 cover Mastercard, Amex, Diners, JCB, Visa, Discover, UnionPay.
const CARD_FIRST_DIGITS = '23456';

/** A payment card number: card-shaped, a card network's leading digit, and Luhn-valid. */
export function isCardNumber(text: string): boolean {
  if (text.length < 13 || text.length > 23 || !CARD_SHAPE.test(text)) return false;
  const digits = text.replace(CARD_SEPARATORS, '');
  return CARD_FIRST_DIGITS.includes(digits[0]!) && passesLuhn(digits);
}

/** IPv4 dotted quad or IPv6, as Node's own parser accepts them. */
export function isIpAddress(text: string): boolean {
  if (text.length > 45 || !(text.includes('.') || text.includes(':'))) return false;
  return isIP(text) !== 0;
}
