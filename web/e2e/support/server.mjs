// Starts the real server from the built jar on its embedded defaults (H2 in a temporary data
// directory, a free port) and stops it again.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// readiness includes indexing the curriculum, which takes minutes on a loaded machine
const READY_TIMEOUT_MS = Number(process.env.AGENTCOACH_E2E_READY_TIMEOUT_S ?? 300) * 1000;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function javaExecutable() {
  const home = process.env.JAVA_HOME;
  return home ? join(home, 'bin', 'java') : 'java';
}

async function waitUntilReady(baseUrl, child, log) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${log.join('').slice(-4000)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/actuator/health/readiness`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${log.join('').slice(-4000)}`);
}

/** @returns {Promise<{ baseUrl: string, stop: () => Promise<void> }>} */
export async function startServer() {
  // a server already running (while developing the tests): use it, leave it running
  if (process.env.AGENTCOACH_E2E_BASE_URL) {
    return { baseUrl: process.env.AGENTCOACH_E2E_BASE_URL.replace(/\/$/, ''), stop: async () => {} };
  }
  const jar = resolve(process.env.AGENTCOACH_JAR ?? join(webDir, '..', 'server', 'target', 'agentcoach.jar'));
  if (!existsSync(jar)) {
    throw new Error(`No server jar at ${jar}: build it first (./mvnw -pl web,server package -DskipTests)`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'agentcoach-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    AGENTCOACH_PORT: String(port),
    AGENTCOACH_DATA_DIR: dataDir,
    // the web app signs in through the authorization server, which only returns to registered URIs
    AGENTCOACH_IDENTITY_WEB_REDIRECT_URIS: `${baseUrl}/auth/callback`,
    // every browser of these tests signs up, signs in and refreshes its tokens from 127.0.0.1: the
    // per-address buckets for sign-in routes and for requests with invalid or expired tokens (30 a
    // minute each by default) are meant for one person, not a test run; the limits themselves are
    // covered by the server's own tests
    AGENTCOACH_RATE_LIMIT_SENSITIVE: process.env.AGENTCOACH_RATE_LIMIT_SENSITIVE ?? '1000/1m',
    AGENTCOACH_RATE_LIMIT_FAILED_AUTH: process.env.AGENTCOACH_RATE_LIMIT_FAILED_AUTH ?? '1000/1m',
  };
  // the embedded defaults: whatever database the calling shell points at is not ours to use
  for (const name of ['AGENTCOACH_DB_URL', 'AGENTCOACH_DB_USER', 'AGENTCOACH_DB_PASSWORD']) {
    delete env[name];
  }
  const child = spawn(javaExecutable(), ['-XX:TieredStopAtLevel=1', '-jar', jar], { env, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  child.stdout.on('data', (chunk) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk) => log.push(chunk.toString()));

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitUntilReady(baseUrl, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
