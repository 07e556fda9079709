// Bundle entry for the size test and scripts/bench-beacon.mjs: exactly what the integration's page script is for a
// default configuration (a collector endpoint; visits and engagement on; no sink, consent or history module). Bundle
// it with settings.ts replaced by DEFAULT_PAGE_SETTINGS (measure.mjs), as the integration's build does.
import { startBeacon } from './index.ts';

startBeacon({ endpoint: '/api/cta', visits: true });
