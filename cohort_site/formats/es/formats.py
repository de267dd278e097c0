"""Spanish display formats, as schools in California and Mexico write them: day before month,
24-hour time, a decimal point and comma groups (Mexican usage, not Spain's comma)."""

DATE_FORMAT = r"j \d\e F \d\e Y"  # 30 de noviembre de 2026
SHORT_DATE_FORMAT = "j b Y"  # 30 nov 2026
MONTH_DAY_FORMAT = "j b"  # 30 nov
YEAR_MONTH_FORMAT = r"F \d\e Y"  # noviembre de 2026
TIME_FORMAT = "H:i"  # 15:30
DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i"  # lunes 30 de noviembre de 2026, 15:30
SHORT_DATETIME_FORMAT = "j b Y, H:i"  # 30 nov 2026, 15:30
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
# ISO first: <input type="date"> and type="datetime-local" show and send only ISO dates, and a
# form's initial value is rendered with the first input format.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M"]
