"""Page-number pagination on every list, with a client-chosen page size up to a cap."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    # Large enough for a CSV export of a caucus or a Congress's letters, small enough that one
    # request cannot ask the database for a whole table.
    max_page_size = 1000
