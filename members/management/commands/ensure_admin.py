"""Make sure an admin account exists, for local runs and first deploys.

Login comes from SIGNATORY_ADMIN_USER / SIGNATORY_ADMIN_PASSWORD / SIGNATORY_ADMIN_EMAIL;
without them a demo account is created (dev mode only) and its login printed.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USER = "admin"
DEMO_PASSWORD = "signatory-demo"  # noqa: S105 - printed demo login for local runs only


class Command(BaseCommand):
    help = "Create the admin account if it does not exist (idempotent)."

    def handle(self, *args, **options) -> None:
        username = os.environ.get("SIGNATORY_ADMIN_USER", DEMO_USER)
        password = os.environ.get("SIGNATORY_ADMIN_PASSWORD")
        email = os.environ.get("SIGNATORY_ADMIN_EMAIL", "admin@example.org")
        if password is None:
            if not settings.DEV_MODE:
                raise CommandError("Set SIGNATORY_ADMIN_PASSWORD (demo passwords are for dev mode only).")
            password = DEMO_PASSWORD
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user_model.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(f"Admin account created. Log in as {username} / {password}")
        elif user.check_password(password):
            self.stdout.write(f"Admin account exists. Log in as {username} / {password}")
        else:
            self.stdout.write(f"Admin account {username!r} exists (its password was changed; left as is).")
