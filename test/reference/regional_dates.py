#!/usr/bin/python3
"""Reference values for cxm's regional date layouts, zone abbreviations and wall-clock times in a
named zone, computed independently with Python's datetime.strptime and zoneinfo.

Regenerate (only when cases change; the JSON is committed and the tests never run Python):

    /usr/bin/python3 test/reference/regional_dates.py

Run from the repository root. Writes test/reference/regional-dates.json.

- Layouts: each text is parsed with explicit strptime formats for its field order (month-day-year,
  day-month-year, year-month-day), 12- and 24-hour clocks. Two-digit years follow the rule cxm
  documents (00-29 are 2000-2029, 30-99 are 1930-1999), applied here before strptime reads %Y.
- Zone words: the offsets of the abbreviations, typed here from their definitions (AST = Atlantic
  Standard Time, UTC-4; CET = UTC+1; ...).
- Wall-clock times: zoneinfo converts a naive time in a zone to an instant (times away from clock
  changes, where there is one answer).
"""
import datetime as dt
import json
import os
import random
import re
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

ZONES = {"UTC": 0, "GMT": 0, "CET": 60, "CEST": 120, "EET": 120, "BST": 60, "AST": -240, "ADT": -180, "EST": -300,
         "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "JST": 540,
         "AEST": 600, "NZDT": 780}


def offset_minutes(zone):
    if zone in ZONES:
        return ZONES[zone]
    m = re.fullmatch(r"(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?", zone)
    if m:
        return (1 if m.group(1) == "+" else -1) * (int(m.group(2)) * 60 + int(m.group(3) or 0))
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
    if m:
        return (1 if m.group(1) == "+" else -1) * (int(m.group(2)) * 60 + int(m.group(3)))
    raise ValueError(zone)


def expand_year(fields, position):
    """The date part with a two-digit year written out, by the documented pivot."""
    year = fields[position]
    if len(year) == 2:
        y = int(year)
        fields[position] = str(2000 + y if y <= 29 else 1900 + y)
    return fields


def parse(text, order):
    date_part, _, rest = text.partition(" ")
    sep = re.search(r"[/.-]", date_part).group(0)
    fields = date_part.split(sep)
    if order == "ymd":
        fmt_date = f"%Y{sep}%m{sep}%d"
    else:
        fields = expand_year(fields, 2)
        fmt_date = f"%m{sep}%d{sep}%Y" if order == "mdy" else f"%d{sep}%m{sep}%Y"
    date_part = sep.join(fields)
    rest = rest.strip()
    zone = None
    tokens = rest.split()
    if len(tokens) >= 2 and tokens[-1] not in ("AM", "PM"):
        rest, zone = " ".join(tokens[:-1]), tokens[-1]
    fmt_time = ""
    if rest:
        seconds = rest.count(":") == 2
        twelve = rest.endswith("AM") or rest.endswith("PM")
        fmt_time = (" %I:%M" if twelve else " %H:%M") + (":%S" if seconds else "") + (" %p" if twelve else "")
        rest = " " + rest
    naive = dt.datetime.strptime(date_part + rest, fmt_date + fmt_time)
    if zone is None:
        return {"ms": round((naive - dt.datetime(1970, 1, 1)).total_seconds() * 1000), "zoned": False}
    aware = naive.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes(zone))))
    return {"ms": round((aware - EPOCH).total_seconds() * 1000), "zoned": True}


NAMES = {"mdy": "month-day-year", "dmy": "day-month-year", "ymd": "year-month-day"}


