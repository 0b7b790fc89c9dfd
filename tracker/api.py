"""REST endpoints for sources, articles, the review queue (mentions, proposed letters) and ingest.

Review actions and ingest submissions call tracker/services.py, the rules the admin and the
workers share; this module only maps requests to them and errors to 400s.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q, QuerySet
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.fields import get_error_detail
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api_throttling import INGEST_THROTTLES, WRITE_THROTTLES
from config.roles import HasPermissions, ModelRolePermission, action_permission
from config.stats_cache import CachedStatsMixin, bump_data_version
from letters.models import Letter
from tracker.models import (
    Article,
    MemberMention,
    Mention,
    ProposalStatus,
    ProposedLetter,
    ReviewStatus,
    Source,
)


class ServiceUnavailable(APIException):
    status_code = 503
    default_detail = "This action is not available on this server yet."


def _service(name: str) -> Any:
    from tracker import services

    func = getattr(services, name, None)
    if func is None:
        raise ServiceUnavailable(f"tracker.services.{name} is not available.")
    return func


def _call(name: str, **kwargs: Any) -> Any:
    try:
        result = _service(name)(**kwargs)
    except DjangoValidationError as exc:
        raise ValidationError(detail=get_error_detail(exc)) from exc
    # Review services write with QuerySet.update() (race-free claims), which sends no signals.
    bump_data_version()
    return result


class SourceSerializer(serializers.ModelSerializer):
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = [
            "id",
            "kind",
            "name",
            "url",
            "active",
            "poll_interval",
            "next_poll_at",
            "consecutive_failures",
            "last_error",
            "last_success_at",
            "last_polled_at",
            "disabled_reason",
            "article_count",
        ]


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    """News sources polled for letters (staff add them in the admin)."""

    serializer_class = SourceSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = ["kind", "active"]
    search_fields = ["name", "url"]
    ordering_fields = ["name", "last_success_at", "consecutive_failures", "id"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet[Source]:
        return Source.objects.annotate(article_count=Count("articles"))


class ArticleSerializer(serializers.ModelSerializer):
    source = serializers.StringRelatedField()

    class Meta:
        model = Article
        fields = [
            "id",
            "canonical_url",
            "url",
            "title",
            "author",
            "published_at",
            "source",
            "fetch_status",
            "analysis_status",
            "error",
            "created_at",
            "analysed_at",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text"]


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Articles read by the tracker."""

    permission_classes = [ModelRolePermission]
    filterset_fields = {
        "fetch_status": ["exact"],
        "analysis_status": ["exact"],
        "source": ["exact"],
        "published_at": ["gte", "lte"],
    }
    search_fields = ["title", "canonical_url"]
    ordering_fields = ["published_at", "created_at", "id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Article]:
        articles = Article.objects.select_related("source")
        if self.action == "list":
            articles = articles.defer("text", "feed_content")
        return articles

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "canonical_url", "published_at"]


class MentionSerializer(serializers.ModelSerializer):
    article = ArticleBriefSerializer(read_only=True)
    letter_title = serializers.CharField(source="letter.title", read_only=True)
    reviewed_by = serializers.StringRelatedField()

    class Meta:
        model = Mention
        fields = [
            "id",
            "article",
            "letter",
            "letter_title",
            "report",
            "evidence",
            "evidence_start",
            "evidence_end",
            "confidence",
            "score",
            "status",
            "reviewed_by",
            "reviewed_at",
            "created_at",
        ]


class ConfirmSerializer(serializers.Serializer):
    add_signers = serializers.BooleanField(default=True, help_text="Also add the signers the report names")


_REVIEW_MENTIONS = action_permission("tracker.change_mention")
_REVIEW_PROPOSALS = action_permission("tracker.change_proposedletter")


