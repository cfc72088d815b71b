"""The window: thin Qt widgets over the drafting core (no logic the core could hold)."""
