// "Open orders": a marketplace order report (Amazon's tab-separated order report or eBay's
// orders CSV) read by niryat's importOrders into one draft consignment per order. The form's
// current shipment is the template (exporter, tax, dispatch … are filled in once and copied
// into every draft); the clerk picks an order and it is loaded into the form, which then
// checks it as usual. The SKU catalogue CSV is remembered in localStorage. Everything here
// runs in the validation WASM: served without it (checks through the server), the tool is
// not offered. No rule about exports or report layouts lives here: niryat reads the report.

const CATALOGUE_KEY = 'niryat.catalogue.v1';
/** The JSON of the draft last opened in this tab (sessionStorage: it survives a reload). */
const OPENED_KEY = 'niryat.orders.opened';

/**
 * Which marketplace a report probably comes from: Amazon's order report is tab-separated with
 * an `order-id` (or `amazon-order-id`) heading; eBay's orders CSV is comma-separated with
 * "Order Number". A guess only: the clerk can change it, and niryat names wrong columns.
 * @param {string} text
 * @returns {'amazon' | 'ebay'}
 */
export function guessMarketplace(text) {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (/(^|\t)"?(amazon-)?order-id"?(\t|$)/.test(first)) return 'amazon';
  if (/(^|,)"?(Order Number|Sales Record Number)"?(,|$)/.test(first)) return 'ebay';
  return first.split('\t').length > first.split(',').length ? 'amazon' : 'ebay';
}

/** The remembered catalogue ({name, text}) or null. */
function savedCatalogue() {
  try {
    const c = JSON.parse(localStorage.getItem(CATALOGUE_KEY) ?? 'null');
    if (c && typeof c.text === 'string') return { name: String(c.name ?? ''), text: c.text };
  } catch (_) {
    // A broken entry is forgotten below.
  }
  localStorage.removeItem(CATALOGUE_KEY);
  return null;
}

/** Objects and lists with nothing in them count as empty. */
function isEmpty(v) {
  if (v == null || v === '') return true;
  if (Array.isArray(v)) return v.every(isEmpty);
  if (typeof v === 'object') return Object.values(v).every(isEmpty);
  return false;
}

/**
 * Sets up the tool.
 * @param {object} form what the form lends the tool
 * @param {(key: string, ...args: any[]) => string} form.t the form's words, in its language
 * @param {(tag: string, attrs?: object, ...children: any[]) => HTMLElement} form.el
 * @param {() => string} form.lang the form's language (`en` or `hi`)
 * @param {() => any} form.niryat the validation build
 * @param {() => object} form.shipment the form's shipment as niryat sees it (the template)
 * @param {(s: object) => void} form.load replaces the form's consignment with `s`
 * @param {(text: string, kind?: string) => void} form.status
 * @returns {{ relabel: () => void }}
 */
