// The newsdesk search page: plain DOM, talking to the JSON API of `newsdesk serve`.
// The state (query, order, page) lives in the address, so a search can be shared and reloaded.
'use strict';

const PAGE_SIZE = 10;
const FACETS = [
  { name: 'speaker', title: 'People & organisations' },
  { name: 'country', title: 'Countries' },
  { name: 'source', title: 'Sources' },
  { name: 'year', title: 'Years' },
];

const INTERVALS = ['day', 'week', 'month', 'year'];
const MAX_CHARTED = 5;                  // lines on the timeline, each a request of its own
const MOST_MONTHS = 120;                // auto: more months than this are shown as years
const SERIES_COLOURS = ['#d1495b', '#2e8b57', '#8e44ad', '#e08e0b', '#00798c'];

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const input = $('q');
const sortSelect = $('sort');
const collapseBox = $('collapse');
const intervalSelect = $('interval');
let inFlight = null;   // AbortController of the request under way

// ---- state <-> address ----------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
  const sort = ['relevance', 'newest', 'oldest'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  // Stories are collapsed unless the address says otherwise: one agency story run by forty
  // sites is one hit, with its other versions listed under it.
  const collapse = p.get('stories') !== 'all';
  const interval = INTERVALS.includes(p.get('per')) ? p.get('per') : '';   // '': chosen by the span
  const chart = p.getAll('chart').filter(Boolean).slice(0, MAX_CHARTED);
  return { q: p.get('q') || '', sort, page, collapse, interval, chart };
}

function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (!state.collapse) p.set('stories', 'all');
  if (state.interval) p.set('per', state.interval);
  for (const filter of state.chart) p.append('chart', filter);
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

// A new state from a user action: remembered in history, then searched.
function go(state) {
  history.pushState(null, '', stateUrl(state));
  run(state);
}

// ---- filters: facet values as query terms -------------------------------------------

// Each facet value and each period of the timeline comes with its filter: the clause that
// selects exactly the articles it counted, added to the query as it is.
// Where `term` stands as a whole in the query (between spaces or the ends), or -1.
function termIndex(query, term) {
  let from = 0;
  for (;;) {
    const i = query.indexOf(term, from);
    if (i < 0) return -1;
    const before = i === 0 || /\s/.test(query[i - 1]);
    const after = i + term.length === query.length || /\s/.test(query[i + term.length]);
    if (before && after) return i;
    from = i + 1;
  }
}

// The query narrowed by `term`. A filter binds to the words beside it, not across OR, so a
// query with operators is bracketed first: `(oil OR gas) date:2020` counts what the filter did.
function narrowed(query, term) {
  const q = query.trim();
  if (!q) return term;
  return /\b(OR|AND|NOT|XOR)\b/.test(q) && !/^\(.*\)$/.test(q) ? `(${q}) ${term}` : `${q} ${term}`;
}

function toggleTerm(query, term) {
  const i = termIndex(query, term);
  if (i < 0) return narrowed(query, term);
  return (query.slice(0, i) + query.slice(i + term.length)).replace(/\s+/g, ' ').trim();
}

function toggleFilter(term) {
  const state = readState();
  go({ ...state, q: toggleTerm(state.q, term), page: 1 });
}

// ---- rendering ---------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') Object.assign(node.style, value);   // CSSOM: the page's CSP refuses style attributes
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

const number = (n) => Number(n).toLocaleString('en');
const plural = (n, one, many) => `${number(n)} ${n === 1 ? one : many}`;

