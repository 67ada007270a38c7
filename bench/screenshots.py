"""PNG screenshots of the main web pages, taken with headless Chromium (``make screenshots``).

    python bench/screenshots.py [--out screenshots] [--articles 300]

Builds a store from the seed-style test fixture (through the real pipeline, so the article page
shows what newsgraph finds) plus ``--articles`` synthetic articles (so that events, counts and the
network have data), serves it on a free port of 127.0.0.1, and saves one PNG per page, plus one
of each chart and map alone (``*-chart.png``, ``map-*.png``). With ``--docs``, those figures are
also copied to ``docs/img/``, where ``docs/web.md`` shows them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "seed_style_dump.txt"


def build(path: Path, n: int) -> None:
    from newsgraph.runner.local import ingest
    from newsgraph.settings import Settings
    from newsgraph.store.db import Store
    from newsgraph.testing import Generator

    ingest([FIXTURE], path, Settings.load(published=dt.date(2025, 6, 6)))
    with Store(path) as store:
        store.write(articles=list(Generator(1).articles(n)), run_id=store.start_run("synthetic"))


def main() -> int:
    ap = argparse.ArgumentParser(description="PNG screenshots of the main web pages.")
    ap.add_argument("--out", type=Path, default=ROOT / "screenshots")
    ap.add_argument("--articles", type=int, default=300, help="synthetic articles besides the fixture")
    ap.add_argument("--docs", action="store_true", help="also copy the figures to docs/img/")
    args = ap.parse_args()

    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from newsgraph.web.app import create_app

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver_path).exists()):
        print("chromium and chromedriver are missing: run `make browser`", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.duckdb"
        build(db, args.articles)
        app = create_app(db)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        seed = app.state.db.one(
            "SELECT id FROM articles WHERE title LIKE 'Gulf Mediators%' LIMIT 1"
        ) or app.state.db.one("SELECT id FROM articles LIMIT 1")
        person = app.state.db.one(
            "SELECT key FROM derived.entity_stats WHERE type = 'PERSON' ORDER BY mentions DESC LIMIT 1"
        )
        pages = {
            "overview": "/",
            "articles": "/articles?q=minister",
            "article": f"/articles/{seed['id']}" if seed else "/articles",
            "entity": f"/entities/{quote(person['key'], safe='')}" if person else "/entities",
            "entities": "/entities",
            "quotes": "/quotes",
            "events": "/events",
            "network": "/network?limit=80",
            "counts": "/counts",
            "map": "/map",
            "map-places": "/map?layer=places",
        }
        # the charts and maps alone: (page, CSS selector of the figure)
        figures = {
            "map-events": ("/map", "div.map-wrap"),
            "timeline-chart": ("/events", "svg.timeline-chart"),
            "top-actors-chart": ("/events", "section.top-actors svg"),
            "counts-chart": ("/counts", "svg.counts-chart"),
            "network-graph": ("/network?limit=80", "div.network"),
        }
        options = Options()
        options.binary_location = chromium
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            for name, path in pages.items():
                driver.set_window_size(1400, 1000)
                driver.get(base + path)
                time.sleep(1.0 if name == "network" else 0.3)  # let the graph lay itself out
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(1400, min(max(int(height), 800), 2400))
                target = args.out / f"{name}.png"
                driver.save_screenshot(str(target))
                print(target)
            for name, (path, selector) in figures.items():
                driver.set_window_size(1400, 1000)
                driver.get(base + path)
                time.sleep(1.0 if "network" in path else 0.3)
                target = args.out / f"{name}.png"
                driver.find_element(By.CSS_SELECTOR, selector).screenshot(str(target))
                print(target)
                if args.docs:
                    (ROOT / "docs" / "img").mkdir(exist_ok=True)
                    shutil.copyfile(target, ROOT / "docs" / "img" / target.name)
        finally:
            driver.quit()
            server.should_exit = True
            thread.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
