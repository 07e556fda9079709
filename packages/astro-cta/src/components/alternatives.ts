/**
 * What `<Offer>` and `<Experiment>` do with their rendered children: find the alternatives (the top-level elements,
 * each carrying `data-cta-arm`), check them, and give every CTA inside an alternative `data-cta-experiment` and
 * `data-cta-arm`, so their events compare alternatives in the report. The HTML is read with htmlparser2 and edited
 * by inserting attributes at the positions it reports, so everything else stays byte for byte as rendered.
 */
import { CHOICE_DEFAULT, CHOICE_WHEN, CTA_ARM, CTA_EXPERIMENT, CTA_ID } from '@astro-cta/contract';
import { Parser } from 'htmlparser2';

/** The claim token an alternative component writes, so the wrapper can tell its own alternatives from stray ones. */
export const CLAIM_ATTRIBUTE = 'data-cta-alternative';

export interface Alternative {
  arm: string;
  isDefault: boolean;
  when?: string;
  /** CTA ids inside it. */
  ctas: string[];
  /** Where its element starts and ends in the HTML given (before any edit). */
  start: number;
  end: number;
  token?: string;
}

/** An alternative's own HTML, as rendered, without the claim token: what a decided experiment shows. */
export function alternativeHtml(html: string, alternative: Alternative): string {
  return html.slice(alternative.start, alternative.end).replace(new RegExp(` ${CLAIM_ATTRIBUTE}="[^"]*"`), '');
}

export interface WrapperContent {
  alternatives: Alternative[];
  /** The first thing at the top level that is not an alternative: a tag name or a piece of text. */
  stray?: string;
  /** The HTML with CTAs marked, claim tokens removed and, if no alternative is the default, the first made it. */
  html: string;
  /** The HTML as rendered (for alternativeHtml). */
  source: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export function readAlternatives(html: string, name: string): WrapperContent {
  const alternatives: Alternative[] = [];
  const edits: Array<{ at: number; remove?: number; insert: string }> = [];
  let stray: string | undefined;
  let depth = 0;
  let current: Alternative | undefined;
  let tagStart = 0;
  const parser = new Parser(
    {
      onopentagname() {
        tagStart = parser.startIndex;
      },
      onopentag(tag, attributes) {
        const afterName = tagStart + 1 + tag.length;
        if (depth === 0) {
          if (attributes[CTA_ARM] === undefined) stray ??= `<${tag}>`;
          else {
            current = {
              arm: attributes[CTA_ARM],
              isDefault: attributes[CHOICE_DEFAULT] !== undefined,
              ...(attributes[CHOICE_WHEN] !== undefined ? { when: attributes[CHOICE_WHEN] } : {}),
              ...(attributes[CLAIM_ATTRIBUTE] !== undefined ? { token: attributes[CLAIM_ATTRIBUTE] } : {}),
              ctas: [],
              start: tagStart,
              end: html.length,
            };
            alternatives.push(current);
            if (current.token !== undefined) {
              const attribute = ` ${CLAIM_ATTRIBUTE}="${current.token}"`;
              const at = html.indexOf(attribute, tagStart);
              if (at >= 0 && at < parser.endIndex) edits.push({ at, remove: attribute.length, insert: '' });
            }
          }
        } else if (current && attributes[CTA_ID] !== undefined && attributes[CTA_EXPERIMENT] === undefined) {
          // (A CTA of an offer nested in this alternative keeps the inner offer's name.)
          current.ctas.push(attributes[CTA_ID]);
          edits.push({
            at: afterName,
            insert: ` ${CTA_EXPERIMENT}="${escapeAttribute(name)}" ${CTA_ARM}="${escapeAttribute(current.arm)}"`,
          });
        }
        depth++;
      },
      onclosetag() {
        depth--;
        if (depth === 0 && current) {
          current.end = parser.endIndex + 1;
          current = undefined;
        }
      },
      ontext(text) {
        if (depth === 0 && text.trim() !== '') stray ??= text.trim().slice(0, 40);
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  if (alternatives.length > 0 && !alternatives.some((alternative) => alternative.isDefault)) {
    // No alternative says it is the default: the first is (an experiment's first arm is its control).
    alternatives[0]!.isDefault = true;
    const first = html.indexOf(`${CTA_ARM}=`);
    if (first >= 0) edits.push({ at: first, insert: `${CHOICE_DEFAULT} ` });
  }
  let out = html;
  for (const edit of edits.sort((a, b) => b.at - a.at))
    out = out.slice(0, edit.at) + edit.insert + out.slice(edit.at + (edit.remove ?? 0));
  return { alternatives, ...(stray !== undefined ? { stray } : {}), html: out, source: html };
}
