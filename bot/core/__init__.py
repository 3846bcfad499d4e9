"""The pure heart of rolebot: scenario model, loading, validation and the engine.

Nothing here imports aiogram or sqlite; every transport and every test drives the same code.
"""
