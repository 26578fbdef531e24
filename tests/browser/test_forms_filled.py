"""Every form field the server fills in shows its value in the browser (fault report: the reschedule
form opened with an empty date: '17-12-2026' in a date input, which the browser rejects)."""

import pytest

from tests.test_access_matrix import MATRIX, NOT_HTML, OK, build_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For every input and select the server gave a value: is it still there in the browser?
LOST_VALUES = """
() => Array.from(document.querySelectorAll('main input, main select, main textarea'))
  .filter((field) => !['hidden', 'checkbox', 'radio', 'file', 'submit'].includes(field.type))
  .filter((field) => {
    const given = field.tagName === 'SELECT'
      ? (field.querySelector('option[selected]') || {}).value
      : (field.getAttribute('value') || field.defaultValue || '') !== '';
    return given && field.value === '';
  })
  .map((field) => `${field.name}=${field.getAttribute('value') || '(option)'}`)
"""


@pytest.mark.parametrize("role", ["advisor", "programme_lead", "employee"])
def test_no_filled_in_field_shows_empty_on_any_form(page, log_in_as, world, role):
    log_in_as(world["users"][role])
    checked, lost = 0, {}
    for name, outcomes in MATRIX.items():
        if outcomes[role] != OK or name in NOT_HTML:
            continue
        page.goto(build_url(name, world["own"]))
        values = page.evaluate(LOST_VALUES)
        checked += page.locator("main input[type=date]").count()
        if values:
            lost[name] = values
    assert lost == {}
    if role != "employee":
        assert checked > 0  # the edit forms with dates were among the pages
