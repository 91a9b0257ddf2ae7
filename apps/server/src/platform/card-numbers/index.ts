export {
  findCardNumbers,
  maskCardNumbers,
  maskCardNumbersIn,
  maskDigits,
  passesLuhn,
  hasIssuerPrefix,
  type CardNumberMatch,
} from './card-numbers.ts';
