/**
 * Text that states a price or a discount: "€59", "59 EUR", "$4.99", "10% off", "save 15 %", "20 percent", a discount
 * code, and the words for a discount in the languages the audit's corpus covers. Used to find offers that personalise
 * a price without saying so.
 */
const CURRENCY_SYMBOL = '[$€£¥₹₩₽₺₪฿]';
const CURRENCY_CODE = '(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|CNY|BRL)';
const AMOUNT = '\\d[\\d.,\u00a0 ]*';
const PRICE = new RegExp(
  `${CURRENCY_SYMBOL}\\s?${AMOUNT}|${AMOUNT}\\s?${CURRENCY_SYMBOL}|\\b${CURRENCY_CODE}\\s?${AMOUNT}|\\d\\s?${CURRENCY_CODE}\\b`,
  'u',
);
const PERCENT = /\d\s?(?:%|％|percent\b|per cent\b|prozent\b|pour ?cent\b|por ciento\b|per ?cento\b|procent\b)/iu;
const DISCOUNT_WORD =
  /\b(?:discount(?:ed)?|coupon|voucher|promo(?:tion(?:al)?)? code|off your (?:order|first)|rabatt|gutschein|réduction|remise|descuento|rebaja|sconto|korting)\b/iu;

/** True when the text states a price, a percentage or a discount. */
export function statesPriceOrDiscount(text: string): boolean {
  return PRICE.test(text) || PERCENT.test(text) || DISCOUNT_WORD.test(text);
}
