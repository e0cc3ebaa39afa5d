/**
 * Registers the service worker that keeps the app shell and read lessons available offline.
 * Only production builds register it: in development it would serve stale modules.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) {
    return;
  }
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // without a service worker the app works as before, only not offline
    });
  });
}
