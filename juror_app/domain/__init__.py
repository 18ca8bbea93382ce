"""Plain-Python model of the competition: dataclasses, rules and statistics. No I/O."""
