// Until the operator console lands (operator-ui), GET / serves a small page
// that lists the fleet from the API, so `npm start` shows something real.
import type { FastifyInstance } from 'fastify';

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teleop Hub</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:left}</style>
</head><body><h1>Teleop Hub</h1>
<p>The operator console is not built yet. Robots enrolled on this hub:</p>
<table><thead><tr><th>robot</th><th>name</th><th>model</th><th>online</th><th>mode</th><th>lease</th></tr></thead><tbody id="robots"></tbody></table>
<p>API: <a href="/api/v1/robots">/api/v1/robots</a> · <a href="/api/v1/health">/api/v1/health</a> · <a href="/metrics">/metrics</a></p>
<script>
async function refresh(){
  const res = await fetch('/api/v1/robots'); const { robots } = await res.json();
  const rows = robots.map(r => '<tr>' + [r.robotId, r.name, r.model, r.online ? 'online' : 'offline', r.mode, r.leaseHolder ?? 'free']
    .map(v => '<td>' + String(v).replace(/[&<>]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;'})[c]) + '</td>').join('') + '</tr>');
  document.getElementById('robots').innerHTML = rows.join('');
}
refresh(); setInterval(refresh, 2000);
</script></body></html>`;

export function consolePlaceholder() {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/', async (_req, reply) => reply.type('text/html').send(page));
  };
}
