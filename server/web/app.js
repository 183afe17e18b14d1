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

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const input = $('q');
const sortSelect = $('sort');
const collapseBox = $('collapse');
let inFlight = null;   // AbortController of the request under way

// ---- state <-> address ----------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
  const sort = ['relevance', 'newest', 'oldest'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  // Stories are collapsed unless the address says otherwise: one agency story run by forty
  // sites is one hit, with its other versions listed under it.
  const collapse = p.get('stories') !== 'all';
  return { q: p.get('q') || '', sort, page, collapse };
}

function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (!state.collapse) p.set('stories', 'all');
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

// A new state from a user action: remembered in history, then searched.
function go(state) {
  history.pushState(null, '', stateUrl(state));
  run(state);
}

// ---- filters: facet values as query terms -------------------------------------------

// Each facet value comes with its filter: the clause that selects exactly the articles it
// counted. A year the histogram shows without articles has none; its clause is the same form.
function yearTerm(year) {
  return `date:${year}`;
}

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

function toggleTerm(query, term) {
  const i = termIndex(query, term);
  if (i < 0) return query.trim() ? `${query.trim()} ${term}` : term;
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

function renderFacets(results, query) {
  const box = $('facets');
  box.replaceChildren();
  for (const { name, title } of FACETS) {
    const values = (results.facets && results.facets[name]) || [];
    const section = el('section', { className: 'facet', 'aria-labelledby': `facet-${name}` },
      el('h3', { id: `facet-${name}`, text: title }));
    if (!values.length) {
      section.append(el('p', { className: 'empty', text: 'none' }));
    } else {
      const max = Math.max(...values.map((v) => v.count));
      const list = el('ul');
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
        list.append(el('li', {}, button));
      }
      section.append(list);
    }
    box.append(section);
  }
}

function renderHistogram(results, query) {
  const figure = $('histogram');
  const bars = $('histogram-bars');
  const years = ((results.facets && results.facets.year) || []).filter((v) => /^\d{4}$/.test(v.value));
  bars.replaceChildren();
  if (!years.length) {
    figure.hidden = true;
    return;
  }
  // Every year of the span, the empty ones too, so that the axis is true to time.
  const counts = new Map(years.map((v) => [Number(v.value), v.count]));
  const filters = new Map(years.map((v) => [Number(v.value), v.filter]));
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const max = Math.max(...counts.values());
  for (let year = first; year <= last; ++year) {
    const count = counts.get(year) || 0;
    const term = filters.get(year) || yearTerm(year);
    const active = termIndex(query, term) >= 0;
    const bar = el('button', {
      type: 'button',
      className: 'bar',
      'aria-pressed': String(active),
      'aria-label': `${year}: ${plural(count, 'article', 'articles')}`,
      title: `${year}: ${plural(count, 'article', 'articles')}`,
      dataset: { year: String(year), count: String(count) },
      onclick: () => toggleFilter(term),
    },
    el('span', { className: 'bar-count', text: count ? number(count) : '' }),
    el('span', { className: 'bar-track' }, el('span', { className: 'bar-fill' })),
    el('span', { className: 'bar-year', text: String(year) }));
    if (!count) bar.disabled = true;
    bar.querySelector('.bar-fill').style.height = `${Math.max(count ? 3 : 0, Math.round((100 * count) / max))}%`;
    bars.append(bar);
  }
  figure.hidden = false;
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
      return;
    }
    showError('');
    renderStatus(body);
    renderHistogram(body, state.q);
    renderFacets(body, state.q);
    renderHits(body);
    renderPager(body, state);
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
const formState = () => ({ q: input.value.trim(), sort: sortSelect.value, page: 1, collapse: collapseBox.checked });

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(formState());
});

sortSelect.addEventListener('change', () => go(formState()));
collapseBox.addEventListener('change', () => go(formState()));

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