function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// A facet's values as a list of buttons that filter (and, where it applies, chart) them.
function valueList(name, values, query) {
  const max = Math.max(...values.map((v) => v.count));
  const list = el('ul', { dataset: { facet: name } });
  for (const v of values) {
    const active = termIndex(query, v.filter) >= 0;
    const label = v.name ? `${v.name}` : v.value;
    const button = el('button', {
      type: 'button',
      className: 'facet-value',
      'aria-pressed': String(active),
      title: active ? 'Click to remove this filter' : 'Click to filter by this',
      dataset: { facet: name, value: v.value, count: String(v.count), filter: v.filter },
      onclick: () => toggleFilter(v.filter),
    },
    el('span', { className: 'facet-name', text: label },
      v.type === 'organisation' ? el('span', { className: 'tag', text: 'org' }) : null,
      v.name ? el('span', { className: 'code', text: v.value }) : null),
    el('span', { className: 'facet-count', text: number(v.count) }));
    button.style.setProperty('--share', `${Math.round((100 * v.count) / max)}%`);
    list.append(el('li', {}, button, CHARTABLE.includes(name) ? chartToggle(v, label) : null));
  }
  return list;
}

// A box that searches a long facet's values: the server counts those with a word starting
// with what is typed, over the same query, the most frequent first.
const SEARCHABLE = ['speaker', 'country', 'source'];
let facetSearchTimer = null;
let facetSearchInFlight = null;

function facetFilterBox(name, title, shown, query) {
  const input = el('input', {
    type: 'search', className: 'facet-filter', placeholder: `Find in ${title.toLowerCase()}…`,
    'aria-label': `Find in ${title}`, autocomplete: 'off', spellcheck: 'false', dataset: { facet: name },
  });
  input.addEventListener('input', () => {
    clearTimeout(facetSearchTimer);
    facetSearchTimer = setTimeout(() => searchFacet(name, input.value.trim(), shown, query), 200);
  });
  return input;
}

async function searchFacet(name, prefix, shown, query) {
  const section = document.querySelector(`.facet[data-facet="${name}"]`);
  const replace = (node) => section.querySelector('ul, p.empty').replaceWith(node);
  if (facetSearchInFlight) facetSearchInFlight.abort();
  if (!prefix) {
    replace(shown.length ? valueList(name, shown, query) : el('p', { className: 'empty', text: 'none' }));
    section.dataset.searched = '';
    return;
  }
  const controller = new AbortController();
  facetSearchInFlight = controller;
  const params = new URLSearchParams({ q: query, limit: '0', facet_search: `${name}=${prefix}`, facet_limit: '10' });
  try {
    const res = await fetch(`/api/search?${params}`, { signal: controller.signal });
    const body = await res.json();
    if (controller !== facetSearchInFlight) return;
    const values = (res.ok && body.facet_search && body.facet_search[name]) || [];
    replace(values.length ? valueList(name, values, query) : el('p', { className: 'empty', text: `no ${name} starting "${prefix}"` }));
    section.dataset.searched = prefix;   // for tests: the list shown is this search's
  } catch (e) {
    if (e.name !== 'AbortError') showError(`The server could not be reached: ${e.message}`);
  }
}

function renderFacets(results, query) {
  const box = $('facets');
  box.replaceChildren();
  for (const { name, title } of FACETS) {
    const values = (results.facets && results.facets[name]) || [];
    const section = el('section', { className: 'facet', 'aria-labelledby': `facet-${name}`, dataset: { facet: name } },
      el('h3', { id: `facet-${name}`, text: title }));
    if (SEARCHABLE.includes(name) && values.length) section.append(facetFilterBox(name, title, values, query));
    section.append(values.length ? valueList(name, values, query) : el('p', { className: 'empty', text: 'none' }));
    box.append(section);
  }
}

// ---- the timeline ------------------------------------------------------------------------

const CHARTABLE = ['speaker', 'country', 'source'];

// A facet value's button that draws it on the timeline as a line of its own.
function chartToggle(v, label) {
  const state = readState();
  const charted = state.chart.includes(v.filter);
  const full = !charted && state.chart.length >= MAX_CHARTED;
  return el('button', {
    type: 'button',
    className: 'chart-toggle',
    'aria-pressed': String(charted),
    'aria-label': `${charted ? 'Remove' : 'Chart'} ${label} on the timeline`,
    title: full ? `At most ${MAX_CHARTED} lines: remove one first` : `${charted ? 'Remove' : 'Chart'} ${label} on the timeline`,
    dataset: { filter: v.filter, label },
    onclick: () => toggleChart(v.filter),
    ...(full ? { disabled: '' } : {}),
  }, lineIcon());
}