def layouts():
    good = [
        ("mdy", "6/22/2022"), ("mdy", "6/22/2022 11:07:29"), ("mdy", "06/22/2022 11:07:29 AM"), ("mdy", "06/22/2022 11:07:29 PM"),
        ("mdy", "12/31/2025 12:00:00 AM"), ("mdy", "12/31/2025 12:30 PM"), ("mdy", "1/14/26 19:06:23"), ("mdy", "7/27/99 08:00"),
        ("mdy", "3/1/29"), ("mdy", "3/1/30"), ("mdy", "9/11/2022 17:54"), ("mdy", "2/29/2024"), ("mdy", "01/05/2026 09:15:00 AM EST"),
        ("mdy", "01-14-2026"),
        ("dmy", "22/06/2022"), ("dmy", "22/06/2022 11:07:29"), ("dmy", "14.01.2026 12:07"), ("dmy", "13-03-2015"),
        ("dmy", "31.12.2025 23:59:59"), ("dmy", "14.01.26"), ("dmy", "05/01/2026 14:03 CET"), ("dmy", "29.02.2024 00:00"),
        ("ymd", "2022/06/22 11:07:29 AM GMT+1"), ("ymd", "2022/06/22 11:07:29 PM AST"), ("ymd", "2022/06/22 11:07:29 AM UTC"),
        ("ymd", "2022/06/22 11:07:29 AM EST"), ("ymd", "2026/01/14 23:07:29 CET"), ("ymd", "2026/01/14"), ("ymd", "2026.01.14 08:00"),
        ("ymd", "2022/06/22 12:00:00 AM GMT-03:30"), ("ymd", "2022/06/22 06:00:00 PM JST"), ("ymd", "2022/06/22 06:00:00 PM +05:30"),
    ]
    cases = [{"format": NAMES[o], "text": t, **parse(t, o)} for o, t in good]
    bad = [
        ("mdy", "13/13/2026"), ("mdy", "2/30/2026"), ("mdy", "06/22/2022 13:07:29 PM"), ("mdy", "06/22/2022 00:07 AM"),
        ("mdy", "1/14/2026 11:07:29 XYZ"), ("mdy", "14.01.2026"), ("mdy", "2026/01/14"), ("mdy", "22/06/2022"),
        ("dmy", "6/22/2022"), ("dmy", "31.04.2026"), ("dmy", "14.01.2026 24:00"), ("dmy", "2026-01-14"),
        ("ymd", "2026/13/01"), ("ymd", "2022/06/22 11:61:29 AM"),
    ]
    # not dates at all: strptime refuses them too (checked here)
    for o, t in bad:
        try:
            parse(t, o)
        except ValueError:
            cases.append({"format": NAMES[o], "text": t, "ms": None, "zoned": None})
        else:
            raise AssertionError(f"{t} reads as {o} in Python")
    # not this layout by cxm's rules, though strptime would take them: dashes with the year first are ISO's,
    # the year-first layout needs four year digits, the day/month layouts two or four
    for o, t in [("ymd", "2026-01-14 10:00"), ("ymd", "26/01/14"), ("mdy", "1/14/226")]:
        cases.append({"format": NAMES[o], "text": t, "ms": None, "zoned": None})
    return cases


def zone_words():
    return [{"zone": z, "minutes": m} for z, m in sorted(ZONES.items())]


def wall_clock():
    rng = random.Random(11)
    cases = []
    for zone in ["America/Denver", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "UTC"]:
        tz = ZoneInfo(zone)
        for _ in range(40):
            naive = dt.datetime(2000, 1, 1) + dt.timedelta(seconds=rng.randrange(0, 30 * 365 * 86400))
            aware = naive.replace(tzinfo=tz)
            # keep only times with one reading: the same instant whichever side of a change (fold) is taken
            if aware.utcoffset() != naive.replace(tzinfo=tz, fold=1).utcoffset():
                continue
            back = aware.astimezone(dt.timezone.utc).astimezone(tz).replace(tzinfo=None)
            if back != naive:
                continue  # in a gap
            cases.append({"zone": zone, "wall": round((naive - dt.datetime(1970, 1, 1)).total_seconds() * 1000),
                          "ms": round((aware - EPOCH).total_seconds() * 1000)})
    return cases


if __name__ == "__main__":
    out = {"layouts": layouts(), "zoneWords": zone_words(), "wallClock": wall_clock()}
    with open(os.path.join(HERE, "regional-dates.json"), "w") as handle:
        json.dump(out, handle, indent=1)
        handle.write("\n")
    print(f"wrote {len(out['layouts'])} layouts, {len(out['zoneWords'])} zone words, {len(out['wallClock'])} wall-clock times")
