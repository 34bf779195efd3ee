"""The week in your pocket in real Chromium: installable, offline, the session view, its timer and log.

The built site (conftest's `real_site`) is copied and served under /hipdips/ by a
server of this module's own, so a test can take the network away for real (the
server stops) and another can put a "new build" in place (a worker with another
version). Service workers need a secure context: http://127.0.0.1 is one.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from generator.render.pwa import build_hash
from tests.browsers import CHROMIUM_FLAGS, QuietHandler, QuietServer, chromium_path, site_path
from tests.test_browser import VIEWPORTS, describe

WEEK = "plans/home-week/"
KEY = "plans/home-week"
SESSION = f"session/?week={KEY}&day=0"


class Served:
    """A copy of the built site on 127.0.0.1, which can be stopped (the network is gone)."""

    def __init__(self, root: Path, site: Path):
        self.root, self.site = root, site
        self.server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{site_path()}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def served(real_site: Path, tmp_path: Path) -> Iterator[Served]:
    site = tmp_path / site_path().strip("/")
    shutil.copytree(real_site, site)
    running = Served(tmp_path, site)
    yield running
    running.stop()


def ready(page: Page) -> None:
    """Wait until the worker controls the page."""
    controlled = "new Promise(r => navigator.serviceWorker.addEventListener('controllerchange', r))"
    page.evaluate(f"navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller || {controlled})")


def keep_week(page: Page, base: str) -> None:
    page.goto(base + WEEK)
    ready(page)
    page.get_by_role("button", name="Keep this week offline").click()
    expect(page.locator(".hd-keep__status")).to_contain_text("Kept:", timeout=20000)


def phone(browser: Browser, **options: object) -> BrowserContext:
    return browser.new_context(viewport=VIEWPORTS["phone"], device_scale_factor=1, **options)  # type: ignore[arg-type]


def test_manifest_and_icons_are_valid_and_every_page_links_them(real_site: Path) -> None:
    manifest = json.loads((real_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["display"] == "standalone" and manifest["name"] and manifest["short_name"] and manifest["theme_color"].startswith("#")
    assert manifest["start_url"] == manifest["scope"] == "./"  # relative to the manifest at the site's root: /hipdips/
    sizes = {icon["sizes"]: icon for icon in manifest["icons"]}
    assert set(sizes) == {"192x192", "512x512"}
    for size, icon in sizes.items():
        with Image.open(real_site / icon["src"]) as image:
            assert image.format == "PNG" and f"{image.width}x{image.height}" == size
    for page in real_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" not in text:
            assert re.search(r'<link rel="manifest" href="[^"]*manifest\.webmanifest">', text), page


def test_the_worker_and_the_session_script_stay_within_20_kb_gzipped(real_site: Path) -> None:
    files = [real_site / "sw.js", real_site / "assets/javascripts/session.js"]
    assert sum(len(gzip.compress(f.read_bytes(), mtime=0)) for f in files) <= 20_000


def test_a_change_to_any_file_of_the_build_changes_the_cache_version() -> None:
    files = {"index.md": b"home", "plans/week.md": b"week"}
    first = build_hash(files, ["card-a"], None)
    assert first == build_hash(dict(files), ["card-a"], None)
    assert first != build_hash({**files, "plans/week.md": b"week, changed"}, ["card-a"], None)
    assert first != build_hash(files, ["card-b"], None)


def test_chromium_reports_no_installability_errors(browser: Browser, served: Served, tmp_path: Path) -> None:
    # A persistent profile: Chromium never offers to install from an incognito one.
    context = browser.browser_type.launch_persistent_context(tmp_path / "profile", executable_path=chromium_path(), args=CHROMIUM_FLAGS)
    page = context.new_page()
    page.goto(served.url)
    ready(page)
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    context.close()


def test_a_kept_week_opens_offline_with_its_exercises_and_session(browser: Browser, served: Served) -> None:
    context = phone(browser)
    page = context.new_page()
    keep_week(page, served.url)
    exercises = page.locator(".hd-week table a").evaluate_all("links => [...new Set(links.map(a => a.href))]")
    served.stop()
    context.set_offline(True)
    page.goto(served.url + WEEK)
    expect(page.locator(".hd-start a").first).to_be_visible()
    for href in exercises:
        page.goto(href)
        expect(page.locator("figure.hp-pose svg")).to_be_visible()
    page.goto(served.url + SESSION)
    expect(page.locator(".hd-move").first).to_be_visible()
    assert page.locator(".hd-move__figure").first.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(served.url + "myths/spot-reduction/")  # never kept: the friendly offline page, with a link to what is kept
    expect(page.locator("h1")).to_contain_text("You are offline")
    page.locator("[data-hd-kept] a").first.click()
    expect(page).to_have_url(served.url + WEEK)
    context.close()


def test_a_new_build_replaces_the_caches_without_reloading_a_session(browser: Browser, served: Served) -> None:
    context = phone(browser)
    page = context.new_page()
    keep_week(page, served.url)
    old = page.evaluate("caches.keys()")
    session = context.new_page()
    session.goto(served.url + SESSION)
    worker = served.site / "sw.js"
    version = re.search(r'const VERSION = "(\w+)"', worker.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    worker.write_text(worker.read_text(encoding="utf-8").replace(version, "0" * len(version)), encoding="utf-8")  # the next build
    session.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    expect(session.locator(".hd-update")).to_contain_text("starts when you leave this session", timeout=20000)
    assert session.locator(".hd-update button").count() == 0
    page.reload()
    page.get_by_role("button", name="Use it now").click()
    page.wait_for_function("caches.keys().then(k => k.every(name => name.endsWith('0000')))", timeout=20000)
    new = page.evaluate("caches.keys()")
    assert sorted(new) == sorted(name.replace(version, "0" * len(version)) for name in old)
    assert page.evaluate(f"caches.open('hd-kept-{'0' * len(version)}').then(c => c.match('{served.url + WEEK}')).then(Boolean)")
    context.close()


def open_session(context: BrowserContext, base: str) -> Page:
    page = context.new_page()
    page.goto(base + SESSION)
    expect(page.locator(".hd-move").first).to_be_visible()
    return page


def test_ticking_a_set_starts_the_rest_timer_under_a_fake_clock(browser: Browser, served: Served) -> None:
    context = phone(browser)
    page = context.new_page()
    page.clock.install()
    page.goto(served.url + SESSION)
    move = page.locator(".hd-move").first
    move.get_by_label("kg").first.fill("10")
    move.get_by_label("reps").first.fill("12")
    move.get_by_label("Done").first.check()
    timer = page.get_by_role("timer")
    rest = json.loads((served.site / f"assets/sessions/{KEY}.json").read_text())["days"][0]["moves"][0]["rest"]
    expect(timer).to_contain_text(f"{rest // 60}:{rest % 60:02d}")
    expect(page.locator("[aria-live]")).to_have_text(f"Rest {rest} seconds.")
    page.clock.run_for(30_000)
    left = rest - 30
    expect(timer).to_contain_text(f"{left // 60}:{left % 60:02d}")
    page.clock.run_for((left + 1) * 1000)
    expect(timer).to_contain_text("Rest over")
    expect(page.locator("[aria-live]")).to_have_text("Rest over. Next set.")
    context.close()


def test_a_log_survives_a_reload_and_round_trips_through_export_and_import(browser: Browser, served: Served, tmp_path: Path) -> None:
    context = phone(browser, accept_downloads=True)
    page = open_session(context, served.url)
    move = page.locator(".hd-move").first
    for n, (kg, reps) in enumerate([("10", "12"), ("10", "11")]):
        move.get_by_label("kg").nth(n).fill(kg)
        move.get_by_label("reps").nth(n).fill(reps)
        move.get_by_label("Done").nth(n).check()
    page.reload()
    move = page.locator(".hd-move").first
    expect(move.get_by_label("reps").nth(1)).to_have_value("11")
    expect(move.get_by_label("Done").nth(0)).to_be_checked()
    expect(page.get_by_text("Your log holds 2 sets.")).to_be_visible()
    with page.expect_download() as done:
        page.get_by_role("button", name="Export CSV").click()
    exported = tmp_path / "log.csv"
    done.value.save_as(exported)
    assert exported.read_text().splitlines()[0] == "date,week,day,exercise,set,load_kg,reps_or_seconds"
    page.get_by_role("button", name="Delete my log").click()
    page.get_by_role("button", name="Yes, delete my whole log").click()
    expect(page.get_by_text("Your log holds 0 sets.")).to_be_visible()
    status = page.locator(".hd-log__status")
    chooser = page.get_by_label("Import a log (CSV or JSON):")
    chooser.set_input_files(str(exported))
    expect(status).to_have_text("Imported 2 sets; 0 were already in your log.")
    chooser.set_input_files(str(exported))
    expect(status).to_have_text("Imported 0 sets; 2 were already in your log.")
    bad = {
        "other.csv": "name,weight\nclam,10\n",
        "numbers.csv": exported.read_text().replace(",10,", ",ten,", 1),
        "huge.csv": "date,week,day,exercise,set,load_kg,reps_or_seconds\n" + "x" * 1_100_000,
        "broken.json": '{"rows": [',
    }
    for name, text in bad.items():
        (tmp_path / name).write_text(text)
        chooser.set_input_files(str(tmp_path / name))
        expect(status).to_contain_text("Nothing was changed.")
        expect(page.get_by_text("Your log holds 2 sets.")).to_be_visible()
    expect(status).to_contain_text("cannot be read")
    page.get_by_role("button", name="Export JSON").click()  # the JSON export works too
    context.close()


def test_keyboard_alone_starts_a_session_and_ticks_a_set(browser: Browser, served: Served) -> None:
    context = phone(browser)
    page = context.new_page()
    page.goto(served.url + WEEK)
    start = page.locator(".hd-start a").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if start.evaluate("a => a === document.activeElement"):
            break
    page.keyboard.press("Enter")
    kg = page.locator(".hd-move").first.get_by_label("kg").first
    kg.wait_for()
    for _ in range(60):
        if kg.evaluate("input => input === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.type("8")
    page.keyboard.press("Tab")
    page.keyboard.type("10")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_role("timer")).to_be_visible()
    expect(page.locator(".hd-move").first.get_by_label("Done").first).to_be_checked()
    context.close()


@pytest.mark.parametrize(("width", "scheme"), [("phone", "light"), ("desktop", "light"), ("phone", "dark")])
def test_session_week_and_offline_pages_have_no_accessibility_violations(width: str, scheme: str, browser: Browser, served: Served) -> None:
    context = browser.new_context(viewport=VIEWPORTS[width], device_scale_factor=1, color_scheme=scheme)  # type: ignore[arg-type]
    page = open_session(context, served.url)
    move = page.locator(".hd-move").first
    move.get_by_label("kg").first.fill("10")
    move.get_by_label("Done").first.check()  # with the timer showing
    page.get_by_role("button", name="Delete my log").click()  # and the question it asks, focused
    problems = []
    for path in (SESSION, WEEK, "offline/", "session/"):
        if path != SESSION:
            page.goto(served.url + path)
        violations = Axe().run(page).response["violations"]
        if violations:
            problems.append(f"/{path}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
    context.close()


def test_without_javascript_a_week_page_is_whole_and_shows_no_pocket_controls(browser: Browser, served: Served) -> None:
    with_js = phone(browser)
    page = with_js.new_page()
    page.goto(served.url + WEEK)
    expect(page.locator(".hd-start a").first).to_be_visible()
    page.evaluate("document.querySelectorAll('.hd-start, .hd-pocket, .hd-update, [data-hd-calendar]').forEach(e => e.remove())")
    text_with_js = page.locator(".md-content").inner_text()
    with_js.close()
    no_js = phone(browser, java_script_enabled=False)
    page = no_js.new_page()
    page.goto(served.url + WEEK)
    assert page.locator(".md-content").inner_text() == text_with_js
    assert page.locator(".hd-start, .hd-pocket, .hd-paper-log").evaluate_all("els => els.every(e => e.offsetParent === null)")
    page.emulate_media(media="print")
    expect(page.locator(".hd-paper-log")).to_be_visible()
    expect(page.locator(".hd-paper-log td.hd-paper-log__set").first).to_have_text("kg ____ x ____")
    assert page.locator("a[href$='.ics']").evaluate_all("links => links.every(a => a.offsetParent === null)")
    page.goto(served.url + "session/")
    expect(page.locator("[data-hd-session]")).to_contain_text("needs JavaScript")
    no_js.close()