export function setupOrders(form) {
  const { t, el } = form;
  const button = /** @type {HTMLButtonElement} */ (document.getElementById('open-orders'));
  const L = (key, tag = 'span', attrs = {}) => el(tag, { ...attrs, 'data-l': key }, t(key));

  /** @type {{ name: string, text: string } | null} */
  let report = null;
  let catalogue = savedCatalogue();
  /** The last import's result. */
  let result = null;
  /** The failure of the last import (not niryat's issues: an exception), if any. */
  let failure = '';

  const market = /** @type {HTMLSelectElement} */ (
    el(
      'select',
      { id: 'orders-market' },
      el('option', { value: 'amazon', 'data-l': 'orders_amazon' }, t('orders_amazon')),
      el('option', { value: 'ebay', 'data-l': 'orders_ebay' }, t('orders_ebay')),
    )
  );
  const reportInput = el('input', { type: 'file', id: 'orders-report', accept: '.txt,.tsv,.csv,text/plain,text/csv,text/tab-separated-values', hidden: true });
  const catalogueInput = el('input', { type: 'file', id: 'orders-catalogue', accept: '.csv,text/csv', hidden: true });
  const reportName = el('span', { class: 'file-name', id: 'orders-report-name' });
  const catalogueName = el('span', { class: 'file-name', id: 'orders-catalogue-name' });
  const forget = el('button', { type: 'button', class: 'link danger', id: 'orders-forget', 'data-l': 'orders_forget_catalogue' }, t('orders_forget_catalogue'));
  const issues = el('ul', { class: 'issue-list', id: 'orders-issues' });
  const list = el('div', { id: 'orders-list' });
  const dialog = /** @type {HTMLDialogElement} */ (
    el(
      'dialog',
      { id: 'orders-dialog', class: 'orders', 'aria-labelledby': 'orders-title' },
      el(
        'div',
        { class: 'orders-head' },
        el('h2', { id: 'orders-title', 'data-l': 'orders_title' }, t('orders_title')),
        el('button', { type: 'button', class: 'link', id: 'orders-close', 'data-l': 'close', onclick: () => dialog.close() }, t('close')),
      ),
      L('orders_template_note', 'p', { class: 'muted small' }),
      el(
        'div',
        { class: 'orders-form' },
        L('orders_report', 'span', { class: 'label' }),
        el('div', { class: 'orders-pick' }, el('label', { class: 'button-like secondary' }, L('orders_pick_report'), reportInput), reportName),
        el('label', { class: 'label', for: 'orders-market', 'data-l': 'orders_marketplace' }, t('orders_marketplace')),
        el('div', { class: 'orders-pick' }, market, L('orders_market_guess', 'span', { class: 'muted small' })),
        L('orders_catalogue', 'span', { class: 'label' }),
        el('div', { class: 'orders-pick' }, el('label', { class: 'button-like secondary' }, L('orders_pick_catalogue'), catalogueInput), catalogueName, forget),
      ),
      issues,
      list,
    )
  );
  document.body.append(dialog);

  const country = (s) => s.consignee?.address?.country ?? s.destination_country ?? '';

  function show() {
    reportName.textContent = report ? report.name : t('orders_no_report');
    catalogueName.textContent = catalogue ? t('orders_catalogue_kept', catalogue.name || 'CSV') : t('orders_no_catalogue');
    forget.hidden = !catalogue;
    const found = result?.issues ?? [];
    issues.replaceChildren(
      ...(failure ? [el('li', { class: 'error', 'data-code': 'error' }, failure)] : []),
      ...found.map((i) =>
        el(
          'li',
          { class: i.severity === 'error' ? 'error' : 'warning', 'data-code': i.code },
          el('strong', {}, t(`sev_${i.severity === 'error' ? 'error' : 'warning'}`)),
          i.line ? ` (${t('orders_line', i.line)})` : '',
          ' — ',
          i.message,
        ),
      ),
    );
    const orders = result?.orders ?? [];
    if (!orders.length) {
      list.replaceChildren(report && result?.ok ? L('orders_none', 'p', { class: 'muted' }) : '');
      return;
    }
    list.replaceChildren(
      el(
        'table',
        { class: 'orders-table' },
        el('thead', {}, el('tr', {}, ['orders_col_id', 'orders_col_buyer', 'orders_col_country', 'orders_col_lines', 'orders_col_check', ''].map((k) => (k ? L(k, 'th') : el('th'))))),
        el(
          'tbody',
          {},
          orders.map((o, n) => {
            const missing = o.check.issues.filter((i) => i.code === 'missing_field').length;
            const errors = o.check.issues.filter((i) => i.severity === 'error').length;
            const words = [errors ? t('n_errors', errors) : null, missing ? t('n_missing', missing) : null].filter(Boolean).join(' · ');
            return el(
              'tr',
              { 'data-order': o.order_id },
              el('td', { class: 'mono' }, o.order_id),
              el('td', {}, o.shipment.consignee?.name ?? ''),
              el('td', {}, country(o.shipment)),
              el('td', { class: 'num' }, String(o.shipment.items?.length ?? 0)),
              el('td', { class: errors ? 'bad' : missing ? 'missing' : 'good' }, words || '✓ ' + t('ready')),
              el('td', {}, el('button', { type: 'button', class: 'primary', 'data-open-order': String(n), 'data-l': 'orders_open' }, t('orders_open'))),
            );
          }),
        ),
      ),
    );
  }

  /** Reads the report with the form as the template; the form itself is not touched. */
  function run() {
    failure = '';
    result = null;
    if (report) {
      try {
        result = form.niryat().importOrders(report.text, market.value, form.shipment(), { catalogue: catalogue?.text ?? null, lang: form.lang() });
      } catch (e) {
        // The form's own consignment could not serve as the template (a word where a number
        // goes), or the build is restarting after a crash: niryat's message, nothing opened.
        failure = `${t('orders_failed')} ${e.message}`;
      }
    }
    show();
  }

  /** Loads order `n` into the form, asking first when that replaces another consignment. */
  function open(n) {
    const order = result?.orders?.[n];
    if (!order) return;
    const now = form.shipment();
    const holdsOne = !isEmpty(now.consignee) || !isEmpty(now.items) || !isEmpty(now.packages);
    // Asked unless the form holds nothing of a consignment, or just the order last opened.
    const replaces = holdsOne && JSON.stringify(now) !== sessionStorage.getItem(OPENED_KEY);
    if (replaces && !confirm(t('confirm_open_order', order.order_id))) return;
    const draft = structuredClone(order.shipment);
    form.load(draft);
    sessionStorage.setItem(OPENED_KEY, JSON.stringify(form.shipment()));
    dialog.close();
    form.status(t('orders_opened', order.order_id));
  }

  async function readFile(input) {
    const file = input.files?.[0];
    input.value = '';
    return file ? { name: file.name, text: await file.text() } : null;
  }

  reportInput.addEventListener('change', async () => {
    const file = await readFile(reportInput);
    if (!file) return;
    report = file;
    market.value = guessMarketplace(file.text);
    run();
  });
  catalogueInput.addEventListener('change', async () => {
    const file = await readFile(catalogueInput);
    if (!file) return;
    catalogue = file;
    try {
      localStorage.setItem(CATALOGUE_KEY, JSON.stringify(file));
    } catch (_) {
      // Too big to keep: it is used for this session only.
    }
    run();
  });
  forget.addEventListener('click', () => {
    localStorage.removeItem(CATALOGUE_KEY);
    catalogue = null;
    run();
  });
  market.addEventListener('change', run);
  list.addEventListener('click', (e) => {
    const b = /** @type {HTMLElement} */ (e.target).closest?.('[data-open-order]');
    if (b instanceof HTMLElement) open(Number(b.dataset.openOrder));
  });
  button.addEventListener('click', () => {
    // The template is the form as it stands now: read the report again.
    run();
    dialog.showModal();
  });
  button.hidden = false;
  show();

  return {
    /** After a language switch: niryat's messages again, in the new language. */
    relabel: () => {
      if (report) run();
      else show();
    },
  };
}
