// AgentCoach service worker: keeps the app shell and the lessons a learner has read available
// offline. Pages are network-first (a new release is picked up at once), hashed assets
// cache-first (their names change with their content), curriculum reads network-first with the
// last answer as the offline fallback. Nothing else (sign-in, progress, coaching) is cached.
const SHELL_CACHE = 'agentcoach-shell-v1';
const CONTENT_CACHE = 'agentcoach-content-v1';
const CACHES = [SHELL_CACHE, CONTENT_CACHE];
const SHELL_FILES = ['/', '/manifest.webmanifest', '/favicon.svg', '/icon-192.png'];
// pages the server renders itself (its sign-in pages, API docs): never served from, nor kept as, the app shell
const SERVER_PAGES = /^\/(oauth2|connect|\.well-known|api|actuator|swagger-ui|v3)(\/|$)/;
const CONTENT_READS = /^\/api\/content\/(tracks|skills|lessons\/[^/]+|exercises\/[^/]+(\/hints\/\d+)?)$/;

// the shell is index.html plus the scripts and styles it names, found by reading it
async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  await cache.addAll(SHELL_FILES);
  const index = await (await cache.match('/')).text();
  const assets = Array.from(index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g), (m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !CACHES.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(fallbackKey ?? request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) {
      return cached;
    }
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    if (SERVER_PAGES.test(url.pathname)) {
      return;
    }
    // every client-side route is the same shell
    event.respondWith(networkFirst(request, SHELL_CACHE, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (CONTENT_READS.test(url.pathname)) {
    event.respondWith(networkFirst(request, CONTENT_CACHE));
  }
});
