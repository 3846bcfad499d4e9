"""Tools for scenario writers: scaffolding a new scenario and drawing a scenario's flow."""
