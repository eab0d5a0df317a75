#!/usr/bin/env python3
"""Reads an iCalendar file with the `icalendar` package from PyPI (a real RFC 5545 parser, not
ours) and prints its calendar properties and events as JSON, for tests/e2e/timeline.spec.js.

    python3 tests/e2e/support/ics_events.py FILE.ics

Prints {"version", "prodid", "events": [{"uid", "summary", "description", "dtstart", "dtend",
"dtstart_is_date"}]}; dates are ISO text. Exits non-zero if the parser refuses the file.
"""
import datetime
import json
import sys

import icalendar


def iso(value):
    """A DTSTART/DTEND property as ISO text (None when absent)."""
    if value is None:
        return None
    return value.dt.isoformat()


def main(path):
    with open(path, 'rb') as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    events = []
    for event in calendar.walk('VEVENT'):
        start = event.get('DTSTART')
        events.append({
            'uid': str(event.get('UID')),
            'summary': str(event.get('SUMMARY')),
            'description': str(event.get('DESCRIPTION')),
            'dtstart': iso(start),
            'dtend': iso(event.get('DTEND')),
            # An all-day event's start is a date, not a date-time.
            'dtstart_is_date': start is not None
            and isinstance(start.dt, datetime.date)
            and not isinstance(start.dt, datetime.datetime),
        })
    print(json.dumps({
        'version': str(calendar.get('VERSION')),
        'prodid': str(calendar.get('PRODID')),
        'events': events,
    }))


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: ics_events.py FILE.ics')
    main(sys.argv[1])