class MentionViewSet(viewsets.ReadOnlyModelViewSet):
    """The review queue: articles reporting a tracked letter. Reviewers confirm or reject."""

    serializer_class = MentionSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = {
        "status": ["exact"],
        "letter": ["exact"],
        "article": ["exact"],
        "confidence": ["gte", "lte"],
        "created_at": ["gte", "lte"],
    }
    search_fields = ["evidence", "article__title", "letter__title"]
    ordering_fields = ["created_at", "confidence", "score", "id"]
    ordering = ["-created_at", "-id"]
    queryset = Mention.objects.select_related("article", "letter", "reviewed_by").defer(
        "article__text", "article__feed_content", "letter__full_text"
    )

    @extend_schema(request=ConfirmSerializer, responses=MentionSerializer)
    @action(
        detail=True, methods=["post"], permission_classes=[_REVIEW_MENTIONS], throttle_classes=WRITE_THROTTLES
    )
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        mention = self.get_object()
        options = ConfirmSerializer(data=request.data)
        options.is_valid(raise_exception=True)
        _call("mention_confirm", mention=mention, user=request.user, **options.validated_data)
        return Response(MentionSerializer(self.get_object()).data)

    @extend_schema(request=None, responses=MentionSerializer)
    @action(
        detail=True, methods=["post"], permission_classes=[_REVIEW_MENTIONS], throttle_classes=WRITE_THROTTLES
    )
    def reject(self, request: Request, pk: str | None = None) -> Response:
        mention = self.get_object()
        _call("mention_reject", mention=mention, user=request.user)
        return Response(MentionSerializer(self.get_object()).data)


class ProposedLetterSerializer(serializers.ModelSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = ProposedLetter
        fields = [
            "id",
            "article",
            "report",
            "evidence",
            "evidence_start",
            "evidence_end",
            "confidence",
            "status",
            "created_letter",
            "reviewed_at",
            "created_at",
        ]


class LinkSerializer(serializers.Serializer):
    letter = serializers.PrimaryKeyRelatedField(queryset=Letter.objects.all())


class ProposedLetterViewSet(viewsets.ReadOnlyModelViewSet):
    """Letters articles report that match none tracked: reviewers create, link or reject them."""

    serializer_class = ProposedLetterSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = {"status": ["exact"], "article": ["exact"], "confidence": ["gte", "lte"]}
    search_fields = ["evidence", "article__title"]
    ordering_fields = ["created_at", "confidence", "id"]
    ordering = ["-created_at", "-id"]
    queryset = ProposedLetter.objects.select_related("article").defer(
        "article__text", "article__feed_content"
    )

    @extend_schema(request=None, responses=ProposedLetterSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path="create-letter",
        permission_classes=[_REVIEW_PROPOSALS],
        throttle_classes=WRITE_THROTTLES,
    )
    def create_letter(self, request: Request, pk: str | None = None) -> Response:
        proposal = self.get_object()
        _call("proposal_create_letter", proposal=proposal, user=request.user)
        return Response(ProposedLetterSerializer(self.get_object()).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=LinkSerializer, responses=ProposedLetterSerializer)
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[_REVIEW_PROPOSALS],
        throttle_classes=WRITE_THROTTLES,
    )
    def link(self, request: Request, pk: str | None = None) -> Response:
        proposal = self.get_object()
        body = LinkSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _call("proposal_link", proposal=proposal, letter=body.validated_data["letter"], user=request.user)
        return Response(ProposedLetterSerializer(self.get_object()).data)

    @extend_schema(request=None, responses=ProposedLetterSerializer)
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[_REVIEW_PROPOSALS],
        throttle_classes=WRITE_THROTTLES,
    )
    def reject(self, request: Request, pk: str | None = None) -> Response:
        proposal = self.get_object()
        if not _call("proposals_reject", proposal_ids=[proposal.pk], user=request.user):
            raise ValidationError("This proposal was already reviewed.")
        return Response(ProposedLetterSerializer(self.get_object()).data)


class MemberMentionSerializer(serializers.ModelSerializer):
    member = serializers.SlugRelatedField(slug_field="bioguide", read_only=True)
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = MemberMention
        fields = ["id", "member", "name", "count", "article"]


