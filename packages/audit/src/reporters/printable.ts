/**
 * Characters that must not reach a terminal raw: C0 and C1 controls and DEL (escape sequences can move the cursor,
 * recolour, erase or fake report lines), and invisible formatting characters (bidi overrides, zero-width ones)
 * that make text read differently from what it is. File names and page text are anyone's.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The text with every unprintable character shown as `\u{…}`, so a reader sees it and the terminal ignores it. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
