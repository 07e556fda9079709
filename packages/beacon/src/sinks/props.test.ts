import type { CtaEvent } from '@astro-cta/contract';
import { describe, expect, it } from 'vitest';
import { eventName, eventProps } from './props.ts';

const base = { p: '/pricing/', pv: '123', s: 0 };

describe('analytics sink mapping', () => {
  it('maps a click to cta_click with every field it has', () => {
    const click: CtaEvent = {
      ...base,
      t: 'click',
      id: 'hero',
      v: 'primary',
      g: 'signup',
      d: 'https://example.com/signup',
      o: 3, // new-tab on the wire
    };
    expect(eventName(click)).toBe('cta_click');
    expect(eventProps(click)).toEqual({
      cta_id: 'hero',
      cta_variant: 'primary',
      cta_goal: 'signup',
      page_path: '/pricing/',
      link_url: 'https://example.com/signup',
      open_mode: 'new-tab',
    });
  });

  it('gives platforms every open mode by its name, plain (0 on the wire) too', () => {
    const modes = [0, 1, 2, 3] as const;
    const names = modes.map((o) => eventProps({ ...base, t: 'click', id: 'hero', o }).open_mode);
    expect(names).toEqual(['plain', 'modifier', 'middle', 'new-tab']);
  });

  it('maps an impression to cta_impression and leaves absent fields out', () => {
    const impression: CtaEvent = { ...base, t: 'impression', id: 'hero' };
    expect(eventName(impression)).toBe('cta_impression');
    expect(eventProps(impression)).toEqual({ cta_id: 'hero', page_path: '/pricing/' });
  });

  it('keeps a custom event’s own name and properties', () => {
    const custom: CtaEvent = { ...base, t: 'custom', id: 'video-play', props: { seconds: 42, autoplay: false } };
    expect(eventName(custom)).toBe('video-play');
    expect(eventProps(custom)).toEqual({ page_path: '/pricing/', seconds: 42, autoplay: false });
  });
});
