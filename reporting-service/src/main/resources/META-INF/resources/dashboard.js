/*
 * The programme manager's dashboard. It reads only the metrics API, with an analyst token the user pastes once;
 * the token stays in this tab's sessionStorage. Charts are drawn with Chart.js (a web jar served by this service).
 * body[data-state] is "loading", "ready" or "error", so that tests (and people) can tell when the page is done.
 */
'use strict';
(() => {
  const TOKEN_KEY = 'werkdesk.analystToken';
  const API = '/api/v1/metrics';
  const MAX_LOCATIONS_IN_CHART = 8;
  const STAGES = {
    enrolled: 'Enrolled', intake: 'Intake completed', activity: 'Training, CV help or job fair', 'twv-requested': 'TWV requested',
    'twv-granted': 'TWV granted', placed: 'Placed in paid work', sustained: 'Sustained (26 weeks)'
  };
  const SECTORS = {
    horeca: 'Horeca', production: 'Production', logistics: 'Logistics', cleaning: 'Cleaning', 'home-care': 'Home care', other: 'Other'
  };
  const COLOURS = ['#0b5cab', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#1098ad', '#c2255c', '#5c940d'];
  const whole = new Intl.NumberFormat('en-GB');
  const euros = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'EUR', maximumFractionDigits: 0});
  const percent = new Intl.NumberFormat('en-GB', {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1});
  const charts = {};
  const $ = id => document.getElementById(id);

  class TokenRefused extends Error {}

  function today() {
    return new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Amsterdam'}).format(new Date());
  }

  async function get(path, params) {
    const url = new URL(API + path, window.location.origin);
    Object.entries(params || {}).forEach(([name, value]) => { if (value) url.searchParams.set(name, value); });
    const response = await fetch(url, {
      headers: {Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'application/json'}
    });
    if (response.status === 401 || response.status === 403) {
      throw new TokenRefused('The token was refused (' + response.status + '): it may have expired, or it is not an analyst token.');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('The metrics API answered ' + response.status));
    }
    return response.json();
  }

  /** A count as shown: a number, or the suppressed "<5" as it came. */
  const count = value => typeof value === 'number' ? whole.format(value) : String(value);
  const numberOrNull = value => typeof value === 'number' ? value : null;

  function scope() {
    return {location: $('filter-location').value, phase: $('filter-phase').value, asOf: $('filter-as-of').value};
  }

  async function showFilters() {
    const filters = await get('/filters');
    const locationSelect = $('filter-location');
    const phaseSelect = $('filter-phase');
    const params = new URLSearchParams(window.location.search);
    locationSelect.length = 1;
    phaseSelect.length = 1;
    filters.locations.forEach(name => locationSelect.add(new Option(name, name)));
    filters.phases.forEach(phase => phaseSelect.add(new Option(
        'Phase ' + phase.number + ' (' + phase.startsOn + ' – ' + (phase.endsOn || 'now') + ')', String(phase.number))));
    locationSelect.value = params.get('location') || '';
    phaseSelect.value = params.get('phase') || '';
    $('filter-as-of').max = today();
    $('filter-as-of').value = params.get('asOf') || today();
    $('suppression-note').textContent = 'Counts from 1 to ' + (filters.suppressionThreshold - 1) + ' in a breakdown are shown as "<'
        + filters.suppressionThreshold + '" so that no person can be recognised; totals are exact.';
  }

  async function render() {
    const current = scope();
    document.body.dataset.state = 'loading';
    $('status').className = '';
    $('status').textContent = 'Loading…';
    try {
      const [summary, funnel, sectors, locations] = await Promise.all([
        get('/summary', current), get('/funnel', current), get('/placements-by-sector', current), get('/placements-by-location', current)]);
      showHeadline(summary);
      showFunnel(funnel);
      showSectors(sectors);
      await showRates(current, locations);
      $('status').textContent = 'Figures as of ' + current.asOf + ' · ' + (current.location || 'all locations') + ' · '
          + (current.phase ? 'phase ' + current.phase : 'all phases');
      document.body.dataset.asOf = current.asOf;
      document.body.dataset.location = current.location;
      document.body.dataset.state = 'ready';
    } catch (failure) {
      fail(failure);
    }
  }

  function showHeadline(summary) {
    $('figure-enrolled').textContent = whole.format(summary.enrolled);
    $('figure-placed').textContent = whole.format(summary.participantsPlaced);
    $('figure-placement-rate').textContent = summary.placementRate === null ? '–' : percent.format(summary.placementRate);
    $('figure-cost-per-placement').textContent = summary.costPerPlacementCents === null ? '–' : euros.format(summary.costPerPlacementCents / 100);
    const place = summary.scope.location;
    $('figure-spend').textContent = 'Spent ' + euros.format(summary.spendToDateCents / 100) + (place ? ' at ' + place : '')
        + ' · budget ' + euros.format(summary.budgetCents / 100) + (place ? ' (whole programme)' : '');
  }

  function showFunnel(funnel) {
    const labels = funnel.stages.map(stage => STAGES[stage.stage] || stage.stage);
    fillTable('funnel-table', funnel.stages.map(stage => [STAGES[stage.stage] || stage.stage, count(stage.participants),
      stage.shareOfEnrolled === null ? '–' : percent.format(stage.shareOfEnrolled)]));
    draw('funnel-chart', {
      type: 'bar',
      data: {labels, datasets: [{label: 'Participants', data: funnel.stages.map(stage => stage.participants), backgroundColor: COLOURS[0]}]},
      options: {indexAxis: 'y', scales: {x: {ticks: {precision: 0}}}, plugins: {legend: {display: false}}}
    });
  }

  function showSectors(bySector) {
    // A suppressed count is not drawn; its label says why the bar is missing.
    const labels = bySector.sectors.map(row => (SECTORS[row.sector] || row.sector) + (typeof row.placements === 'number' ? '' : ' (' + row.placements + ')'));
    fillTable('sector-table', bySector.sectors.map(row => [SECTORS[row.sector] || row.sector, count(row.placements)])
        .concat([['Total', whole.format(bySector.total)]]));
    draw('sector-chart', {
      type: 'bar',
      data: {labels, datasets: [{label: 'Placements', data: bySector.sectors.map(row => numberOrNull(row.placements)),
        backgroundColor: COLOURS[1]}]},
      options: {scales: {y: {ticks: {precision: 0}}}, plugins: {legend: {display: false}, tooltip: {callbacks: {
        label: item => 'Placements: ' + count(bySector.sectors[item.dataIndex].placements)}}}}
    });
  }

  async function showRates(current, byLocation) {
    const names = current.location ? [current.location]
        : byLocation.locations.map(row => row.location).slice(0, MAX_LOCATIONS_IN_CHART);
    const series = await Promise.all(names.map(name => get('/monthly', Object.assign({}, current, {location: name}))));
    const months = [...new Set(series.flatMap(one => one.months.map(month => month.month)))].sort();
    const datasets = series.map((one, index) => {
      const byMonth = Object.fromEntries(one.months.map(month => [month.month, month.placementRate]));
      return {
        label: names[index], borderColor: COLOURS[index % COLOURS.length], backgroundColor: COLOURS[index % COLOURS.length],
        spanGaps: false, data: months.map(month => byMonth[month] === null || byMonth[month] === undefined ? null : Math.round(byMonth[month] * 10000) / 100)
      };
    });
    draw('rate-chart', {
      type: 'line',
      data: {labels: months, datasets},
      options: {scales: {y: {min: 0, max: 100, ticks: {callback: value => value + '%'}}},
        plugins: {tooltip: {callbacks: {label: item => item.dataset.label + ': ' + item.formattedValue + '%'}}}}
    });
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    config.options = Object.assign({animation: false, responsive: true}, config.options);
    charts[id] = new window.Chart($(id), config);
  }

  function fillTable(id, rows) {
    const body = $(id).tBodies[0];
    body.replaceChildren(...rows.map(cells => {
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

  async function start() {
    if (!sessionStorage.getItem(TOKEN_KEY)) {
      document.body.dataset.state = 'signed-out';
      return;
    }
    $('token-panel').hidden = true;
    $('dashboard').hidden = false;
    try {
      await showFilters();
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
      start();
    }
  });
  $('filters').addEventListener('submit', event => {
    event.preventDefault();
    render();
  });
  $('forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    window.location.reload();
  });
  start();
})();
