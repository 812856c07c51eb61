/*
 * The evaluation page: the figures Platform31's evaluation turns on, from the evaluation API, drawn with Chart.js. The
 * token (shared with the metrics page), the scope controls and the page's state are page.js's.
 */
'use strict';
(() => {
  const {$, get, draw, fillTable, start} = window.WerkdeskPage;
  const MAX_LOCATIONS_IN_CHART = 8;
  const COLOURS = ['#0b5cab', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#1098ad', '#c2255c', '#5c940d'];
  const GROUPS = {'application-training': 'Application training', 'cv-help': 'CV help', 'job-fair': 'Job fair',
    'any-activity': 'Any activity', 'no-activity': 'No activity'};
  const REASONS = {'contract-ended': 'Contract ended', dismissed: 'Dismissed', quit: 'Quit', 'relocated-by-coa': 'Relocated by COA',
    'status-change': 'Status change', other: 'Other'};
  const whole = new Intl.NumberFormat('en-GB');
  const euros = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'EUR', maximumFractionDigits: 0});
  const percent = new Intl.NumberFormat('en-GB', {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1});

  const figure = name => (params => get('/api/v1/evaluation/' + name, params));
  const count = value => typeof value === 'number' ? whole.format(value) : String(value);
  const share = value => value === null || value === undefined ? '–' : percent.format(value);
  const days = value => value === null || value === undefined ? '–' : whole.format(value) + ' days';

  async function show(current) {
    const [firstJob, retention, activities, twv, earnings] = await Promise.all([figure('time-to-first-placement')(current),
      figure('placement-retention')(current), figure('activities')(current), figure('twv-burden')(current), figure('earnings')(current)]);
    showHeadline(firstJob, retention, twv, earnings);
    await showFirstJob(current, firstJob);
    showRetention(retention);
    showActivities(activities);
    showTwv(twv);
    showEarnings(earnings);
  }

  function showHeadline(firstJob, retention, twv, earnings) {
    $('figure-median-days').textContent = days(firstJob.medianDays);
    $('figure-within-90').textContent = 'Placed within 90 days: ' + share(firstJob.placedWithin90Days.value) + ' · so far '
        + share(firstJob.placedSoFar.share) + ' of ' + whole.format(firstJob.participants);
    $('figure-retention-26').textContent = share(retention.retainedAt26Weeks.value);
    $('figure-retention-13').textContent = 'At 13 weeks: ' + share(retention.retainedAt13Weeks.value) + ' · '
        + whole.format(retention.placements) + ' placements';
    $('figure-twv-median').textContent = twv.leadTime.medianDays === null ? '–' : twv.leadTime.medianDays + ' days';
    $('figure-twv-late').textContent = 'Decided after 35 days: ' + share(twv.leadTime.shareDecidedAfter35Days) + ' of '
        + count(twv.leadTime.decisions);
    $('figure-wages-per-euro').textContent = earnings.wagesPerEuroSpent === null ? '–' : '€' + earnings.wagesPerEuroSpent.toFixed(2);
    $('figure-wages').textContent = 'Wages ' + euros.format(earnings.grossWagesCents / 100) + ' · spent '
        + euros.format(earnings.spendToDateCents / 100)
        + (earnings.wagesPerEuroSpentAbsentReason ? ' (' + earnings.wagesPerEuroSpentAbsentReason.replaceAll('-', ' ') + ')' : '');
  }

  /** A Kaplan-Meier curve as steps from (0, 100%), and its censorings as crosses. */
  function curve(steps, label, colour) {
    const line = [{x: 0, y: 100}].concat(steps.map(step => ({x: step.day, y: Math.round(step.survival * 10000) / 100})));
    const censored = steps.filter(step => step.censored !== 0).map(step => ({x: step.day, y: Math.round(step.survival * 10000) / 100}));
    return [
      {label, data: line, stepped: 'after', borderColor: colour, backgroundColor: colour, pointRadius: 0, borderWidth: 2},
      {label: label + ' (censored)', data: censored, showLine: false, pointStyle: 'crossRot', pointRadius: 6, borderColor: colour,
        backgroundColor: colour}];
  }

  function curveOptions(title) {
    return {scales: {x: {type: 'linear', min: 0, title: {display: true, text: title}}, y: {min: 0, max: 100, ticks: {callback: v => v + '%'}}},
      plugins: {legend: {labels: {filter: item => !item.text.endsWith('(censored)')}}}};
  }

  async function showFirstJob(current, ofScope) {
    let named = [[current.location || 'All locations', ofScope]];
    if (!current.location) {
      const names = [...$('filter-location').options].map(option => option.value).filter(Boolean).slice(0, MAX_LOCATIONS_IN_CHART);
      named = await Promise.all(names.map(async name => [name, await figure('time-to-first-placement')(Object.assign({}, current, {location: name}))]));
    }
    draw('first-job-chart', {type: 'line',
      data: {datasets: named.flatMap(([name, one], index) => curve(one.steps, name, COLOURS[index % COLOURS.length]))},
      options: curveOptions('Days since the intake')});
  }

  function showRetention(retention) {
    draw('retention-chart', {type: 'line', data: {datasets: curve(retention.steps, 'Placements still running', COLOURS[2])},
      options: curveOptions('Days since the start')});
    fillTable('ends-table', retention.endsByReason.map(row => [REASONS[row.reason] || row.reason, count(row.placements)])
        .concat([['Total ended', whole.format(retention.ended)]]));
  }

  function showActivities(activities) {
    const labels = activities.groups.map(group => GROUPS[group.group] || group.group);
    fillTable('activities-table', activities.groups.map(group => [GROUPS[group.group] || group.group, count(group.participants),
      count(group.placed), share(group.rate), group.rate === null ? '–' : share(group.intervalLower) + ' – ' + share(group.intervalUpper)]));
    const rate = value => value === null ? null : Math.round(value * 10000) / 100;
    draw('activities-chart', {type: 'bar', data: {labels, datasets: [
      {type: 'bar', label: '95% interval', data: activities.groups.map(group => group.rate === null ? null
          : [rate(group.intervalLower), rate(group.intervalUpper)]), backgroundColor: 'rgba(11, 92, 171, 0.25)', barPercentage: 0.4},
      {type: 'line', label: 'Placement rate', data: activities.groups.map(group => rate(group.rate)), showLine: false,
        pointRadius: 6, borderColor: COLOURS[0], backgroundColor: COLOURS[0]}]},
      options: {scales: {y: {min: 0, max: 100, ticks: {callback: v => v + '%'}}}}});
    $('activities-note').textContent = 'An association, not an effect: participants choose their activities. '
        + whole.format(activities.placed) + ' of ' + whole.format(activities.participants) + ' with an intake are placed.';
  }

  function showTwv(twv) {
    const rows = [['All', twv.leadTime], ['With intermediary', twv.leadTimeWithIntermediary], ['Without', twv.leadTimeWithoutIntermediary]];
    fillTable('twv-table', rows.map(([name, lead]) => [name, count(lead.decisions), lead.medianDays === null ? '–' : String(lead.medianDays),
      lead.p90Days === null ? '–' : String(lead.p90Days), count(lead.decidedAfter35Days)]));
    const numberOrNull = value => typeof value === 'number' ? value : null;
    draw('twv-chart', {type: 'bar', data: {labels: twv.leadTimeByWeek.map(week => week.fromDays + '–' + week.toDays),
      datasets: [
        {label: 'With intermediary', data: twv.leadTimeByWeek.map(week => numberOrNull(week.withIntermediary)), backgroundColor: COLOURS[0]},
        {label: 'Without', data: twv.leadTimeByWeek.map(week => numberOrNull(week.withoutIntermediary)), backgroundColor: COLOURS[1]}]},
      options: {scales: {x: {title: {display: true, text: 'Days from request to decision'}}, y: {ticks: {precision: 0}}}}});
    $('twv-note').textContent = whole.format(twv.requests) + ' requests · waited before work: median '
        + days(twv.waitingBeforeWork.medianDays) + ' over ' + whole.format(twv.waitingBeforeWork.placements) + ' placements · wages not '
        + 'earned while waiting (estimate): ' + euros.format(twv.wagesNotEarnedWhileWaitingCents / 100) + ' · not placed after a '
        + 'refusal or withdrawal: ' + whole.format(twv.notPlacedAfterRefusalOrWithdrawal.count) + ' of '
        + whole.format(twv.notPlacedAfterRefusalOrWithdrawal.of);
  }

  function showEarnings(earnings) {
    draw('earnings-chart', {type: 'line', data: {labels: earnings.months.map(month => month.month), datasets: [
      {label: 'Cumulative gross wages (€)', data: earnings.months.map(month => month.cumulativeWagesCents / 100), borderColor: COLOURS[2],
        backgroundColor: COLOURS[2]},
      {label: 'Cumulative spend (€)', data: earnings.months.map(month => month.cumulativeSpendCents / 100), borderColor: COLOURS[1],
        backgroundColor: COLOURS[1]}]},
      options: {scales: {y: {min: 0, ticks: {callback: v => euros.format(v)}}}}});
    $('earnings-note').textContent = whole.format(earnings.placements) + ' placements, ' + whole.format(earnings.daysInWork)
        + ' days and ' + whole.format(earnings.hoursWorked) + ' hours in work.';
  }

  start({show, suppressionNote: ' (a curve\'s daily counts too); totals, curves and the shares read from them are exact.'});
})();
