// The consignment form. The shipment being typed is kept as the model's JSON (`state`);
// every input is bound to a JSON Pointer into it (data-path). niryat's validation build
// checks the whole shipment on every keystroke and each issue is shown beside the input
// its path points at. The full build (with the PDF renderer) is loaded only when a PDF
// is asked for. No rule about exports lives here: this file lays out and displays.
//
// Served by `niryat serve` (the page then carries <meta name="niryat-api">), the form asks
// the server for PDFs and text formats instead of loading the full build; if the server has
// no validation build either (<meta name="niryat-wasm" content="none">), it checks through
// the server's /v1/validate too. Opened from a file or a static host, it works offline as
// before. The shipment being typed is saved in localStorage on every change and restored on
// the next visit, so a reload, a crash or a closed tab loses nothing. A server started with
// --token-file wants a bearer token: the form asks for it (token.js). With the validation
// build, "Open orders" reads a marketplace order report into draft consignments (orders.js).
import { LABELS } from './labels.js';
import { setupOrders } from './orders.js';
import { tokenFetch } from './token.js';
import { SECTIONS, ITEM_FIELDS, PACKAGE_FIELDS, COUNTRIES, UNITS, CURRENCIES, INCOTERMS } from './fields.js';

const PKG_VALIDATE = '../pkg-validate/index.js';
const PDF_WORKER = './pdf-worker.js'; // imports ../pkg-full/index.js on its first job
const STORE_KEY = 'niryat.form.v1';
const LANG_KEY = 'niryat.lang';
/** The API's base URL when served by `niryat serve`, else null (offline: everything in WASM). */
const API = document.querySelector('meta[name="niryat-api"]') ? new URL('v1/', location.href).href : null;
/** Served without the validation build: checks go to the server. */
const REMOTE_CHECK = API !== null && document.querySelector('meta[name="niryat-wasm"]')?.getAttribute('content') === 'none';

// ---------------------------------------------------------------- state

let lang = localStorage.getItem(LANG_KEY) === 'hi' ? 'hi' : 'en';
let state = loadState();
const touched = new Set();
let showAll = false;
let niryat = null; // the validation build
let worker = null; // runs the full build, started when a PDF is first asked for
let jobs = 0;
const pending = new Map();
let lastIssues = [];
let docs = [];
let kindList = [];
let scheduled = false;
let orders = null; // the "Open orders" tool, when the validation build is there
/** fetch for the API (set up at start): adds the bearer token, asking for it when wanted. */
let apiFetch = fetch;

function loadState() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    if (saved && typeof saved === 'object') return saved;
  } catch (_) {
    // A broken draft is dropped; the form starts empty.
  }
  return blankState();
}

function blankState() {
  return { purpose: 'commercial', items: [{}], packages: [{ contents: [{}] }] };
}

const t = (key, ...args) => {
  const v = LABELS[lang][key] ?? LABELS.en[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
};

// ---------------------------------------------------------------- JSON Pointer helpers

const unescape = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const segments = (p) => (p === '' ? [] : p.slice(1).split('/').map(unescape));

function getAt(obj, p) {
  let cur = obj;
  for (const s of segments(p)) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = cur[s];
  }
  return cur;
}

function setAt(obj, p, value) {
  const segs = segments(p);
  let cur = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const next = segs[i + 1];
    if (cur[segs[i]] == null || typeof cur[segs[i]] !== 'object') cur[segs[i]] = /^\d+$/.test(next) ? [] : {};
    cur = cur[segs[i]];
  }
  const last = segs[segs.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  prune(obj, segs.slice(0, -1));
}

// Removes objects left empty by clearing a field (lists keep their rows).
function prune(obj, segs) {
  for (let n = segs.length; n > 0; n--) {
    const parent = n === 1 ? obj : getAt(obj, '/' + segs.slice(0, n - 1).join('/'));
    const key = segs[n - 1];
    const v = parent?.[key];
    if (Array.isArray(parent) || Array.isArray(v)) return;
    if (v && typeof v === 'object' && Object.keys(v).length === 0) delete parent[key];
    else return;
  }
}

// ---------------------------------------------------------------- rendering

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) e.append(c);
  return e;
};

