"""`python -m bot` is the `rolebot` command."""

from bot.cli import main

main()
