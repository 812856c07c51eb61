/*
 * What the dashboard's pages (metrics and evaluation) share: the analyst token, pasted once and kept in this tab's
 * sessionStorage; reading the API with it; the scope and as-of controls; charts (Chart.js) and tables; and the page's
 * state in body[data-state] ("signed-out", "loading", "ready" or "error") with body[data-as-of] and [data-location], so
 * that tests (and people) can tell when a page is done and what it shows. A page calls WerkdeskPage.start with a function
 * that loads and shows its figures for a scope.
 */
'use strict';
window.WerkdeskPage = (() => {
  const TOKEN_KEY = 'werkdesk.analystToken';
  const charts = {};
  const $ = id => document.getElementById(id);

  class TokenRefused extends Error {}

  function today() {
    return new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Amsterdam'}).format(new Date());
  }

  async function get(path, params) {
    const url = new URL(path, window.location.origin);
    Object.entries(params || {}).forEach(([name, value]) => { if (value) url.searchParams.set(name, value); });
    const response = await fetch(url, {
      headers: {Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'application/json'}
    });
    if (response.status === 401 || response.status === 403) {
      throw new TokenRefused('The token was refused (' + response.status + '): it may have expired, or it is not an analyst token.');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('The API answered ' + response.status));
    }
    return response.json();
  }

  function scope() {
    return {location: $('filter-location').value, phase: $('filter-phase').value, asOf: $('filter-as-of').value};
  }

  /** Fills the scope controls from the metrics' filters and the page's query string; returns the filters. */
  async function showFilters() {
    const filters = await get('/api/v1/metrics/filters');
    const params = new URLSearchParams(window.location.search);
    $('filter-location').length = 1;
    $('filter-phase').length = 1;
    filters.locations.forEach(name => $('filter-location').add(new Option(name, name)));
    filters.phases.forEach(phase => $('filter-phase').add(new Option(
        'Phase ' + phase.number + ' (' + phase.startsOn + ' – ' + (phase.endsOn || 'now') + ')', String(phase.number))));
    $('filter-location').value = params.get('location') || '';
    $('filter-phase').value = params.get('phase') || '';
    $('filter-as-of').max = today();
    $('filter-as-of').value = params.get('asOf') || today();
    return filters;
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    config.options = Object.assign({animation: false, responsive: true}, config.options);
    charts[id] = new window.Chart($(id), config);
  }

  function fillTable(id, rows) {
    $(id).tBodies[0].replaceChildren(...rows.map(cells => {
      const row = document.createElement('tr');
      cells.forEach((text, index) => {
        const cell = document.createElement('td');
        cell.textContent = text;
        if (index > 0) {
          cell.className = 'number';
        }
        row.appendChild(cell);
      });
      return row;
    }));
  }

  function fail(failure) {
    document.body.dataset.state = 'error';
    $('status').className = 'error';
    $('status').textContent = failure.message;
    if (failure instanceof TokenRefused) {
      sessionStorage.removeItem(TOKEN_KEY);
      $('token-panel').hidden = false;
      $('dashboard').hidden = true;
      $('token-title').textContent = failure.message + ' Paste another analyst token.';
    }
  }

  /**
   * Opens the pilot-end report of the chosen scope and date in a new tab. The API needs the bearer token, which a plain link
   * cannot send: the page fetches the document and opens it from memory (a blob URL). The tab opens at once, while the click
   * still counts as the user's, and shows the report when it has arrived.
   */
  async function openReport() {
    const tab = window.open('', '_blank');
    const url = new URL('/api/v1/evaluation/report', window.location.origin);
    Object.entries(scope()).forEach(([name, value]) => { if (value) url.searchParams.set(name, value); });
    try {
      const response = await fetch(url, {
        headers: {Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'text/html'}
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || ('The report could not be made: the API answered ' + response.status));
      }
      const report = URL.createObjectURL(new Blob([await response.text()], {type: 'text/html'}));
      if (tab) {
        tab.location.href = report;
      } else {
        window.location.href = report;
      }
    } catch (failure) {
      if (tab) {
        tab.close();
      }
      $('status').className = 'error';
      $('status').textContent = failure.message;
    }
  }

  /**
   * Wires the token form and the scope controls, and shows the page once a token is there.
   * @param page {{suppressionNote: string, show: function(object): Promise}} the page's own parts: the end of its note on
   *     suppressed counts, and how to load and show its figures for a scope
   */
  function start(page) {
    async function render() {
      const current = scope();
      document.body.dataset.state = 'loading';
      $('status').className = '';
      $('status').textContent = 'Loading…';
      try {
        await page.show(current);
        // The other pages open on the same scope.
        const query = new URLSearchParams(Object.entries(current).filter(([, value]) => value)).toString();
        document.querySelectorAll('nav.pages a').forEach(link => { link.search = query; });
        $('status').textContent = 'Figures as of ' + current.asOf + ' · ' + (current.location || 'all locations') + ' · '
            + (current.phase ? 'phase ' + current.phase : 'all phases');
        document.body.dataset.asOf = current.asOf;
        document.body.dataset.location = current.location;
        document.body.dataset.state = 'ready';
      } catch (failure) {
        fail(failure);
      }
    }

    async function open() {
      if (!sessionStorage.getItem(TOKEN_KEY)) {
        document.body.dataset.state = 'signed-out';
        return;
      }
      $('token-panel').hidden = true;
      $('dashboard').hidden = false;
      try {
        const filters = await showFilters();
        $('suppression-note').textContent = 'Counts from 1 to ' + (filters.suppressionThreshold - 1) + ' in a breakdown are shown as "<'
            + filters.suppressionThreshold + '" so that no person can be recognised' + page.suppressionNote;
        await render();
      } catch (failure) {
        fail(failure);
      }
    }

    $('token-form').addEventListener('submit', event => {
      event.preventDefault();
      const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
      if (token) {
        sessionStorage.setItem(TOKEN_KEY, token);
        $('token').value = '';
        open();
      }
    });
    $('filters').addEventListener('submit', event => {
      event.preventDefault();
      render();
    });
    $('open-report').addEventListener('click', openReport);
    $('forget-token').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      window.location.reload();
    });
    open();
  }

  return {$, get, draw, fillTable, start};
})();
