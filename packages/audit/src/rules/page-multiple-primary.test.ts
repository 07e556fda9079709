import { describe, expect, it } from 'vitest';
import { pageMultiplePrimary } from './page-multiple-primary.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(pageMultiplePrimary, snippet);

describe('page-multiple-primary', () => {
  it('reads the role from data-cta-role or from the variant', () => {
    expect(
      flagged(
        '<a href="/a" data-cta="a" data-cta-variant="primary">Start trial</a><a href="/b" data-cta="b" data-cta-variant="primary">Book demo</a>',
      ),
    ).toHaveLength(1);
    expect(
      flagged(
        '<a href="/a" data-cta="a" data-cta-variant="primary">Start trial</a><a href="/b" data-cta="b" data-cta-variant="ghost">Book demo</a>',
      ),
    ).toEqual([]);
  });

  it('recognises hand-written primaries by class name', () => {
    expect(
      flagged(
        '<a class="btn btn-primary" href="/a">Start trial</a><a class="button button--primary" href="/b">Book demo</a>',
      ),
    ).toHaveLength(1);
    expect(
      flagged(
        '<a class="btn btn-primary" href="/a">Start trial</a><a class="btn btn-secondary" href="/b">Book demo</a>',
      ),
    ).toEqual([]);
  });

  it('counts one primary repeated to the same place (with another form of its URL) once', () => {
    expect(
      flagged(
        '<a class="btn-primary btn" href="/signup/">Start</a><a class="btn btn-primary" href="/signup/index.html">Start now</a>',
      ),
    ).toEqual([]);
  });

  it('reports every extra destination, not every repeat', () => {
    expect(
      flagged(
        '<a class="btn btn-primary" href="/a">A</a><a class="btn btn-primary" href="/b">B</a><a class="btn btn-primary" href="/c">C</a><a class="btn btn-primary" href="/b">B</a>',
      ),
    ).toHaveLength(2);
  });

  it('does not count primaries in the header or footer chrome', () => {
    expect(
      flagged(
        '</main><header><a class="btn btn-primary" href="/login">Log in</a></header><main><a class="btn btn-primary" href="/a">Start trial</a>',
      ),
    ).toEqual([]);
  });
});

describe('page-multiple-primary: class names', () => {
  it('does not take colour utilities or outline buttons for primaries', () => {
    expect(
      flagged(
        '<a class="btn btn-primary" href="/a">Start trial</a><a class="btn text-primary" href="/b">Docs</a><a class="btn btn-outline-primary" href="/c">Book demo</a><a class="btn hover:bg-primary" href="/d">Pricing</a>',
      ),
    ).toEqual([]);
  });

  it('takes filled primary utilities for primaries', () => {
    expect(
      flagged(
        '<a class="btn bg-primary" href="/a">Start trial</a><a class="button is-primary" href="/b">Book demo</a>',
      ),
    ).toHaveLength(1);
  });
});