// A small line chart, drawn rather than an emoji that a system without emoji fonts lacks.
function lineIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', '1,13 5,8 9,10 15,3');
  svg.append(line);
  return svg;
}

function toggleChart(filter) {
  const state = readState();
  const chart = state.chart.includes(filter) ? state.chart.filter((f) => f !== filter) : [...state.chart, filter];
  go({ ...state, chart });
}

// Months summed into years: exact, since a year is its twelve months.
function yearsOf(periods) {
  const years = new Map();
  for (const p of periods) {
    const year = p.period.slice(0, 4);
    years.set(year, (years.get(year) || 0) + p.count);
  }
  const out = [];
  const first = Number(periods[0].period.slice(0, 4));
  const last = Number(periods[periods.length - 1].period.slice(0, 4));
  for (let y = first; y <= last; ++y) out.push({ period: String(y), count: years.get(String(y)) || 0, filter: `date:${y}` });
  return out;
}

// The timeline's periods and undated count for what `params` asks, at `interval` (auto: by
// month, summed into years past MOST_MONTHS).
async function timelineOf(params, interval, signal) {
  const p = new URLSearchParams(params);
  p.set('histogram', interval || 'month');
  p.set('limit', '0');
  p.delete('facet');
  p.delete('collapse');
  const res = await fetch(`/api/search?${p}`, { signal });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || `status ${res.status}`);
  return shapeTimeline(body, interval);
}

function shapeTimeline(body, interval) {
  let periods = body.histogram || [];
  let per = body.histogram_interval;
  if (!interval && periods.length > MOST_MONTHS) {
    periods = yearsOf(periods);
    per = 'year';
  }
  return { periods, per, undated: body.histogram_undated || { count: 0, filter: 'date:unknown' } };
}

// Labels for some of `periods`, none closer to the last than the room one takes, so that they
// never overlap at any span. Where the periods are too many to label each, the candidates are
// the periods that begin a year, labelled with the year alone.
function axisLabels(periods, per, width) {
  const room = per === 'year' ? 44 : per === 'month' ? 64 : 84;   // pixels a label and its gap take
  let candidates = periods.map((p, index) => ({ index, text: p.period }));
  if (per !== 'year' && periods.length * room > width) {
    const starts = candidates.filter(({ index }) => index === 0 || periods[index].period.slice(0, 4) !== periods[index - 1].period.slice(0, 4));
    if (starts.length > 1) candidates = starts.map(({ index }) => ({ index, text: periods[index].period.slice(0, 4) }));
  }
  const at = (index) => ((index + 0.5) * width) / periods.length;
  const kept = [];
  for (const c of candidates) {
    if (!kept.length || at(c.index) - at(kept[kept.length - 1].index) >= room) kept.push(c);
  }
  return kept;
}

