"""The interface speaks the person's language (issue 9, item 13): Dutch by default, English for whoever
chose "Engels", with every interface string in the English catalogue. Content (the plan's texts,
names, what people typed) stays as written.

The page test renders every page of the access matrix for every role in English and compares what a
person reads against the catalogue: a Dutch msgid on an English page was rendered untranslated, and
Dutch words left after taking out stored content are a string nobody marked for translation.
"""

import re

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from common.submissions import FIELD_NAME, new_token
from organisations.models import User
from tests.form_walk import pages_and_posts
from tests.page_text import catalogue, content_strings, dutch_words, read_texts, without_content
from tests.test_access_matrix import MATRIX, NOT_HTML, OK, ROLES, build_url

PO = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")
# A sentence long enough to be recognised inside a larger text node.
RECOGNISABLE = 25


def test_the_english_catalogue_translates_every_string():
    entries = [entry for entry in polib.pofile(str(PO)) if not entry.obsolete]
    assert len(entries) > 1000
    missing = [entry.msgid for entry in entries if not entry.translated() or "fuzzy" in entry.flags]
    assert missing == []


def test_translations_keep_every_placeholder_and_tag():
    wrong = []
    for entry in polib.pofile(str(PO)):
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, translated_text in pairs:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translated_text)):
                wrong.append(source)
    assert wrong == []


def test_the_compiled_catalogue_is_the_current_one():
    """The .mo is committed (nothing needs gettext to run): it must say what the .po says."""
    source = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.pofile(str(PO)) if entry.msgid}
    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.mofile(str(MO)) if entry.msgid}
    assert compiled == source, "run `make messages` to compile locale/*/django.mo"


def english(user):
    User.objects.filter(pk=user.pk).update(language=User.Language.ENGLISH)
    client = Client()
    client.force_login(user)
    return client


def test_a_person_who_chose_english_gets_english_pages(world):
    client = english(world["users"]["employee"])
    response = client.get(reverse("core:home"), follow=True)
    assert response["Content-Language"] == "en"
    assert "Log out" in response.content.decode()
    assert "Uitloggen" not in response.content.decode()


def test_everyone_else_gets_dutch_whatever_the_browser_asks(world):
    response = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert "Inloggen" in response.content.decode()
    dutch = Client()
    dutch.force_login(world["users"]["employee"])
    assert dutch.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "nl"


def test_choosing_english_answers_in_english_at_once(world):
    user = world["users"]["employee"]
    client = Client()
    client.force_login(user)
    data = {"language": "en", "receives_reminders": "on", FIELD_NAME: new_token(user)}
    response = client.post(reverse("organisations:my_profile"), data, follow=True)
    user.refresh_from_db()
    assert user.language == "en"
    assert "Your preferences have been saved." in response.content.decode()


def test_form_errors_are_in_the_persons_language(world):
    user = world["users"]["employee"]
    client = english(user)
    response = client.post(reverse("organisations:my_profile"), {"language": "xx", FIELD_NAME: new_token(user)})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Select a valid choice" in text
    assert "Selecteer een geldige keuze" not in text


@pytest.fixture
def stored_content(world):
    return content_strings()


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_every_page_of_every_role_reads_in_english(world, stored_content, role):
    client = english(world["users"][role])
    translated = {msgid: msgstr for msgid, msgstr in catalogue("en").items() if msgstr and msgstr != msgid}
    whole = {" ".join(msgid.split()) for msgid in translated if len(msgid) >= 2}
    long = sorted((text for text in whole if len(text) >= RECOGNISABLE), key=len, reverse=True)
    problems = {}
    for name, outcomes in MATRIX.items():
        if outcomes[role] != OK or name in NOT_HTML:
            continue
        response = client.get(build_url(name, world["own"]))
        assert response.status_code == 200, name
        texts = without_content(read_texts(response.content.decode()), stored_content)
        found = []
        for text in texts:
            text = " ".join(text.split())
            if not text:
                continue
            if text in whole or any(sentence in text for sentence in long if len(sentence) <= len(text)):
                found.append(f"untranslated: {text[:90]}")
            elif words := dutch_words(text):
                found.append(f"not in the catalogue ({', '.join(sorted(words))}): {text[:90]}")
        if found:
            problems[name] = found
    assert problems == {}, "\n".join(f"{name}: {text}" for name, texts in problems.items() for text in texts)


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_messages_and_form_errors_read_in_english(world, stored_content, role):
    """Every POST form of every page, sent with its visible fields set to nonsense: the page shown
    after it (errors, or the page a message is shown on) is in English too. Python strings (form
    errors, messages, service errors) are only rendered this way."""
    client = english(world["users"][role])
    problems = {}
    answered = 0
    for name, action, response in pages_and_posts(client, world, role, follow=True):
        if action is None or response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        answered += 1
        texts = without_content(read_texts(response.content.decode()), stored_content)
        found = [f"{action}: {text[:90]}" for text in texts if dutch_words(" ".join(text.split()))]
        if found:
            problems.setdefault(name, []).extend(found)
    assert answered >= 5
    assert problems == {}, "\n".join(f"{name}: {text}" for name, texts in problems.items() for text in texts)


# Beyond the pages: what reaches a person outside a request of theirs is in their language too.


def test_a_compliment_card_email_is_in_the_recipients_language(world, mailoutbox):
    from coaching.models import CardText
    from coaching.services import card_send
    from coaching.tasks import send_card_email
    from organisations.tests.factories import UserFactory

    sender = world["users"]["employee"]  # Dutch
    recipient = UserFactory(municipality=sender.municipality, team=sender.team, language=User.Language.ENGLISH)
    with translation.override("nl"):  # the sender's request is Dutch
        card = card_send(sender=sender, recipient=recipient, text=CardText.TOGETHER)
        assert send_card_email.apply(args=[card.pk]).get() is True
    (message,) = [mail for mail in mailoutbox if mail.to == [recipient.email]]
    assert message.subject.startswith("A compliment card from")


def test_the_opt_out_page_answers_in_the_language_of_the_person_the_link_is_for(world):
    from reminders.compose import opt_out_token
    from reminders.models import Kind

    person = world["users"]["employee"]
    User.objects.filter(pk=person.pk).update(language=User.Language.ENGLISH)
    token = opt_out_token(user_id=person.pk, kind=Kind.LEARNING_MONTHLY)
    response = Client().get(reverse("reminders:opt_out", args=[token]))
    assert response["Content-Language"] == "en"
    assert "Afmelden voor een herinnering" not in response.content.decode()


def test_weekday_and_holiday_names_follow_the_interface_language():
    import datetime

    from common.workdays import non_working_reason

    saturday, christmas = datetime.date(2026, 12, 12), datetime.date(2026, 12, 25)
    with translation.override("nl"):
        assert (non_working_reason(saturday), non_working_reason(christmas)) == ("zaterdag", "Eerste kerstdag")
    with translation.override("en"):
        assert (non_working_reason(saturday), non_working_reason(christmas)) == ("Saturday", "Christmas Day")