function labelKey(spec) {
  if (typeof spec.l === 'function') return spec.l(state);
  if (spec.l) return spec.l;
  const segs = segments(spec.p);
  return segs[segs.length - 1];
}

function fieldId(p) {
  return 'f' + p.replace(/[^a-z0-9]+/gi, '-');
}

function field(spec) {
  const p = spec.p;
  const id = fieldId(p);
  const value = getAt(state, p);
  const key = labelKey(spec);
  const wrap = el('div', { class: `field w${spec.w ?? 6}`, 'data-field': p });
  let input;
  if (spec.type === 'radio') {
    input = el(
      'div',
      { class: 'radios', role: 'radiogroup', 'aria-labelledby': id + '-l', 'data-path': p, 'data-type': 'radio' },
      spec.options.map((o) =>
        el(
          'label',
          { class: 'radio' },
          el('input', { type: 'radio', name: id, value: o.value, checked: value === o.value, 'data-radio-of': p }),
          el('span', { 'data-l': o.label }, t(o.label)),
        ),
      ),
    );
    wrap.append(el('span', { class: 'label', id: id + '-l', 'data-l': key }, t(key)), input);
  } else {
    if (spec.type === 'select' || spec.type === 'bool') {
      input = el(
        'select',
        { id, 'data-path': p, 'data-type': spec.type, 'data-resets': spec.resets },
        el('option', { value: '', 'data-l': 'choose' }, t('choose')),
        spec.options.map((o) => el('option', { value: o.value, selected: value != null && String(value) === o.value, 'data-l': o.label }, o.text ?? t(o.label))),
      );
    } else {
      const type = { date: 'date', email: 'email', tel: 'tel', url: 'url' }[spec.type] ?? 'text';
      input = el('input', {
        id,
        type,
        'data-path': p,
        'data-type': spec.type ?? 'text',
        inputmode: spec.type === 'decimal' ? 'decimal' : spec.type === 'int' ? 'numeric' : undefined,
        list: spec.list,
        autocomplete: 'off',
        spellcheck: 'false',
        'data-upper': spec.upper,
      });
      input.value = value == null ? '' : String(value);
    }
    input.setAttribute('aria-describedby', id + '-m');
    wrap.append(el('label', { for: id, class: 'label', 'data-l': key }, t(key)), input);
  }
  wrap.append(el('div', { class: 'msg', id: id + '-m', 'aria-live': 'polite' }));
  if (spec.when && !spec.when(state)) wrap.hidden = true;
  if (spec.when) wrap.dataset.when = '1';
  wrap._spec = spec;
  return wrap;
}

function section(sec) {
  const body = sec.group === 'items' ? itemsGroup() : sec.group === 'packages' ? packagesGroup() : sec.fields.map(field);
  return el(
    'section',
    { class: 'card', id: sec.id, 'data-group': sec.group ? '/' + sec.group : undefined },
    el('h2', { 'data-l': sec.id }, t(sec.id)),
    el('div', { class: 'grid', 'data-body': sec.id }, body),
    el('div', { class: 'msg group-msg', 'data-group-msg': sec.group ? '/' + sec.group : undefined }),
  );
}

function itemsGroup() {
  const items = (state.items ??= [{}]);
  const rows = items.map((_, i) =>
    el(
      'div',
      { class: 'row-card w12', 'data-group': `/items/${i}` },
      el(
        'div',
        { class: 'row-head' },
        el('strong', {}, el('span', { 'data-l': 'line' }, t('line')), ` ${i + 1}`),
        items.length > 1 ? el('button', { type: 'button', class: 'link danger', 'data-l': 'remove', onclick: () => removeRow('items', i) }, t('remove')) : null,
      ),
      el('div', { class: 'grid' }, ITEM_FIELDS.map((f) => field({ ...f, p: `/items/${i}/${f.f}` }))),
      el('div', { class: 'msg group-msg', 'data-group-msg': `/items/${i}` }),
    ),
  );
  return [
    ...rows,
    el('div', { class: 'w12' }, el('button', { type: 'button', class: 'secondary', id: 'add-item', 'data-l': 'add_item', onclick: () => addRow('items', {}) }, t('add_item'))),
  ];
}