class MemberMentionViewSet(viewsets.ReadOnlyModelViewSet):
    """Members named in articles."""

    serializer_class = MemberMentionSerializer
    permission_classes = [ModelRolePermission]
    filterset_fields = {"member__bioguide": ["exact"], "article": ["exact"]}
    ordering_fields = ["count", "id"]
    ordering = ["-id"]
    queryset = MemberMention.objects.select_related("member", "article").defer(
        "article__text", "article__feed_content"
    )


class IngestSerializer(serializers.Serializer):
    url = serializers.URLField(required=False, max_length=2000)
    text = serializers.CharField(required=False, max_length=500_000, trim_whitespace=False)
    title = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    published = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict) -> dict:
        if bool(attrs.get("url")) == bool(attrs.get("text")):
            raise serializers.ValidationError("Give either a url or a text, not both.")
        return attrs


class IngestView(APIView):
    """Submit a URL or pasted text for ingest (any authenticated user)."""

    permission_classes = [IsAuthenticated]
    throttle_classes = INGEST_THROTTLES

    @extend_schema(request=IngestSerializer, responses={202: ArticleSerializer})
    def post(self, request: Request) -> Response:
        body = IngestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if data.get("url"):
            article = _call("article_submit_url", url=data["url"], user=request.user)
        else:
            article = _call(
                "article_submit_text",
                text=data["text"],
                title=data.get("title", ""),
                published=data.get("published"),
                user=request.user,
            )
        return Response(ArticleSerializer(article).data, status=status.HTTP_202_ACCEPTED)


def inline_review_queue_schema() -> serializers.Serializer:
    return inline_serializer(
        "ReviewQueue",
        {
            "mentions": serializers.DictField(child=serializers.IntegerField()),
            "proposed_letters": serializers.DictField(child=serializers.IntegerField()),
            "latest_mentions": MentionSerializer(many=True),
            "latest_proposed_letters": ProposedLetterSerializer(many=True),
        },
    )


class ReviewQueueView(CachedStatsMixin, APIView):
    """Counts of the review queue, with the latest pending mentions and proposed letters."""

    permission_classes = [HasPermissions]
    required_permissions = {"read": ("tracker.view_mention", "tracker.view_proposedletter")}

    @extend_schema(
        parameters=[OpenApiParameter("limit", OpenApiTypes.INT, description="Latest items (1-50)")],
        responses=inline_review_queue_schema(),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def compute(self, request: Request) -> dict:
        raw = request.query_params.get("limit") or "10"
        if not raw.isdigit() or not 1 <= int(raw) <= 50:
            raise ValidationError({"limit": "Must be between 1 and 50."})
        limit = int(raw)
        mention_counts = Mention.objects.aggregate(
            **{status: Count("id", filter=Q(status=status)) for status in ReviewStatus.values}
        )
        proposal_counts = ProposedLetter.objects.aggregate(
            **{status: Count("id", filter=Q(status=status)) for status in ProposalStatus.values}
        )
        # Newest by id (rows are created in order): a backward primary-key scan that stops at
        # ``limit``, where ordering by created_at with a tie-breaker would sort every pending row.
        mentions = MentionViewSet.queryset.filter(status=ReviewStatus.PENDING).order_by("-id")
        proposals = ProposedLetterViewSet.queryset.filter(status=ProposalStatus.PENDING).order_by("-id")
        return {
            "mentions": mention_counts,
            "proposed_letters": proposal_counts,
            "latest_mentions": MentionSerializer(mentions[:limit], many=True).data,
            "latest_proposed_letters": ProposedLetterSerializer(proposals[:limit], many=True).data,
        }


def register(router: Any) -> None:
    router.register("sources", SourceViewSet, basename="source")
    router.register("articles", ArticleViewSet, basename="article")
    router.register("mentions", MentionViewSet, basename="mention")
    router.register("proposed-letters", ProposedLetterViewSet, basename="proposedletter")
    router.register("member-mentions", MemberMentionViewSet, basename="membermention")


stats_urls = [
    path("ingest/", IngestView.as_view(), name="ingest"),
    path("stats/review-queue/", ReviewQueueView.as_view(), name="stats-review-queue"),
]
