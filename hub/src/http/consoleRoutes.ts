// Serves the built operator console (operator-ui/dist, or --ui-dir). When it
// has not been built, `/` explains how to build it and lists the fleet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_CSP } from './securityHeaders.ts';

/** Where `npm run build --workspace operator-ui` writes the console, in this repository. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../../operator-ui/dist', import.meta.url));

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teleop Hub</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:60rem}</style></head><body>
<h1>Teleop Hub</h1>
<p>The operator console is not built. Run <code>npm run build --workspace operator-ui</code> (npm start does it for you).</p>
<p>API: <a href="/api/v1/robots">/api/v1/robots</a> · <a href="/api/v1/health">/api/v1/health</a> · <a href="/metrics">/metrics</a></p>
</body></html>`;

export function consoleRoutes(uiDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    // The console's files are public; the static plugin's routes take that declaration here.
    app.addHook('onRoute', (route) => {
      ((route as { config?: Record<string, unknown> }).config ??= {}).access = { action: 'public:read' };
    });
    // The console's page runs its own bundled scripts; its other files keep the server-wide policy.
    // A 304 (a reload) carries no type, but the browser takes its headers for the page it has: the page's path decides.
    app.addHook('onSend', async (req, reply, payload) => {
      const path = req.url.split('?')[0]!;
      const page = String(reply.getHeader('content-type') ?? '').startsWith('text/html') || (reply.statusCode === 304 && (path.endsWith('/') || path.endsWith('.html')));
      if (page) reply.header('content-security-policy', CONSOLE_CSP);
      return payload;
    });
    if (existsSync(join(uiDir, 'index.html'))) {
      await app.register(fastifyStatic, { root: uiDir, prefix: '/', index: ['index.html'] });
    } else {
      app.get('/', async (_req, reply) => reply.type('text/html').send(notBuilt));
    }
  };
}