function packagesGroup() {
  const packages = (state.packages ??= [{ contents: [{}] }]);
  const rows = packages.map((pkg, i) => {
    const contents = (pkg.contents ??= [{}]);
    return el(
      'div',
      { class: 'row-card w12', 'data-group': `/packages/${i}` },
      el(
        'div',
        { class: 'row-head' },
        el('strong', {}, el('span', { 'data-l': 'package' }, t('package')), ` ${i + 1}`),
        packages.length > 1 ? el('button', { type: 'button', class: 'link danger', 'data-l': 'remove', onclick: () => removeRow('packages', i) }, t('remove')) : null,
      ),
      el('div', { class: 'grid' }, PACKAGE_FIELDS.map((f) => field({ ...f, p: `/packages/${i}/${f.f}` }))),
      el(
        'fieldset',
        { class: 'contents', 'data-group': `/packages/${i}/contents` },
        el('legend', { 'data-l': 'contents' }, t('contents')),
        contents.map((_, j) =>
          el(
            'div',
            { class: 'grid contents-row', 'data-group': `/packages/${i}/contents/${j}` },
            field({ p: `/packages/${i}/contents/${j}/line`, l: 'contents_line', type: 'int', w: 4 }),
            field({ p: `/packages/${i}/contents/${j}/quantity`, l: 'contents_quantity', type: 'decimal', w: 4 }),
            contents.length > 1
              ? el('div', { class: 'field w4 end' }, el('button', { type: 'button', class: 'link danger', 'data-l': 'remove', onclick: () => removeContent(i, j) }, t('remove')))
              : null,
            el('div', { class: 'msg group-msg w12', 'data-group-msg': `/packages/${i}/contents/${j}` }),
          ),
        ),
        el('button', { type: 'button', class: 'link', id: `add-content-${i}`, 'data-l': 'add_content', onclick: () => addContent(i) }, t('add_content')),
      ),
      el('div', { class: 'msg group-msg', 'data-group-msg': `/packages/${i}` }),
    );
  });
  return [
    ...rows,
    el('div', { class: 'w12' }, el('button', { type: 'button', class: 'secondary', id: 'add-package', 'data-l': 'add_package', onclick: () => addRow('packages', { contents: [{}] }) }, t('add_package'))),
  ];
}

function rerenderGroup(group) {
  const body = document.querySelector(`[data-body="sec_${group}"]`);
  body.replaceChildren(...(group === 'items' ? itemsGroup() : packagesGroup()));
  changed();
}

function addRow(group, blank) {
  (state[group] ??= []).push(blank);
  rerenderGroup(group);
  const last = state[group].length - 1;
  /** @type {HTMLInputElement | null} */ (document.querySelector(`[data-group="/${group}/${last}"] input`))?.focus();
}

function removeRow(group, i) {
  state[group].splice(i, 1);
  rerenderGroup(group);
}

function addContent(i) {
  state.packages[i].contents.push({});
  rerenderGroup('packages');
}

function removeContent(i, j) {
  state.packages[i].contents.splice(j, 1);
  rerenderGroup('packages');
}

function renderForm() {
  const form = document.getElementById('form');
  form.replaceChildren(...SECTIONS.map(section));
}

function applyLabels() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll('[data-l]')) {
    if (e instanceof HTMLElement) e.textContent = t(e.dataset.l);
  }
  document.getElementById('lang-toggle').textContent = t('lang_switch');
  document.title = `niryat — ${t('app_title')}`;
}

// ---------------------------------------------------------------- input handling

function readInput(input) {
  const type = input.dataset.type;
  let v = input.value;
  if (input.dataset.upper !== undefined && v !== v.toUpperCase()) {
    const pos = input.selectionStart;
    input.value = v = v.toUpperCase();
    try {
      input.setSelectionRange(pos, pos);
    } catch (_) {
      // date and email inputs have no selection.
    }
  }
  if (type !== 'text' && type !== 'date') v = v.trim();
  if (v === '') return undefined;
  if (type === 'int' && /^\d{1,9}$/.test(v)) return Number(v);
  if (type === 'bool') return v === 'true';
  return v; // decimals stay text: niryat reads them exactly
}