function drawTimeline(timeline, series, query) {
  const figure = $('histogram');
  const bars = $('histogram-bars');
  const { periods, per, undated } = timeline;
  bars.replaceChildren();
  $('timeline-axis').replaceChildren();
  $('timeline-lines').replaceChildren();
  $('timeline-legend').replaceChildren();
  if (!periods.length && !undated.count) {
    figure.hidden = true;
    return;
  }
  figure.hidden = false;
  figure.dataset.interval = per;
  $('timeline-title').textContent = `Matches per ${per}`;
  const max = Math.max(1, ...periods.map((p) => p.count), ...series.flatMap((s) => s.counts));
  periods.forEach((p) => {
    const active = termIndex(query, p.filter) >= 0;
    const words = `${p.period}: ${plural(p.count, 'article', 'articles')}`;
    const bar = el('button', {
      type: 'button', className: 'bar', 'aria-pressed': String(active), 'aria-label': words, title: words,
      dataset: { period: p.period, count: String(p.count), filter: p.filter },
      onclick: () => toggleFilter(p.filter),
    }, el('span', { className: 'bar-fill' }));
    if (!p.count) bar.disabled = true;
    bar.firstChild.style.height = `${p.count ? Math.max(2, (100 * p.count) / max) : 0}%`;
    bars.append(bar);
  });
  // Labels, placed once the bars have their width.
  const axis = $('timeline-axis');
  for (const label of axisLabels(periods, per, bars.clientWidth || 600)) {
    axis.append(el('span', { text: label.text, style: { left: `${(100 * (label.index + 0.5)) / periods.length}%` } }));
  }
  // A line per charted value, on the bars' scale.
  const svg = $('timeline-lines');
  svg.setAttribute('viewBox', `0 0 ${Math.max(1, periods.length)} ${max}`);
  const legend = $('timeline-legend');
  series.forEach((s, n) => {
    const colour = SERIES_COLOURS[n % SERIES_COLOURS.length];
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', s.counts.map((c, i) => `${i + 0.5},${max - c}`).join(' '));
    line.setAttribute('stroke', colour);
    line.dataset.filter = s.filter;
    svg.append(line);
    legend.append(el('li', { dataset: { filter: s.filter, total: String(s.total) } },
      el('span', { className: 'swatch', style: { background: colour } }),
      `${s.label} (${number(s.total)})`,
      el('button', { type: 'button', 'aria-label': `Remove ${s.label} from the timeline`, title: 'Remove from the timeline',
                     onclick: () => toggleChart(s.filter) }, '✕')));
  });
  if (undated.count) {
    const active = termIndex(query, undated.filter) >= 0;
    legend.append(el('li', {}, el('button', {
      type: 'button', className: 'undated', 'aria-pressed': String(active), dataset: { count: String(undated.count) },
      onclick: () => toggleFilter(undated.filter),
    }, `${plural(undated.count, 'undated article', 'undated articles')}`)));
  }
}

// The name a charted filter shows: the facet value it came from, or the clause itself.
function chartLabel(filter, results) {
  for (const values of Object.values(results.facets || {})) {
    const v = values.find((x) => x.filter === filter);
    if (v) return v.name || v.value;
  }
  const quoted = /^[a-z_]+:"(.*)"$/.exec(filter);
  return quoted ? quoted[1].replace(/""/g, '"') : filter;
}

async function renderTimeline(results, state, params, signal) {
  const timeline = shapeTimeline(results, state.interval);
  // A line the server could not give is named, and the others drawn: the results stand.
  const failed = [];
  const series = await Promise.all(state.chart.map(async (filter) => {
    const label = chartLabel(filter, results);
    const p = new URLSearchParams(params);
    p.set('q', narrowed(state.q, filter));
    let line;
    try {
      line = await timelineOf(p, timeline.per, signal);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      failed.push(`${label} (${e.message})`);
      return null;
    }
    const counts = new Map(line.periods.map((x) => [x.period, x.count]));
    const total = line.periods.reduce((sum, x) => sum + x.count, 0) + line.undated.count;
    return { filter, label, total, counts: timeline.periods.map((x) => counts.get(x.period) || 0) };
  }));
  drawTimeline(timeline, series.filter((line) => line), state.q);
  if (failed.length) showError(`The timeline's line for ${failed.join(', ')} could not be drawn.`);
}

function articleDetails(article) {
  const box = el('div', { className: 'article-body' });
  for (const para of (article.body || '').split(/\n\s*\n/)) {
    if (para.trim()) box.append(el('p', { text: para.trim() }));
  }
  if (article.quotes && article.quotes.length) {
    const list = el('ul', { className: 'quotes' });
    for (const q of article.quotes) {
      list.append(el('li', {},
        el('strong', { text: q.speaker }), ` ${q.verb}: `,
        el(q.direct ? 'q' : 'span', { text: q.text })));
    }
    box.append(el('h4', { text: 'Quotes' }), list);
  }
  return box;
}

