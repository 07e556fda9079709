import { normalizeCtaText } from './generic-phrases.ts';

/**
 * Submit labels that say nothing about what the form does, per language. GOV.UK's design system asks for a button
 * that says what happens ("Save and continue", "Send application"), never a bare "Submit".
 */
const DEFAULT_SUBMIT_WORDS = [
  'submit',
  'send',
  'ok',
  'okay',
  'go',
  'enter',
  'submit form',
  'send form',
  'submit query',
  'absenden',
  'senden',
  'abschicken',
  'los',
  'envoyer',
  'soumettre',
  'valider',
  'enviar',
  'aceptar',
  'submeter',
  'invia',
  'inviare',
  'verzenden',
  'versturen',
  'indienen',
  'skicka',
  '送信',
  '提交',
  '제출',
  '전송',
  '확인',
];

const WORDS = new Set(DEFAULT_SUBMIT_WORDS.map(normalizeCtaText));

export function isDefaultSubmitText(text: string): boolean {
  return WORDS.has(normalizeCtaText(text));
}
