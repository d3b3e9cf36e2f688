"""Pure logic: strokes, gallery store, badges, settings. Imports neither Qt nor torch."""
