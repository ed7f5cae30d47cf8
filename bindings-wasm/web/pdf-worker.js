// Makes PDFs off the page's thread with niryat's full build, loaded on the first request.
// (A worker also lets the browser replace the module synchronously after a panic.)
let niryat;

self.onmessage = async ({ data }) => {
  const { id, shipment, doc, options } = data;
  try {
    niryat ??= await import('../pkg-full/index.js');
    await niryat.ready();
    const bytes = niryat.renderPdf(shipment, doc, options);
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (e) {
    self.postMessage({ id, error: { code: e?.code, message: e?.message ?? String(e), issues: e?.issues, path: e?.path } });
  }
};
