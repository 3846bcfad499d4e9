"""rolebot: teaches consumers their part in getting value from a service."""

__version__ = "0.1.0"
