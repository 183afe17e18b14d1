#!/usr/bin/env python3
"""End-to-end test of the search page in a real browser: Debian's headless Chromium driven
through the Chrome DevTools Protocol over --remote-debugging-pipe (JSON messages ended by a NUL
byte, on file descriptors 3 and 4 of the browser), against a running `newsdesk serve` on the
sample archive. Python's standard library only: no npm, no websocket library.

    search_page_test.py http://127.0.0.1:PORT [SCREENSHOT.png]

Exits 0 when every step passed, 1 (naming the step that failed) otherwise. Every wait has a
timeout; Chromium is killed on the way out, whatever happens.
"""
import base64
import csv
import io
import fcntl
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request

QUERY = 'minister'   # 28 sample articles: three pages
STORY_QUERY = 'runners'   # sample-021, and the two copies run.sh indexes
WAIT = 10.0          # seconds any one step may wait for the page
WHOLE_RUN = 150.0    # seconds for everything, below ctest's timeout
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update', '--disable-sync',
                  '--remote-debugging-pipe']


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def equal(actual, expected, what):
    if actual != expected:
        raise Failure(f'{what}: expected {expected!r}, got {actual!r}')


class Browser:
    """Chromium in its own process group, spoken to through two pipes."""

    def __init__(self, executable, profile, log):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # The browser's ends must land on 3 and 4: move them above both first, so that neither
        # dup2 overwrites the other.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)
        log_fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
        argv = [executable, *CHROMIUM_FLAGS, f'--user-data-dir={profile}', 'about:blank']
        self.pid = os.posix_spawn(executable, argv, os.environ, setpgroup=0, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, log_fd, 1),
            (os.POSIX_SPAWN_DUP2, log_fd, 2),
            (os.POSIX_SPAWN_DUP2, high_r, 3),
            (os.POSIX_SPAWN_DUP2, high_w, 4),
        ])
        for fd in (high_r, high_w, log_fd):
            os.close(fd)
        self.out = to_browser_w
        self.inp = from_browser_r
        self.lock = threading.Condition()
        self.next_id = 0
        self.replies = {}
        self.events = []      # every event, in order of arrival
        self.closed = None    # why the pipe closed, once it has
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        pending = b''
        try:
            while True:
                chunk = os.read(self.inp, 1 << 16)
                if not chunk:
                    break
                pending += chunk
                *messages, pending = pending.split(b'\0')
                with self.lock:
                    for raw in messages:
                        message = json.loads(raw)
                        if 'id' in message:
                            self.replies[message['id']] = message
                        else:
                            self.events.append(message)
                    self.lock.notify_all()
        except (OSError, ValueError) as e:
            with self.lock:
                self.closed = f'reading from Chromium failed: {e}'
        with self.lock:
            self.closed = self.closed or 'Chromium closed the pipe (did it crash? see its log)'
            self.lock.notify_all()

    def send(self, method, params=None, session=None, timeout=WAIT):
        """Sends one command and returns its result; raises Failure on an error or timeout."""
        with self.lock:
            self.next_id += 1
            ident = self.next_id
        message = {'id': ident, 'method': method, 'params': params or {}}
        if session:
            message['sessionId'] = session
        data = json.dumps(message).encode() + b'\0'
        while data:
            data = data[os.write(self.out, data):]
        deadline = time.monotonic() + timeout
        with self.lock:
            while ident not in self.replies:
                left = deadline - time.monotonic()
                if self.closed:
                    raise Failure(f'{method}: {self.closed}')
                if left <= 0:
                    raise Failure(f'{method}: no answer from Chromium within {timeout:.0f} s')
                self.lock.wait(left)
            reply = self.replies.pop(ident)
        if 'error' in reply:
            raise Failure(f"{method}: {reply['error'].get('message')} {reply['error'].get('data', '')}".strip())
        return reply.get('result', {})

    def stop(self):
        """Asks Chromium to close, then kills its whole process group."""
        try:
            self.send('Browser.close', timeout=3)
        except Failure:
            pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            time.sleep(0.05)
        try:
            os.killpg(self.pid, signal.SIGKILL)   # renderers and helpers too
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        for fd in (self.out, self.inp):
            try:
                os.close(fd)
            except OSError:
                pass


