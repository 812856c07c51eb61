/*
 * The programme manager's dashboard: the metrics API's figures for a scope, drawn with Chart.js (a web jar served by
 * this service). The token, the scope controls and the page's state are page.js's.
 */
'use strict';
(() => {
  const {$, get, draw, fillTable, start} = window.WerkdeskPage;
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
  const metric = (path, params) => get(API + path, params);

  /** A count as shown: a number, or the suppressed "<5" as it came. */
  const count = value => typeof value === 'number' ? whole.format(value) : String(value);
  const numberOrNull = value => typeof value === 'number' ? value : null;

  async function show(current) {
    const [summary, funnel, sectors, locations] = await Promise.all([
      metric('/summary', current), metric('/funnel', current), metric('/placements-by-sector', current),
      metric('/placements-by-location', current)]);
    showHeadline(summary);
    showFunnel(funnel);
    showSectors(sectors);
    await showRates(current, locations);
  }

  function showHeadline(summary) {
    $('figure-enrolled').textContent = whole.format(summary.enrolled);
    $('figure-placed').textContent = whole.format(summary.participantsPlaced);
    $('figure-placement-rate').textContent = summary.placementRate === null ? '–' : percent.format(summary.placementRate);
    $('figure-cost-per-placement').textContent = summary.costPerPlacementCents === null ? '–' : euros.format(summary.costPerPlacementCents / 100);
    const place = summary.scope.location;
    // A location has no budget of its own: the API says so rather than giving the programme's.
    $('figure-spend').textContent = 'Spent ' + euros.format(summary.spendToDateCents / 100) + (place ? ' at ' + place : '')
        + (summary.budgetCents === null ? ' · budget: programme-wide, not per location' : ' · budget ' + euros.format(summary.budgetCents / 100))
        + (summary.costPerPlacementAbsentReason ? ' · no cost per placement: ' + summary.costPerPlacementAbsentReason.replaceAll('-', ' ') : '');
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
    const series = await Promise.all(names.map(name => metric('/monthly', Object.assign({}, current, {location: name}))));
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

  start({show, suppressionNote: '; totals are exact.'});
})();
