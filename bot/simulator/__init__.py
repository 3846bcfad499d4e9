"""Synthetic learners through the conversation service (`rolebot simulate`, benchmarks)."""

from __future__ import annotations

from bot.simulator.simulation import PERSONAS, Persona, Simulation, Summary, simulate

__all__ = ["PERSONAS", "Persona", "Simulation", "Summary", "simulate"]
