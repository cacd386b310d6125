"""The base FilterSet every endpoint's filters are declared with: one line per field gives
the lookups LL2 uses, comma lists, strict booleans, and no repeated rows across to-many
relations. Exercised on a FilterSet of this test's own over the agencies of the data."""

import django_filters
import pytest

from launchlibrary.agencies.models import Agency, AgencyType
from launchlibrary.api.filters import (
    EXACT,
    NUMBER,
    RANGE,
    TEXT,
    IntegerListFilter,
    LL2FilterSet,
    TextListFilter,
)
from launchlibrary.launches.models import Launch
from launchlibrary.locations.models import Country


class AgencyFilter(LL2FilterSet):
    country__ids = IntegerListFilter(field_name="country", lookup_expr="in", distinct=True)
    abbrevs = TextListFilter(field_name="abbrev", lookup_expr="in")
    launches_spacecraft = django_filters.BooleanFilter(method="filter_launches_spacecraft")

    class Meta:
        model = Agency
        fields = {
            "total_launch_count": NUMBER,
            "name": TEXT,
            "featured": EXACT,
            "type__id": EXACT,
            "country__alpha_3_code": EXACT,
        }

    def filter_launches_spacecraft(self, queryset, name, value):
        return queryset.exclude(spacecraft="") if value else queryset.filter(spacecraft="")


@pytest.fixture
def agencies(db) -> list[Agency]:
    kind = AgencyType.objects.create(name="Test type")
    usa = Country.objects.create(name="Testland", alpha_3_code="TST")
    fra = Country.objects.create(name="Otherland", alpha_3_code="OTH")
    made = [
        Agency.objects.create(
            pk=900_000 + n,
            name=f"Filter Agency {n}",
            abbrev=f"FA{n}",
            type=kind,
            total_launch_count=n * 10,
            featured=n % 2 == 0,
            spacecraft="Capsule" if n == 1 else "",
        )
        for n in range(4)
    ]
    for agency in made:
        agency.country.set([usa, fra])  # two countries: a join that could repeat rows
    return made


def matching(agencies, **params) -> list[int]:
    queryset = Agency.objects.filter(pk__in=[agency.pk for agency in agencies])
    filterset = AgencyFilter(params, queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    return sorted(filterset.qs.values_list("pk", flat=True))


def errors(**params) -> dict:
    filterset = AgencyFilter(params, queryset=Agency.objects.all())
    assert not filterset.is_valid()
    return filterset.errors


def test_one_line_gives_every_lookup_ll2_names():
    assert set(AgencyFilter.base_filters) == {
        "country__ids",
        "abbrevs",
        "launches_spacecraft",
        "total_launch_count",
        "total_launch_count__gt",
        "total_launch_count__gte",
        "total_launch_count__lt",
        "total_launch_count__lte",
        "name",
        "name__contains",
        "featured",
        "type__id",
        "country__alpha_3_code",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"total_launch_count": "10"}, [1]),
        ({"total_launch_count__gt": "10"}, [2, 3]),
        ({"total_launch_count__gte": "10"}, [1, 2, 3]),
        ({"total_launch_count__lt": "10"}, [0]),
        ({"total_launch_count__lte": "10"}, [0, 1]),
        ({"total_launch_count__gt": "1000000"}, []),
        ({"name": "Filter Agency 2"}, [2]),
        ({"name__contains": "Agency"}, [0, 1, 2, 3]),
        ({"abbrevs": "FA1,FA3"}, [1, 3]),
        ({"launches_spacecraft": "true"}, [1]),
    ],
)
def test_lookups_narrow(agencies, params, expected):
    assert matching(agencies, **params) == [agencies[n].pk for n in expected]


@pytest.mark.parametrize("written", ["True", "true", "1"])
def test_booleans_read_as_ll2_writes_them(agencies, written):
    assert matching(agencies, featured=written) == [agencies[0].pk, agencies[2].pk]


def test_booleans_refuse_what_they_cannot_read(db):
    assert errors(featured="maybe") == {"featured": ["Enter True or False."]}


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"total_launch_count__gt": "abc"}, "total_launch_count__gt"),
        ({"country__ids": "1,x"}, "country__ids"),
        ({"type__id": "1.5"}, "type__id"),
        ({"total_launch_count": str(2**64)}, "total_launch_count"),
    ],
)
def test_a_bad_value_is_an_error_not_ignored(db, params, name):
    assert list(errors(**params)) == [name]


def test_filters_across_to_many_relations_never_repeat_a_row(agencies):
    countries = ",".join(str(pk) for pk in agencies[0].country.values_list("pk", flat=True))
    expected = [agency.pk for agency in agencies]
    assert matching(agencies, country__ids=countries) == expected
    assert matching(agencies, country__alpha_3_code="TST") == expected
    assert AgencyFilter.base_filters["country__alpha_3_code"].distinct
    assert not AgencyFilter.base_filters["type__id"].distinct


class LaunchFilter(LL2FilterSet):
    class Meta:
        model = Launch
        fields = {"net": RANGE}


def test_a_moment_is_compared_in_utc_whatever_offset_iso_8601_allows(db):
    """PostgreSQL refuses an offset past ±15:59 as the database's error: read in UTC, it
    is none."""
    filterset = LaunchFilter({"net__lte": "0815-10-21T23:50:12.3-19:55"}, Launch.objects.all())
    assert filterset.is_valid(), filterset.errors
    assert not filterset.qs.exists()  # the query runs: no launch is that old


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-02:00"])
def test_a_moment_outside_the_years_1_to_9999_in_utc_is_an_error(db, moment):
    filterset = LaunchFilter({"net__gt": moment}, Launch.objects.all())
    assert not filterset.is_valid()
    assert list(filterset.errors) == ["net__gt"]
