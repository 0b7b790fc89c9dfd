from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_ensure_admin_creates_the_demo_account_once_and_prints_its_login():
    first, second = StringIO(), StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)
    assert "Log in as admin / signatory-demo" in first.getvalue()
    assert "Log in as admin / signatory-demo" in second.getvalue()
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


@pytest.mark.django_db
def test_ensure_admin_takes_the_login_from_the_environment(monkeypatch):
    monkeypatch.setenv("SIGNATORY_ADMIN_USER", "staffer")
    monkeypatch.setenv("SIGNATORY_ADMIN_PASSWORD", "a-long-password-1")
    call_command("ensure_admin", stdout=StringIO())
    user = get_user_model().objects.get(username="staffer")
    assert user.check_password("a-long-password-1")
