"""US English display formats. Templates name a format (`|date:"SHORT_DATE_FORMAT"`), never a
pattern, so each language shows dates its own way (cohort_site/formats/es/formats.py)."""

DATE_FORMAT = "F j, Y"  # November 30, 2026
SHORT_DATE_FORMAT = "M j, Y"  # Nov 30, 2026
MONTH_DAY_FORMAT = "M j"  # Nov 30
YEAR_MONTH_FORMAT = "F Y"  # November 2026
TIME_FORMAT = "g:i A"  # 3:30 PM
DATETIME_FORMAT = "l, F j, Y, g:i A"  # Monday, November 30, 2026, 3:30 PM
SHORT_DATETIME_FORMAT = "D M j, Y g:i A"  # Mon Nov 30, 2026 3:30 PM
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
