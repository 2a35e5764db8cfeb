#!/usr/bin/env python3
"""Checks the pages of a running `errata serve` in headless Chromium.

Run by scripts/browser-check.sh, which builds and starts the server. Each check is named; the first that fails
stops the run with `FAILED [name]: what was expected and what the page showed`, and exit status 1.

The selectors are the reference page's own contract (Sources/ErrataTools/Generate/Reference/ReferencePage.swift):
entry rows are `#codes tr[data-search]` with the entry's name as id, a code unique in the catalog has an anchor
`<span id="CODE">` in its row, and the search box is `#search`.
"""

import argparse
import json
import sys
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# How long one wait for the page may take, in seconds; the whole run is capped by browser-check.sh.
WAIT = 15


class Target:
    """A catalog page to check, and the entry its search and anchor checks use."""

    def __init__(self, catalog, code, name):
        self.catalog = catalog
        self.code = code
        self.name = name


# PluralKit's MemberRefNotFound (an integer code, 20003), and Google APIs' NotFound (a string code, NOT_FOUND), one
# of the real public APIs' catalogs.
TARGETS = [Target("pluralkit", "20003", "MemberRefNotFound"), Target("google-apis", "NOT_FOUND", "NotFound")]


class CheckFailed(Exception):
    def __init__(self, check, message):
        super().__init__(f"FAILED [{check}]: {message}")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="where errata serve answers, e.g. http://127.0.0.1:8080")
    parser.add_argument("--catalogs", required=True, help="the folder of bundled *.errata.yaml catalogs")
    parser.add_argument("--chromium", required=True, help="the chromium binary")
    parser.add_argument("--chromedriver", required=True, help="the chromedriver binary")
    parser.add_argument("--output", required=True, help="the folder for the screenshot")
    return parser.parse_args()


def start_browser(chromium, chromedriver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in a container has no user namespace for the sandbox
        "--disable-dev-shm-usage",  # small /dev/shm in containers
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    # An explicit driver path: selenium-manager is never asked to find (or download) a driver.
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    return driver


def load(driver, url, check):
    try:
        driver.get(url)
        WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    except (TimeoutException, WebDriverException) as error:
        raise CheckFailed(check, f"{url} did not load: {error.msg}")


def bundled_catalog_ids(folder):
    ids = sorted(path.name[: -len(".errata.yaml")] for path in Path(folder).glob("*.errata.yaml"))
    if not ids:
        raise CheckFailed("bundled catalogs", f"no *.errata.yaml in {folder}")
    return ids


def check_index(driver, base, ids, target):
    check = "index lists every bundled catalog"
    load(driver, base + "/", check)
    missing = []
    for catalog_id in ids:
        links = driver.find_elements(By.CSS_SELECTOR, f'#catalogs a[href="/{catalog_id}"]')
        if not any(link.is_displayed() for link in links):
            missing.append(catalog_id)
    if missing:
        raise CheckFailed(check, f"no visible link to {', '.join('/' + m for m in missing)} on {base}/")
    # The link leads to the catalog's page.
    driver.find_element(By.CSS_SELECTOR, f'#catalogs a[href="/{target.catalog}"]').click()
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if not driver.current_url.endswith("/" + target.catalog) or not driver.find_elements(By.ID, "codes"):
        raise CheckFailed(check, f"the /{target.catalog} link led to {driver.current_url}, which has no #codes section")
    print(f"ok  {check}: {', '.join(ids)}")


def catalog_entries(base, target):
    url = f"{base}/{target.catalog}.errata.json"
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            catalog = json.load(response)
    except (OSError, ValueError) as error:
        raise CheckFailed("codes", f"could not read the catalog from {url}: {error}")
    entries = catalog.get("codes") or []
    if not entries:
        raise CheckFailed("codes", f"{url} lists no codes")
    return entries


def entry_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#codes tr[data-search]")


def check_codes(driver, base, entries, target):
    check = f"/{target.catalog} shows every code as a row"
    load(driver, f"{base}/{target.catalog}", check)
    rows = {row.get_attribute("id"): row for row in entry_rows(driver)}
    problems = []
    for entry in entries:
        name = entry["name"]
        code = "" if entry.get("code") is None else str(entry["code"])
        row = rows.get(name)
        if row is None:
            problems.append(f"no row #{name} (code {code or 'none'})")
            continue
        if not row.is_displayed():
            problems.append(f"row #{name} is not displayed")
            continue
        first_cell = row.find_element(By.CSS_SELECTOR, "td").text.strip()
        if code and first_cell != code:
            problems.append(f"row #{name} shows code {first_cell!r}, the catalog says {code!r}")
    extra = set(rows) - {entry["name"] for entry in entries}
    if extra:
        problems.append(f"rows for entries the catalog does not have: {', '.join(sorted(extra))}")
    if problems:
        raise CheckFailed(check, "; ".join(problems))
    print(f"ok  {check}: {len(entries)} rows")


def check_search(driver, base, entries, target):
    check = f"typing {target.code} in the search box leaves only its row"
    load(driver, f"{base}/{target.catalog}", check)
    boxes = driver.find_elements(By.ID, "search")
    if not boxes or not boxes[0].is_displayed():
        raise CheckFailed(check, "no visible search box (#search)")
    box = boxes[0]
    box.click()
    box.send_keys(target.code)

    def visible_rows(d):
        return [row.get_attribute("id") for row in entry_rows(d) if row.is_displayed()]

    try:
        WebDriverWait(driver, WAIT).until(lambda d: visible_rows(d) == [target.name])
    except TimeoutException:
        shown = visible_rows(driver)
        raise CheckFailed(check, f"expected only #{target.name} visible, {len(shown)} rows are: {', '.join(shown[:10])}")
    if driver.find_element(By.ID, "no-matches").is_displayed():
        raise CheckFailed(check, "'Nothing matches' is shown although a row matches")

    # Clearing the box brings every row back.
    box.clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)
    try:
        WebDriverWait(driver, WAIT).until(lambda d: len(visible_rows(d)) == len(entries))
    except TimeoutException:
        raise CheckFailed(check, f"after clearing the box {len(visible_rows(driver))} of {len(entries)} rows show")
    print(f"ok  {check}")


