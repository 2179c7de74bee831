"""WGS-84 ↔ GCJ-02 against known points, distances, and coordinates outside China refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gonghui.stations.geo import box, check_in_china, gcj_to_wgs, haversine_m, wgs_to_gcj

# (WGS-84, GCJ-02) pairs computed with the published algorithm (Krasovsky 1940, the offset polynomials):
# Tiananmen as AutoNavi shows it, 商南县城, and 盐城.
KNOWN = [
    ((39.90734, 116.39119), (39.908741, 116.397431)),
    ((33.53, 110.88), (33.528214, 110.885314)),
    ((31.2304, 121.4737), (31.228458, 121.478223)),
]


@pytest.mark.parametrize(("wgs", "gcj"), KNOWN)
def test_known_points(wgs: tuple[float, float], gcj: tuple[float, float]) -> None:
    lat, lng = wgs_to_gcj(*wgs)
    assert lat == pytest.approx(gcj[0], abs=2e-6) and lng == pytest.approx(gcj[1], abs=2e-6)
    back = gcj_to_wgs(*gcj)
    assert haversine_m(*back, *wgs) < 0.5  # the reference is rounded to 6 decimals


def test_tiananmen_shift_is_hundreds_of_metres() -> None:
    assert 500 < haversine_m(39.90734, 116.39119, *wgs_to_gcj(39.90734, 116.39119)) < 700


@given(st.floats(20.0, 50.0), st.floats(80.0, 130.0))
def test_inverse_round_trips_to_a_millimetre(lat: float, lng: float) -> None:
    assert haversine_m(*gcj_to_wgs(*wgs_to_gcj(lat, lng)), lat, lng) < 0.001


def test_outside_china_is_not_shifted() -> None:
    assert wgs_to_gcj(48.8584, 2.2945) == (48.8584, 2.2945)


@pytest.mark.parametrize(
    ("lat", "lng", "says"),
    [
        (48.8584, 2.2945, "不在中国境内"),
        (120.16, 33.35, "填反"),
        (-33.86, 151.2, "不在中国境内"),
        ("abc", "1", "有效的经纬度"),
        (float("nan"), 120.0, "有效的经纬度"),
    ],
)
def test_outside_china_refused_in_chinese(lat: object, lng: object, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_in_china(lat, lng)  # type: ignore[arg-type]
    assert says in caught.value.messages[0]


def test_haversine_and_box() -> None:
    assert haversine_m(39.9042, 116.4074, 31.2304, 121.4737) == pytest.approx(1_067_000, rel=0.01)
    south, north, west, east = box(33.35, 120.16, 10_000)
    assert haversine_m(33.35, 120.16, north, 120.16) == pytest.approx(10_000, rel=1e-6)
    assert haversine_m(33.35, 120.16, 33.35, east) >= 10_000
    assert south < 33.35 < north and west < 120.16 < east