function onInput(e) {
  const target = e.target;
  let p;
  let value;
  if (target.dataset.radioOf) {
    p = target.dataset.radioOf;
    value = target.value;
  } else if (target.dataset.path) {
    p = target.dataset.path;
    value = readInput(target);
  } else {
    return;
  }
  if (target.dataset.resets) {
    // Changing the GST treatment starts its block afresh: fields of another kind would not fit.
    setAt(state, target.dataset.resets, value === undefined ? undefined : {});
  }
  setAt(state, p, value);
  touched.add(p);
  for (const el of document.querySelectorAll('[data-when]')) {
    const w = /** @type {HTMLElement & { _spec: any }} */ (el);
    w.hidden = !w._spec.when(state);
    const label = /** @type {HTMLElement | null} */ (w.querySelector('.label'));
    if (typeof w._spec.l === 'function' && label) {
      label.dataset.l = labelKey(w._spec);
      label.textContent = t(label.dataset.l);
    }
  }
  changed();
}

function onBlur(e) {
  const p = e.target.dataset?.path ?? e.target.dataset?.radioOf;
  if (p && !touched.has(p)) {
    touched.add(p);
    showIssues();
  }
}

function changed() {
  localStorage.setItem(STORE_KEY, JSON.stringify(state));
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      check();
    });
  }
}

// ---------------------------------------------------------------- checking

/** The shipment as niryat sees it: a contents row nobody has filled in is not sent. */
function shipment() {
  const s = structuredClone(state);
  for (const pkg of s.packages ?? []) {
    while (pkg.contents?.length && Object.keys(pkg.contents[pkg.contents.length - 1]).length === 0) pkg.contents.pop();
    if (pkg.contents && pkg.contents.length === 0) delete pkg.contents;
  }
  return s;
}

let lastMs = 0;
function check() {
  if (REMOTE_CHECK) return checkRemote();
  if (!niryat) return;
  const t0 = performance.now();
  try {
    // One call: the draft check's issues, and for each document the issues that block it
    // (what its own strict check, the one rendering runs, refuses).
    checked(niryat.validate(shipment(), { draft: true, lang }));
  } catch (e) {
    // Input niryat cannot read at all (a word where a number goes): one issue at its path.
    unreadable(e.code, e.path, e.message.replace(/^[^:]*: /, ''));
  }
  lastMs = performance.now() - t0;
  showIssues();
  showDocs();
}

/** Takes a validation result ({valid, documents, issues}). */
function checked(r) {
  lastIssues = r.issues;
  docs = r.documents.map((name) => ({ name, errors: r.issues.filter((i) => i.blocks.includes(name)) }));
}

/** Input niryat cannot read: one issue at its path; the list of documents stays as it was. */
function unreadable(code, path, message) {
  lastIssues = [{ code: code ?? 'error', path: path ?? '', severity: 'error', message, params: {}, blocks: [] }];
}

/** POSTs the shipment to the API; resolves with the answer, rejects with niryat's problem. */
async function post(path, body) {
  const res = await apiFetch(API + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.ok) return res;
  let problem = {};
  try {
    problem = await res.json();
  } catch (_) {
    // Not problem+json (a proxy's page): the status says enough.
  }
  const issues = (problem.issues ?? []).map((i) => ({ blocks: [], ...i }));
  // 401: the clerk did not give the server's access token (token.js asked).
  const detail = res.status === 401 ? t('token_missing') : problem.detail;
  throw Object.assign(new Error(detail ?? `${res.status} ${res.statusText}`), { code: problem.code, issues, status: res.status });
}

let remoteSeq = 0;
let remoteTimer = 0;
/** Checks through the server, a moment after the last keystroke; late answers are dropped. */
function checkRemote() {
  clearTimeout(remoteTimer);
  remoteTimer = setTimeout(async () => {
    const n = ++remoteSeq;
    const t0 = performance.now();
    try {
      const r = await (await post(`validate?draft=true&lang=${lang}`, shipment())).json();
      if (n !== remoteSeq) return;
      checked(r);
    } catch (e) {
      if (n !== remoteSeq) return;
      const first = e.issues?.[0];
      if (e.code === 'malformed_input' && first) unreadable(first.code, first.path, first.message);
      else {
        status(`${t('load_failed')} (${e.message})`, 'bad');
        return;
      }
    }
    lastMs = performance.now() - t0;
    showIssues();
    showDocs();
  }, 120);
}

