"""Every table sits in a scroll container a keyboard can reach (WCAG 2.1.1, axe
'scrollable-region-focusable'): a narrow screen scrolls the table, never the page, and the container
is focusable, named by the table's caption and shows its focus. Checked on the templates themselves,
so a new page cannot forget it; the browser tests check the rendered pages at 360 and 1280 px."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
CONTAINER = re.compile(r"<div ([^>]*)>\s*<table[^>]*>\s*<caption([^>]*)>", re.S)
SCROLLING = re.compile(r'<div [^>]*class="[^"]*(table-responsive|chart-scroll)[^"]*"[^>]*>')


def templates():
    return sorted(TEMPLATES.rglob("*.html"))


def test_every_table_is_in_a_focusable_named_scroll_container():
    problems = []
    for path in templates():
        text = path.read_text()
        tables = text.count("<table")
        wrapped = CONTAINER.findall(text)
        if len(wrapped) != tables:
            problems.append(f"{path.relative_to(TEMPLATES)}: {tables} tables, {len(wrapped)} in a scroll container")
        for attributes, caption in wrapped:
            label = re.search(r'aria-labelledby="([^"]+)"', attributes)
            caption_id = re.search(r'id="([^"]+)"', caption)
            if not (
                'class="table-responsive"' in attributes
                and 'tabindex="0"' in attributes
                and 'role="region"' in attributes
                and label
                and caption_id
                and label.group(1) == caption_id.group(1)
            ):
                problems.append(f"{path.relative_to(TEMPLATES)}: <div {attributes}> around <caption{caption}>")
    assert problems == []


def test_every_scroll_container_is_focusable_and_named():
    problems = []
    for path in templates():
        for match in SCROLLING.finditer(path.read_text()):
            tag = match.group(0)
            named = "aria-labelledby=" in tag or "aria-label=" in tag
            if 'tabindex="0"' not in tag or "role=" not in tag or not named:
                problems.append(f"{path.relative_to(TEMPLATES)}: {tag}")
    assert problems == []


def test_a_focused_scroll_container_shows_its_focus():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "portal.css").read_text()
    assert ".table-responsive[tabindex]:focus-visible" in css and ".chart-scroll:focus-visible" in css
