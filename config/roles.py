"""Staff roles as Django groups, and the API permission classes that read them.

Roles are plain Django groups holding model permissions, so the admin and the API answer
"who may do what" from the same rows:

- viewer: read everything (the ``view_*`` permissions of members, letters and tracker);
- editor: viewer + write letters and their parts, and members' caucus data;
- reviewer: viewer + confirm/reject mentions and turn proposed letters into letters.

Superusers pass every check. Anyone authenticated may submit a URL or text for ingest.
``settings.API_ANONYMOUS_READ`` opens read-only access to anonymous clients.

The groups are created idempotently by a ``post_migrate`` handler (wired from
members/apps.py) rather than a data migration: a data migration would pin the permission
list at the time it was written, while new models (tracker's, letters') keep arriving;
re-running the sync after every migrate keeps the groups complete.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_migrate
from rest_framework import permissions

VIEWER = "viewer"
EDITOR = "editor"
REVIEWER = "reviewer"
ROLES = (VIEWER, EDITOR, REVIEWER)

_ROLE_APPS = ("members", "letters", "tracker")

# (app_label, model) pairs whose add/change/delete permissions each writing role holds.
_EDITOR_MODELS = (
    ("letters", "letter"),
    ("letters", "signature"),
    ("letters", "recipient"),
    ("letters", "policy"),
    ("letters", "letterpolicy"),
    ("letters", "response"),
    ("letters", "letterrecipient"),
    ("members", "caucus"),
    ("members", "caucusmembership"),
)
_REVIEWER_MODELS = (
    ("tracker", "mention"),
    ("tracker", "proposedletter"),
    ("tracker", "membermention"),
)


def sync_role_groups(**_: Any) -> None:
    """Create the role groups and give them their permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    view_perms = list(
        Permission.objects.filter(content_type__app_label__in=_ROLE_APPS, codename__startswith="view_")
    )

    def write_perms(models: tuple[tuple[str, str], ...], actions: tuple[str, ...]) -> list[Permission]:
        wanted = {(app, f"{action}_{model}") for app, model in models for action in actions}
        candidates = Permission.objects.filter(
            content_type__app_label__in={app for app, _ in models},
            codename__in={codename for _, codename in wanted},
        ).select_related("content_type")
        return [p for p in candidates if (p.content_type.app_label, p.codename) in wanted]

    grants = {
        VIEWER: view_perms,
        EDITOR: view_perms + write_perms(_EDITOR_MODELS, ("add", "change", "delete")),
        # Reviewers decide on mentions and proposals; they do not edit letters directly, but
        # "create letter from proposed" adds one through the letters service.
        REVIEWER: view_perms + write_perms(_REVIEWER_MODELS, ("change",)),
    }
    for name, perms in grants.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms)


def _on_post_migrate(sender: Any, **kwargs: Any) -> None:
    # auth's own handler creates an app's permissions on that app's post_migrate, before this
    # one runs; syncing after each of our apps therefore ends with every permission granted.
    if getattr(sender, "label", None) in _ROLE_APPS:
        sync_role_groups(**kwargs)


def connect() -> None:
    """Called from an AppConfig.ready()."""
    post_migrate.connect(_on_post_migrate, dispatch_uid="config.roles.sync_role_groups")


# --- API permission classes ---------------------------------------------------------------


def _anonymous_read_allowed(request: Any) -> bool:
    return request.method in permissions.SAFE_METHODS and settings.API_ANONYMOUS_READ


class ModelRolePermission(permissions.DjangoModelPermissions):
    """Model permissions including ``view`` for reads (DRF's default lets any user read)."""

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }

    def has_permission(self, request: Any, view: Any) -> bool:
        if _anonymous_read_allowed(request):
            return True
        return super().has_permission(request, view)


class HasPermissions(permissions.BasePermission):
    """For views with no model queryset (stats, review actions): ``view.required_permissions``.

    ``required_permissions`` maps "read" (safe methods) and "write" to permission strings.
    """

    def has_permission(self, request: Any, view: Any) -> bool:
        needed = getattr(view, "required_permissions", {})
        if request.method in permissions.SAFE_METHODS:
            if _anonymous_read_allowed(request):
                return True
            perms = needed.get("read", ("letters.view_letter",))
        else:
            perms = needed.get("write", ())
            if not perms:
                return False
        user = request.user
        return bool(user and user.is_authenticated and user.has_perms(perms))


def action_permission(*perms: str) -> type[permissions.BasePermission]:
    """A permission class requiring ``perms`` for any method (custom viewset actions)."""

    class _Requires(permissions.BasePermission):
        def has_permission(self, request: Any, view: Any) -> bool:
            user = request.user
            return bool(user and user.is_authenticated and user.has_perms(perms))

    _Requires.__name__ = "Requires_" + "_".join(p.replace(".", "_") for p in perms)
    return _Requires
