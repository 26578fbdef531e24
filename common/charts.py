"""Charts drawn on the server as SVG, laid out so that no text is ever clipped.

A chart is plain data (boxes and texts with coordinates in SVG units); the template
`includes/chart.html` draws it. The layout reserves room for every text from its width, estimated
with the advance widths of DejaVu Sans (the widest of the usual sans-serif fonts, and the one the
SVG asks for first), plus a margin: a narrower fallback font only leaves more room. Labels sit
above their bars, so a chart stays narrow enough to read on a 360 px phone. Every chart is shown
next to a table with the same figures (WCAG 1.1.1); the chart itself is one image with a title.
"""

from dataclasses import dataclass, field

# Advance widths of DejaVu Sans Book, in em, for the printable ASCII characters (space to ~).
_ASCII_WIDTHS = (
    0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
    0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
    1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
    0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5,
    0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
    0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
)  # fmt: skip
# Any other character (accented letters, €, dashes) is counted as wide as a capital M.
_OTHER_WIDTH = 0.863
# Bold text is about 9% wider; rounding and kerning differences are covered by this margin.
_MARGIN = 1.12
FONT_FAMILY = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif"
FONT_SIZE = 14
PADDING = 4


def text_width(text: str, *, size: float = FONT_SIZE) -> float:
    """The width of `text` at font size `size`, in SVG units, never less than it renders."""
    total = 0.0
    for character in str(text):
        code = ord(character)
        total += _ASCII_WIDTHS[code - 32] if 32 <= code < 127 else _OTHER_WIDTH
    return round(total * size * _MARGIN, 1)


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    content: str
    anchor: str = "start"
    bold: bool = False


# Colours as SVG attributes (also for PDF renderers that ignore CSS on SVG); contrast ≥ 3:1 with white.
TONES = {"bar": "#0b4f6c", "track": "#e9ecef", "target": "#7a1e48", "negative": "#9a3412"}
TEXT_COLOUR = "#212529"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    tone: str = "bar"  # bar, track, target, negative

    @property
    def fill(self) -> str:
        return TONES[self.tone]


@dataclass
class Chart:
    """Boxes and texts in a width × height view box; `title` is its accessible name."""

    title: str
    width: float
    height: float
    boxes: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    font_family: str = FONT_FAMILY
    font_size: int = FONT_SIZE
    heading: str = ""  # a visible caption above the chart, when the page's heading does not say it
    # Wide charts (a trend over many months) keep their size and scroll sideways on a phone, so
    # their text stays readable; narrow ones scale down to the screen.
    scrolls: bool = False


@dataclass(frozen=True)
class BarRow:
    """One bar: its label, its value (None: not shown, no bar), the text after the bar, a marker
    (a target, drawn as a line across the bar) in the same units as the value."""

    label: str
    value: float | None
    value_text: str
    marker: float | None = None


BAR_LENGTH = 200  # with the labels above the bars, a chart fits a 360 px screen
BAR_HEIGHT = 18
GAP = 8


def bar_chart(rows, *, title: str, minimum: float = 0, maximum: float = 100) -> Chart:
    """Horizontal bars, each under its label, its value text after the bar area.

    `rows`: BarRow. Values run from `minimum` to `maximum` (a negative minimum draws bars left or
    right of a zero line, for changes). The view box is as wide as the longest label or the bar
    area plus the longest value text, whichever is wider.
    """
    rows = list(rows)
    line = FONT_SIZE * 1.3
    row_height = line + BAR_HEIGHT + GAP * 1.5
    value_width = max((text_width(row.value_text) for row in rows), default=0)
    label_width = max((text_width(row.label) for row in rows), default=0)
    width = PADDING * 2 + max(label_width, BAR_LENGTH + GAP + value_width)
    span = (maximum - minimum) or 1
    zero = PADDING + BAR_LENGTH * (0 - minimum) / span if minimum < 0 else PADDING
    chart = Chart(title=title, width=round(width, 1), height=round(PADDING + row_height * len(rows), 1))
    for index, row in enumerate(rows):
        top = PADDING + index * row_height
        chart.texts.append(Text(PADDING, round(top + FONT_SIZE, 1), row.label))
        bar_top = round(top + line, 1)
        chart.boxes.append(Box(PADDING, bar_top, BAR_LENGTH, BAR_HEIGHT, "track"))
        if row.value is not None:
            clamped = min(max(row.value, minimum), maximum)
            end = PADDING + BAR_LENGTH * (clamped - minimum) / span
            left, right = sorted((zero, end))
            tone = "negative" if clamped < 0 else "bar"
            chart.boxes.append(Box(round(left, 1), bar_top, round(max(right - left, 1), 1), BAR_HEIGHT, tone))
        if row.marker is not None:
            at = PADDING + BAR_LENGTH * (min(max(row.marker, minimum), maximum) - minimum) / span
            chart.boxes.append(Box(round(at - 1.5, 1), bar_top - 3, 3, BAR_HEIGHT + 6, "target"))
        if minimum < 0:
            chart.boxes.append(Box(round(zero - 0.5, 1), bar_top - 3, 1, BAR_HEIGHT + 6, "target"))
        chart.texts.append(
            Text(PADDING + BAR_LENGTH + GAP, round(bar_top + BAR_HEIGHT - 4, 1), row.value_text, bold=True)
        )
    return chart


@dataclass(frozen=True)
class ColumnRow:
    """One column of a trend: its label under it (a month), value (None: no column), value text above."""

    label: str
    value: float | None
    value_text: str


COLUMN_HEIGHT = 120


def column_chart(
    rows, *, title: str, maximum: float = 100, target: float | None = None, target_text: str = ""
) -> Chart:
    """Vertical columns in a row (a trend per month), each as wide as its widest text, with an
    optional target line across all of them and its text on the right."""
    rows = list(rows)
    slot = max([text_width(row.label) for row in rows] + [text_width(row.value_text) for row in rows] + [24]) + GAP
    target_width = text_width(target_text) + GAP if target is not None and target_text else 0
    width = PADDING * 2 + slot * len(rows) + target_width
    base = PADDING + FONT_SIZE * 1.4 + COLUMN_HEIGHT
    chart = Chart(title=title, width=round(width, 1), height=round(base + FONT_SIZE * 1.6 + PADDING, 1), scrolls=True)
    # The target line first, so the columns and their values are drawn over it.
    if target is not None:
        at = round(base - COLUMN_HEIGHT * min(max(target, 0), maximum) / (maximum or 1), 1)
        chart.boxes.append(Box(PADDING, at - 1, round(slot * len(rows), 1), 2, "target"))
        if target_text:
            chart.texts.append(
                Text(round(PADDING + slot * len(rows) + GAP / 2, 1), round(at + FONT_SIZE / 3, 1), target_text)
            )
    for index, row in enumerate(rows):
        left = PADDING + index * slot
        middle = round(left + slot / 2, 1)
        if row.value is not None:
            height = COLUMN_HEIGHT * min(max(row.value, 0), maximum) / (maximum or 1)
            chart.boxes.append(
                Box(round(left + GAP / 2, 1), round(base - height, 1), round(slot - GAP, 1), round(max(height, 1), 1))
            )
            chart.texts.append(Text(middle, round(base - height - 4, 1), row.value_text, anchor="middle", bold=True))
        else:
            chart.texts.append(Text(middle, round(base - 4, 1), row.value_text, anchor="middle"))
        chart.texts.append(Text(middle, round(base + FONT_SIZE * 1.3, 1), row.label, anchor="middle"))
    return chart