/** Asks the server for a document; resolves with its bytes. */
async function fetchDocument(shipment, doc, params) {
  status(t('downloading'));
  const query = new URLSearchParams(params).toString();
  const res = await post(`documents/${encodeURIComponent(doc)}?${query}`, shipment);
  return new Uint8Array(await res.arrayBuffer());
}

function targetOf(issue) {
  let p = issue.path;
  if (issue.params?.field) p = (p === '/' ? '' : p) + '/' + issue.params.field;
  // Walk up from the issue's path to the nearest input or group on the page.
  for (;;) {
    const input = /** @type {HTMLElement | null} */ (document.querySelector(`[data-field="${CSS.escape(p)}"]`));
    if (input && !input.hidden) return { kind: 'field', el: input, p };
    const group = document.querySelector(`[data-group-msg="${CSS.escape(p)}"]`);
    if (group) return { kind: 'group', el: group, p };
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

const isMissing = (i) => i.code === 'missing_field';

function showIssues() {
  for (const f of document.querySelectorAll('.field.has-error, .field.has-warning, .field.has-missing')) f.classList.remove('has-error', 'has-warning', 'has-missing');
  for (const m of document.querySelectorAll('.msg')) m.replaceChildren();
  const other = [];
  let errors = 0;
  let missing = 0;
  let warnings = 0;
  for (const issue of lastIssues) {
    const kind = issue.severity === 'error' ? 'error' : isMissing(issue) ? 'missing' : 'warning';
    if (kind === 'error') errors++;
    else if (kind === 'missing') missing++;
    else warnings++;
    const target = targetOf(issue);
    const visible = kind !== 'missing' || showAll || (target && touched.has(target.p));
    if (!target) {
      other.push({ issue, kind });
      continue;
    }
    issue._target = target;
    if (!visible) continue;
    const text = issueText(issue, target);
    const box = target.kind === 'field' ? target.el.querySelector('.msg') : target.el;
    box.append(el('div', { class: `issue ${kind}`, 'data-code': issue.code }, el('span', { class: 'sev' }, t(`sev_${kind}`)), ' ', text));
    if (target.kind === 'field') target.el.classList.add(`has-${kind}`);
  }
  const summary = document.getElementById('summary');
  const parts = [
    errors ? el('span', { class: 'chip error' }, t('n_errors', errors)) : null,
    missing ? el('span', { class: 'chip missing' }, t('n_missing', missing)) : null,
    warnings ? el('span', { class: 'chip warning' }, t('n_warnings', warnings)) : null,
  ].filter(Boolean);
  summary.replaceChildren(
    parts.length ? el('p', { class: 'chips' }, parts) : el('p', { class: 'good' }, '✓ ' + t('summary_clean')),
    el('p', { class: 'timing' }, t('checked_in', lastMs.toFixed(2))),
  );
  document.getElementById('check-all').hidden = showAll || missing === 0;
  const list = document.getElementById('issue-list');
  const shown = lastIssues.filter((i) => i.severity === 'error' || !isMissing(i) || showAll).slice(0, 30);
  list.replaceChildren(
    ...shown.map((i) =>
      el(
        'li',
        { class: i.severity === 'error' ? 'error' : isMissing(i) ? 'missing' : 'warning' },
        el('button', { type: 'button', class: 'link', onclick: () => goTo(i) }, i._target ? fieldName(i._target) : i.path || '/'),
        el('span', {}, ' — ', issueText(i, i._target)),
      ),
    ),
  );
}

/** What to say beside a field: niryat's message, or a plainer one where the form knows better. */
function issueText(issue, target) {
  if (isMissing(issue)) {
    const docs = (issue.params?.for ?? '').split(',').filter(Boolean).map((d) => t(`doc_${d}`));
    return docs.length ? t('needed_for', docs.join(', ')) : t('missing_message');
  }
  if (issue.code === 'malformed_input' && target?.kind === 'field') {
    const type = target.el.querySelector('[data-type]')?.dataset.type;
    if (type === 'decimal') return t('bad_decimal');
    if (type === 'int') return t('bad_int');
    if (type === 'date') return t('bad_date');
  }
  return issue.message;
}

function fieldName(target) {
  const lbl = target.el.querySelector?.('.label');
  return lbl ? lbl.textContent : target.p;
}

function goTo(issue) {
  const target = issue._target ?? targetOf(issue);
  if (!target) return;
  target.el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  target.el.querySelector?.('input, select')?.focus({ preventScroll: true });
}

function showDocs() {
  const box = document.getElementById('docs');
  if (!docs.length) {
    box.replaceChildren(el('p', { class: 'muted' }, t('no_documents')));
    return;
  }
  box.replaceChildren(
    ...docs.map((d) => {
      const toFill = d.errors.filter(isMissing).length;
      const wrong = d.errors.length - toFill;
      const readiness = wrong ? 'blocked' : toFill ? 'incomplete' : 'ok';
      const words = [wrong ? t('n_errors', wrong) : null, toFill ? t('n_missing', toFill) : null].filter(Boolean).join(' · ');
      return el(
        'div',
        { class: `doc ${readiness}`, 'data-doc': d.name },
        el('div', { class: 'doc-name' }, t(`doc_${d.name}`)),
        el('div', { class: 'doc-state' }, readiness === 'ok' ? '✓ ' + t('ready') : words),
        el('button', { type: 'button', class: d.errors.length ? 'secondary' : 'primary', 'data-download': d.name, onclick: () => download(d.name) }, t(downloadLabel(d.name))),
      );
    }),
  );
}

// ---------------------------------------------------------------- PDFs

function status(text, kind = '') {
  const s = document.getElementById('status');
  s.textContent = text;
  s.className = 'status ' + kind;
}

/** Renders a PDF in the worker; rejects with an Error carrying niryat's code and issues. */
function renderPdf(shipment, doc, options) {
  if (!worker) {
    status(t('loading_printer'));
    worker = new Worker(PDF_WORKER, { type: 'module' });
    worker.onmessage = ({ data }) => {
      const job = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) job.reject(Object.assign(new Error(data.error.message), data.error));
      else job.resolve(data.bytes);
    };
    worker.onerror = (e) => {
      for (const job of pending.values()) job.reject(new Error(e.message || 'the printing module failed to load'));
      pending.clear();
      worker = null;
    };
  } else {
    status(t('downloading'));
  }
  const id = ++jobs;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, shipment, doc, options });
  });
}