async function toggleArticle(hit, button, holder) {
  const open = button.getAttribute('aria-expanded') === 'true';
  button.setAttribute('aria-expanded', String(!open));
  button.textContent = open ? 'Read the article' : 'Hide the article';
  holder.hidden = open;
  if (open || holder.childElementCount) return;
  holder.append(el('p', { className: 'hint', text: 'Loading…' }));
  try {
    const res = await fetch(`/api/articles/${encodeURIComponent(hit.id)}`);
    const body = await res.json();
    holder.replaceChildren(res.ok ? articleDetails(body) : el('p', { className: 'error', text: body.error }));
  } catch (e) {
    holder.replaceChildren(el('p', { className: 'error', text: `Could not load the article: ${e.message}` }));
  }
}

// A collapsed hit's other versions: where and when the story ran besides, and how much of it
// is the same text.
function versionsList(hit) {
  const count = hit.other_versions || 0;
  if (!count) return null;
  const list = el('ul', { className: 'version-list' });
  for (const v of hit.versions || []) {
    const href = v.url && safeUrl(v.url);
    const title = v.title || '(no title)';
    list.append(el('li', { className: 'version', dataset: { id: v.id } },
      el('span', { className: 'meta', text: [v.source || v.id, v.date || 'undated'].join(' · ') }), ' ',
      href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: title }) : title,
      el('span', { className: 'same', text: ` ${Math.round(100 * v.same)}% the same` })));
  }
  if (count > (hit.versions || []).length) list.append(el('li', { className: 'hint', text: `and ${number(count - hit.versions.length)} more` }));
  return el('details', { className: 'versions', dataset: { count: String(count) } },
    el('summary', { text: `and ${plural(count, 'other version', 'other versions')}` }), list);
}

function renderHits(results) {
  const list = $('hits');
  list.replaceChildren();
  list.start = results.offset + 1;
  for (const hit of results.hits) {
    const href = hit.url && safeUrl(hit.url);
    const title = hit.title || '(no title)';
    const meta = [hit.date || 'undated', hit.source, hit.dateline].filter(Boolean).join(' · ');
    const snippet = el('p', { className: 'snippet' });
    snippet.innerHTML = hit.snippet;   // HTML-escaped by the server; only <mark> is markup
    const people = (hit.speakers || []).length
      ? el('p', { className: 'people' }, el('span', { className: 'label', text: 'Quoted: ' }), hit.speakers.join(', '))
      : null;
    const holder = el('div', { className: 'article', hidden: '' });
    const read = el('button', { type: 'button', className: 'link', 'aria-expanded': 'false', text: 'Read the article' });
    read.addEventListener('click', () => toggleArticle(hit, read, holder));
    list.append(el('li', { className: 'hit', dataset: { rank: String(hit.rank), id: hit.id, story: hit.story || '' } },
      el('h3', { className: 'hit-title' },
        href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: title }) : title),
      el('p', { className: 'meta', text: meta }),
      snippet, people, versionsList(hit), read, holder));
  }
}

function renderPager(results, state) {
  const shown = results.stories ?? results.total;   // collapsed, the hits are stories
  const pages = Math.max(1, Math.ceil(shown / PAGE_SIZE));
  $('pager').hidden = shown <= PAGE_SIZE;
  $('page-info').textContent = `Page ${number(state.page)} of ${number(pages)}`;
  $('prev').disabled = state.page <= 1;
  $('next').disabled = state.page >= pages;
}

function renderStatus(results) {
  const status = $('status');
  status.dataset.total = String(results.total);
  if (results.stories != null) status.dataset.stories = String(results.stories);
  else delete status.dataset.stories;
  const stories = results.stories != null ? ` in ${plural(results.stories, 'story', 'stories')}` : '';
  if (!results.total) {
    status.textContent = 'No article matches. Try fewer words, or remove a filter.';
  } else if (!results.hits.length) {
    status.textContent = `${plural(results.total, 'article matches', 'articles match')}${stories}; this page is past the last.`;
  } else {
    const first = results.hits[0].rank;
    const last = results.hits[results.hits.length - 1].rank;
    status.textContent = `${plural(results.total, 'article matches', 'articles match')}${stories} · showing ${number(first)}–${number(last)}`;
  }
}

