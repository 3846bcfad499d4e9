"""Analytics for product owners: runs, funnels, stuck signals, reports, exports, simulation.

Definitions of every figure: docs/metrics.md. Submodules are imported where used, so storage
can depend on `bot.analytics.rollup` without loading the rest.
"""
