// npm run demo (after npm run build): the built docs site and the collector on one origin, so the beacon's
// `/api/cta` reaches a real SQLite database. Click around, then run the report.
import { startServer } from '@astro-cta/collector';

const SITE = 'docs-site/dist';
const DB = '.tmp/demo.sqlite';

const server = await startServer({ db: DB, staticDir: SITE, host: '127.0.0.1', port: 4321, acceptLocal: true }).catch(
  (error: Error) => {
    console.error(`demo: ${error.message}`);
    process.exit(1);
  },
);

console.log(`
  astro-cta demo: ${server.url}/  (the landing page demo: ${server.url}/demos/saas/)
  Beacon events go to ${server.url}/api/cta and into ${DB}.

  Click around, then, in another terminal:
    npm run cta-collect -- report --db ${DB}
    npm run cta-collect -- report --db ${DB} --format html --out .tmp/report.html

  Ctrl-C stops the demo.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
