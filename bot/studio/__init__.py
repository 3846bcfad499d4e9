"""`rolebot studio`: a local web app for writers and owners (chat preview, flow map, figures)."""