// Every matching article as CSV, in the order shown: the export of the same query and sort.
function renderDownload(results, state) {
  const link = $('download');
  link.hidden = !results.total;
  const p = new URLSearchParams({ q: state.q, sort: state.sort, format: 'csv' });
  link.href = `/api/export?${p}`;
  link.textContent = `Download CSV (${plural(results.total, 'row', 'rows')})`;
}

// "Did you mean": the query spelt as the archive spells it, one click away.
function renderSuggestion(results, state) {
  const box = $('suggestion');
  box.hidden = !results.suggestion;
  if (!results.suggestion) return;
  const link = $('suggestion-link');
  const next = { ...state, q: results.suggestion, page: 1 };
  link.textContent = results.suggestion;
  link.href = stateUrl(next);
  link.onclick = (event) => {
    event.preventDefault();
    go(next);
  };
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

// ---- searching ---------------------------------------------------------------------------

async function run(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
  collapseBox.checked = state.collapse;
  document.title = state.q ? `${state.q} – newsdesk` : 'newsdesk';
  const params = new URLSearchParams({ q: state.q, sort: state.sort, limit: String(PAGE_SIZE),
                                       offset: String((state.page - 1) * PAGE_SIZE) });
  for (const { name } of FACETS) params.append('facet', name);
  if (state.collapse) params.set('collapse', 'story');
  params.set('histogram', state.interval || 'month');
  intervalSelect.value = state.interval;
  if (inFlight) inFlight.abort();
  const controller = new AbortController();
  inFlight = controller;
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch(`/api/search?${params}`, { signal: controller.signal });
    const body = await res.json();
    if (controller !== inFlight) return;
    if (!res.ok) {
      showError(body.error || `The search failed (${res.status}).`);
      $('status').textContent = '';
      delete $('status').dataset.total;
      $('hits').replaceChildren();
      $('histogram').hidden = true;
      $('pager').hidden = true;
      $('download').hidden = true;
      $('suggestion').hidden = true;
      return;
    }
    showError('');
    renderStatus(body);
    renderDownload(body, state);
    renderSuggestion(body, state);
    renderFacets(body, state.q);
    renderHits(body);
    renderPager(body, state);
    const plain = new URLSearchParams(params);
    plain.delete('collapse');
    await renderTimeline(body, state, plain, controller.signal);
  } catch (e) {
    if (e.name !== 'AbortError') showError(`The server could not be reached: ${e.message}`);
  } finally {
    if (controller === inFlight) {
      results.removeAttribute('aria-busy');
      // For tests: how many searches the page has shown.
      document.body.dataset.searches = String(Number(document.body.dataset.searches || 0) + 1);
      inFlight = null;
    }
  }
}

// What the form holds, as a new search from its first page.
const formState = () => ({ ...readState(), q: input.value.trim(), sort: sortSelect.value, page: 1,
                          collapse: collapseBox.checked, interval: intervalSelect.value });

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(formState());
});

sortSelect.addEventListener('change', () => go(formState()));
collapseBox.addEventListener('change', () => go(formState()));
intervalSelect.addEventListener('change', () => go({ ...readState(), interval: intervalSelect.value }));

function turnPage(delta) {
  const state = readState();
  go({ ...state, page: Math.max(1, state.page + delta) });
  $('results').focus({ preventScroll: true });
  $('results').scrollIntoView({ block: 'start' });
}
$('prev').addEventListener('click', () => turnPage(-1));
$('next').addEventListener('click', () => turnPage(1));

const syntaxToggle = $('syntax-toggle');
function showSyntax(show) {
  $('syntax').hidden = !show;
  syntaxToggle.setAttribute('aria-expanded', String(show));
}
syntaxToggle.addEventListener('click', () => showSyntax($('syntax').hidden));
for (const example of document.querySelectorAll('#syntax .example')) {
  example.addEventListener('click', () => {
    showSyntax(false);
    go({ ...formState(), q: example.textContent });
    input.focus();
  });
}

document.addEventListener('keydown', (event) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (event.key === '/' && !typing) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === 'Escape' && !$('syntax').hidden) {
    showSyntax(false);
    syntaxToggle.focus();
  }
});

window.addEventListener('popstate', () => run(readState()));
run(readState());
