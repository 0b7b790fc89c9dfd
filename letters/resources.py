"""Letters and signatures as spreadsheet rows (CSV/XLSX export via django-import-export).

The letters sheet is also the CSV import format (letters/csv_import.py): exporting and importing
it back gives the same letters. List cells hold several values separated by "; ".
"""

from __future__ import annotations

from import_export import fields, resources

from letters.models import LEAD_ROLES, Letter, Signature, SignatureRole

LIST_SEPARATOR = "; "
# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

LETTER_COLUMNS = (
    "slug",
    "title",
    "sent_on",
    "status",
    "kind",
    "chamber",
    "congress",
    "ask",
    "summary",
    "recipients",
    "policies",
    "caucuses",
    "leads",
    "co_leads",
    "signers",
    "stated_total",
    "stated_democrats",
    "stated_republicans",
    "stated_independents",
    "counts_are_minimum",
    "tags",
    "source_urls",
    "notes",
)


def neutralise_formula(value: object) -> object:
    """Prefix text a spreadsheet would run as a formula with an apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_formula_text(value: str) -> str:
    """Undo `neutralise_formula` on import, so an export read back is unchanged."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def join_list(values) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


class SafeExportResource(resources.ModelResource):
    def export_resource(self, instance, selected_fields=None, **kwargs):
        row = super().export_resource(instance, selected_fields, **kwargs)
        return [neutralise_formula(value) for value in row]


class LetterResource(SafeExportResource):
    recipients = fields.Field(column_name="recipients")
    policies = fields.Field(column_name="policies")
    caucuses = fields.Field(column_name="caucuses")
    leads = fields.Field(column_name="leads")
    co_leads = fields.Field(column_name="co_leads")
    signers = fields.Field(column_name="signers")
    tags = fields.Field(column_name="tags")
    source_urls = fields.Field(column_name="source_urls")
    sent_on = fields.Field(column_name="sent_on")

    class Meta:
        model = Letter
        fields = LETTER_COLUMNS
        export_order = LETTER_COLUMNS

    def get_export_queryset(self, request=None):  # pragma: no cover - admin passes its queryset
        return Letter.objects.all()

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related(
            "letter_recipients__recipient", "letter_policies__policy", "caucuses", "signatures__member"
        )

    def dehydrate_sent_on(self, letter: Letter) -> str:
        return letter.sent_on.isoformat() if letter.sent_on else ""

    def dehydrate_recipients(self, letter: Letter) -> str:
        links = sorted(letter.letter_recipients.all(), key=lambda link: (link.order, link.pk))
        return join_list(str(link.recipient) for link in links)

    def dehydrate_policies(self, letter: Letter) -> str:
        links = sorted(letter.letter_policies.all(), key=lambda link: link.policy.name)
        return join_list(f"{link.policy.name} ({link.stance})" for link in links)

    def dehydrate_caucuses(self, letter: Letter) -> str:
        return join_list(sorted(caucus.slug for caucus in letter.caucuses.all()))

    def _bioguides(self, letter: Letter, roles) -> str:
        signatures = sorted(letter.signatures.all(), key=lambda s: s.pk)
        return join_list(s.member.bioguide for s in signatures if s.role in roles)

    def dehydrate_leads(self, letter: Letter) -> str:
        return self._bioguides(letter, (SignatureRole.LEAD,))

    def dehydrate_co_leads(self, letter: Letter) -> str:
        return self._bioguides(letter, (SignatureRole.CO_LEAD,))

    def dehydrate_signers(self, letter: Letter) -> str:
        return self._bioguides(letter, (SignatureRole.SIGNER,))

    def dehydrate_tags(self, letter: Letter) -> str:
        return join_list(letter.tags or [])

    def dehydrate_source_urls(self, letter: Letter) -> str:
        return join_list(letter.source_urls or [])


class SignatureResource(SafeExportResource):
    letter_slug = fields.Field(attribute="letter__slug", column_name="letter")
    letter_title = fields.Field(attribute="letter__title", column_name="letter_title")
    sent_on = fields.Field(attribute="letter__sent_on", column_name="sent_on")
    bioguide = fields.Field(attribute="member__bioguide", column_name="bioguide")
    member_name = fields.Field(column_name="member")
    is_lead = fields.Field(column_name="is_lead")

    class Meta:
        model = Signature
        fields = (
            "letter_slug",
            "letter_title",
            "sent_on",
            "bioguide",
            "member_name",
            "role",
            "is_lead",
            "party_at_signing",
            "chamber_at_signing",
            "state_at_signing",
            "district_at_signing",
            "source",
            "verified",
            "added_on",
            "override_reason",
        )
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("letter", "member")

    def dehydrate_member_name(self, signature: Signature) -> str:
        return signature.member.display_name

    def dehydrate_is_lead(self, signature: Signature) -> bool:
        return signature.role in LEAD_ROLES
