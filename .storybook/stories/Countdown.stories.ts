import Countdown from '../../packages/astro-cta/src/components/Countdown.astro';
import { deadlineIn, emulateReducedMotion, endSoon } from './story-helpers.ts';

export default { title: 'Components/Countdown', component: Countdown };

type Canvas = { canvasElement: HTMLElement };

export const Running = { args: { deadline: deadlineIn(3.2), locale: 'en-GB' } };
export const RunningForMonths = { args: { deadline: deadlineIn(140.5), locale: 'en-GB', label: 'Early-bird price ends' } };
export const NamedTimeZone = { args: { deadline: '2027-12-31T23:59:00+01:00', timeZone: 'Europe/Paris', locale: 'en-GB' } };
export const GermanLocale = { args: { deadline: '2027-12-31T23:59:00+01:00', timeZone: 'Europe/Berlin', locale: 'de-DE', label: 'Endet' } };
/** The enhancer ticks once a minute and shows no seconds when the visitor prefers reduced motion. */
export const ReducedMotion = { args: { deadline: deadlineIn(0.5), locale: 'en-GB' }, beforeEach: emulateReducedMotion };

// Deadlines that had passed when the page was built: the ended state is rendered on the server (and the build warns).
export const ExpiredReplace = {
  args: { deadline: '2025-01-31T23:59:00+01:00', onExpire: 'replace', slots: { expired: 'The winter sale has ended. Sign up to hear about the next one.' } },
};
export const ExpiredDefaultText = { args: { deadline: '2025-01-31T23:59:00+01:00' } };
export const ExpiredHide = { args: { deadline: '2025-01-31T23:59:00+01:00', onExpire: 'hide' } };

// Watch each mode happen: these stories end eight seconds after they are opened.
export const EndsSoonReplace = {
  args: { deadline: deadlineIn(1), onExpire: 'replace', slots: { expired: 'This offer has ended.' } },
  play: ({ canvasElement }: Canvas) => endSoon(canvasElement),
};
export const EndsSoonHide = {
  args: { deadline: deadlineIn(1), onExpire: 'hide' },
  play: ({ canvasElement }: Canvas) => endSoon(canvasElement),
};