/** The first format niryat offers for a document (PDF for all printed papers). */
function formatOf(name) {
  return kindList.find((k) => k.name === name)?.formats[0] ?? 'pdf';
}

function downloadLabel(name) {
  const f = formatOf(name);
  return f === 'pdf' ? 'download' : `download_${f}`;
}

async function download(name) {
  const doc = docs.find((d) => d.name === name);
  if (doc?.errors.length) {
    showAll = true;
    showIssues();
    status(t('pdf_blocked'), 'bad');
    const first = lastIssues.find((i) => i.severity === 'error') ?? doc.errors[0];
    if (first) goTo(first);
    return;
  }
  const button = /** @type {HTMLButtonElement} */ (document.querySelector(`[data-download="${name}"]`));
  button.disabled = true;
  const fileBase = (state.invoice?.number ?? 'consignment').replace(/[^A-Za-z0-9-]+/g, '-');
  try {
    const format = formatOf(name);
    if (format !== 'pdf') {
      // Text formats (the GST e-invoice JSON) come from the validation build, or the server.
      const text = API ? await fetchDocument(shipment(), name, { format }) : niryat.render(shipment(), name, { format });
      save(new Blob([text], { type: format === 'json' ? 'application/json' : 'text/plain' }), `${fileBase}-${name}.${format}`);
      return;
    }
    const pdfLang = /** @type {HTMLSelectElement} */ (document.getElementById('pdf-lang')).value;
    const bytes = API ? await fetchDocument(shipment(), name, { format: 'pdf', lang: pdfLang }) : await renderPdf(shipment(), name, { lang: pdfLang });
    save(new Blob([bytes], { type: 'application/pdf' }), `${fileBase}-${name}.pdf`);
    status('');
  } catch (e) {
    status(`${t('pdf_failed')} ${e.message}`, 'bad');
    if (e.issues) {
      showAll = true;
      lastIssues = e.issues;
      showIssues();
    }
  } finally {
    button.disabled = false;
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------------------------------------------------------------- files

function saveFile() {
  const name = (state.invoice?.number ?? 'consignment').replace(/[^A-Za-z0-9-]+/g, '-');
  save(new Blob([JSON.stringify(state, null, 2) + '\n'], { type: 'application/json' }), `${name}.json`);
}

/** Puts a consignment (a file opened, an order imported) in the form and checks it. */
function load(data) {
  state = data;
  if (!state.items?.length) state.items = [{}];
  if (!state.packages?.length) state.packages = [{ contents: [{}] }];
  touched.clear();
  renderForm();
  changed();
}

async function openFile(e) {
  const file = e.target.files?.[0];
  if (!file) return;
  try {
    const data = JSON.parse(await file.text());
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a consignment');
    load(data);
  } catch (err) {
    status(err.message, 'bad');
  }
  e.target.value = '';
}

function newForm() {
  if (!confirm(t('confirm_new'))) return;
  state = blankState();
  touched.clear();
  showAll = false;
  renderForm();
  changed();
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------- start

function datalists() {
  const list = (id, values) => el('datalist', { id }, values.map((v) => el('option', { value: v })));
  document.body.append(list('countries', COUNTRIES), list('units', UNITS), list('currencies', CURRENCIES), list('incoterms', INCOTERMS));
}

async function start() {
  datalists();
  renderForm();
  applyLabels();
  const form = document.getElementById('form');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('focusout', onBlur);
  form.addEventListener('submit', (e) => e.preventDefault());
  document.getElementById('lang-toggle').addEventListener('click', () => {
    lang = lang === 'en' ? 'hi' : 'en';
    localStorage.setItem(LANG_KEY, lang);
    applyLabels();
    check(); // the messages come from niryat in the form's language
    orders?.relabel();
  });
  document.getElementById('check-all').addEventListener('click', () => {
    showAll = true;
    showIssues();
  });
  document.getElementById('save-file').addEventListener('click', saveFile);
  document.getElementById('open-file').addEventListener('change', openFile);
  document.getElementById('new-form').addEventListener('click', newForm);
  // Without the validation build (served by a server that has none) there is nothing to keep
  // for offline use.
  if ('serviceWorker' in navigator && location.protocol !== 'file:' && !REMOTE_CHECK) {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Offline use is a bonus; the form works without it.
    });
  }
  if (API) {
    // Works offline only without a server: PDFs come from it.
    for (const p of document.querySelectorAll('[data-l="offline_ready"]')) /** @type {HTMLElement} */ (p).hidden = true;
  }
  if (API) apiFetch = tokenFetch({ t, el });
  status(t('loading'));
  try {
    if (REMOTE_CHECK) {
      const res = await apiFetch(API + 'kinds');
      if (!res.ok) throw new Error(res.status === 401 ? t('token_missing') : `${res.status} ${res.statusText}`);
      kindList = await res.json();
      niryat = {};
    } else {
      niryat = await import(PKG_VALIDATE);
      kindList = niryat.kinds();
      // Orders are read in WASM: served without the validation build there is no import.
      orders = setupOrders({ t, el, lang: () => lang, niryat: () => niryat, shipment, load, status });
    }
    status('');
  } catch (e) {
    status(`${t('load_failed')} (${e.message})`, 'bad');
    return;
  }
  check();
  document.body.classList.add('ready');
}

// For tests and for portals embedding the page: the shipment as typed, and a re-check.
// For tests and the console: the form's state, read-only.
/** @type {Window & { niryatForm?: object }} */ (window).niryatForm = { shipment, check: () => check(), issues: () => lastIssues, served: API !== null, remoteCheck: REMOTE_CHECK };

start();