class Page:
    """One tab, through a flat CDP session: the few things a user does, as Playwright does them."""

    def __init__(self, browser, base):
        self.browser = browser
        self.base = base
        target = browser.send('Target.createTarget', {'url': 'about:blank'})['targetId']
        self.session = browser.send('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
        for domain in ('Page', 'Runtime', 'Network', 'Log'):
            self.send(f'{domain}.enable')
        self.send('Emulation.setDeviceMetricsOverride',
                  {'width': 1280, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})

    def send(self, method, params=None):
        return self.browser.send(method, params, self.session)

    def problems(self):
        """Requests outside the server, page errors and console errors, so far."""
        found = []
        with self.browser.lock:
            events = [e for e in self.browser.events if e.get('sessionId') == self.session]
        for e in events:
            method, params = e['method'], e.get('params', {})
            if method == 'Network.requestWillBeSent':
                url = params['request']['url']
                if not url.startswith(self.base) and not url.startswith('data:'):
                    found.append(f'request outside the server: {url}')
            elif method == 'Runtime.exceptionThrown':
                details = params['exceptionDetails']
                found.append('page error: ' + details.get('exception', {}).get('description', details.get('text', '')))
            elif method == 'Runtime.consoleAPICalled' and params.get('type') == 'error':
                found.append('console error: ' + ' '.join(str(a.get('value', a.get('description', ''))) for a in params['args']))
            elif method == 'Log.entryAdded' and params['entry'].get('level') == 'error':
                found.append('console error: ' + params['entry'].get('text', ''))
        return found

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send('Runtime.evaluate', {'expression': expression, 'returnByValue': True, 'awaitPromise': True})
        if 'exceptionDetails' in result:
            details = result['exceptionDetails']
            raise Failure('in the page: ' + details.get('exception', {}).get('description', details.get('text', '')))
        return result['result'].get('value')

    def call(self, function, *args):
        """`function` (JavaScript source) applied to `args` (as JSON) in the page."""
        return self.evaluate(f'({function})(...{json.dumps(args)})')

    def wait_for(self, what, test, timeout=WAIT):
        """Polls `test()` until it is true; across a navigation its errors count as not yet."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            try:
                value = test()
                if value:
                    return value
            except Failure as e:
                last = e
            if time.monotonic() > deadline:
                raise Failure(f'timed out after {timeout:.0f} s waiting for {what}' + (f' (last: {last})' if last else ''))
            time.sleep(0.05)

    # ---- the page's own counter of searches shown (document.body.dataset.searches)

    def searches(self):
        return self.evaluate('Number(document.body.dataset.searches || 0)')

    def searched(self, action):
        """Runs `action` and waits until the page has shown the search it started."""
        before = self.searches()
        action()
        self.wait_for('the page to show a new search', lambda: self.searches() > before)

    def loaded(self, action):
        """Runs `action`, which loads a new document, and waits until it has shown its first search."""
        self.evaluate('window.__newsdeskOldDocument = true')
        action()
        self.wait_for('the new document to show its first search',
                      lambda: self.evaluate('!window.__newsdeskOldDocument && document.readyState === "complete" && '
                                            'Number(document.body && document.body.dataset.searches || 0) >= 1'))

    # ---- navigation

    def goto(self, url):
        result = self.send('Page.navigate', {'url': url})
        check('errorText' not in result, f"navigating to {url}: {result.get('errorText')}")

    def reload(self):
        self.send('Page.reload')

    def go_back(self):
        self.evaluate('history.back()')

    def url(self):
        return self.evaluate('location.href')

    def param(self, name):
        return urllib.parse.parse_qs(urllib.parse.urlparse(self.url()).query).get(name, [None])[0]

    def params(self, name):
        return urllib.parse.parse_qs(urllib.parse.urlparse(self.url()).query).get(name, [])

    def query(self):
        return self.param('q') or ''

    # ---- elements: CSS selectors, plus text=... for an element of that exact text

    FIND = '''(selector, text, nth) => {
        let all = [...document.querySelectorAll(selector)];
        if (text !== null) all = all.filter((e) => e.textContent.trim() === text);
        return all[nth] || null;
    }'''

    def exists(self, selector, text=None, nth=0):
        return self.call(f'(s, t, n) => ({self.FIND})(s, t, n) !== null', selector, text, nth)

    def attribute(self, selector, name, text=None, nth=0):
        return self.call(f'''(s, t, n, a) => {{
            const e = ({self.FIND})(s, t, n);
            if (!e) throw new Error('no element ' + s);
            return e.getAttribute(a);
        }}''', selector, text, nth, name)

    def property(self, selector, name):
        return self.call(f'''(s, p) => {{
            const e = ({self.FIND})(s, null, 0);
            if (!e) throw new Error('no element ' + s);
            return e[p];
        }}''', selector, name)

    def all_of(self, selector, expression):
        """[expression(e) for each element e matching selector], expression in JavaScript over `e`."""
        return self.call(f'(s) => [...document.querySelectorAll(s)].map((e) => {expression})', selector)

    def visible(self, selector):
        """As Playwright's isVisible: a box of some size, and not visibility:hidden."""
        return self.call('''(s) => {
            const e = document.querySelector(s);
            if (!e) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
        }''', selector)

    def click(self, selector, text=None, nth=0):
        """A real mouse click in the middle of the element, once it is visible, enabled and
        the topmost thing there (what Playwright checks before clicking)."""
        def target():
            return self.call(f'''(s, t, n) => {{
                const e = ({self.FIND})(s, t, n);
                if (!e || e.disabled) return null;
                e.scrollIntoView({{block: 'center', inline: 'center'}});
                const r = e.getBoundingClientRect();
                if (r.width <= 0 || r.height <= 0) return null;
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                const top = document.elementFromPoint(x, y);
                return top && (top === e || e.contains(top)) ? [x, y] : null;
            }}''', selector, text, nth)
        x, y = self.wait_for(f'{selector}{f" {text!r}" if text else ""} to be clickable', target)
        self.send('Input.dispatchMouseEvent', {'type': 'mouseMoved', 'x': x, 'y': y})
        for kind in ('mousePressed', 'mouseReleased'):
            self.send('Input.dispatchMouseEvent', {'type': kind, 'x': x, 'y': y, 'button': 'left', 'clickCount': 1})

    def focus(self, selector, text=None, nth=0):
        self.call(f'''(s, t, n) => {{
            const e = ({self.FIND})(s, t, n);
            if (!e) throw new Error('no element ' + s);
            e.focus();
        }}''', selector, text, nth)

    def fill(self, selector, value):
        """Focuses a text box, selects what it holds and types `value` over it."""
        self.call('(s) => { const e = document.querySelector(s); e.focus(); e.select(); }', selector)
        if value:
            self.send('Input.insertText', {'text': value})
        else:
            self.press_key('Delete', 46)

    def press_key(self, key, code, text=''):
        down = {'type': 'keyDown', 'key': key, 'code': key, 'windowsVirtualKeyCode': code, 'nativeVirtualKeyCode': code}
        if text:
            down.update(text=text, unmodifiedText=text)
        self.send('Input.dispatchKeyEvent', down)
        self.send('Input.dispatchKeyEvent', {'type': 'keyUp', 'key': key, 'code': key,
                                             'windowsVirtualKeyCode': code, 'nativeVirtualKeyCode': code})

    def press_enter(self, selector=None):
        if selector:
            self.focus(selector)
        self.press_key('Enter', 13, '\r')

    def select_option(self, selector, value):
        """As Playwright's selectOption: sets the value and fires input and change."""
        self.call('''(s, v) => {
            const e = document.querySelector(s);
            e.value = v;
            e.dispatchEvent(new Event('input', {bubbles: true}));
            e.dispatchEvent(new Event('change', {bubbles: true}));
        }''', selector, value)

    def screenshot(self, path):
        data = self.send('Page.captureScreenshot', {'format': 'png'})['data']
        with open(path, 'wb') as out:
            out.write(base64.b64decode(data))


def css_string(text):
    """`text` inside a CSS attribute selector's double quotes."""
    return text.replace('\\', '\\\\').replace('"', '\\"')


def api(base, params):
    """GET /api/search with `params`, as the test's own independent reading of the answers."""
    url = f'{base}/api/search?{urllib.parse.urlencode(params)}'
    with urllib.request.urlopen(url, timeout=WAIT) as res:
        equal(res.status, 200, f'api {params}')
        return json.load(res)


def steps(page, base, screenshot, step):
    """The test itself. `step(name)` names what runs next, for the failure message."""
    def total():
        value = page.attribute('#status', 'data-total')
        return None if value is None else int(value)

    def hit_ids():
        return page.all_of('#hits .hit', 'e.dataset.id')

    def ranks():
        return page.all_of('#hits .hit', 'Number(e.dataset.rank)')

    def labels_apart():
        """The timeline's axis labels: some shown, none overlapping the next, none outside the chart."""
        boxes = page.all_of('#timeline-axis span', '(b => [b.left, b.right])(e.getBoundingClientRect())')
        chart = page.evaluate("(b => [b.left, b.right])(document.getElementById('histogram').getBoundingClientRect())")
        check(len(boxes) >= 2, f'the axis has labels: {boxes}')
        for (left, right), (next_left, _) in zip(boxes, boxes[1:]):
            check(right <= next_left, f'axis labels overlap: {boxes}')
        check(boxes[0][0] >= chart[0] and boxes[-1][1] <= chart[1], f'axis labels outside the chart {chart}: {boxes}')

    step('the page loads and lists every article')
    page.loaded(lambda: page.goto(f'{base}/'))
    equal(page.evaluate('document.title'), 'newsdesk', 'title')
    everything = api(base, {'q': '', 'limit': '0'})
    equal(total(), everything['total'], 'articles shown')
    check(page.exists('label[for=q]'), 'the search box has a label')

    step('the syntax help opens and its examples run')
    page.click('#syntax-toggle')
    equal(page.attribute('#syntax-toggle', 'aria-expanded'), 'true', 'aria-expanded of the syntax toggle')
    check(page.visible('#syntax'), 'the syntax help is shown')
    page.searched(lambda: page.click('#syntax .example', text='date:2021'))
    equal(page.query(), 'date:2021', 'query in the address')
    equal(total(), api(base, {'q': 'date:2021', 'limit': '0'})['total'], 'matches of date:2021')
    check(not page.visible('#syntax'), 'the syntax help is hidden after an example ran')

    step("typing a query shows the API's hits")
    page.fill('#q', QUERY)
    page.searched(lambda: page.press_enter('#q'))
    expected = api(base, {'q': QUERY, 'limit': '10'})
    equal(total(), expected['total'], 'matches')
    check(expected['total'] > 20, 'the query finds more than two pages')
    equal(hit_ids(), [h['id'] for h in expected['hits']], 'hits')
    equal(page.all_of('#hits .hit-title', 'e.textContent'), [h['title'] or '(no title)' for h in expected['hits']], 'titles')
    check(len(page.all_of('#hits .snippet mark', '1')) > 0, 'snippets mark the query words')
    equal(page.query(), QUERY, 'query in the address')

    step('the facets are shown with counts')
    for facet in ('speaker', 'country', 'source', 'year'):
        check(page.exists(f'.facet-value[data-facet={facet}]'), f'a {facet} value is listed')
    names = page.all_of('.facet-value[data-facet=country] .facet-name', 'e.textContent')
    check(any(re.search('[a-z]{3}', n) for n in names), 'countries are shown with names')
    if screenshot:
        page.screenshot(screenshot)

    step('clicking a speaker filters by it, with the count the facet showed')
    name = page.attribute('.facet-value[data-facet=speaker]', 'data-value')
    count = int(page.attribute('.facet-value[data-facet=speaker]', 'data-count'))
    page.searched(lambda: page.click('.facet-value[data-facet=speaker]'))
    equal(total(), count, f'matches filtered by speaker {name}')
    equal(page.query(), f'{QUERY} speaker:"{name}"', 'query in the address')
    pressed = f'.facet-value[data-facet=speaker][data-value="{name}"]'
    equal(page.attribute(pressed, 'aria-pressed'), 'true', 'aria-pressed of the chosen speaker')

    step('clicking it again removes the filter')
    page.searched(lambda: page.click(pressed))
    equal(page.query(), QUERY, 'query in the address')
    equal(total(), expected['total'], 'matches')

    step('the timeline has a bar for every month of the span, and a click on one filters to it')
    months = api(base, {'q': QUERY, 'limit': '0', 'histogram': 'month'})['histogram']
    check(len(months) <= 120, 'the query spans ten years at most (shown by month)')
    equal(page.attribute('#histogram', 'data-interval'), 'month', 'the interval chosen')
    equal(page.all_of('#histogram-bars .bar', 'e.dataset.period'), [m['period'] for m in months], 'periods of the bars')
    equal(page.all_of('#histogram-bars .bar', 'Number(e.dataset.count)'), [m['count'] for m in months], 'counts of the bars')
    labels_apart()
    bar = '#histogram-bars .bar:not([disabled])'
    period = page.attribute(bar, 'data-period')
    period_count = int(page.attribute(bar, 'data-count'))
    page.searched(lambda: page.click(bar))
    equal(total(), period_count, f'matches in {period}')
    equal(page.query(), f'{QUERY} date:{period}', 'query in the address')
    equal(page.attribute(f'#histogram-bars .bar[data-period="{period}"]', 'aria-pressed'), 'true', 'the chosen bar is pressed')
    page.searched(lambda: page.click(f'#histogram-bars .bar[data-period="{period}"]'))
    equal(page.query(), QUERY, 'query in the address')

    step('a misspelt query offers the spelling the archive has, and the link runs it')
    page.fill('#q', 'ministre')
    page.searched(lambda: page.press_enter('#q'))
    check(page.visible('#suggestion'), 'the suggestion is shown')
    equal(page.property('#suggestion-link', 'textContent'), 'minister', 'the suggestion')
    page.searched(lambda: page.click('#suggestion-link'))
    equal(page.query(), QUERY, 'query in the address')
    equal(total(), expected['total'], 'matches of the suggestion')
    check(not page.visible('#suggestion'), 'no suggestion for a good query')

    step('the download link exports every match as CSV, in the order shown')
    href = page.property('#download', 'href')
    equal(urllib.parse.urlparse(href).path, '/api/export', 'download link path')
    link_params = urllib.parse.parse_qs(urllib.parse.urlparse(href).query)
    equal((link_params.get('q'), link_params.get('format')), ([QUERY], ['csv']), 'download link parameters')
    with urllib.request.urlopen(href, timeout=WAIT) as res:
        equal(res.status, 200, 'export status')
        check('attachment' in (res.headers.get('Content-Disposition') or ''), 'the export is offered as a file')
        rows = list(csv.reader(io.TextIOWrapper(res, encoding='utf-8', newline='')))
    equal(rows[0][:3], ['rank', 'score', 'id'], 'CSV header')
    equal(len(rows) - 1, total(), 'CSV rows')
    equal([r[2] for r in rows[1:11]], [h['id'] for h in api(base, {'q': QUERY, 'limit': '10'})['hits']], 'the first rows are the first hits')

    step("a facet's search box lists the values with a word so begun, counted as the API counts them")
    speaker = page.attribute('.facet-value[data-facet=speaker]', 'data-value')
    prefix = speaker.split()[-1][:3]
    page.fill('.facet-filter[data-facet=speaker]', prefix)
    page.wait_for('the speaker list searched', lambda: page.attribute('.facet[data-facet=speaker]', 'data-searched') == prefix)
    found = api(base, {'q': QUERY, 'limit': '0', 'facet_search': f'speaker={prefix}'})['facet_search']['speaker']
    equal(page.all_of('.facet-value[data-facet=speaker]', 'e.dataset.value'), [v['value'] for v in found], 'values found')
    equal(page.all_of('.facet-value[data-facet=speaker]', 'Number(e.dataset.count)'), [v['count'] for v in found], 'their counts')
    check(speaker in [v['value'] for v in found], f'{speaker} is found by {prefix!r}')
    page.searched(lambda: page.click(f'.facet-value[data-facet=speaker][data-value="{css_string(found[-1]["value"])}"]'))
    equal(total(), found[-1]['count'], 'matches of a value found by the box')
    page.searched(page.go_back)
    equal(page.query(), QUERY, 'query in the address after going back')

    step('charting a speaker draws its line, counted as its filter counts, kept in the address')
    charted = page.attribute('.chart-toggle', 'data-filter')
    facet_count = int(page.attribute(f'.facet-value[data-filter="{css_string(charted)}"]', 'data-count'))
    page.searched(lambda: page.click('.chart-toggle'))
    equal(page.params('chart'), [charted], 'charted filters in the address')
    equal(page.attribute('.chart-toggle', 'aria-pressed'), 'true', 'the chart toggle is pressed')
    equal(len(page.all_of('#timeline-lines polyline', '1')), 1, 'lines drawn')
    equal(int(page.attribute('#timeline-legend li[data-filter]', 'data-total')), facet_count, 'the line counts what the facet counted')
    line = api(base, {'q': f'{QUERY} {charted}', 'limit': '0', 'histogram': 'month'})
    by_period = {p['period']: p['count'] for p in line['histogram']}
    points = page.attribute('#timeline-lines polyline', 'points').split()
    height = float(page.attribute('#timeline-lines', 'viewBox').split()[3])
    equal([round(height - float(p.split(',')[1])) for p in points], [by_period.get(m['period'], 0) for m in months],
          "the line's counts")
    page.loaded(page.reload)
    equal(len(page.all_of('#timeline-lines polyline', '1')), 1, 'lines drawn after a reload')
    page.searched(lambda: page.click('#timeline-legend li[data-filter] button'))
    equal(page.params('chart'), [], 'charted filters in the address')
    equal(len(page.all_of('#timeline-lines polyline', '1')), 0, 'lines drawn')

    step('the whole archive, 1987 to 2024, is shown by year with labels apart; weeks on request')
    page.fill('#q', '')
    page.searched(lambda: page.press_enter('#q'))
    years = api(base, {'q': '', 'limit': '0', 'histogram': 'year'})
    equal(page.attribute('#histogram', 'data-interval'), 'year', 'the interval chosen')
    equal(page.all_of('#histogram-bars .bar', 'e.dataset.period'), [y['period'] for y in years['histogram']], 'years of the bars')
    equal(years['histogram'][0]['period'], '1987', 'the first year')
    labels_apart()
    equal(int(page.attribute('#timeline-legend .undated', 'data-count')), years['histogram_undated']['count'], 'undated articles')
    page.searched(lambda: page.select_option('#interval', 'week'))
    equal(page.param('per'), 'week', 'interval in the address')
    weeks = api(base, {'q': '', 'limit': '0', 'histogram': 'week'})['histogram']
    equal(page.all_of('#histogram-bars .bar', 'e.dataset.period'), [w['period'] for w in weeks], 'weeks of the bars')
    labels_apart()
    page.searched(lambda: page.select_option('#interval', ''))
    page.fill('#q', QUERY)
    page.searched(lambda: page.press_enter('#q'))

    step('a country filter works with the keyboard')
    code = page.attribute('.facet-value[data-facet=country]', 'data-value')
    country_count = int(page.attribute('.facet-value[data-facet=country]', 'data-count'))
    page.focus('.facet-value[data-facet=country]')
    page.searched(page.press_enter)
    equal(page.query(), f'{QUERY} country:{code}', 'query in the address')
    equal(total(), country_count, f'matches naming {code}')
    page.searched(lambda: page.click(f'.facet-value[data-facet=country][data-value="{code}"]'))
    equal(page.query(), QUERY, 'query in the address')

    step('paging')
    first_page = hit_ids()
    check(page.visible('#pager'), 'the pager is shown')
    check(page.property('#prev', 'disabled'), '"previous" is disabled on the first page')
    page.searched(lambda: page.click('#next'))
    equal(page.param('page'), '2', 'page in the address')
    equal(ranks(), list(range(11, 21)), 'ranks on page 2')
    second_page = hit_ids()
    equal(second_page, [h['id'] for h in api(base, {'q': QUERY, 'limit': '10', 'offset': '10'})['hits']], 'hits of page 2')
    check(re.search('Page 2 of 3', page.property('#page-info', 'textContent')), 'the pager says page 2 of 3')

    step('reloading keeps the state')
    page.loaded(page.reload)
    equal(page.property('#q', 'value'), QUERY, 'the search box')
    equal(hit_ids(), second_page, 'hits after reloading')
    equal(ranks()[0], 11, 'first rank after reloading')

    step('the order is kept in the address too')
    page.searched(lambda: page.select_option('#sort', 'newest'))
    equal(page.param('sort'), 'newest', 'sort in the address')
    equal(hit_ids(), [h['id'] for h in api(base, {'q': QUERY, 'sort': 'newest', 'limit': '10'})['hits']], 'hits, newest first')
    page.loaded(page.reload)
    equal(page.property('#sort', 'value'), 'newest', 'the order after reloading')

    step('going back through history restores earlier searches')
    page.searched(page.go_back)
    equal(hit_ids(), second_page, 'hits one step back')
    page.searched(page.go_back)
    equal(hit_ids(), first_page, 'hits two steps back')

    step('reading an article in place')
    page.click('#hits .hit button.link')
    page.wait_for('the article body', lambda: page.visible('#hits .hit .article-body p'))

    step('a story three sites ran is one hit, its other versions listed under it')
    page.fill('#q', STORY_QUERY)
    page.searched(lambda: page.press_enter('#q'))
    check(page.property('#collapse', 'checked'), 'stories are collapsed by default')
    check(not page.visible('#pager'), 'no pager for a single page of hits')
    collapsed = api(base, {'q': STORY_QUERY, 'limit': '10', 'collapse': 'story'})
    equal(total(), collapsed['total'], f'articles matching {STORY_QUERY}')
    check(collapsed['total'] >= 3, 'the story and its two copies match')
    equal(int(page.attribute('#status', 'data-stories')), collapsed['stories'], 'stories matching')
    equal(hit_ids(), [h['id'] for h in collapsed['hits']], 'one hit per story')
    story_hit = next(h for h in collapsed['hits'] if h['other_versions'] > 0)
    versions = f'#hits .hit[data-id="{story_hit["id"]}"] .versions'
    equal(page.attribute(versions, 'data-count'), str(story_hit['other_versions']), 'other versions counted')
    check(re.search('and 2 other versions', page.property(f'{versions} summary', 'textContent')), 'the count is said')
    page.click(f'{versions} summary')
    page.wait_for('the versions listed', lambda: page.visible(f'{versions} .version'))
    equal(page.all_of(f'{versions} .version', 'e.dataset.id'), [v['id'] for v in story_hit['versions']], 'versions listed')

    step('the switch shows every version as a hit of its own, and is kept in the address')
    page.searched(lambda: page.click('#collapse'))
    equal(page.param('stories'), 'all', 'the switch in the address')
    every = api(base, {'q': STORY_QUERY, 'limit': '10'})
    equal(hit_ids(), [h['id'] for h in every['hits']], 'every version a hit')
    check(not page.exists('#hits .versions'), 'no versions listed under hits')
    page.loaded(page.reload)
    check(not page.property('#collapse', 'checked'), 'the switch after reloading')
    equal(hit_ids(), [h['id'] for h in every['hits']], 'hits after reloading')

    step('no errors in the page')
    equal(page.problems(), [], 'problems')

    step('a bad query shows the parser message')
    page.fill('#q', '"unclosed phrase')
    page.searched(lambda: page.press_enter('#q'))
    check(page.visible('#error'), 'the error is shown')
    check(re.search('position 1', page.property('#error', 'textContent')), 'the error gives the position')
    equal(len(page.all_of('#hits .hit', '1')), 0, 'hits shown for a bad query')
    check(not page.visible('#pager'), 'no pager for a bad query')

    step('a line the server refuses is named in the error, and the results and bars stay')
    page.loaded(lambda: page.goto(f"{base}/?q={urllib.parse.quote(QUERY)}&chart={urllib.parse.quote('date:2021-W60')}"))
    check(page.visible('#error'), 'the error is shown')
    message = page.property('#error', 'textContent')
    check('date:2021-W60' in message and 'could not be drawn' in message, f'the error names the line: {message!r}')
    check(total() > 0, 'the results are shown')
    check(len(page.all_of('#histogram-bars .bar', '1')) > 0, 'the bars are drawn')
    page.loaded(lambda: page.goto(f"{base}/?q={urllib.parse.quote(QUERY)}"))

    step('nothing else went wrong')   # Chromium reports the 400s itself
    equal([p for p in page.problems() if not re.search('status of 400', p)], [], 'problems')


def main():
    if len(sys.argv) < 2:
        print('usage: search_page_test.py BASE_URL [SCREENSHOT.png]', file=sys.stderr)
        return 2
    base = sys.argv[1].rstrip('/')
    screenshot = sys.argv[2] if len(sys.argv) > 2 else None
    executable = os.environ.get('CHROMIUM', '/usr/bin/chromium')

    current = ['starting Chromium']
    # SIGTERM (ctest's timeout) and the whole-run alarm end the run through `finally`.
    def interrupted(signum, _frame):
        raise Failure('killed by SIGTERM' if signum == signal.SIGTERM else f'the whole run took over {WHOLE_RUN:.0f} s')
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGALRM, interrupted)
    signal.alarm(int(WHOLE_RUN))

    profile = tempfile.mkdtemp(prefix='newsdesk-chromium-')
    log = os.path.join(profile, 'chromium.log')
    browser = None
    page = None
    try:
        browser = Browser(executable, os.path.join(profile, 'profile'), log)
        current[0] = 'opening a tab'
        page = Page(browser, base)

        def step(name):
            current[0] = name
        steps(page, base, screenshot, step)
        print('search page: all steps passed')
        return 0
    except Exception as e:   # a Failure, or a fault of this script: either way, say where
        print(f'search page test failed at: {current[0]}\n  {e}', file=sys.stderr)
        if not isinstance(e, Failure):
            traceback.print_exc()
        if page:
            try:
                for problem in page.problems():
                    print(f'  {problem}', file=sys.stderr)
            except Exception:   # the report must not hide the failure
                pass
        if os.path.exists(log):
            with open(log, errors='replace') as f:   # without the noise of a machine with no D-Bus
                tail = [line for line in f.read().splitlines() if '/dbus/' not in line][-20:]
            if tail:
                print('--- chromium log (last 20 lines) ---', *tail, sep='\n', file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)   # the clean-up must not be cut short
        if browser:
            browser.stop()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
