"""Months of curated work survive mistakes: edit history (who, what, when), restoring a deleted
letter, and the README's backup/restore procedure as a round trip.

tests/letters/test_models_and_services.py covers the services' history and restore directly;
here it goes through the admin and the API, where staff actually make their changes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from letters.models import Letter, Signature
from letters.services import letter_create, signature_add
from tests.tracker.conftest import make_member


@pytest.fixture
def editor(db) -> User:
    from config.roles import sync_role_groups

    sync_role_groups()
    user = User.objects.create_user(username="ed", password="pw-ed-long-enough", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    return user


@pytest.fixture
def kaptur_letter(db):
    kaptur = make_member("K000009", "Marcy", "Kaptur", state="OH", district=9, party="D")
    fitz = make_member("F000466", "Brian", "Fitzpatrick", state="PA", district=1, party="R")
    letter = letter_create(
        title="Lift limits on long-range weapons",
        sent_on=dt.date(2024, 9, 10),
        recipients=["Joe Biden"],
        kind="president",
    )
    signature_add(letter=letter, member=kaptur, role="lead")
    signature_add(letter=letter, member=fitz)
    return letter


def _admin_form(client, url: str) -> dict:
    """The admin change form's current values (including inline management forms), to post back."""
    response = client.get(url)
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif hasattr(value, "pk"):
            data[name] = value.pk
        elif isinstance(value, dt.date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        fs = formset.formset
        data.update({f"{fs.prefix}-{k}": v for k, v in fs.management_form.initial.items()})
        for i, inline in enumerate(fs.forms):
            for name, field in inline.fields.items():
                value = inline.initial.get(name, field.initial)
                if value is not None:
                    data[f"{fs.prefix}-{i}-{name}"] = getattr(value, "pk", value)
    return data


@pytest.mark.django_db
def test_an_admin_edit_is_recorded_with_who_what_and_when(client, editor, kaptur_letter):
    client.force_login(editor)
    url = reverse("admin:letters_letter_change", args=[kaptur_letter.pk])
    data = _admin_form(client, url)
    data["title"] = "Lift ALL limits on long-range weapons"

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    latest = kaptur_letter.history.latest()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    diff = latest.diff_against(latest.prev_record)
    assert {c.field: (c.old, c.new) for c in diff.changes}["title"] == (
        "Lift limits on long-range weapons",
        "Lift ALL limits on long-range weapons",
    )
    # And staff can read it in the admin's history page.
    history = client.get(reverse("admin:letters_letter_history", args=[kaptur_letter.pk]))
    assert history.status_code == 200
    assert b"ed" in history.content


@pytest.mark.django_db
def test_an_api_edit_of_a_letter_and_a_signature_removal_are_recorded_with_the_user(editor, kaptur_letter):
    client = APIClient()
    client.force_authenticate(editor)

    patched = client.patch(f"/api/v1/letters/{kaptur_letter.pk}/", {"ask": "lift the limits"}, format="json")
    signature = kaptur_letter.signatures.get(member__bioguide="F000466")
    removed = client.delete(f"/api/v1/signatures/{signature.pk}/")

    assert patched.status_code == 200, patched.content
    assert removed.status_code == 204, removed.content
    letter_change = kaptur_letter.history.latest()
    assert (letter_change.history_user, letter_change.ask) == (editor, "lift the limits")
    gone = Signature.history.filter(id=signature.pk, history_type="-").get()
    assert gone.history_user == editor
    assert gone.history_date is not None


@pytest.mark.django_db
def test_a_letter_deleted_in_the_admin_is_restored_with_its_signatures(client, editor, kaptur_letter):
    client.force_login(editor)
    letter_id = kaptur_letter.pk
    before = sorted(kaptur_letter.signatures.values_list("member__bioguide", "role", "party_at_signing"))

    client.post(reverse("admin:letters_letter_delete", args=[letter_id]), {"post": "yes"})
    assert not Letter.objects.filter(pk=letter_id).exists()
    deleted_page = client.get(reverse("admin:letters_letter_deleted"))
    assert b"Lift limits on long-range weapons" in deleted_page.content

    response = client.post(reverse("admin:letters_letter_restore", args=[letter_id]))

    assert response.status_code == 302
    restored = Letter.objects.get(pk=letter_id)
    assert restored.title == "Lift limits on long-range weapons"
    assert [r.name for r in restored.recipients.all()] == ["Joe Biden"]
    after = sorted(restored.signatures.values_list("member__bioguide", "role", "party_at_signing"))
    assert after == before
    assert restored.history.latest().history_user == editor


# --- Backup and restore, exactly as README.md describes it -------------------------------------

BACKUP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    "--exclude",
    "contenttypes",
    "--exclude",
    "auth.permission",
    "--exclude",
    "sessions",
]


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", *BACKUP_ARGS, stdout=out)
    return out.getvalue()


_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def _same_instant(value: object) -> object:
    # dumpdata's JSON keeps timestamps to the millisecond and writes "12:00:00.000Z" and
    # "12:00:00Z" for the same instant: compare instants, not spellings.
    if isinstance(value, str) and _DATETIME.match(value):
        return dt.datetime.fromisoformat(value).isoformat(timespec="milliseconds")
    if isinstance(value, dict):
        return {k: _same_instant(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_same_instant(v) for v in value]
    return value


def _rows(dump: str) -> list[dict]:
    # django_celery_beat.periodictasks is beat's "schedule changed at" marker, re-stamped by a
    # signal whenever a schedule row is saved (loading the backup saves them): not data.
    rows = [
        _same_instant(row) for row in json.loads(dump) if row["model"] != "django_celery_beat.periodictasks"
    ]
    return sorted(
        rows, key=lambda row: (row["model"], str(row.get("pk")), json.dumps(row["fields"], sort_keys=True))
    )


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_and_restore_gives_identical_data(kaptur_letter, editor, tmp_path):
    from tracker.health import heartbeat_record
    from tracker.models import Article, MemberMention, Mention

    article = Article.objects.create(
        canonical_url="https://news.example/a", title="Lawmakers write to Biden", text="Rep. Marcy Kaptur ..."
    )
    Mention.objects.create(article=article, letter=kaptur_letter, evidence="Kaptur", report={"ask": "x"})
    MemberMention.objects.create(article=article, member=kaptur_letter.signatures.first().member, count=2)
    heartbeat_record(hostname="celery@w1")
    before = _dump()
    backup = tmp_path / "backup.json"
    backup.write_text(before)  # as written by `manage.py dumpdata ... > backup.json`
    assert {row["model"] for row in _rows(before)} >= {
        "letters.letter",
        "letters.signature",
        "letters.historicalletter",
        "members.member",
        "tracker.mention",
        "auth.user",
        "auth.group",
    }

    call_command("flush", interactive=False, verbosity=0)  # the wipe: a migrated, empty database
    assert not Letter.objects.exists()
    call_command("loaddata", str(backup), verbosity=0)

    assert _rows(_dump()) == _rows(before)
