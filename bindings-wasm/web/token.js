// The access token of a `niryat serve` started with --token-file. The API answers 401 without
// it; the form then asks the clerk for the token once, keeps it for this tab only
// (sessionStorage: closing the tab forgets it, nothing is written to disk for later), sends
// it as `Authorization: Bearer …` on every API call, and asks again when it is refused.

const TOKEN_KEY = 'niryat.token';

/**
 * Makes the form's fetch for the API.
 * @param {object} form
 * @param {(key: string, ...args: any[]) => string} form.t the form's words, in its language
 * @param {(tag: string, attrs?: object, ...children: any[]) => HTMLElement} form.el
 * @returns {(url: string, init?: RequestInit) => Promise<Response>}
 */
export function tokenFetch({ t, el }) {
  /** @type {Promise<string | null> | null} */
  let asking = null;

  const input = /** @type {HTMLInputElement} */ (el('input', { type: 'password', id: 'token-input', autocomplete: 'off', spellcheck: 'false' }));
  const refused = el('p', { class: 'status bad', id: 'token-refused', 'data-l': 'token_refused', hidden: true }, t('token_refused'));
  const dialog = /** @type {HTMLDialogElement} */ (
    el(
      'dialog',
      { id: 'token-dialog', class: 'token', 'aria-labelledby': 'token-title' },
      el(
        'form',
        { method: 'dialog' },
        el('h2', { id: 'token-title', 'data-l': 'token_title' }, t('token_title')),
        el('p', { class: 'muted', 'data-l': 'token_why' }, t('token_why')),
        refused,
        el('label', { class: 'field' }, el('span', { class: 'label', 'data-l': 'token_label' }, t('token_label')), input),
        el(
          'div',
          { class: 'token-buttons' },
          el('button', { type: 'submit', class: 'primary', value: 'ok', id: 'token-ok', 'data-l': 'token_ok' }, t('token_ok')),
          el('button', { type: 'submit', class: 'secondary', value: 'cancel', id: 'token-cancel', formnovalidate: true, 'data-l': 'cancel' }, t('cancel')),
        ),
      ),
    )
  );
  document.body.append(dialog);

  /** Asks the clerk; resolves with the token given (kept) or null when cancelled. */
  function ask(wasRefused) {
    asking ??= new Promise((resolve) => {
      refused.hidden = !wasRefused;
      input.value = '';
      dialog.returnValue = '';
      dialog.addEventListener(
        'close',
        () => {
          asking = null;
          const token = input.value.trim();
          input.value = '';
          if (dialog.returnValue !== 'ok' || token === '') return resolve(null);
          sessionStorage.setItem(TOKEN_KEY, token);
          resolve(token);
        },
        { once: true },
      );
      dialog.showModal();
      input.focus();
    });
    return asking;
  }

  return async (url, init = {}) => {
    for (;;) {
      const sent = sessionStorage.getItem(TOKEN_KEY);
      const headers = new Headers(init.headers);
      if (sent) headers.set('authorization', `Bearer ${sent}`);
      const res = await fetch(url, { ...init, headers });
      if (res.status !== 401) return res;
      // Another call may have been given a new token meanwhile: try that one first.
      if (sessionStorage.getItem(TOKEN_KEY) !== sent) continue;
      if (sent) sessionStorage.removeItem(TOKEN_KEY);
      if ((await ask(sent !== null)) === null) return res; // not given: the 401 stands
    }
  };
}
