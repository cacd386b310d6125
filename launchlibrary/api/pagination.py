from rest_framework.pagination import LimitOffsetPagination


class LL2Pagination(LimitOffsetPagination):
    """`{count, next, previous, results}` with `limit` (default 10, at most 100) and `offset`.

    DRF's own parsing already answers LL2's way to odd values: `limit=0` or `limit=abc` fall
    back to the default, `limit=101` is cut to 100, and a negative `offset` reads as 0.
    """

    default_limit = 10
    max_limit = 100
