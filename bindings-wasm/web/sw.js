// Keeps the form usable offline: every file the page has loaded once (the page, the
// validation build, and the full build after the first PDF) is answered from the cache,
// which is refreshed in the background whenever the network is there.
// Typed for the worker check (jsconfig.worker.json): `self` is the service worker's scope.
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const CACHE = 'niryat-form-v3';
const PAGE = [
  './', './index.html', './app.js', './labels.js', './fields.js', './orders.js', './token.js', './style.css', './pdf-worker.js',
  './fonts/NotoSansDevanagari-Regular.subset.woff2', './fonts/NotoSansDevanagari-Bold.subset.woff2',
];

// The validation build is kept at once (the page cannot work without it); the full
// build is kept the first time a PDF is made.
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(PAGE);
  const files = await (await fetch('../pkg-validate/files.json')).json();
  await cache.addAll(files.map((f) => '../pkg-validate/' + f));
}

worker.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== worker.location.origin) return;
  // The API of `niryat serve` (and its health and metrics) is never answered from the cache.
  if (/\/(v1\/|healthz$|metrics$|openapi\.json$)/.test(url.pathname)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(req, { ignoreSearch: true });
      const fresh = fetch(req)
        .then((res) => {
          if (res.ok) cache.put(req, res.clone());
          return res;
        })
        .catch(() => undefined);
      if (cached) {
        event.waitUntil(fresh);
        return cached;
      }
      return (await fresh) ?? Response.error();
    }),
  );
});
