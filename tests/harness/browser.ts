// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// each browser with a fresh profile, WebRTC kept on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PATIENCE_MS } from './processes.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** What the hub's Content-Security-Policy blocked in any page of this browser (the console must need nothing it forbids). */
  cspViolations: string[];
  /** Closes the browser (and prints any CSP violations, so a policy that breaks a page does not pass unseen). */
  close(): Promise<void>;
}

/** Reports each CSP violation of a page to its console, where the harness collects it. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.documentURI));`;

export async function openBrowser(url: string, viewport = { width: 1280, height: 720 }, initScripts: string[] = []): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'teleop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions handed to page.evaluate need it defined.
  await context.addInitScript('globalThis.__name = (f) => f;');
  await context.addInitScript(REPORT_CSP_VIOLATIONS);
  for (const script of initScripts) await context.addInitScript(script);
  const cspViolations: string[] = [];
  const watch = (p: Page): void => {
    p.on('console', (m) => {
      if (m.text().startsWith('CSP violation: ')) cspViolations.push(m.text());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    context,
    page,
    cspViolations,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      if (cspViolations.length > 0) console.error(`the hub's Content-Security-Policy blocked what a page asked for:\n${[...new Set(cspViolations)].join('\n')}`);
    },
  };
}

/**
 * A page of the console that is signed in: clicks the burner-wallet sign-in when the page asks for it (a
 * page opened in a browser that already signed in may not), and resolves once the hub link is up.
 */
export async function ensureSignedIn(page: Page): Promise<void> {
  const signIn = page.getByRole('button', { name: 'Sign in with a local burner wallet' });
  const connected = page.getByRole('status').filter({ hasText: 'hub connected' });
  await signIn.or(connected).first().waitFor({ timeout: PATIENCE_MS });
  if (await signIn.isVisible()) await signIn.click();
  await connected.waitFor({ timeout: PATIENCE_MS });
}

/** Signs in on the hub's console with this browser's burner wallet; resolves once the app shows. */
export async function signInWithBurner(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with a local burner wallet' }).click();
  await page.getByRole('status').filter({ hasText: 'hub connected' }).waitFor({ timeout: PATIENCE_MS });
}

export interface InboundVideoStats {
  mid: string;
  codec: string;
  frameWidth: number;
  frameHeight: number;
  framesDecoded: number;
  packetsReceived: number;
  framesPerSecond: number;
  packetsLost: number;
  nackCount: number;
  pliCount: number;
  jitterBufferDelayMs: number;
}

/** inbound-rtp video stats of the page's current watch (window.__teleopWatch). */
export async function inboundVideoStats(page: Page): Promise<InboundVideoStats[]> {
  return page.evaluate(async () => {
    const pc = (window as unknown as { __teleopWatch?: { pc: RTCPeerConnection } }).__teleopWatch?.pc;
    if (!pc) return [];
    const report = await pc.getStats();
    const codecs = new Map<string, string>();
    report.forEach((s: { type: string; id: string; mimeType?: string }) => {
      if (s.type === 'codec') codecs.set(s.id, s.mimeType ?? '');
    });
    const out: InboundVideoStats[] = [];
    report.forEach((s: Record<string, unknown>) => {
      if (s.type !== 'inbound-rtp' || s.kind !== 'video') return;
      out.push({
        mid: String(s.mid ?? ''),
        codec: codecs.get(String(s.codecId)) ?? '',
        frameWidth: Number(s.frameWidth ?? 0),
        frameHeight: Number(s.frameHeight ?? 0),
        framesDecoded: Number(s.framesDecoded ?? 0),
        packetsReceived: Number(s.packetsReceived ?? 0),
        framesPerSecond: Number(s.framesPerSecond ?? 0),
        packetsLost: Number(s.packetsLost ?? 0),
        nackCount: Number(s.nackCount ?? 0),
        pliCount: Number(s.pliCount ?? 0),
        jitterBufferDelayMs: Number(s.jitterBufferEmittedCount) > 0 ? (Number(s.jitterBufferDelay) / Number(s.jitterBufferEmittedCount)) * 1000 : 0,
      });
    });
    return out.sort((a, b) => a.mid.localeCompare(b.mid));
  });
}