def check_anchor(driver, base, target):
    check = f"/{target.catalog}#{target.code} scrolls its row into view"
    # A small window, so the row starts well below the fold and the page must scroll to it.
    driver.set_window_size(800, 500)
    try:
        load(driver, f"{base}/{target.catalog}#{target.code}", check)
        geometry = None
        for _ in range(2):
            # The fragment scroll may land after `load`; give it a frame.
            geometry = driver.execute_script(
                """
                var anchor = document.getElementById(arguments[0]);
                if (!anchor) { return null; }
                var row = anchor.closest("tr");
                var rect = row.getBoundingClientRect();
                var x = rect.left + Math.min(rect.width / 2, 40), y = rect.top + rect.height / 2;
                var hit = document.elementFromPoint(x, y);
                return {
                    row: row.id, top: rect.top, bottom: rect.bottom, height: rect.height,
                    innerHeight: window.innerHeight, scrollY: window.scrollY,
                    onTop: hit !== null && row.contains(hit), hit: hit ? hit.tagName + "." + hit.className : null
                };
                """,
                target.code,
            )
            if geometry and geometry["top"] >= 0 and geometry["onTop"]:
                break
            driver.execute_script("return new Promise(function (done) { requestAnimationFrame(done); })")
    finally:
        driver.set_window_size(1280, 1000)
    if geometry is None:
        raise CheckFailed(check, f"no element with id {target.code!r} on the page")
    if geometry["row"] != target.name:
        raise CheckFailed(check, f"#{target.code} is in row #{geometry['row']}, expected #{target.name}")
    if geometry["scrollY"] <= 0:
        raise CheckFailed(check, "the page did not scroll (scrollY is 0)")
    # A row taller than the viewport cannot fit: then it must start at the top of it, not below.
    fits = geometry["bottom"] <= geometry["innerHeight"]
    starts_at_top = geometry["height"] > geometry["innerHeight"] and geometry["top"] <= geometry["innerHeight"] / 4
    if not (0 <= geometry["top"] and (fits or starts_at_top)):
        raise CheckFailed(
            check,
            f"row spans {geometry['top']:.0f}–{geometry['bottom']:.0f}px, the viewport 0–{geometry['innerHeight']}px",
        )
    if not geometry["onTop"]:
        raise CheckFailed(check, f"the row is in the viewport but covered by {geometry['hit']}")
    print(f"ok  {check}: row at {geometry['top']:.0f}–{geometry['bottom']:.0f}px of {geometry['innerHeight']}px")


def save_screenshot(driver, base, output, target):
    check = "screenshot"
    load(driver, f"{base}/{target.catalog}", check)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{target.catalog}.png"
    if not driver.save_screenshot(str(path)) or path.stat().st_size == 0:
        raise CheckFailed(check, f"could not write {path}")
    print(f"ok  {check}: {path}")


def main():
    arguments = parse_arguments()
    base = arguments.base_url.rstrip("/")
    try:
        ids = bundled_catalog_ids(arguments.catalogs)
        entries = {target.catalog: catalog_entries(base, target) for target in TARGETS}
    except CheckFailed as failure:
        print(f"browser check: {failure}", file=sys.stderr)
        return 1
    try:
        driver = start_browser(arguments.chromium, arguments.chromedriver)
    except WebDriverException as error:
        print(f"browser check: FAILED [start chromium]: {error.msg}", file=sys.stderr)
        return 1
    try:
        for target in TARGETS:
            check_index(driver, base, ids, target)
            check_codes(driver, base, entries[target.catalog], target)
            check_search(driver, base, entries[target.catalog], target)
            check_anchor(driver, base, target)
            save_screenshot(driver, base, arguments.output, target)
    except CheckFailed as failure:
        print(f"browser check: {failure}", file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print("browser check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
