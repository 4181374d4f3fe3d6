import datetime as dt

import pytest

from thidua_cli.values import BadDate, parse_date, parse_year, split_decision


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2018, 2018),
        (2018.0, 2018),
        ("2018", 2018),
        ("2018.0", 2018),
        ("Năm 2018", 2018),
        ("2017-2018", 2018),
        ("2017 - 2018", 2018),
    ],
)
def test_years_as_typed(value, year):  # type: ignore[no-untyped-def]
    assert parse_year(value) == year


@pytest.mark.parametrize("value", ["hai nghìn", "18", "2017-2019", True, 3.5])
def test_not_years(value):  # type: ignore[no-untyped-def]
    assert parse_year(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "20/12/2019",
        "20-12-2019",
        "20.12.2019",
        "ngày 20 tháng 12 năm 2019",
        "2019-12-20",
        "20/12/2019 00:00:00",
        dt.date(2019, 12, 20),
        43819,
    ],
)
def test_dates_as_typed(value):  # type: ignore[no-untyped-def]
    assert parse_date(value) == dt.date(2019, 12, 20)


def test_impossible_dates_raise():
    for text in ("31/02/2019", "2019-02-31"):
        with pytest.raises(BadDate):
            parse_date(text)


def test_split_decision():
    assert split_decision("QĐ: 1246/QĐ-UBND ngày12/6/2020") == ("1246/QĐ-UBND", " ngày12/6/2020")
    assert split_decision("45/2019/QĐ-UBND") == ("45/2019/QĐ-UBND", None)
